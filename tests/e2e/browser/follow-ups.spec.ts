import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { api, snap, uniqueRegion } from './helpers';

/** An engagement with a Tahap III workshop (Aug 2019) and a Tahap IV one (Jan 2020), from their templates. */
async function twoStages(page: Page) {
  const region = uniqueRegion('Kediri');
  const e = await api(page, 'engagements.create', {
    regionName: region,
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Diskominfo', 'Bappeda', 'Bagian Hukum'],
  });
  const base = {
    engagementId: e.id,
    customStageName: '',
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
    chairName: 'Abdullah Abu Bakar',
    chairPosition: 'Wali Kota Kediri',
  };
  const w3 = await api(page, 'workshops.create', {
    ...base,
    stage: 'tahap-3',
    title: 'Bimtek Tahap III Masterplan Smart City',
    days: [{ date: '2019-08-28', startTime: '08:00', endTime: '16:00' }],
    template: 'tahap-3',
  });
  const w4 = await api(page, 'workshops.create', {
    ...base,
    stage: 'tahap-4',
    title: 'Bimtek Tahap IV Quick Win',
    days: [{ date: '2020-01-15', startTime: '08:00', endTime: '16:00' }],
    template: 'tahap-4',
  });
  return { engagementId: e.id as string, w3, w4 };
}

const TITLE = 'Menyusun Perwali Smart City Kota Kediri';

test.describe('follow-ups', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a decision from the console, an item from Tahap III reviewed in Tahap IV, evidence on the board, the XLSX read back', async ({
    page,
    context,
  }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const { engagementId, w3, w4 } = await twoStages(page);
    const day3 = w3.days[0].id as string;

    // --- A decision captured in the Tahap III console with "K", linked to the running step.
    await page.goto(`/#/engagements/${engagementId}/workshops/${w3.id}/days/${day3}/run`);
    await expect(page.getByTestId('current-title')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('countdown')).toBeVisible();
    const running = (await page.getByTestId('current-title').textContent())!;
    await page.keyboard.press('k');
    const field = page.getByLabel('Keputusan baru');
    await expect(field).toBeFocused();
    await field.fill('Perwali Smart City disahkan sebelum Tahap IV.');
    await field.press('Enter');
    const decisions = page.getByRole('list', { name: 'Keputusan' });
    await expect(decisions.getByText('Perwali Smart City disahkan sebelum Tahap IV.')).toBeVisible();
    await expect(decisions.getByText(`Langkah: ${running}`)).toBeVisible();
    const [d] = await api(page, 'decisions.list', { workshopId: w3.id });
    expect(d.text).toBe('Perwali Smart City disahkan sebelum Tahap IV.');
    const agenda3 = await api(page, 'agenda.get', { workshopId: w3.id });
    expect(d.stepId).toBe(agenda3.days[0].steps.find((s: { title: string }) => s.title === running).id);
    await decisions.getByRole('button', { name: 'Jadikan tindak lanjut' }).click();
    await expect(page.getByText('Tindak lanjut dibuat dari keputusan.')).toBeVisible();
    await snap(page, testInfo, 'console-decisions-1366x768');
    // "Tampilkan keputusan": the room sees the decisions.
    await page.getByRole('button', { name: 'Tampilkan keputusan' }).click();
    const screen3 = await context.newPage();
    await screen3.setViewportSize({ width: 1024, height: 768 });
    await screen3.goto(`/#/present/${w3.id}`);
    await expect(
      screen3.getByTestId('projector-decisions').getByText('Perwali Smart City disahkan sebelum Tahap IV.'),
    ).toBeVisible();
    await snap(screen3, testInfo, 'projector-decisions-1024x768');
    await screen3.close();

    // --- An action item made in the register for Tahap III, its due date refused before the workshop.
    await page.goto(`/#/engagements/${engagementId}`);
    await page.getByRole('link', { name: 'Tindak lanjut', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Tindak lanjut', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: '+ Tindak lanjut baru' }).click();
    const create = page.getByRole('form', { name: 'Tindak lanjut baru' });
    await create.getByLabel('Tindak lanjut', { exact: true }).fill(TITLE);
    await create.getByLabel('Jenis').selectOption('payung-hukum');
    await create.getByLabel('Tahap').selectOption(w3.id);
    await create.getByRole('button', { name: 'Tambah' }).click();
    const editor = page.getByRole('complementary', { name: TITLE });
    await expect(editor).toBeVisible();
    await editor.getByLabel('Program').fill('Masterplan Smart City');
    await editor.getByLabel('Dimensi').selectOption('governance');
    await editor.getByLabel('OPD penanggung jawab').selectOption('Bagian Hukum');
    await editor.getByLabel('Penanggung jawab', { exact: true }).fill('Ir. Sri Wahyuni');
    const due = editor.getByLabel('Batas waktu');
    await due.fill('2019-08-01');
    await due.blur();
    await expect(editor.getByText('Batas waktu tidak boleh sebelum tanggal Bimtek.')).toBeVisible();
    // What was typed elsewhere stays; the valid fields were saved.
    await expect(editor.getByLabel('Program')).toHaveValue('Masterplan Smart City');
    await due.fill('2019-12-31');
    await due.blur();
    await expect(editor.getByText('Batas waktu tidak boleh sebelum tanggal Bimtek.')).toBeHidden();
    await expect
      .poll(async () =>
        (await api(page, 'actions.list', { engagementId })).find((a: { title: string }) => a.title === TITLE),
      )
      .toMatchObject({
        workshopId: w3.id,
        programme: 'Masterplan Smart City',
        dimension: 'governance',
        agency: 'Bagian Hukum',
        person: 'Ir. Sri Wahyuni',
        dueDate: '2019-12-31',
      });
    // Past its due date and open: marked overdue in the list.
    await expect(page.locator('.tl-list li', { hasText: TITLE }).getByText('Lewat batas waktu')).toBeVisible();

    // --- The Tahap IV console: the review step lists it (overdue), its status changes there.
    const day4 = w4.days[0].id as string;
    const agenda4 = await api(page, 'agenda.get', { workshopId: w4.id });
    const review = agenda4.days[0].steps.find((s: { kind: string }) => s.kind === 'review-tindak-lanjut');
    await api(page, 'run.command', { dayId: day4, command: 'start', expectedStepId: null, stepId: review.id });
    await page.goto(`/#/engagements/${engagementId}/workshops/${w4.id}/days/${day4}/run`);
    const panel = page.getByRole('region', { name: 'Review tindak lanjut tahap sebelumnya' });
    await expect(panel).toBeVisible();
    const row = panel.locator('li', { hasText: TITLE });
    await expect(row.getByText('Lewat batas waktu')).toBeVisible();
    await row.getByLabel(`Status: ${TITLE}`).selectOption('proses');
    await expect
      .poll(async () =>
        (await api(page, 'actions.list', { engagementId })).find((a: { title: string }) => a.title === TITLE),
      )
      .toMatchObject({ status: 'proses' });
    // The projector shows the same review.
    await panel.getByRole('button', { name: 'Tampilkan di proyektor' }).click();
    const projector = await context.newPage();
    await projector.setViewportSize({ width: 1024, height: 768 });
    await projector.goto(`/#/present/${w4.id}`);
    const slide = projector.getByTestId('projector-followups');
    await expect(slide.getByText(TITLE)).toBeVisible();
    await expect(slide.locator('li', { hasText: TITLE }).getByText('Lewat batas waktu')).toBeVisible();
    await snap(projector, testInfo, 'projector-followups-1024x768');
    await projector.close();
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await snap(page, testInfo, `console-review-${w}x${h}`);
    }

    // --- Evidence: a PDF attached (a text file refused with the reason), the item settled.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/#/engagements/${engagementId}/tindak-lanjut`);
    await page.locator('.tl-list li', { hasText: TITLE }).getByRole('button').click();
    const ed = page.getByRole('complementary', { name: TITLE });
    const input = ed.getByLabel('Lampirkan PDF/gambar');
    await input.setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan pdf') });
    await expect(ed.getByText('catatan.txt tidak dilampirkan: lampiran harus PDF, PNG atau JPEG.')).toBeVisible();
    // Named .pdf but not a PDF: the core reads the bytes and refuses with the same reason.
    await input.setInputFiles({ name: 'palsu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bukan pdf') });
    await expect(ed.getByText('palsu.pdf tidak dilampirkan: lampiran harus PDF, PNG atau JPEG.')).toBeVisible();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
    await input.setInputFiles({ name: 'perwali-12-2019.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(ed.getByRole('list', { name: 'Lampiran' }).getByText('perwali-12-2019.pdf')).toBeVisible();
    // The attachment downloads as it was attached.
    const [got] = await Promise.all([
      page.waitForEvent('download'),
      ed.getByRole('list', { name: 'Lampiran' }).getByRole('button', { name: '⤓ Unduh' }).click(),
    ]);
    expect(got.suggestedFilename()).toBe('perwali-12-2019.pdf');
    const saved = testInfo.outputPath('perwali.pdf');
    await got.saveAs(saved);
    expect((await import('node:fs')).readFileSync(saved)).toEqual(pdf);
    await ed.getByLabel('Nomor dokumen').fill('Perwali Nomor 12 Tahun 2019');
    await ed.getByLabel('Tanggal dokumen').fill('2019-09-23');
    await ed.getByLabel('Tanggal dokumen').blur();
    await ed.locator('select[name="status"]').selectOption('selesai');
    await ed.getByLabel('Keterangan perubahan status').fill('disahkan Wali Kota');
    await ed.getByRole('button', { name: 'Ubah status' }).click();
    await expect(ed.getByRole('list').filter({ hasText: 'disahkan Wali Kota' })).toBeVisible();
    await expect
      .poll(async () =>
        (await api(page, 'actions.list', { engagementId })).find((a: { title: string }) => a.title === TITLE),
      )
      .toMatchObject({ status: 'selesai', evidenceNumber: 'Perwali Nomor 12 Tahun 2019', evidenceDate: '2019-09-23' });
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await snap(page, testInfo, `register-${w}x${h}`);
    }

    // --- The legal-evidence board: ✓ with the number, the attachment listed, empty cells say so.
    await page.getByRole('tab', { name: 'Papan bukti hukum' }).click();
    const board = page.locator('.tl-board__dim', { hasText: 'Smart Governance' });
    const programme = board.getByRole('row', { name: /Masterplan Smart City/ });
    await expect(programme.getByText('Perwali Nomor 12 Tahun 2019')).toBeVisible();
    await expect(programme.getByRole('img', { name: 'selesai dengan bukti' })).toBeVisible();
    await expect(programme.getByText('perwali-12-2019.pdf')).toBeVisible();
    await expect(programme.getByText('belum ada')).toHaveCount(2);
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await snap(page, testInfo, `board-${w}x${h}`);
    }

    // --- Delete the decision's item, then Urungkan: it is back.
    await page.getByRole('tab', { name: 'Daftar' }).click();
    const decided = 'Perwali Smart City disahkan sebelum Tahap IV.';
    await page.locator('.tl-list li', { hasText: decided }).getByRole('button').click();
    await page
      .getByRole('complementary', { name: decided })
      .getByRole('button', { name: 'Hapus tindak lanjut' })
      .click();
    await expect(page.locator('.tl-list li', { hasText: decided })).toHaveCount(0);
    await page.getByRole('button', { name: 'Urungkan' }).click();
    await expect(page.locator('.tl-list li', { hasText: decided })).toHaveCount(1);

    // --- The XLSX export, downloaded and read back.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '⤓ Unduh XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Tindak Lanjut Kota Kediri .*2019\.xlsx$/);
    const file = testInfo.outputPath('tindak-lanjut.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Tindak Lanjut')!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    expect((rows[0] as unknown[]).slice(1, 4)).toEqual(['No', 'Tindak lanjut', 'Jenis']);
    const mine = rows.find((r) => r && r[2] === TITLE)!;
    expect(mine.slice(3, 13)).toEqual([
      'Payung hukum',
      'Masterplan Smart City',
      'Smart Governance',
      'Bagian Hukum',
      'Ir. Sri Wahyuni',
      '31/12/2019',
      'Selesai',
      'Perwali Nomor 12 Tahun 2019, 23/09/2019',
      'Tahap III – Bimtek Tahap III Masterplan Smart City',
      expect.stringMatching(/Belum; .* Proses; .* Selesai \(disahkan Wali Kota\)$/),
    ]);
    // The decision's item is there too, with its origin.
    expect(
      rows.some((r) => r && String(r[11]).includes('Keputusan: Perwali Smart City disahkan sebelum Tahap IV.')),
    ).toBe(true);
  });
});
