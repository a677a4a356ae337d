import type { Page, TestInfo } from '@playwright/test';

/** Save a full-page screenshot as a test artifact (attached to the report and kept on disk). */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** A region name no other test uses, so tests sharing one host do not see each other's data. */
export function uniqueRegion(base: string): string {
  return `${base} ${Math.random().toString(36).slice(2, 7)}`;
}

/** Call an operation of the host the page was opened on; fails the test on a refusal. */
export async function api(page: Page, op: string, input: unknown) {
  const r = await page.request.post(`/api/${op}`, { data: input });
  const body = await r.json();
  if (!body.ok) throw new Error(`${op}: ${JSON.stringify(body.error)}`);
  return body.value;
}

/** Kota Kediri (a region of its own) and a one-day Tahap I in Ruang Joyoboyo on 28 August 2019, empty agenda. */
export async function seedKediriDay(page: Page) {
  const e = await api(page, 'engagements.create', {
    regionName: uniqueRegion('Kediri'),
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Diskominfo', 'Bappeda', 'Dinas Kesehatan'],
  });
  const w = await api(page, 'workshops.create', {
    engagementId: e.id,
    stage: 'tahap-1',
    title: 'Bimtek Tahap I Smart City',
    days: [{ date: '2019-08-28', startTime: '08:00', endTime: '15:00' }],
    venue: 'Ruang Joyoboyo',
    template: null,
  });
  return { e, w };
}
