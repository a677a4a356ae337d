import { expect, test, type Page } from '@playwright/test';
import { api, snap, uniqueRegion } from './helpers';

/** An engagement and, through the form, a Tahap III workshop from its template. */
async function tahap3FromTemplate(page: Page) {
  const region = uniqueRegion('Kediri');
  const e = await api(page, 'engagements.create', {
    regionName: region,
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Diskominfo', 'Bappeda'],
  });
  await page.goto(`/#/engagements/${e.id}/workshops/new`);
  await page.getByLabel('Tahap', { exact: true }).selectOption('tahap-3');
  // The stage's template follows the stage and brings its second day.
  await expect(page.getByRole('radio', { name: /^Bimtek Tahap III\b/ })).toBeChecked();
  await page.locator('input[name="days.0.date"]').fill('28/08/2019');
  await page.getByLabel('Tempat').fill('Ruang Joyoboyo, Balai Kota Kediri');
  await page.getByRole('button', { name: 'Buat Bimtek' }).click();
  await expect(page.getByRole('heading', { name: /Bimtek Tahap III/ })).toBeVisible();
  const workshopId = /workshops\/([0-9a-f-]{36})/.exec(page.url())![1];
  const w = await api(page, 'workshops.get', { id: workshopId });
  expect(w.days).toHaveLength(2);
  return { engagementId: e.id as string, workshopId, dayId: w.days[0].id as string };
}

test.describe('stage guide', () => {
  // Two pages and a real host per test: more steps than the default minute allows on a busy machine.
  test.describe.configure({ timeout: 150_000 });
  test('a Tahap III agenda from its template, reordered with the keyboard, a step deleted and brought back', async ({
    page,
  }, testInfo) => {
    const { engagementId, workshopId } = await tahap3FromTemplate(page);
    await page.getByRole('link', { name: 'Susun acara' }).click();
    await expect(page.getByRole('heading', { name: 'Susunan acara' })).toBeVisible();
    const day1 = page.getByRole('region', { name: /Hari ke-1/ });
    const titles = day1.locator('.step-row__title');
    await expect(titles.first()).toHaveValue('Registrasi peserta');
    const second = await titles.nth(1).inputValue();

    // Keyboard: focus the second step's handle, arrow up: it becomes the first, times recomputed.
    await day1
      .getByRole('button', { name: new RegExp(`Pindahkan "${second.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`) })
      .focus();
    await page.keyboard.press('ArrowUp');
    await expect(titles.first()).toHaveValue(second);
    await expect(titles.nth(1)).toHaveValue('Registrasi peserta');
    await expect(day1.locator('.step-row__time').first()).toContainText('08.00');
    // The focus stays on the moved step's handle: another press keeps moving it.
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', new RegExp(second.slice(0, 10)));

    // Minutes: zero is refused with a message, and the old value stays stored.
    const minutes = day1.locator('.step-row__minutes input').first();
    await minutes.fill('0');
    await minutes.blur();
    await expect(day1.getByText('Durasi minimal 1 menit.')).toBeVisible();
    await minutes.fill('15');
    await minutes.blur();
    await expect(day1.locator('.step-row__time').nth(1)).toContainText('08.15');

    // Delete, then undo from the toast.
    const count = await titles.count();
    await day1.getByRole('button', { name: 'Hapus' }).first().click();
    await expect(titles).toHaveCount(count - 1);
    await page.getByRole('button', { name: 'Urungkan' }).click();
    await expect(titles).toHaveCount(count);
    await expect(titles.first()).toHaveValue(second);

    // Stored as shown.
    const agenda = await api(page, 'agenda.get', { workshopId });
    expect(agenda.days[0].steps.slice(0, 2).map((s: { title: string }) => s.title)).toEqual([
      second,
      'Registrasi peserta',
    ]);
    expect(agenda.days[0].steps[0].plannedMinutes).toBe(15);

    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await snap(page, testInfo, `agenda-${w}x${h}`);
    }
    expect(engagementId).toBeTruthy();
  });

  test('run three steps, reload mid-step, +5 menit, the timer turns amber and red; the projector follows, blank and freeze', async ({
    page,
    context,
  }, testInfo) => {
    const { engagementId, workshopId, dayId } = await tahap3FromTemplate(page);
    const { days } = await api(page, 'agenda.get', { workshopId });
    const steps: { title: string; plannedMinutes: number }[] = days[0].steps;

    await page.clock.install();
    await page.goto(`/#/engagements/${engagementId}/workshops/${workshopId}/days/${dayId}/run`);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1024, height: 768 });
    await projector.goto(`/#/present/${workshopId}`);
    await expect(projector.locator('.slide--title')).toContainText('Bimtek Tahap III');

    await page.getByRole('button', { name: 'Langkah + waktu' }).click();
    // A button clicked with the mouse keeps no focus: Space still starts the step.
    await page.keyboard.press('Space');
    const title = page.getByTestId('current-title');
    await expect(page.getByTestId('countdown')).toBeVisible();
    await expect(title).toHaveText(steps[0].title);
    await expect(projector.getByTestId('projector-title')).toHaveText(steps[0].title);
    await page.keyboard.press('ArrowRight');
    await expect(title).toHaveText(steps[1].title);
    await page.keyboard.press('ArrowRight');
    await expect(title).toHaveText(steps[2].title);
    await expect(projector.getByTestId('projector-title')).toHaveText(steps[2].title);

    // The third step runs for a while (the page's clock), then the page is reloaded: the timer goes on
    // from the stored start, not from the beginning.
    await page.clock.runFor(3000);
    const before = await page.getByTestId('countdown').textContent();
    await page.reload();
    await expect(title).toHaveText(steps[2].title);
    const after = (await page.getByTestId('countdown').textContent())!;
    const secs = (s: string) => s.split(':').reduce((n, p) => n * 60 + Number(p), 0);
    expect(secs(after)).toBeLessThan(steps[2].plannedMinutes * 60);
    expect(secs(before!)).toBeLessThan(steps[2].plannedMinutes * 60);

    // +5 menit adds to the allowance.
    await page.getByRole('button', { name: '+5 menit' }).click();
    await expect(page.getByText(new RegExp(`dari ${steps[2].plannedMinutes + 5} menit`))).toBeVisible();

    // Time passes (the page's clock): amber in the last two minutes, red when over.
    const countdown = page.getByTestId('countdown');
    await expect(countdown).toHaveAttribute('data-tone', 'normal');
    await page.clock.runFor((steps[2].plannedMinutes + 5 - 1) * 60_000);
    await expect(countdown).toHaveAttribute('data-tone', 'warning');
    await page.clock.runFor(2 * 60_000);
    await expect(countdown).toHaveAttribute('data-tone', 'over');
    await expect(countdown).toHaveText(/^-/);
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      // The main button and the next button are on screen without scrolling.
      await expect(page.getByRole('button', { name: 'Jeda' })).toBeInViewport();
      await expect(page.getByRole('button', { name: /Berikutnya/ })).toBeInViewport();
      await snap(page, testInfo, `console-${w}x${h}`);
    }

    // Blank (B): the projector turns black; again: back.
    await page.keyboard.press('b');
    await expect(projector.getByTestId('projector-blank')).toBeVisible();
    await page.keyboard.press('b');
    await expect(projector.getByTestId('projector-blank')).toHaveCount(0);

    // Freeze (F): the room keeps seeing the third step while the console moves on.
    await page.keyboard.press('f');
    await expect(page.getByText(/Layar proyektor dibekukan/)).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(title).toHaveText(steps[3].title);
    await projector.waitForTimeout(300);
    await expect(projector.getByTestId('projector-title')).toHaveText(steps[2].title);
    await page.keyboard.press('f');
    await expect(projector.getByTestId('projector-title')).toHaveText(steps[3].title);

    // The agenda view marks the current step.
    await page.getByRole('button', { name: 'Agenda hari ini' }).click();
    await expect(projector.locator('.agenda-board__row[aria-current="step"]')).toContainText(steps[3].title);
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await projector.setViewportSize({ width: w, height: h });
      // The whole day fits the image: no scrolling, no line cut off.
      await expect
        .poll(() => projector.locator('.agenda-board').evaluate((el) => el.scrollHeight - el.clientHeight))
        .toBeLessThanOrEqual(1);
      await snap(projector, testInfo, `projector-agenda-${w}x${h}`);
    }
    await page.getByRole('button', { name: 'Langkah + waktu' }).click();
    await expect(projector.getByTestId('projector-countdown')).toBeVisible();
    await snap(projector, testInfo, 'projector-step-1366x768');

    // The stored log says what happened: three ended steps before the current one.
    const stored = await api(page, 'agenda.get', { workshopId });
    const ends = stored.days[0].events.filter((e: { kind: string }) => e.kind === 'end');
    expect(ends).toHaveLength(3);
  });

  test('the projector page never receives script or notes', async ({ page, context }) => {
    const { workshopId } = await tahap3FromTemplate(page);
    const { days } = await api(page, 'agenda.get', { workshopId });
    await api(page, 'agenda.updateStep', { id: days[0].steps[0].id, patch: { notes: 'CATATAN-RAHASIA' } });
    const projector = await context.newPage();
    const pending: Promise<string>[] = [];
    projector.on('response', (r) => {
      // The event stream never ends; its events carry no records for this role anyway.
      if (r.url().includes('/api/') && !r.url().includes('/api/events')) pending.push(r.text().catch(() => ''));
    });
    await projector.goto(`/#/present/${workshopId}`);
    await expect(projector.locator('.slide--title')).toBeVisible();
    await api(page, 'projector.set', { workshopId, patch: { mode: 'agenda' } });
    await expect(projector.locator('.agenda-board')).toBeVisible();
    const bodies = await Promise.all(pending);
    expect(bodies.join('\n')).toContain(days[0].steps[0].title);
    expect(bodies.join('\n')).not.toContain('CATATAN-RAHASIA');
    expect(bodies.join('\n')).not.toContain(days[0].steps[0].script.slice(0, 30));
    const refused = await projector.request.post('/api/agenda.get', {
      data: { workshopId },
      headers: { 'x-bimtek-role': 'projector' },
    });
    expect((await refused.json()).error.code).toBe('FORBIDDEN');
  });
});
