import { expect, test, type APIRequestContext } from '@playwright/test';
import { snap, uniqueRegion } from './helpers';

/*
 * The daftar hadir as the secretariat files it, from the screens: the letterhead and document
 * settings in a section of their own, the chair's pangkat/golongan on the workshop, and an export
 * without a letterhead that asks first and leads to it.
 */

async function api<T = Record<string, unknown>>(request: APIRequestContext, op: string, data: unknown): Promise<T> {
  const res = await request.post(`/api/${op}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${op}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

async function seed(request: APIRequestContext) {
  const region = uniqueRegion('Kediri');
  const e = await api<{ id: string }>(request, 'engagements.create', {
    regionName: region,
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Dinas Komunikasi dan Informatika', 'Badan Perencanaan Pembangunan Daerah'],
  });
  const w = await api<{ id: string; days: { id: string }[] }>(request, 'workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    title: `Bimtek Tahap III Penyusunan Masterplan Smart City Kota ${region}`,
    days: [{ date: '2019-08-28', startTime: '09:00', endTime: '15:30' }],
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
    chairName: 'Dr. Hj. Endang Kartika Sari, M.Si.',
    chairNip: '196807171993032008',
  });
  return { region, engagementId: e.id, workshopId: w.id, dayId: w.days[0].id };
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  test(`letterhead settings and signatories, export without letterhead (${viewport.width}×${viewport.height})`, async ({
    page,
    request,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    const s = await seed(request);

    // The workshop: the chair's pangkat/golongan and a second signatory, autosaved.
    await page.goto(`/#/engagements/${s.engagementId}/workshops/${s.workshopId}`);
    await page.getByLabel('Pangkat/golongan pimpinan rapat').fill('Pembina Utama Muda (IV/c)');
    await page.getByLabel('Penanda tangan kedua daftar hadir').selectOption('notulis');
    await expect(page.getByText('Tersimpan').first()).toBeVisible();
    await snap(page, testInfo, `workshop-signatories-${viewport.width}`);
    const w = await api<{ chairRank: string; secondSigner: string }>(request, 'workshops.get', { id: s.workshopId });
    expect([w.chairRank, w.secondSigner]).toEqual(['Pembina Utama Muda (IV/c)', 'notulis']);

    // No letterhead yet: the export asks, and "Atur kop surat" opens the letterhead settings.
    await page.getByRole('button', { name: 'Unduh daftar hadir (DOCX)' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Kop surat pendampingan ini belum diisi');
    await snap(page, testInfo, `export-no-letterhead-${viewport.width}`);
    await dialog.getByRole('button', { name: 'Atur kop surat' }).click();
    const section = page.getByRole('region', { name: 'Kop surat dan dokumen' });
    await expect(section).toBeVisible();
    await expect(section.getByLabel('Baris 1')).toBeFocused();
    await expect(section.getByLabel('Baris 1')).toBeInViewport();

    // Its own section, open without unfolding anything; the daftar hadir settings beside it.
    await section.getByLabel('Baris 1').fill('PEMERINTAH KOTA KEDIRI');
    await section.getByLabel('Yang dicantumkan').selectOption('present');
    await section.getByLabel('Cetak kolom No. HP di daftar hadir').uncheck();
    await expect(section.getByText('Tersimpan')).toBeVisible();
    await snap(page, testInfo, `engagement-documents-${viewport.width}`);
    // The letterhead and the document settings save separately: wait for the store to have both.
    const stored = () =>
      api<{ letterhead: { lines: string[] }; documents: Record<string, unknown> }>(request, 'engagements.get', {
        id: s.engagementId,
      });
    await expect.poll(async () => (await stored()).letterhead.lines).toEqual(['PEMERINTAH KOTA KEDIRI']);
    await expect
      .poll(async () => (await stored()).documents)
      .toMatchObject({ listScope: 'present', phoneInList: false, phoneInAnnex: false });
  });
}

test('rekap kehadiran: people and OPD against every stage day, at 1366×768 and 1024×768', async ({
  page,
  request,
}, testInfo) => {
  const s = await seed(request);
  const tahap1 = await api<{ days: { id: string }[] }>(request, 'workshops.create', {
    engagementId: s.engagementId,
    stage: 'tahap-1',
    title: 'Bimtek Tahap I',
    days: [{ date: '2019-05-15', startTime: '09:00', endTime: null }],
  });
  const w = await api<{ days: { id: string }[] }>(request, 'workshops.get', { id: s.workshopId });
  const ids: string[] = [];
  for (const [name, agency] of [
    ['Siti Nurhayati, S.Kom.', 'Dinas Komunikasi dan Informatika'],
    ['Ir. Bambang Setiawan, M.T.', 'Badan Perencanaan Pembangunan Daerah'],
  ]) {
    ids.push(
      (await api<{ id: string }>(request, 'participants.create', { engagementId: s.engagementId, name, agency })).id,
    );
  }
  for (const dayId of [tahap1.days[0].id, w.days[0].id]) {
    await api(request, 'attendance.checkIn', { dayId, participantId: ids[0] });
  }
  await api(request, 'attendance.setStatus', { dayId: tahap1.days[0].id, participantId: ids[1], status: 'izin' });

  await page.goto(`/#/engagements/${s.engagementId}`);
  await page.getByRole('link', { name: 'Rekap kehadiran' }).click();
  await expect(page.getByRole('heading', { name: 'Rekap kehadiran', level: 1 })).toBeVisible();
  await expect(page.getByText('1 dari 2 peserta hadir di semua tahap.')).toBeVisible();
  const people = page.getByRole('region', { name: 'Per peserta' });
  await expect(people.getByRole('columnheader', { name: /Tahap I\s*15 Mei 2019/ })).toBeVisible();
  const siti = people.getByRole('row', { name: /Siti Nurhayati/ });
  await expect(siti.getByLabel('hadir di semua tahap')).toBeVisible();
  await expect(people.getByRole('row', { name: /Bambang/ })).toContainText('I');
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    await snap(page, testInfo, `rekap-${viewport.width}`);
  }
});
