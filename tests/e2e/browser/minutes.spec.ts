import { expect, test, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { api, seedKediriDay, snap } from './helpers';

/**
 * The Notulen page against the real host: a workshop that was run (agenda with the note-taker's
 * notes, the run started, group work written, a decision) opens with its minutes assembled; a
 * section is rewritten (and a second window follows); photos go in (a HEIC is refused with how to
 * convert it); the minutes are finalized, downloaded, reopened with a reason and finalized again.
 */

const STEP = { presenter: '', script: '', project: '', notes: '' };

async function seed(page: Page) {
  const { e, w } = await seedKediriDay(page);
  await api(page, 'workshops.update', {
    id: w.id,
    patch: {
      chairName: 'Drs. Sutrisno, M.Si.',
      chairRank: 'Pembina Utama Muda (IV/c)',
      chairNip: '196803151994031005',
      noteTakerName: 'Siti Aminah, S.Kom.',
      noteTakerRank: 'Penata (III/c)',
      mentors: ['Dr. Budi Santoso'],
    },
  });
  const dayId = w.days[0].id as string;
  const opening = await api(page, 'agenda.addStep', {
    dayId,
    step: { ...STEP, kind: 'pembukaan', title: 'Pembukaan', plannedMinutes: 15, formId: null },
  });
  const talk = await api(page, 'agenda.addStep', {
    dayId,
    afterId: opening.id,
    step: {
      ...STEP,
      kind: 'paparan',
      title: 'Paparan: Konsep Smart City',
      plannedMinutes: 60,
      formId: null,
      notes: 'Narasumber memaparkan enam dimensi smart city.\n- Tata kelola\n- Ekonomi\n- Lingkungan',
    },
  });
  const swot = await api(page, 'agenda.addStep', {
    dayId,
    afterId: talk.id,
    step: { ...STEP, kind: 'diskusi-kelompok', title: 'Diskusi kelompok: SWOT', plannedMinutes: 60, formId: 'swot' },
  });
  await api(page, 'run.command', { dayId, command: 'start', expectedStepId: null, stepId: opening.id });
  await api(page, 'run.command', { dayId, command: 'next', expectedStepId: opening.id });
  const g = await api(page, 'groups.create', { dayId, name: 'Kelompok 1', topic: 'governance' });
  await api(page, 'outputs.setCell', {
    groupId: g.id,
    stepId: swot.id,
    path: 'strengths',
    value: ['Komitmen pimpinan'],
  });
  await api(page, 'decisions.create', {
    dayId,
    stepId: talk.id,
    text: 'Tim smart city ditetapkan dengan SK Wali Kota.',
  });
  return { engagementId: e.id as string, workshopId: w.id as string, talkId: talk.id as string, dayId };
}

async function photo(format: 'jpeg' | 'png', width: number, height: number, hue: number): Promise<Buffer> {
  const img = sharp({
    create: { width, height, channels: 3, background: { r: hue, g: 120, b: 255 - hue } },
  });
  return format === 'jpeg' ? img.jpeg().toBuffer() : img.png().toBuffer();
}

async function downloadBytes(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return fs.readFileSync(file!);
}

const isDocx = (b: Buffer) => b.subarray(0, 2).toString('latin1') === 'PK';

test.describe('minutes', () => {
  test.describe.configure({ timeout: 180_000 });

  test('edit, photos, preview, finalize, download byte-identical, reopen with a reason, version 2', async ({
    page,
    context,
  }, testInfo) => {
    const s = await seed(page);
    const url = `/#/engagements/${s.engagementId}/workshops/${s.workshopId}/notulen`;

    // --- The way in: the workshop page links to Notulen.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/#/engagements/${s.engagementId}/workshops/${s.workshopId}`);
    await page.getByRole('link', { name: 'Notulen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notulen' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/notulen$`));

    // Assembled from the record: the talk's notes, as a paragraph and a list (no markup).
    const talkSection = page.locator(`[data-section="step:${s.talkId}"]`);
    await expect(talkSection.getByRole('heading', { name: 'Paparan: Konsep Smart City' })).toBeVisible();
    const list = talkSection.getByRole('textbox', { name: /blok 2$/ });
    await expect(list).toHaveValue('Tata kelola\nEkonomi\nLingkungan');
    await expect(talkSection.getByRole('combobox', { name: 'Jenis blok 2' })).toHaveValue('ul');
    // The main actions are in view without scrolling, at both sizes.
    await expect(page.getByRole('button', { name: 'Finalkan' })).toBeInViewport();
    await expect(page.getByRole('button', { name: /Ekspor DOCX/ })).toBeInViewport();
    await snap(page, testInfo, 'minutes-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(page.getByRole('button', { name: 'Finalkan' })).toBeInViewport();
    await snap(page, testInfo, 'minutes-1024');
    // Scrolled down to the photos, the toolbar is still there.
    await page.getByRole('heading', { name: 'Foto dokumentasi' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('button', { name: 'Finalkan' })).toBeInViewport();
    await page.setViewportSize({ width: 1366, height: 768 });

    // --- A second window on the same minutes follows the edits.
    const other = await context.newPage();
    await other.goto(url);
    const otherList = other.locator(`[data-section="step:${s.talkId}"]`).getByRole('textbox', { name: /blok 2$/ });
    await expect(otherList).toHaveValue('Tata kelola\nEkonomi\nLingkungan');

    await list.fill('Tata kelola\nEkonomi\nLingkungan\nMasyarakat');
    await list.blur();
    await expect(talkSection.getByText('Tersimpan')).toBeVisible();
    await expect(talkSection.getByText('Diubah manual')).toBeVisible();
    await expect(otherList).toHaveValue('Tata kelola\nEkonomi\nLingkungan\nMasyarakat');
    await expect(other.locator(`[data-section="step:${s.talkId}"]`).getByText('Diubah manual')).toBeVisible();
    await other.close();

    // A paste of 100,000 characters into a paragraph is kept whole.
    const openingText = page.locator('[data-section="opening"]').getByRole('textbox').first();
    const long = 'Sambutan '.repeat(11_112).slice(0, 100_000);
    await openingText.fill(long);
    await openingText.blur();
    await expect(page.locator('[data-section="opening"]').getByText('Tersimpan')).toBeVisible();
    const stored = await api(page, 'minutes.get', { workshopId: s.workshopId });
    const opening = stored.sections.find((x: { key: string }) => x.key === 'opening');
    expect(opening.blocks[0].text.length).toBe(100_000);
    // Rebuilt from the notes on request (with a confirmation).
    await page.locator('[data-section="opening"]').getByRole('button', { name: 'Susun ulang dari catatan' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Susun ulang dari catatan' }).click();
    await expect(page.locator('[data-section="opening"]').getByText('Diubah manual')).toHaveCount(0);

    // Nomor.
    await page.getByRole('textbox', { name: 'Nomor notulen' }).fill('005/NOT/Kominfo/2019');
    await page.getByRole('textbox', { name: 'Nomor notulen' }).blur();

    // --- Photos: three go in (a big camera JPEG too, resized), the HEIC is refused with how to convert it.
    const jpeg = await photo('jpeg', 2400, 1600, 40);
    const png = await photo('png', 900, 1200, 200);
    // Noise compresses badly: a JPEG of about 7 MB, like a big phone camera's.
    const big = await sharp(crypto.randomBytes(2600 * 2000 * 3), { raw: { width: 2600, height: 2000, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    await page.getByTestId('photo-input').setInputFiles([
      { name: 'pembukaan.jpg', mimeType: 'image/jpeg', buffer: jpeg },
      { name: 'IMG_0042.HEIC', mimeType: 'image/heic', buffer: Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic') },
      { name: 'diskusi.png', mimeType: 'image/png', buffer: png },
      { name: 'kamera-108mp.jpg', mimeType: 'image/jpeg', buffer: big },
    ]);
    const results = page.getByRole('list', { name: 'Hasil pengiriman foto' });
    await expect(results.getByRole('listitem')).toHaveCount(4, { timeout: 30_000 });
    await expect(results.getByRole('listitem').nth(0)).toContainText('pembukaan.jpg ✓');
    await expect(results.getByRole('listitem').nth(1)).toContainText('HEIC');
    await expect(results.getByRole('listitem').nth(1)).toContainText('JPEG');
    await expect(results.getByRole('listitem').nth(2)).toContainText('diskusi.png ✓');
    // Larger than an ordinary call may be (8 MB as base64): the facilitator's page may send it.
    await expect(results.getByRole('listitem').nth(3)).toContainText('kamera-108mp.jpg ✓');
    await expect(page.getByTestId('minutes-photo')).toHaveCount(3);
    await page.getByRole('textbox', { name: 'Keterangan foto 1' }).fill('Pembukaan oleh Sekretaris Daerah');
    await page.getByRole('textbox', { name: 'Keterangan foto 1' }).blur();
    // The PNG first in the annex (moved by its button, from the keyboard).
    await page.getByRole('button', { name: 'Pindahkan foto 2 lebih awal' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('minutes-photo').first()).toContainText('diskusi.png');
    // The focus stays with the photo at its new place, on the button that can still move it.
    await expect(page.getByRole('button', { name: 'Pindahkan foto 1 lebih akhir' })).toBeFocused();

    // --- Preview: lists as lists, pages with the paper's proportions, photos in the annex.
    await page.getByRole('tab', { name: 'Pratinjau' }).click();
    // The pages shown (not the copy measured off screen).
    const body = page.getByTestId('preview-body').getByTestId('preview-page');
    await expect(body.locator('ul > li', { hasText: 'Masyarakat' })).toBeVisible();
    await expect(body.getByText('Nomor: 005/NOT/Kominfo/2019')).toBeVisible();
    await expect(body.getByText('NIP. 19680315 199403 1 005')).toBeVisible();
    await expect(page.getByText(/PRATINJAU — perkiraan tampilan cetak/)).toBeVisible();
    await expect(page.getByTestId('preview-annex').getByTestId('preview-page').locator('img')).toHaveCount(3);
    await snap(page, testInfo, 'minutes-preview-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'minutes-preview-1024');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByRole('tab', { name: 'Sunting' }).click();

    // --- The draft as DOCX.
    const draft = await downloadBytes(page, () => page.getByRole('button', { name: /Ekspor DOCX/ }).click());
    expect(isDocx(draft)).toBe(true);

    // --- Finalize: by the note-taker, version 1 with its code.
    await page.getByRole('button', { name: 'Finalkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Finalkan notulen' });
    await expect(dialog.getByRole('textbox', { name: /Difinalkan oleh/ })).toHaveValue('Siti Aminah, S.Kom.');
    await dialog.getByRole('button', { name: 'Finalkan' }).click();
    await expect(page.getByTestId('minutes-finalized')).toHaveText(/^Versi 1 · kode [0-9A-F]{4}-[0-9A-F]{4}$/, {
      timeout: 30_000,
    });
    await expect(page.getByTestId('minutes-final')).toContainText('versi 1');
    await expect(list).not.toBeEditable();
    await expect(page.getByTestId('photo-input')).toHaveCount(0);
    await snap(page, testInfo, 'minutes-final-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'minutes-final-1024');
    await page.setViewportSize({ width: 1366, height: 768 });

    const final1 = await downloadBytes(page, () => page.getByRole('button', { name: /Unduh versi final/ }).click());
    expect(isDocx(final1)).toBe(true);
    const v1 = await downloadBytes(page, () => page.getByRole('button', { name: 'Unduh versi 1' }).click());
    expect(v1.equals(final1)).toBe(true);

    // --- Reopen: a reason is required.
    await page.getByRole('button', { name: 'Buka kembali' }).click();
    const reopen = page.getByRole('dialog', { name: 'Buka kembali notulen' });
    await reopen.getByRole('button', { name: 'Buka kembali' }).click();
    await expect(reopen.getByRole('alert')).toBeVisible();
    await reopen.getByRole('textbox', { name: /Alasan membuka kembali/ }).fill('Koreksi gelar narasumber');
    await reopen.getByRole('button', { name: 'Buka kembali' }).click();
    await expect(page.getByTestId('minutes-final')).toHaveCount(0);
    await expect(list).toBeEditable();
    await list.fill('Tata kelola\nEkonomi\nLingkungan\nMasyarakat\nBranding');
    await list.blur();
    await expect(talkSection.getByText('Tersimpan')).toBeVisible();

    await page.getByRole('button', { name: 'Finalkan' }).click();
    await page.getByRole('dialog', { name: 'Finalkan notulen' }).getByRole('button', { name: 'Finalkan' }).click();
    await expect(page.getByTestId('minutes-finalized')).toHaveText(/^Versi 2 · kode /, { timeout: 30_000 });
    const rows = page.getByTestId('minutes-version');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('Koreksi gelar narasumber');
    // Version 1 still downloads exactly as it was finalized; version 2 is another file.
    const v1again = await downloadBytes(page, () => page.getByRole('button', { name: 'Unduh versi 1' }).click());
    expect(v1again.equals(final1)).toBe(true);
    const v2 = await downloadBytes(page, () => page.getByRole('button', { name: 'Unduh versi 2' }).click());
    expect(isDocx(v2)).toBe(true);
    expect(v2.equals(final1)).toBe(false);
    // Kept beside the screenshots, to render with LibreOffice and compare with the preview.
    fs.writeFileSync(testInfo.outputPath('minutes-v2.docx'), v2);
    // The download toasts cover the table's end: closed before looking at it.
    const closers = page.locator('.toasts').getByRole('button', { name: 'Tutup' });
    while ((await closers.count()) > 0) await closers.first().click();
    await page.getByRole('heading', { name: 'Versi final' }).scrollIntoViewIfNeeded();
    await snap(page, testInfo, 'minutes-versions-1366');
  });
});

test('document settings: the minutes title and page margins (1–6 cm) reach the minutes', async ({ page }, testInfo) => {
  const s = await seed(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/#/engagements/${s.engagementId}`);
  const panel = page.locator('#kop');
  await panel.getByLabel('Judul notulen').selectOption('NOTULA');
  const top = panel.getByRole('spinbutton', { name: 'Atas' });
  await top.fill('7');
  await top.blur();
  await expect(panel.getByText('Margin harus 1–6 cm.')).toBeVisible();
  await top.fill('3.5');
  await top.blur();
  await expect(panel.getByText('Margin harus 1–6 cm.')).toHaveCount(0);
  await expect
    .poll(async () => {
      const v = await api(page, 'minutes.get', { workshopId: s.workshopId });
      return [v.title, v.page.margins.top];
    })
    .toEqual(['NOTULA', 3.5]);
  await panel.getByRole('heading', { name: 'Notulen' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-1366.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await panel.getByRole('heading', { name: 'Notulen' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-1024.png') });
  // The workshop page's buttons and the run console's links, with Notulen among them, at both sizes.
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`/#/engagements/${s.engagementId}/workshops/${s.workshopId}`);
    await expect(page.getByRole('link', { name: 'Notulen' })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`workshop-${width}.png`) });
    await page.goto(`/#/engagements/${s.engagementId}/workshops/${s.workshopId}/days/${s.dayId}/run`);
    await expect(page.getByRole('link', { name: 'Notulen' })).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`console-${width}.png`) });
  }
  // The preview takes them: the title, and a top margin of 3.5 cm. (Reached from the run console.)
  await page.getByRole('link', { name: 'Notulen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notulen' })).toBeVisible();
  await page.getByRole('tab', { name: 'Pratinjau' }).click();
  await expect(page.getByTestId('preview-body').getByRole('heading', { name: 'NOTULA' })).toBeVisible();
  const padding = await page
    .getByTestId('preview-body')
    .getByTestId('preview-page')
    .first()
    .evaluate((el) => getComputedStyle(el).paddingTop);
  expect(parseFloat(padding)).toBeCloseTo(35 * 2.6, 0);
});
