import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import mammoth from 'mammoth';
import { api, seedKediriDay, snap } from './helpers';

const STEP = { presenter: '', script: 'Catat butir penting.', project: '', notes: '' };

/**
 * One workshop day: a SWOT group-work step, then the pleno; three groups (in presentation order)
 * with their SWOT written through the API, group 1's strengths long enough for two pages.
 */
async function seed(page: Page) {
  const { e, w } = await seedKediriDay(page);
  const dayId = w.days[0].id as string;
  const swot = await api(page, 'agenda.addStep', {
    dayId,
    step: {
      ...STEP,
      kind: 'diskusi-kelompok',
      title: 'Diskusi kelompok: analisis SWOT',
      plannedMinutes: 60,
      formId: 'swot',
    },
  });
  await api(page, 'agenda.addStep', {
    dayId,
    afterId: swot.id,
    step: { ...STEP, kind: 'pleno', title: 'Pleno: presentasi hasil kelompok', plannedMinutes: 30, formId: null },
  });
  const groups = [];
  for (const [name, topic] of [
    ['Kelompok 1', 'governance'],
    ['Kelompok 2', 'economy'],
    ['Kelompok 3', 'environment'],
  ]) {
    const g = await api(page, 'groups.create', { dayId, name, topic });
    groups.push(g);
    const ref = { groupId: g.id, stepId: swot.id };
    await api(page, 'outputs.setCell', { ...ref, path: 'dimension', value: topic });
    const strengths =
      name === 'Kelompok 1'
        ? Array.from({ length: 22 }, (_, i) => `Kekuatan ${i + 1}: layanan daring kelurahan berjalan baik`)
        : [`Kekuatan ${name}: komitmen pimpinan daerah`];
    await api(page, 'outputs.setCell', { ...ref, path: 'strengths', value: strengths });
    await api(page, 'outputs.setCell', {
      ...ref,
      path: 'weaknesses',
      value: [`Kelemahan ${name}: data belum terpadu`],
    });
  }
  return { engagementId: e.id as string, workshopId: w.id as string, dayId, swotId: swot.id as string, groups };
}

test.describe('pleno', () => {
  test.describe.configure({ timeout: 150_000 });

  test('the console puts each group on the projector; edits follow live; next group; pairing codes', async ({
    page,
    context,
  }, testInfo) => {
    const { engagementId, workshopId, dayId, swotId, groups } = await seed(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/#/engagements/${engagementId}/workshops/${workshopId}/days/${dayId}/run`);
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1024, height: 768 });
    await projector.goto(`/#/present/${workshopId}`);
    await expect(projector.locator('.slide--title')).toContainText('Bimtek Tahap I Smart City');

    // Start the day and move to the pleno: the group panel comes under the current step.
    await page.keyboard.press('Space');
    await expect(page.getByTestId('current-title')).toHaveText('Diskusi kelompok: analisis SWOT');
    // Outside a pleno the groups wait in the side column.
    await expect(page.locator('.console__side').getByTestId('group-panel')).toBeVisible();
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'console-groupwork-1024x768');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('current-title')).toHaveText('Pleno: presentasi hasil kelompok');
    const panel = page.locator('.console__main').getByTestId('group-panel');
    await expect(panel.locator('.group-panel__item')).toHaveText([/Kelompok 1/, /Kelompok 2/, /Kelompok 3/]);
    // The output shown by default is the last step with a form before the pleno.
    await expect(panel.getByLabel('Hasil yang ditampilkan')).toHaveValue(swotId);

    await panel.getByRole('button', { name: 'Tampilkan Kelompok 1 di proyektor' }).click();
    const shown = projector.getByTestId('projector-group');
    await expect(projector.getByTestId('projector-group-name')).toContainText('Kelompok 1');
    await expect(projector.getByTestId('projector-group-name')).toContainText('Smart Governance');
    await expect(shown).toContainText('Analisis SWOT');
    await expect(shown).toContainText('Kekuatan 1: layanan daring kelurahan berjalan baik');
    await expect(projector.getByTestId('projector-group-next')).toContainText('Berikutnya: Kelompok 2');
    await expect(projector.getByTestId('projector-group-countdown')).toHaveText(/^(10:00|9:5\d)$/);
    await expect(projector.getByTestId('form-present-page')).toHaveText(/Halaman 1\/\d/);

    // Long output: the console turns the projector's pages (↓ as a clicker would).
    await page.keyboard.press('ArrowDown');
    await expect(projector.getByTestId('form-present-page')).toHaveText(/Halaman 2\/\d/);
    await expect(page.getByTestId('console-page')).toHaveText(/Halaman 2\//);
    await page.keyboard.press('ArrowUp');
    await expect(projector.getByTestId('form-present-page')).toHaveText(/Halaman 1\/\d/);

    for (const [w, h] of [
      [1024, 768],
      [1366, 768],
    ]) {
      await projector.setViewportSize({ width: w, height: h });
      await expect(projector.getByTestId('projector-group-name')).toBeVisible();
      await snap(projector, testInfo, `projector-group-${w}x${h}`);
    }

    // A group's device (here: the API) edits a cell: the projector shows the new text by itself.
    await api(page, 'outputs.setCell', {
      groupId: groups[0].id,
      stepId: swotId,
      path: 'strengths',
      value: ['Command center kota sudah beroperasi', 'Kekuatan 2: layanan daring kelurahan berjalan baik'],
    });
    await expect(shown).toContainText('Command center kota sudah beroperasi');
    await expect(shown).not.toContainText('Kekuatan 1: layanan daring');

    // Next group: Shift+→ from the console (the button does the same).
    await page.keyboard.press('Shift+ArrowRight');
    await expect(projector.getByTestId('projector-group-name')).toContainText('Kelompok 2');
    await expect(shown).toContainText('Kekuatan Kelompok 2: komitmen pimpinan daerah');
    await expect(projector.getByTestId('projector-group-next')).toContainText('Berikutnya: Kelompok 3');
    // The day's steps did not move: Shift+→ is the groups', → the day's.
    await expect(page.getByTestId('current-title')).toHaveText('Pleno: presentasi hasil kelompok');
    await panel.getByRole('button', { name: /Kelompok berikutnya/ }).click();
    await expect(projector.getByTestId('projector-group-name')).toContainText('Kelompok 3');
    await expect(projector.getByTestId('projector-group-next')).toHaveText('Ini kelompok terakhir.');
    await expect(panel.getByRole('button', { name: /Kelompok berikutnya/ })).toBeDisabled();
    await panel.getByRole('button', { name: /Sebelumnya/ }).click();
    await expect(projector.getByTestId('projector-group-name')).toContainText('Kelompok 2');

    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await expect(panel.getByRole('button', { name: /Kelompok berikutnya/ })).toBeInViewport();
      await expect(page.getByRole('button', { name: /Jeda|Lanjutkan/ })).toBeInViewport();
      await snap(page, testInfo, `console-pleno-${w}x${h}`);
    }

    // The facilitator's document of every group's output, from the same panel.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /Unduh Hasil Diskusi Kelompok \(DOCX\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Hasil Diskusi Kelompok Bimtek Tahap I Smart City.docx');
    const bytes = fs.readFileSync(await download.path());
    const { value: docText } = await mammoth.extractRawText({ buffer: bytes });
    expect(docText).toContain('HASIL DISKUSI KELOMPOK');
    expect(docText).toContain('Command center kota sudah beroperasi');
    expect(docText).toContain('Kekuatan Kelompok 3: komitmen pimpinan daerah');

    // Pairing: every group gets a code and the projector shows them all, with where to enter them.
    await panel.getByRole('button', { name: /Tampilkan kode pasangan/ }).click();
    await expect(projector.getByTestId('projector-pairing')).toBeVisible();
    const listed = await api(page, 'groups.list', { workshopId });
    const codes = listed.days[0].groups.map((g: { pairing: { code: string } | null }) => g.pairing?.code);
    expect(codes.every((c: string | undefined) => typeof c === 'string' && c.length === 6)).toBe(true);
    await expect(projector.getByTestId('pair-code')).toHaveText(codes);
    await expect(projector.getByTestId('projector-pairing')).toContainText('/#/pair');
    for (const [w, h] of [
      [1024, 768],
      [1366, 768],
    ]) {
      await projector.setViewportSize({ width: w, height: h });
      await expect(projector.getByTestId('pair-code').first()).toBeVisible();
      await snap(projector, testInfo, `projector-pairing-${w}x${h}`);
    }
  });
});
