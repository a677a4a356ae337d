import { expect, test } from '@playwright/test';
import { snap, uniqueRegion } from './helpers';

test.describe('engagements and workshops', () => {
  test('create an engagement and a Tahap III workshop, reload, find them', async ({ page }, testInfo) => {
    const region = uniqueRegion('Kediri');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Pendampingan' })).toBeVisible();

    await page.getByRole('button', { name: /Pendampingan baru/ }).click();
    // Submitting empty shows messages beside the fields, in Indonesian.
    await page.getByLabel('Nama daerah').fill('');
    await page.getByRole('button', { name: 'Buat pendampingan' }).click();
    await expect(page.getByText('Wajib diisi.').first()).toBeVisible();

    await page.getByLabel('Nama daerah').fill(region);
    await page.getByLabel('Jenis daerah').selectOption('kota');
    await page.getByLabel('Provinsi').fill('Jawa Timur');
    await page.getByLabel('Tahun').fill('2019');
    await page.getByLabel('Zona waktu').selectOption('WIB');
    await page.getByLabel('Perangkat daerah (OPD)').fill('Diskominfo\nBappeda\nDinas Kesehatan');
    await snap(page, testInfo, 'engagement-new');
    await page.getByRole('button', { name: 'Buat pendampingan' }).click();

    await expect(page.getByRole('heading', { name: `Kota ${region}` })).toBeVisible();
    await page.getByRole('button', { name: /Tambah Bimtek/ }).click();
    await page.getByLabel('Tahap', { exact: true }).selectOption('tahap-3');
    await expect(page.getByLabel('Judul kegiatan')).toHaveValue(
      `Bimtek Tahap III Penyusunan Masterplan Smart City Kota ${region}`,
    );
    await page.locator('input[name="days.0.date"]').fill('28/08/2019');
    // Times typed the Indonesian way, 24-hour with a full stop.
    await page.locator('input[name="days.0.startTime"]').fill('09.00');
    await page.locator('input[name="days.0.endTime"]').fill('15.30');
    await page.getByLabel('Tempat').fill('Ruang Joyoboyo, Balai Kota Kediri');
    await page.getByLabel('Nama pimpinan rapat').fill('Abdullah Abu Bakar');
    await page.getByRole('button', { name: 'Buat Bimtek' }).click();

    const schedule = page.getByRole('list', { name: 'Hari pelaksanaan' });
    await expect(schedule).toContainText('Rabu, 28 Agustus 2019');
    await expect(schedule).toContainText('09.00–15.30 WIB');
    await snap(page, testInfo, 'workshop-editor');

    await page.reload();
    await expect(page.getByRole('heading', { name: /Bimtek Tahap III/ })).toBeVisible();
    await page.getByRole('link', { name: `Kota ${region}` }).click();
    const card = page.getByRole('link', { name: /Bimtek Tahap III/ });
    await expect(card).toContainText('Rabu, 28 Agustus 2019');
    await expect(card).toContainText('Ruang Joyoboyo, Balai Kota Kediri');
    await page.goto('/');
    await expect(page.getByRole('link', { name: new RegExp(`Kota ${region}`) })).toContainText('1 Bimtek');
    await snap(page, testInfo, 'engagement-list');
  });

  test('edits autosave without a Save button and survive closing the window mid-typing', async ({ page, context }) => {
    const region = uniqueRegion('Malang');
    const res = await page.request.post('/api/engagements.create', {
      data: { regionName: region, regionKind: 'kabupaten', province: 'Jawa Timur', year: 2020, timeZone: 'WIB' },
    });
    const { value: engagement } = await res.json();
    await page.goto(`/#/engagements/${engagement.id}`);
    await page.getByText('Data pendampingan').click();
    await page.getByLabel('Provinsi').fill('Jawa Timur (Malang Raya)');
    // Close the page right away, before the debounce could send anything.
    await page.close();

    const again = await context.newPage();
    await again.goto(`/#/engagements/${engagement.id}`);
    await again.getByText('Data pendampingan').click();
    await expect(again.getByLabel('Provinsi')).toHaveValue('Jawa Timur (Malang Raya)');
    // Either the close already sent it, or the draft left on the device is committed now.
    await expect
      .poll(async () => {
        const stored = await (await again.request.post('/api/engagements.get', { data: { id: engagement.id } })).json();
        return stored.value.province;
      })
      .toBe('Jawa Timur (Malang Raya)');
  });

  test('an invalid edit shows its message and is kept, not sent', async ({ page }) => {
    const region = uniqueRegion('Blitar');
    const e = await (
      await page.request.post('/api/engagements.create', {
        data: { regionName: region, regionKind: 'kota', province: 'Jawa Timur', year: 2021, timeZone: 'WIB' },
      })
    ).json();
    const w = await (
      await page.request.post('/api/workshops.create', {
        data: {
          engagementId: e.value.id,
          stage: 'tahap-1',
          title: 'Bimtek Tahap I',
          days: [{ date: '2021-07-09', startTime: '08:00', endTime: '15:00' }],
        },
      })
    ).json();
    await page.goto(`/#/engagements/${e.value.id}/workshops/${w.value.id}`);
    await page.locator('input[name="days.0.endTime"]').fill('07:00');
    await expect(page.getByText('Jam selesai harus setelah jam mulai.')).toBeVisible();
    await page.getByLabel('Judul kegiatan').fill('');
    await expect(page.getByText('Wajib diisi.')).toBeVisible();
    await page.reload();
    // Still there after a reload, still marked, store unchanged; shown the Indonesian way.
    await expect(page.locator('input[name="days.0.endTime"]')).toHaveValue('07.00');
    await expect(page.getByText('Jam selesai harus setelah jam mulai.')).toBeVisible();
    const stored = await (await page.request.post('/api/workshops.get', { data: { id: w.value.id } })).json();
    expect(stored.value.days[0].endTime).toBe('15:00');
    expect(stored.value.title).toBe('Bimtek Tahap I');
  });

  test('delete asks first and can be undone', async ({ page }) => {
    const region = uniqueRegion('Madiun');
    const e = await (
      await page.request.post('/api/engagements.create', {
        data: { regionName: region, regionKind: 'kota', province: 'Jawa Timur', year: 2022, timeZone: 'WIB' },
      })
    ).json();
    const w = await (
      await page.request.post('/api/workshops.create', {
        data: {
          engagementId: e.value.id,
          stage: 'tahap-2',
          title: 'Bimtek Tahap II Madiun',
          days: [{ date: '2022-08-01', startTime: '08:00', endTime: null }],
        },
      })
    ).json();
    await page.goto(`/#/engagements/${e.value.id}/workshops/${w.value.id}`);
    await expect(page.getByText('08.00 WIB s.d. selesai')).toBeVisible();
    await page.getByRole('button', { name: 'Hapus Bimtek' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Anda dapat mengurungkannya');
    await dialog.getByRole('button', { name: 'Hapus Bimtek' }).click();
    await expect(page.getByText('Belum ada Bimtek untuk pendampingan ini.')).toBeVisible();
    await page.getByRole('button', { name: 'Urungkan' }).click();
    await expect(page.getByRole('link', { name: /Bimtek Tahap II Madiun/ })).toBeVisible();
  });

  test('switch language to English and it persists', async ({ page }, testInfo) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Engagements' })).toBeVisible();
    // A toast says so, in the new language.
    await expect(page.getByText('Display language: English.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Engagements' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await snap(page, testInfo, 'english');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Pendampingan' })).toBeVisible();
    await expect(page.getByText('Bahasa tampilan: Bahasa Indonesia.')).toBeVisible();
  });

  test('the app has an icon: the page names one and the host serves it', async ({ page, request }) => {
    await page.goto('/');
    const hrefs = await page
      .locator('link[rel="icon"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const res = await request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^image\//);
    }
  });

  test('a malformed API call gets VALIDATION and changes nothing', async ({ request }) => {
    const before = await (await request.post('/api/engagements.list', { data: {} })).json();
    const bad = await request.post('/api/engagements.create', { data: { regionName: 42, year: 'soon', extra: true } });
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATION');
    const broken = await request.post('/api/workshops.create', {
      headers: { 'content-type': 'application/json' },
      data: '{"engagementId": ',
    });
    expect((await broken.json()).error.code).toBe('VALIDATION');
    const unknown = await request.post('/api/engagements.explode', { data: {} });
    expect((await unknown.json()).error.code).toBe('UNKNOWN_OPERATION');
    const after = await (await request.post('/api/engagements.list', { data: {} })).json();
    expect(after.value).toEqual(before.value);
    const health = await (await request.get('/healthz')).json();
    expect(health).toMatchObject({ ok: true, schemaVersion: expect.any(Number), version: expect.any(String) });
  });
});
