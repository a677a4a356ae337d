import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { snap, uniqueRegion } from './helpers';

/*
 * The door screen on the laptops mentors bring (1366×768) and older ones (1024×768): the person
 * panel with its "✓ Hadir" fits without scrolling, the title takes at most two lines, search
 * results show the whole OPD name.
 */

async function api<T = Record<string, unknown>>(request: APIRequestContext, op: string, data: unknown): Promise<T> {
  const res = await request.post(`/api/${op}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${op}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

const LONG_OPD = 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana';

/** Today in Kediri (WIB): the door screen records today at the door. */
const todayWib = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function seed(request: APIRequestContext, date = todayWib()) {
  const region = uniqueRegion('Kediri');
  const e = await api<{ id: string }>(request, 'engagements.create', {
    regionName: region,
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: [LONG_OPD, 'Badan Perencanaan Pembangunan Daerah'],
  });
  const w = await api<{ id: string; days: { id: string }[] }>(request, 'workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    title: `Bimtek Tahap III Penyusunan Masterplan Smart City Kota ${region}`,
    days: [{ date, startTime: '09:00', endTime: '15:30' }],
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
  });
  for (const [name, agency, position] of [
    ['Prof. Dr. Ir. Sulistyaningsih Purwaningrum, M.Sc.', LONG_OPD, 'Kepala Bidang Pengendalian Penduduk'],
    ['Raden Mas Bagus Hadiningrat, S.T.', 'Badan Perencanaan Pembangunan Daerah', 'Pranata Komputer Ahli Pertama'],
  ]) {
    await api(request, 'participants.create', { engagementId: e.id, name, agency, position });
  }
  return {
    url: `/#/engagements/${e.id}/workshops/${w.id}/days/${w.days[0].id}/checkin`,
    dayId: w.days[0].id,
  };
}

async function lines(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    const lh = parseFloat(getComputedStyle(el).lineHeight);
    return Math.round(el.getBoundingClientRect().height / lh);
  });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  test(`door screen fits ${viewport.width}×${viewport.height}`, async ({ page, request }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto((await seed(request)).url);
    // Today's day: no banner about another day.
    await expect(page.getByText(/Anda mencatat kehadiran untuk/)).toHaveCount(0);
    const search = page.getByRole('combobox', { name: 'Cari peserta' });
    await expect(search).toBeFocused();
    expect(await lines(page, '.ci-header h1')).toBeLessThanOrEqual(2);

    await page.keyboard.type('sulistyaningsih');
    const option = page.getByRole('option').first();
    await expect(option).toContainText(LONG_OPD);
    // The whole OPD name is readable: nothing cut off with an ellipsis.
    const meta = option.locator('.ci-result__meta');
    expect(await meta.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await snap(page, testInfo, `door-search-${viewport.width}`);

    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: /Konfirmasi kehadiran Prof\. Dr\. Ir\. Sulistyaningsih/ });
    const hadir = panel.getByRole('button', { name: '✓ Hadir', exact: true });
    await expect(hadir).toBeVisible();
    await snap(page, testInfo, `door-panel-${viewport.width}`);
    // Without scrolling: the page has not moved, and the button and the whole panel are on screen.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const button = (await hadir.boundingBox())!;
    expect(button.y + button.height).toBeLessThanOrEqual(viewport.height);
    const box = (await panel.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  });
}

test('another day is said plainly, and input susulan takes the typed time', async ({ page, request }, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const s = await seed(request, '2019-08-28');
  await page.goto(s.url);
  const note = page.getByRole('note');
  await expect(note).toContainText(
    /Anda mencatat kehadiran untuk Rabu, 28 Agustus 2019 — hari ini \w+, \d{1,2} \w+ \d{4}\./,
  );
  await note.getByLabel('Input susulan (jam diketik)').check();
  await page.getByRole('combobox', { name: 'Cari peserta' }).fill('raden mas');
  await page.keyboard.press('Enter');
  const time = page.getByLabel('Jam datang');
  await expect(time).toBeFocused();
  // A time that is not one says so and records nothing.
  await time.fill('8.75');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ketik jam seperti 08.45 (00.00–23.59).')).toBeVisible();
  await time.fill('08.47');
  await snap(page, testInfo, 'door-late-entry');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /tercatat hadir pukul 08\.47 WIB/ })).toBeVisible();
  const res = await request.post('/api/attendance.day', { data: { dayId: s.dayId } });
  const sheet = (await res.json()).value as { entries: { checkInAt: string; hasSignature: boolean }[] };
  expect(sheet.entries.map((e) => [e.checkInAt, e.hasSignature])).toEqual([['2019-08-28T01:47:00.000Z', false]]);
});
