import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import fs from 'node:fs';
import { snap, uniqueRegion } from './helpers';

/**
 * The morning at the door: people checked in by keyboard with a signature, live counts per OPD,
 * a walk-in, an excused absence, the daftar hadir as DOCX with the signatures in it, and the
 * self check-in tablet that only the facilitator's PIN closes.
 */

const DISKOMINFO = 'Dinas Komunikasi dan Informatika';
const BARENLITBANG = 'Barenlitbang';
const DINKES = 'Dinas Kesehatan';

const PEOPLE = [
  {
    name: 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.',
    nip: '19700512 199503 1 004',
    position: 'Kepala Dinas',
    agency: DISKOMINFO,
    phone: '081234567890',
    gender: 'L',
  },
  {
    name: 'Siti Nurhayati, S.Kom.',
    nip: '198503152010012002',
    position: 'Pranata Komputer Ahli Muda',
    agency: DISKOMINFO,
    phone: '085655512345',
    gender: 'P',
  },
  {
    name: 'Ir. Bambang Setiawan, M.T.',
    nip: '197803222005011003',
    position: 'Kepala Bidang Perencanaan',
    agency: BARENLITBANG,
    phone: '082143219876',
    gender: 'L',
  },
  {
    name: 'dr. Ratna Dewi Lestari',
    nip: '198109302009022001',
    position: 'Kepala Seksi Pelayanan Kesehatan',
    agency: DINKES,
    phone: '',
    gender: 'P',
  },
  {
    name: 'Agus Prasetyo, S.T.',
    nip: '',
    position: 'Analis Kebijakan',
    agency: BARENLITBANG,
    phone: '081399988877',
    gender: 'L',
  },
] as const;

async function api<T = Record<string, unknown>>(request: APIRequestContext, op: string, data: unknown): Promise<T> {
  const res = await request.post(`/api/${op}`, { data });
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${op}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

interface Seed {
  engagementId: string;
  workshopId: string;
  dayId: string;
  title: string;
  url: string;
  ids: Record<string, string>;
}

/** A fresh engagement (unique region), a Tahap III workshop with one day, and five people. */
async function seed(request: APIRequestContext): Promise<Seed> {
  const region = uniqueRegion('Kediri');
  const e = await api<{ id: string }>(request, 'engagements.create', {
    regionName: region,
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: [DISKOMINFO, BARENLITBANG, DINKES],
  });
  // A letterhead, so exports do not stop to ask for one.
  await api(request, 'engagements.update', {
    id: e.id,
    patch: { letterhead: { lines: ['PEMERINTAH KOTA KEDIRI'], address: '', contacts: '' } },
  });
  const title = `Bimtek Tahap III Penyusunan Masterplan Smart City Kota ${region}`;
  const w = await api<{ id: string; days: { id: string }[] }>(request, 'workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    title,
    days: [{ date: '2019-08-28', startTime: '09:00', endTime: '15:30' }],
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
  });
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    const created = await api<{ id: string }>(request, 'participants.create', { engagementId: e.id, ...p });
    ids[p.name] = created.id;
  }
  const dayId = w.days[0].id;
  return {
    engagementId: e.id,
    workshopId: w.id,
    dayId,
    title,
    url: `/#/engagements/${e.id}/workshops/${w.id}/days/${dayId}/checkin`,
    ids,
  };
}

let signatures = 0;

/**
 * Draw a signature with real pointer events (mouse down, a wavy line, up). Each call draws a
 * different one: the store keeps images by content, so identical drawings would be one image.
 */
async function sign(page: Page, pad: Locator): Promise<void> {
  const wave = 2 + (signatures++ % 7) * 0.35;
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not visible');
  const x0 = box.x + box.width * 0.2;
  const y0 = box.y + box.height * 0.55;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(x0 + (i * box.width * 0.6) / 30, y0 - Math.sin(i / wave) * box.height * 0.22, { steps: 2 });
  }
  await page.mouse.up();
  // A second stroke: the underline.
  await page.mouse.move(x0, y0 + box.height * 0.25);
  await page.mouse.down();
  await page.mouse.move(x0 + box.width * 0.5, y0 + box.height * 0.22, { steps: 8 });
  await page.mouse.up();
}

const presentCount = (page: Page) => page.getByTestId('present-count');
const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Cari peserta' });
const pad = (page: Page) => page.getByRole('img', { name: 'Kotak tanda tangan' });

async function sheet(request: APIRequestContext, dayId: string) {
  return api<{
    entries: { participantId: string; status: string; hasSignature: boolean; checkInAt: string | null }[];
    counts: { present: number; expected: number };
  }>(request, 'attendance.day', { dayId });
}

test.describe('door check-in', () => {
  test('three people by keyboard with signatures, live counts, walk-in, izin, daftar hadir DOCX', async ({
    page,
  }, testInfo) => {
    const s = await seed(page.request);
    await page.goto(s.url);

    await expect(page.getByRole('heading', { name: s.title })).toBeVisible();
    await expect(page.getByText('Rabu, 28 Agustus 2019', { exact: true })).toBeVisible();
    // The day is not today: the screen says which day it records.
    await expect(page.getByRole('note')).toContainText('Anda mencatat kehadiran untuk Rabu, 28 Agustus 2019');
    await expect(page.getByText('09.00–15.30 WIB')).toBeVisible();
    await expect(page.getByText('Ruang Joyoboyo, Balai Kota Kediri')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Kembali ke Bimtek' })).toHaveAttribute(
      'href',
      `#/engagements/${s.engagementId}/workshops/${s.workshopId}`,
    );
    await expect(presentCount(page)).toHaveText('Hadir 0 / 5');
    await expect(searchBox(page)).toBeFocused();

    // 1. "abu bakar" finds the mayor's namesake with all his titles; the pad starts empty.
    await page.keyboard.type('abu bakar');
    const options = page.getByRole('option');
    await expect(options.first()).toContainText('Drs. H. Abdullah Abu Bakar, S.E., M.Si.');
    await expect(options.first()).toContainText('Belum hadir');
    await page.keyboard.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: /Konfirmasi kehadiran Drs\. H\. Abdullah Abu Bakar/ });
    await expect(panel).toBeVisible();
    await expect(pad(page)).toBeFocused();
    await snap(page, testInfo, 'door-confirm-empty-pad');

    // An empty pad can never be submitted: the button is disabled, a message says so, Enter does nothing.
    const hadir = panel.getByRole('button', { name: '✓ Hadir', exact: true });
    await expect(hadir).toBeDisabled();
    await expect(panel.getByText('Kotak tanda tangan masih kosong')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    expect((await sheet(page.request, s.dayId)).counts.present).toBe(0);

    await sign(page, pad(page));
    await expect(hadir).toBeEnabled();
    await expect(panel.getByText('Kotak tanda tangan masih kosong')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: /Abu Bakar, S\.E\., M\.Si\. tercatat hadir pukul \d\d\.\d\d WIB/ }),
    ).toBeVisible();
    await expect(searchBox(page)).toBeFocused();
    await expect(searchBox(page)).toHaveValue('');
    await expect(presentCount(page)).toHaveText('Hadir 1 / 5');

    // 2. Siti by name.
    await page.keyboard.type('siti');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: /Konfirmasi kehadiran Siti Nurhayati/ })).toBeVisible();
    await sign(page, pad(page));
    await page.keyboard.press('Enter');
    await expect(presentCount(page)).toHaveText('Hadir 2 / 5');
    await expect(searchBox(page)).toBeFocused();

    // 3. Bambang by part of his NIP.
    await page.keyboard.type('19780322');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('Ir. Bambang Setiawan, M.T.');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await sign(page, pad(page));
    await page.keyboard.press('Enter');
    await expect(presentCount(page)).toHaveText('Hadir 3 / 5');

    // The bars per OPD follow: Diskominfo 2 of 2, Barenlitbang 1 of 2, Dinkes 0 of 1.
    const bar = (name: string) => page.getByRole('meter', { name, exact: true });
    await expect(bar(DISKOMINFO)).toHaveAttribute('aria-valuenow', '2');
    await expect(bar(DISKOMINFO)).toHaveAttribute('aria-valuemax', '2');
    await expect(bar(BARENLITBANG)).toHaveAttribute('aria-valuenow', '1');
    await expect(bar(BARENLITBANG)).toHaveAttribute('aria-valuemax', '2');
    await expect(bar(DINKES)).toHaveAttribute('aria-valuenow', '0');
    const recent = page.getByRole('region', { name: 'Baru hadir' });
    await expect(recent.getByRole('listitem')).toHaveCount(3);
    await expect(recent.getByRole('listitem').first()).toContainText('Ir. Bambang Setiawan, M.T.');

    // Search shows today's status, and the arrows move through several results.
    await page.keyboard.type('dinas');
    await expect(options).toHaveCount(3);
    await expect(page.getByRole('option', { name: /Siti Nurhayati/ })).toContainText(/Hadir \d\d\.\d\d WIB/);
    // The top result is highlighted already: the first ↓ moves to the second.
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(searchBox(page)).toHaveValue('');

    // Phone numbers are never on this (projected) screen.
    for (const p of PEOPLE) if (p.phone) await expect(page.getByText(p.phone)).toHaveCount(0);
    await snap(page, testInfo, 'door-screen-counts');

    // Server errors show in Indonesian and keep what was typed: a walk-in with a broken NIP.
    await page.keyboard.type('Tono Sugiarto');
    await expect(page.getByText('Tidak ada peserta yang cocok dengan “Tono Sugiarto”.')).toBeVisible();
    await page.keyboard.press('Enter');
    const walkIn = page.getByRole('form', { name: 'Peserta baru' });
    await expect(walkIn.getByLabel('Nama lengkap dengan gelar')).toHaveValue('Tono Sugiarto');
    await expect(walkIn.getByLabel('Instansi / OPD')).toBeFocused();
    await page.keyboard.type('Bappeda');
    await walkIn.getByLabel('NIP').fill('12345');
    await page.keyboard.press('Enter');
    await expect(walkIn.getByRole('alert').filter({ hasText: 'Isian belum benar' })).toBeVisible();
    await expect(walkIn.getByLabel('Nama lengkap dengan gelar')).toHaveValue('Tono Sugiarto');
    await expect(walkIn.getByLabel('Instansi / OPD')).toHaveValue('Bappeda');
    await snap(page, testInfo, 'door-walk-in-error');
    await page.keyboard.press('Escape');
    await expect(walkIn).toHaveCount(0);
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.press('Escape');

    // A walk-in: typed name, nobody found, Enter → short form → straight to the signature.
    await page.keyboard.type('Rudi Hartono, S.Sos.');
    await page.keyboard.press('Enter');
    await expect(walkIn.getByLabel('Nama lengkap dengan gelar')).toHaveValue('Rudi Hartono, S.Sos.');
    await page.keyboard.type(DINKES);
    await walkIn.getByLabel('Jabatan').fill('Staf Promosi Kesehatan');
    await walkIn.getByLabel('Jabatan').press('Enter');
    await expect(page.getByRole('region', { name: /Konfirmasi kehadiran Rudi Hartono/ })).toBeVisible();
    await expect(presentCount(page)).toHaveText('Hadir 3 / 6');
    await sign(page, pad(page));
    await page.keyboard.press('Enter');
    await expect(presentCount(page)).toHaveText('Hadir 4 / 6');
    await expect(bar(DINKES)).toHaveAttribute('aria-valuenow', '1');
    await expect(bar(DINKES)).toHaveAttribute('aria-valuemax', '2');

    // Ratna sends word she is excused: Izin.
    await page.keyboard.type('ratna');
    await page.keyboard.press('Enter');
    const ratna = page.getByRole('region', { name: /Konfirmasi kehadiran dr\. Ratna Dewi Lestari/ });
    await ratna.getByRole('button', { name: 'Izin' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'dr. Ratna Dewi Lestari: Izin.' })).toBeVisible();
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.type('ratna');
    await expect(options.first()).toContainText('Izin');
    await expect(page.getByText('Izin 1 · Sakit 0 · Diwakili 0')).toBeVisible();
    await expect(presentCount(page)).toHaveText('Hadir 4 / 6');
    await page.keyboard.press('Escape');

    // Someone who already signed shows their signature (only on this screen) and can check out.
    await page.keyboard.type('abu bakar');
    await page.keyboard.press('Enter');
    const abu = page.getByRole('region', { name: /Konfirmasi kehadiran Drs\. H\. Abdullah/ });
    await expect(abu.getByRole('img', { name: 'Tanda tangan tersimpan' })).toHaveAttribute(
      'src',
      /^data:image\/png;base64,/,
    );
    await snap(page, testInfo, 'door-signed-person');
    await abu.getByRole('button', { name: /Check-out/ }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /Abu Bakar, S\.E\., M\.Si\. check-out pukul \d\d\.\d\d WIB/ }),
    ).toBeVisible();
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.type('abu bakar');
    await expect(options.first()).toContainText(/Hadir \d\d\.\d\d WIB · pulang \d\d\.\d\d WIB/);
    await page.keyboard.press('Escape');

    const stored = await sheet(page.request, s.dayId);
    expect(stored.entries.filter((e) => e.status === 'hadir' && e.hasSignature)).toHaveLength(4);

    // The daftar hadir as DOCX, with the four signatures as images inside.
    // The three files sit behind one "Unduh" button.
    await page.getByText('⤓ Unduh', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Unduh daftar hadir \(DOCX\)/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = testInfo.outputPath('daftar-hadir.docx');
    await download.saveAs(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(4);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('DAFTAR HADIR');
    expect(xml).toContain('Abdullah Abu Bakar');
    expect(xml).toContain('Rudi Hartono');
    // Everyone registered is listed; Ratna (izin) says so in Keterangan, with nothing to sign.
    const ratnaRow = xml.match(/<w:tr[ >](?:(?!<\/w:tr>)[\s\S])*Ratna Dewi Lestari[\s\S]*?<\/w:tr>/)![0];
    expect(ratnaRow).toContain('>Izin<');
    expect(ratnaRow).not.toContain('<w:drawing>');

    // The blank list for paper: everyone in the register, no signatures.
    await page.getByText('⤓ Unduh', { exact: true }).click();
    const [blank] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh daftar hadir kosong' }).click(),
    ]);
    const blankFile = testInfo.outputPath('daftar-hadir-kosong.docx');
    await blank.saveAs(blankFile);
    const blankZip = await JSZip.loadAsync(fs.readFileSync(blankFile));
    expect(Object.keys(blankZip.files).filter((n) => n.startsWith('word/media/'))).toHaveLength(0);
    expect(await blankZip.file('word/document.xml')!.async('string')).toContain('Ratna Dewi Lestari');
  });

  test('diwakili: a walk-in representative signs for an absent head of office', async ({ page }, testInfo) => {
    const s = await seed(page.request);
    await page.goto(s.url);
    await expect(searchBox(page)).toBeFocused();

    // Choosing a representative who then leaves without signing records nobody, and says so.
    await page.keyboard.type('bambang');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Diwakili…' }).click();
    await page.keyboard.type('agus');
    await page.keyboard.press('Enter');
    const agus = page.getByRole('region', { name: /Konfirmasi kehadiran Agus Prasetyo/ });
    await expect(agus.getByText(/Agus Prasetyo, S\.T\. mewakili Ir\. Bambang Setiawan, M\.T\./)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(
      page.getByRole('status').filter({ hasText: /Belum tercatat: Agus Prasetyo, S\.T\. belum menandatangani/ }),
    ).toBeVisible();
    await snap(page, testInfo, 'door-representative-unsigned');
    // Esc from a panel: back in the search box with its text selected, so the next name replaces it.
    await expect(searchBox(page)).toBeFocused();
    await expect(searchBox(page)).toHaveValue('bambang');
    expect(await searchBox(page).evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([
      0, 7,
    ]);
    expect((await sheet(page.request, s.dayId)).entries).toEqual([]);
    await expect(presentCount(page)).toHaveText('Hadir 0 / 5');

    await page.keyboard.type('bambang');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Diwakili…' }).click();
    await expect(page.getByRole('heading', { name: 'Siapa yang mewakili Ir. Bambang Setiawan, M.T.?' })).toBeVisible();
    await page.keyboard.type('Dewi Anggraini');
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: /Perwakilan baru/ });
    await expect(form.getByLabel('Nama lengkap dengan gelar')).toHaveValue('Dewi Anggraini');
    await page.keyboard.type(BARENLITBANG);
    await page.keyboard.press('Enter');
    const rep = page.getByRole('region', { name: /Konfirmasi kehadiran Dewi Anggraini/ });
    await expect(rep.getByText(/Dewi Anggraini mewakili Ir\. Bambang Setiawan, M\.T\./)).toBeVisible();
    // Not present yet: only the signature records her (and the representation).
    expect((await sheet(page.request, s.dayId)).entries).toEqual([]);
    await sign(page, pad(page));
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('status').filter({
        hasText: /Ir\. Bambang Setiawan, M\.T\. diwakili oleh Dewi Anggraini; Dewi Anggraini hadir \d\d\.\d\d WIB/,
      }),
    ).toBeVisible();
    await page.keyboard.type('bambang');
    await expect(page.getByRole('option').first()).toContainText('Diwakili oleh Dewi Anggraini');
    const st = await sheet(page.request, s.dayId);
    expect(st.entries.find((e) => e.participantId === s.ids['Ir. Bambang Setiawan, M.T.'])?.status).toBe('diwakili');
    expect(st.entries.filter((e) => e.status === 'hadir' && e.hasSignature)).toHaveLength(1);
  });

  test('on a tablet-sized window the signature pad fills the screen', async ({ page }, testInfo) => {
    const s = await seed(page.request);
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.goto(s.url);
    await expect(searchBox(page)).toBeFocused();
    // Ctrl+N opens the walk-in form from anywhere; Escape closes it again.
    await page.keyboard.press('Control+n');
    await expect(page.getByRole('form', { name: 'Peserta baru' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.type('ratna');
    await page.keyboard.press('Enter');
    const box = await pad(page).boundingBox();
    expect(box!.width).toBeGreaterThan(700);
    expect(box!.height).toBeGreaterThan(500);
    await sign(page, pad(page));
    await snap(page, testInfo, 'door-pad-tablet');
    await page.getByRole('button', { name: '✓ Hadir' }).click();
    await expect(presentCount(page)).toHaveText('Hadir 1 / 5');
  });
});

test.describe('self check-in', () => {
  test('set the PIN, check in on the kiosk, wrong PIN refused, right PIN exits', async ({ page }, testInfo) => {
    const s = await seed(page.request);
    await page.goto(s.url);
    await page.getByRole('button', { name: /Mode mandiri/ }).click();

    // No PIN yet: the facilitator sets one first (typed twice).
    const setup = page.getByRole('dialog', { name: 'Atur PIN fasilitator' });
    await setup.getByLabel('PIN', { exact: true }).fill('12');
    await setup.getByLabel('Ulangi PIN').fill('12');
    await setup.getByRole('button', { name: /Simpan PIN/ }).click();
    await expect(setup.getByText('PIN harus 4–8 angka.')).toBeVisible();
    await setup.getByLabel('PIN', { exact: true }).fill('2468');
    await setup.getByLabel('Ulangi PIN').fill('2469');
    await setup.getByRole('button', { name: /Simpan PIN/ }).click();
    await expect(setup.getByText('Kedua PIN tidak sama.')).toBeVisible();
    await setup.getByLabel('Ulangi PIN').fill('2468');
    await setup.getByRole('button', { name: /Simpan PIN/ }).click();

    await expect(page).toHaveURL(/\/days\/[^/]+\/self$/);
    await expect(page.getByRole('heading', { name: 'Ketik nama Anda' })).toBeVisible();
    await expect(page.locator('.topbar')).toHaveCount(0);
    const engagement = await api<{ kioskPinSet: boolean }>(page.request, 'engagements.get', { id: s.engagementId });
    expect(engagement.kioskPinSet).toBe(true);

    // Step 1: search with big result buttons.
    const input = page.getByRole('searchbox', { name: 'Ketik nama Anda' });
    await expect(input).toBeFocused();
    await page.keyboard.type('s');
    await expect(page.getByText('Ketik minimal dua huruf.')).toBeVisible();
    await page.keyboard.type('iti');
    await page.getByRole('button', { name: /Siti Nurhayati, S\.Kom\./ }).waitFor();
    await snap(page, testInfo, 'kiosk-search');
    await page.getByRole('button', { name: /Siti Nurhayati, S\.Kom\./ }).click();

    // Step 2: is this you?
    await expect(
      page.getByRole('heading', { name: `Apakah Anda Ibu Siti Nurhayati, S.Kom., ${DISKOMINFO}?` }),
    ).toBeVisible();
    await snap(page, testInfo, 'kiosk-confirm');
    await page.getByRole('button', { name: 'Ya, saya' }).click();

    // Step 3: the pad fills the screen; an empty pad cannot be sent.
    const send = page.getByRole('button', { name: 'Kirim' });
    await expect(send).toBeDisabled();
    await expect(page.getByText('Silakan tanda tangan di kotak di atas sebelum mengirim.')).toBeVisible();
    const box = await pad(page).boundingBox();
    expect(box!.width).toBeGreaterThan(1000);
    expect(box!.height).toBeGreaterThan(450);
    await sign(page, pad(page));
    await snap(page, testInfo, 'kiosk-sign');
    await send.click();

    // Step 4: thanks, then back to step 1 by itself.
    await expect(
      page.getByRole('heading', { name: 'Terima kasih, Ibu Siti Nurhayati, S.Kom.', exact: true }),
    ).toBeVisible();
    await expect(page.getByText(/Anda tercatat hadir pukul \d\d\.\d\d WIB/)).toBeVisible();
    await snap(page, testInfo, 'kiosk-thanks');
    await expect(page.getByRole('heading', { name: 'Ketik nama Anda' })).toBeVisible({ timeout: 6000 });
    const st = await sheet(page.request, s.dayId);
    const siti = st.entries.find((e) => e.participantId === s.ids['Siti Nurhayati, S.Kom.']);
    expect(siti).toMatchObject({ status: 'hadir', hasSignature: true });

    // Someone already present is told so.
    await page.keyboard.type('nurhayati');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Ya, saya' }).click();
    await expect(page.getByRole('heading', { name: /Anda sudah tercatat hadir pukul \d\d\.\d\d WIB\./ })).toBeVisible();
    await page.getByRole('button', { name: 'Selesai' }).click();

    // Nothing else leads out: Escape does nothing, the back button comes back here.
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/self$/);
    await page.evaluate(() => history.back());
    await expect(page).toHaveURL(/\/self$/);
    await expect(page.getByRole('heading', { name: 'Ketik nama Anda' })).toBeVisible();

    // Leaving needs the PIN: a wrong one is refused.
    await page.getByRole('button', { name: 'Keluar' }).click();
    const pinPad = page.getByRole('dialog', { name: 'PIN fasilitator' });
    for (const d of '1111') await pinPad.getByRole('button', { name: d, exact: true }).click();
    await pinPad.getByRole('button', { name: 'Buka' }).click();
    await expect(pinPad.getByText('PIN salah. Coba lagi.')).toBeVisible();
    await snap(page, testInfo, 'kiosk-pin-wrong');
    await expect(page).toHaveURL(/\/self$/);
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/checkin$/);
    await expect(searchBox(page)).toBeVisible();
    await expect(presentCount(page)).toHaveText('Hadir 1 / 5');
    await expect(page.getByRole('region', { name: 'Baru hadir' })).toContainText('Siti Nurhayati, S.Kom.');
  });
});
