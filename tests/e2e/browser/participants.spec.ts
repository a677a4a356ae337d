import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import {
  kediriAttendanceCsv,
  largeAttendanceCsv,
  nipFor,
  UNKNOWN_AGENCY_HEADING,
} from '../../fixtures/participant-files';
import { emblemPng } from '../../fixtures/png';
import { snap, uniqueRegion } from './helpers';

const ABU_BAKAR = 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.';

async function createEngagement(request: APIRequestContext, base: string) {
  const region = uniqueRegion(base);
  const res = await request.post('/api/engagements.create', {
    data: {
      regionName: region,
      regionKind: 'kota',
      province: 'Jawa Timur',
      year: 2019,
      timeZone: 'WIB',
      agencies: ['Dinas Komunikasi dan Informatika', 'Bappeda', 'Barenlitbang', 'Dinas Kesehatan'],
    },
  });
  const body = await res.json();
  expect(body.ok).toBe(true);
  return { id: body.value.id as string, region };
}

async function listPeople(request: APIRequestContext, engagementId: string) {
  const body = await (await request.post('/api/participants.list', { data: { engagementId } })).json();
  expect(body.ok).toBe(true);
  return body.value as { id: string; name: string; nip: string; agency: string; phone: string; email: string }[];
}

/** Open the register page and the import wizard, and choose a file. */
async function startImport(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.getByRole('button', { name: 'Impor dari berkas' }).first().click();
  await expect(page.getByRole('heading', { name: 'Impor peserta dari berkas' })).toBeVisible();
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

test.describe('participant register', () => {
  test('import a CSV with a title row and an undetected column, then search, mask, export', async ({
    page,
  }, testInfo) => {
    const { id, region } = await createEngagement(page.request, 'Kediri');
    await page.goto(`/#/engagements/${id}/participants`);
    await expect(page.getByRole('heading', { name: 'Daftar peserta' })).toBeVisible();
    await expect(page.getByText(`Kota ${region}`).first()).toBeVisible();
    await expect(page.getByText('Belum ada peserta di daftar ini.')).toBeVisible();
    await snap(page, testInfo, 'register-empty');

    await startImport(page, 'daftar-hadir-tahap-3.csv', kediriAttendanceCsv());

    // The header is found under the two title lines and the blank line.
    await expect(page.getByTestId('header-row')).toHaveText(/Terdeteksi di baris 4\./);
    await expect(page.getByLabel('Baris judul kolom')).toHaveValue('4');
    // Detected columns are pre-set; "Tempat Tugas" is not recognised, so the agency is not imported yet.
    await expect(page.locator('select[name="mapping.name"]')).toHaveValue('1');
    await expect(page.locator('select[name="mapping.nip"]')).toHaveValue('2');
    await expect(page.locator('select[name="mapping.phone"]')).toHaveValue('5');
    const agencySelect = page.getByLabel('Instansi/OPD');
    await expect(agencySelect).toHaveValue('');

    const preview = page.getByRole('table', { name: 'Periksa lalu impor' });
    const siti = preview.getByRole('row', { name: /Siti Nurhayati/ });
    await expect(siti).toBeVisible();
    await expect(siti).not.toContainText('Dinas Komunikasi dan Informatika');

    // Correct the one column by hand; the preview follows.
    await agencySelect.selectOption({ label: `Kolom E · ${UNKNOWN_AGENCY_HEADING}` });
    await expect(siti).toContainText('Dinas Komunikasi dan Informatika');
    await expect(preview.getByRole('row', { name: /Abdullah Abu Bakar/ })).toContainText('Pemerintah Kota Kediri');
    // The one agency that is not on the OPD list gets a choice: here, a new OPD of the list.
    const agencies = page.getByRole('table', { name: 'Cocokkan OPD' });
    await expect(agencies.getByRole('row')).toHaveCount(2); // header + Pemerintah Kota Kediri
    await expect(agencies.getByLabel('Dijadikan apa: Pemerintah Kota Kediri')).toHaveValue('keep');
    await agencies.getByLabel('Dijadikan apa: Pemerintah Kota Kediri').selectOption('new');

    // Counts, badges and the reason of the invalid row, as a sentence naming the wrong part.
    const counts = page.getByTestId('import-counts');
    await expect(counts).toContainText('4 baris data');
    await expect(counts).toContainText('3 baru');
    await expect(counts).toContainText('0 duplikat');
    await expect(counts).toContainText('1 tidak valid');
    const budi = preview.getByRole('row', { name: /Budi Santoso/ });
    await expect(budi).toContainText('Tidak valid');
    await expect(budi).toContainText('Tanggal lahir pada NIP (digit 1–8, TTTTBBHH) tidak valid.');
    await expect(budi.getByRole('cell').first()).toHaveText('7');
    await expect(siti).toContainText('Baru');
    await snap(page, testInfo, 'import-preview');

    // Only the problems.
    await page.getByRole('button', { name: 'Hanya yang bermasalah' }).click();
    await expect(preview.getByRole('row')).toHaveCount(2); // header + Budi
    await page.getByRole('button', { name: 'Semua' }).click();

    // Nothing was written by the preview.
    expect(await listPeople(page.request, id)).toHaveLength(0);

    await page.getByRole('button', { name: 'Impor 3 peserta baru' }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 peserta diimpor' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Impor peserta dari berkas' })).toBeHidden();

    const register = page.getByRole('table', { name: 'Daftar peserta' });
    await expect(register.getByRole('row')).toHaveCount(4);
    await expect(page.getByTestId('register-summary')).toContainText('3 orang terdaftar · 3 instansi · 2 dengan NIP');
    const engagement = await (await page.request.post('/api/engagements.get', { data: { id } })).json();
    expect(engagement.value.agencies).toContain('Pemerintah Kota Kediri');
    const stored = await listPeople(page.request, id);
    expect(stored.map((p) => p.name).sort()).toEqual([
      ABU_BAKAR,
      'Ir. Bambang Setiawan, M.T.',
      'Siti Nurhayati, S.Kom.',
    ]);
    expect(stored.find((p) => p.name === ABU_BAKAR)?.agency).toBe('Pemerintah Kota Kediri');

    // NIP printed the official way; phone numbers masked in the list, the full number nowhere.
    const sitiRow = register.getByRole('row', { name: /Siti Nurhayati/ });
    await expect(sitiRow).toContainText('19850315 201001 2 002');
    await expect(sitiRow).toContainText('0856••••2345');
    const abuRow = register.getByRole('row', { name: /Abdullah Abu Bakar/ });
    await expect(abuRow).toContainText('0812••••7890');
    await expect(page.locator('main')).not.toContainText('081234567890');
    await snap(page, testInfo, 'register');

    // Search ignores case, titles, degrees and word order.
    const search = page.getByRole('searchbox', { name: 'Cari peserta' });
    await search.fill('abu bakar');
    await expect(register.getByRole('row')).toHaveCount(2);
    await expect(register.getByRole('row', { name: /Abdullah Abu Bakar/ })).toBeVisible();
    await search.fill('BAKAR abdullah');
    await expect(register.getByRole('row')).toHaveCount(2);
    await search.fill('19850315');
    await expect(register.getByRole('row')).toHaveCount(2);
    await expect(register.getByRole('row', { name: /Siti Nurhayati/ })).toBeVisible();
    await search.fill('komunikasi');
    await expect(register.getByRole('row', { name: /Siti Nurhayati/ })).toBeVisible();
    await search.fill('tidak ada orang ini');
    await expect(page.getByText('Tidak ada peserta yang cocok dengan “tidak ada orang ini”.')).toBeVisible();
    await search.fill('');
    await expect(register.getByRole('row')).toHaveCount(4);

    // The full number is only in the edit form.
    await page.getByRole('button', { name: `Ubah ${ABU_BAKAR}` }).click();
    const edit = page.getByRole('dialog', { name: 'Ubah data peserta' });
    await expect(edit.getByLabel('No. HP')).toHaveValue('081234567890');
    await edit.getByRole('button', { name: 'Batal' }).click();
    await expect(edit).toBeHidden();

    // Export CSV: a download that holds the register.
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor CSV' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^Daftar Peserta Kota .+\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(ABU_BAKAR);
    expect(csv).toContain('Siti Nurhayati, S.Kom.');
    expect(csv).toContain('Ir. Bambang Setiawan, M.T.');
    expect(csv).toContain('Pemerintah Kota Kediri');

    const xlsxPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ekspor XLSX' }).click();
    const xlsx = await xlsxPromise;
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      fs
        .readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  test('add a person by hand: NIP messages name the wrong part, a taken NIP is refused, drafts survive', async ({
    page,
  }, testInfo) => {
    const { id } = await createEngagement(page.request, 'Blitar');
    const taken = nipFor(100);
    await page.request.post('/api/participants.create', {
      data: { engagementId: id, name: 'Siti Nurhayati, S.Kom.', nip: taken, agency: 'Bappeda' },
    });
    await page.goto(`/#/engagements/${id}/participants`);
    await page.getByRole('button', { name: 'Tambah peserta' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah peserta' });
    await dialog.getByLabel('Nama lengkap dengan gelar').fill('Rina Kartika, S.E.');
    await dialog.getByLabel('NIP').fill('19900101 201013 2 001');
    await dialog.getByLabel('Jabatan').fill('Analis Kebijakan');
    // Messages appear on leaving the field, beside it, in Indonesian, naming the wrong digits.
    await expect(dialog.getByText('TMT CPNS pada NIP (digit 9–14, TTTTBB) tidak valid.')).toBeVisible();
    await dialog.getByLabel('No. HP').fill('0813 5555 1234');
    await dialog.getByLabel('E-mail').fill('rina@');
    await dialog.getByRole('button', { name: 'Tambahkan' }).click();
    await expect(dialog.getByText('TMT CPNS pada NIP (digit 9–14, TTTTBB) tidak valid.')).toBeVisible();
    await expect(dialog.getByText('Alamat e-mail tidak valid.')).toBeVisible();
    await snap(page, testInfo, 'add-invalid');

    // The agency list comes from the engagement's OPD list.
    await expect(dialog.locator('datalist option[value="Dinas Kesehatan"]')).toHaveCount(1);

    // What was typed survives a closed window.
    await page.reload();
    await expect(page.getByText('Ada isian peserta baru yang belum disimpan.')).toBeVisible();
    await page.getByRole('button', { name: 'Lanjutkan mengisi' }).click();
    const again = page.getByRole('dialog', { name: 'Tambah peserta' });
    await expect(again.getByLabel('Nama lengkap dengan gelar')).toHaveValue('Rina Kartika, S.E.');
    await expect(again.getByLabel('NIP')).toHaveValue('19900101 201013 2 001');
    await expect(again.getByText('Isian yang belum disimpan dipulihkan.')).toBeVisible();

    // A NIP someone else already has: refused by the store, shown on the NIP field.
    await again.getByLabel('NIP').fill(taken);
    await again.getByLabel('E-mail').fill('rina.kartika@kedirikota.go.id');
    await again.getByLabel('Instansi/OPD').fill('Dinas Kesehatan');
    await again.getByRole('button', { name: 'Tambahkan' }).click();
    const nipField = again.locator('.field').filter({ has: page.getByLabel('NIP') });
    await expect(nipField).toContainText('NIP ini sudah terdaftar untuk peserta lain.');

    await again.getByLabel('NIP').fill('199001012015032001');
    await again.getByLabel('NIP').blur();
    // A valid NIP is printed the official way and says whose it is.
    await expect(again.getByLabel('NIP')).toHaveValue('19900101 201503 2 001');
    await expect(again.getByText(/Lahir 1 Januari 1990/)).toBeVisible();
    await expect(again.getByLabel('Jenis kelamin')).toHaveValue('P');
    await again.getByRole('button', { name: 'Tambahkan' }).click();
    await expect(again).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Rina Kartika, S.E. ditambahkan.' })).toBeVisible();
    const row = page.getByRole('table', { name: 'Daftar peserta' }).getByRole('row', { name: /Rina Kartika/ });
    await expect(row).toContainText('19900101 201503 2 001');
    await expect(row).toContainText('0813••••1234');
    await expect(page.getByText('Ada isian peserta baru yang belum disimpan.')).toBeHidden();

    const stored = (await listPeople(page.request, id)).find((p) => p.name === 'Rina Kartika, S.E.');
    expect(stored).toMatchObject({ nip: '199001012015032001', agency: 'Dinas Kesehatan', phone: '0813 5555 1234' });
  });

  test('edit, delete with undo, and merge two records of one person', async ({ page }, testInfo) => {
    const { id } = await createEngagement(page.request, 'Madiun');
    const create = async (data: Record<string, string>) =>
      (await (await page.request.post('/api/participants.create', { data: { engagementId: id, ...data } })).json())
        .value;
    const full = await create({
      name: ABU_BAKAR,
      position: 'Wali Kota',
      agency: 'Pemerintah Kota Kediri',
      phone: '081234567890',
    });
    const short = await create({
      name: 'Abdullah Abu Bakar',
      nip: nipFor(2000),
      agency: 'Sekretariat Daerah',
      email: 'abu.bakar@kedirikota.go.id',
    });
    await create({ name: 'Ir. Bambang Setiawan, M.T.', agency: 'Barenlitbang' });
    await page.goto(`/#/engagements/${id}/participants`);
    const register = page.getByRole('table', { name: 'Daftar peserta' });
    await expect(register.getByRole('row')).toHaveCount(4);

    // Edit.
    await page.getByRole('button', { name: 'Ubah Ir. Bambang Setiawan, M.T.' }).click();
    const edit = page.getByRole('dialog', { name: 'Ubah data peserta' });
    await edit.getByLabel('Jabatan').fill('Kepala Bidang Perencanaan');
    await edit.getByLabel('Peran').selectOption('narasumber');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await expect(edit).toBeHidden();
    const bambang = register.getByRole('row', { name: /Bambang Setiawan/ });
    await expect(bambang).toContainText('Kepala Bidang Perencanaan');
    await expect(bambang).toContainText('Narasumber');

    // Delete and undo.
    await page.getByRole('button', { name: 'Hapus Ir. Bambang Setiawan, M.T.' }).click();
    await expect(bambang).toBeHidden();
    await page
      .getByRole('status')
      .filter({ hasText: 'Ir. Bambang Setiawan, M.T. dihapus dari daftar.' })
      .getByRole('button', { name: 'Urungkan' })
      .click();
    await expect(bambang).toBeVisible();

    // Merge: choose exactly two rows.
    await page.getByRole('searchbox', { name: 'Cari peserta' }).fill('abu bakar');
    await expect(register.getByRole('row')).toHaveCount(3);
    await page.getByRole('checkbox', { name: `Pilih ${ABU_BAKAR}` }).check();
    await expect(page.getByText('Pilih tepat dua data untuk digabungkan.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Gabungkan' })).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Pilih Abdullah Abu Bakar' }).check();
    await page.getByRole('button', { name: 'Gabungkan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gabungkan dua data' });
    await expect(dialog).toContainText(ABU_BAKAR);
    await expect(dialog).toContainText('Abdullah Abu Bakar');
    await expect(dialog).toContainText('0812••••7890');
    await expect(dialog).not.toContainText('081234567890');
    // Keep the record with the full name and titles (the first one chosen).
    await dialog.getByRole('radio').first().check();
    await expect(dialog.getByText('diisi dari data lain').first()).toBeVisible();
    await snap(page, testInfo, 'merge-dialog');
    await dialog.getByRole('button', { name: 'Gabungkan' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Dua data digabung menjadi ${ABU_BAKAR}.` })).toBeVisible();
    await expect(register.getByRole('row')).toHaveCount(2);

    const people = await listPeople(page.request, id);
    expect(people).toHaveLength(2);
    const survivor = people.find((p) => p.id === full.id)!;
    expect(people.some((p) => p.id === short.id)).toBe(false);
    // Empty fields of the survivor were filled from the other record.
    expect(survivor).toMatchObject({
      name: ABU_BAKAR,
      nip: nipFor(2000),
      email: 'abu.bakar@kedirikota.go.id',
      agency: 'Pemerintah Kota Kediri',
    });
  });

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1024, height: 768 },
  ]) {
    test(`agencies not on the OPD list: mapped to an OPD with its short name saved, or added (${viewport.width}×768)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(viewport);
      const { id } = await createEngagement(page.request, 'Madiun');
      await page.goto(`/#/engagements/${id}/participants`);
      const csv = [
        'Nama;Instansi',
        'Ani Rahmawati;Kominfo',
        'Budi Hartono;Kominfo',
        'Citra Lestari;Dinas Pariwisata',
        'Dedi Kurniawan;Dinas Kesehatan',
      ].join('\r\n');
      await startImport(page, 'peserta.csv', Buffer.from(`\ufeff${csv}\r\n`, 'utf8'));
      const agencies = page.getByRole('table', { name: 'Cocokkan OPD' });
      await expect(agencies.getByRole('rowheader')).toHaveText([/^Kominfo · 2 baris$/, /^Dinas Pariwisata · 1 baris$/]);
      const preview = page.getByRole('table', { name: 'Periksa lalu impor' });
      await expect(preview.getByRole('row', { name: /Ani Rahmawati/ })).toContainText('Kominfo');

      // Kominfo is Dinas Komunikasi dan Informatika: chosen with the keyboard, short name kept.
      const kominfo = agencies.getByLabel('Dijadikan apa: Kominfo');
      await kominfo.focus();
      await kominfo.selectOption('opd:Dinas Komunikasi dan Informatika');
      const saveAlias = agencies.getByLabel('Simpan sebagai nama singkatan OPD ini');
      await expect(saveAlias).toBeChecked();
      await expect(preview.getByRole('row', { name: /Ani Rahmawati/ })).toContainText(
        'Dinas Komunikasi dan Informatika',
      );
      await expect(preview.getByRole('row', { name: /Budi Hartono/ })).toContainText(
        'Dinas Komunikasi dan Informatika',
      );
      await agencies.getByLabel('Dijadikan apa: Dinas Pariwisata').selectOption('new');
      await agencies.scrollIntoViewIfNeeded();
      await snap(page, testInfo, `import-agencies-${viewport.width}`);

      await page.getByRole('button', { name: 'Impor 4 peserta baru' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'Daftar OPD diperbarui: 1 OPD baru, 1 nama singkatan.' }),
      ).toBeVisible();
      const engagement = await (await page.request.post('/api/engagements.get', { data: { id } })).json();
      expect(engagement.value.agencies).toEqual([
        'Dinas Komunikasi dan Informatika = Kominfo',
        'Bappeda',
        'Barenlitbang',
        'Dinas Kesehatan',
        'Dinas Pariwisata',
      ]);
      const people = await listPeople(page.request, id);
      expect(Object.fromEntries(people.map((p) => [p.name, p.agency]))).toEqual({
        'Ani Rahmawati': 'Dinas Komunikasi dan Informatika',
        'Budi Hartono': 'Dinas Komunikasi dan Informatika',
        'Citra Lestari': 'Dinas Pariwisata',
        'Dedi Kurniawan': 'Dinas Kesehatan',
      });
    });
  }

  test('a file that is not a table says so in the wizard', async ({ page }) => {
    const { id } = await createEngagement(page.request, 'Kediri PNG');
    await page.goto(`/#/engagements/${id}/participants`);
    await startImport(page, 'peserta.csv', Buffer.from(emblemPng()), 'text/csv');
    await expect(page.getByRole('alert')).toHaveText(
      'Berkas bukan tabel (misalnya gambar atau PDF). Pilih berkas .xlsx atau .csv.',
    );
    await expect(page.getByRole('button', { name: /^Impor \d+ peserta baru$/ })).toHaveCount(0);

    // A text file without column names: no header found.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'catatan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Rapat koordinasi\nhari Rabu\n', 'utf8'),
    });
    await expect(page.getByRole('alert')).toContainText('Baris judul kolom tidak ditemukan.');
    expect(await listPeople(page.request, id)).toHaveLength(0);
  });

  test('a 5,000-row file previews with exact counts and imports; the register stays quick', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const { id } = await createEngagement(page.request, 'Surabaya');
    await page.goto(`/#/engagements/${id}/participants`);
    await startImport(page, 'peserta-besar.csv', largeAttendanceCsv(5000));
    const counts = page.getByTestId('import-counts');
    await expect(counts).toContainText('5.000 baris data', { timeout: 30_000 });
    await expect(counts).toContainText('4.990 baru');
    await expect(counts).toContainText('10 tidak valid');
    const preview = page.getByRole('table', { name: 'Periksa lalu impor' });
    // Rendered lazily: a few hundred rows, the rest announced.
    await expect(preview.locator('tbody tr')).toHaveCount(300);
    await expect(page.getByText('… dan 4.700 baris lagi')).toBeVisible();
    await page.getByRole('button', { name: 'Tidak valid' }).click();
    await expect(preview.locator('tbody tr')).toHaveCount(10);
    await snap(page, testInfo, 'import-large');

    await page.getByRole('button', { name: 'Impor 4.990 peserta baru' }).click();
    await expect(page.getByRole('status').filter({ hasText: '4.990 peserta diimpor' })).toBeVisible({
      timeout: 30_000,
    });
    const register = page.getByRole('table', { name: 'Daftar peserta' });
    await expect(register.locator('tbody tr')).toHaveCount(200);
    await expect(page.getByTestId('register-showing')).toContainText('Menampilkan 200 dari 4.990 orang.');
    await snap(page, testInfo, 'register-large');
    // The foot of the list (the full-page shot is too tall to read): the "showing" note and "show more".
    await page.getByTestId('register-showing').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('register-large-foot.png') });
    await page.getByRole('button', { name: 'Tampilkan 200 lagi' }).click();
    await expect(register.locator('tbody tr')).toHaveCount(400);

    const search = page.getByRole('searchbox', { name: 'Cari peserta' });
    await search.pressSequentially('peserta nomor 4321', { delay: 20 });
    await expect(register.getByRole('row', { name: /Peserta Nomor 4321\b/ })).toBeVisible();
    await expect(register.locator('tbody tr').first()).toContainText('Peserta Nomor 4321');
  });

  test('English UI: the register and the wizard speak English', async ({ page }, testInfo) => {
    const { id } = await createEngagement(page.request, 'Kediri EN');
    await page.goto(`/#/engagements/${id}/participants`);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    try {
      await expect(page.getByRole('heading', { name: 'Participant register' })).toBeVisible();
      await startImportEn(page);
      await expect(page.getByText('Detected in row 4.', { exact: false })).toBeVisible();
      const budi = page.getByRole('table', { name: 'Check, then import' }).getByRole('row', { name: /Budi Santoso/ });
      await expect(budi).toContainText('The birth date in the NIP (digits 1–8, YYYYMMDD) is not valid.');
      await snap(page, testInfo, 'import-preview-en');
    } finally {
      await page.getByRole('button', { name: 'ID', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Daftar peserta' })).toBeVisible();
    }
  });
});

async function startImportEn(page: Page) {
  await page.getByRole('button', { name: 'Import from file' }).first().click();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: kediriAttendanceCsv() });
}
