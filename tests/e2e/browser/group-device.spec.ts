import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { snap, uniqueRegion } from './helpers';

/**
 * A group's phone on the room network: its own browser context opens the host by this machine's
 * network address (so the host sees another device), pairs with the code the projector shows, and
 * fills its group's SWOT; the facilitator's context on 127.0.0.1 reads it, writes over a cell,
 * revokes the device, and hands out a new code.
 */

/** This machine's first IPv4 address that is not loopback, or null. */
function roomAddress(): string | null {
  for (const list of Object.values(os.networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '0.0.0.0', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const ip = roomAddress();
let child: ChildProcess | undefined;
let dataDir = '';
let port = 0;
const local = () => `http://127.0.0.1:${port}`;
const remote = () => `http://${ip}:${port}`;

test.beforeAll(async () => {
  if (!ip) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-room-'));
  port = await freePort();
  child = spawn(
    process.execPath,
    ['dist/host/serve.mjs', '--port', String(port), '--data', dataDir, '--room-network'],
    { stdio: 'pipe' },
  );
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${local()}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('room-network host did not start');
});

test.afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The facilitator's laptop: a call on 127.0.0.1 with no role header. */
async function api<T = any>(op: string, input: unknown): Promise<T> {
  const r = await fetch(`${local()}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await r.json();
  if (!body.ok) throw new Error(`${op}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

async function seed() {
  const e = await api('engagements.create', {
    regionName: uniqueRegion('Kediri'),
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Diskominfo', 'Bappeda', 'Dinas Kesehatan'],
  });
  const w = await api('workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    title: 'Bimtek Tahap III Masterplan Smart City',
    days: [{ date: '2019-08-29', startTime: '08:00', endTime: '16:00' }],
  });
  const dayId = w.days[0].id as string;
  const step = await api('agenda.addStep', {
    dayId,
    afterId: null,
    step: { kind: 'diskusi-kelompok', title: 'Diskusi kelompok: analisis SWOT', plannedMinutes: 60, formId: 'swot' },
  });
  const notes = await api('agenda.addStep', {
    dayId,
    afterId: step.id,
    step: { kind: 'diskusi-kelompok', title: 'Catatan diskusi', plannedMinutes: 30, formId: 'notes' },
  });
  const a = await api('groups.create', { dayId, name: 'Kelompok Governance', topic: 'governance' });
  const b = await api('groups.create', { dayId, name: 'Kelompok Economy', topic: 'economy' });
  return {
    engagementId: e.id as string,
    workshopId: w.id as string,
    stepId: step.id as string,
    notesStepId: notes.id as string,
    a,
    b,
  };
}

const codeFor = async (groupId: string): Promise<string> =>
  (await api('groups.pairCode', { id: groupId })).pairing.code;

/** Enter a code on the pairing page (as people type it: lower case, a dash in the middle). */
async function pair(page: Page, code: string, label?: string) {
  const typed = `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase();
  await page.getByLabel('Kode pemasangan').fill(typed);
  if (label !== undefined) await page.getByLabel(/^Nama perangkat/).fill(label);
  await page.getByRole('button', { name: 'Hubungkan' }).click();
}

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: `${remote()}/`,
    viewport: { width: 360, height: 640 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  return { context, page: await context.newPage() };
}

const field = (page: Page, name: RegExp) => page.getByRole('textbox', { name });

test.describe('paired group device on the room network', () => {
  test.describe.configure({ timeout: 180_000 });

  test('pairs with a code, fills its SWOT, is held to its group, sees a later write, keeps unsent text through a revoke', async ({
    browser,
  }, testInfo) => {
    if (!ip) {
      console.log(
        'group-device e2e skipped: this machine has no non-loopback IPv4 address to reach the room-network host by',
      );
      test.skip(true, 'no non-loopback IPv4 address on this machine');
      return;
    }
    const s = await seed();
    const { context, page } = await phone(browser);

    // The pairing page, as a phone and as a laptop sees it.
    await page.goto('/#/pair');
    await expect(page.getByRole('heading', { name: 'Hubungkan perangkat ke kelompok' })).toBeVisible();
    await snap(page, testInfo, 'pair-360x640');
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'pair-1024x768');
    await page.setViewportSize({ width: 360, height: 640 });

    // A malformed code is caught before it is sent; a wrong one is refused by the core.
    await page.getByLabel('Kode pemasangan').fill('abc');
    await page.getByRole('button', { name: 'Hubungkan' }).click();
    await expect(page.getByText('Kode terdiri dari 6 huruf/angka.')).toBeVisible();
    let code = await codeFor(s.a.id);
    const wrong = code.startsWith('Z') ? 'YYYYYY' : 'ZZZZZZ';
    await pair(page, wrong);
    await expect(page.getByText(/Kode tidak dikenal atau sudah kedaluwarsa/)).toBeVisible();

    await pair(page, code, 'Laptop Bappeda');
    await expect(page).toHaveURL(/#\/group$/);
    await expect(page.getByRole('heading', { name: /Kelompok Governance/ })).toBeVisible();
    await expect(page.locator('.device-group__topic')).toHaveText('Smart Governance');
    await expect(page.getByText('Perangkat ini: Laptop Bappeda')).toBeVisible();

    // Fill the SWOT: it reaches the store.
    await field(page, /^Kekuatan/).fill('Jaringan fiber optik sampai kelurahan\nCommand center sudah berjalan');
    await field(page, /^Kelemahan/).fill('Data antar-OPD belum terhubung');
    await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan');
    let out = await api('outputs.get', { groupId: s.a.id, stepId: s.stepId });
    expect(out.values.strengths).toEqual(['Jaringan fiber optik sampai kelurahan', 'Command center sudah berjalan']);
    expect(out.values.weaknesses).toEqual(['Data antar-OPD belum terhubung']);
    expect(out.meta.strengths.by).toBe('Laptop Bappeda');

    // Held to its own group: with its token, the register, the groups and the other group's output are refused.
    const token = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}').token as string,
      `bimtek.device.${remote()}`,
    );
    expect(token).toBeTruthy();
    for (const [op, input] of [
      ['participants.list', { engagementId: s.engagementId }],
      ['groups.list', { workshopId: s.workshopId }],
      ['outputs.get', { groupId: s.b.id, stepId: s.stepId }],
      ['outputs.setCell', { groupId: s.b.id, stepId: s.stepId, path: 'strengths', value: ['x'] }],
    ] as const) {
      const r = await context.request.post(`/api/${op}`, { headers: { 'x-bimtek-device': token }, data: input });
      const body = await r.json();
      expect(body.ok, op).toBe(false);
      expect(body.error.code, op).toBe('FORBIDDEN');
    }
    const own = await context.request.post('/api/outputs.get', {
      headers: { 'x-bimtek-device': token },
      data: { groupId: s.a.id, stepId: s.stepId },
    });
    expect((await own.json()).ok).toBe(true);

    await snap(page, testInfo, 'group-360x640');
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'group-1024x768');
    await page.setViewportSize({ width: 360, height: 640 });

    // Two writers on one cell: the facilitator writes later and wins; the device sees who changed
    // it and that it replaced its text, and can put its own back.
    out = await api('outputs.get', { groupId: s.a.id, stepId: s.stepId });
    const w = await api('outputs.setCell', {
      groupId: s.a.id,
      stepId: s.stepId,
      path: 'strengths',
      value: ['Komitmen kepala daerah kuat'],
      baseVersion: out.meta.strengths.version - 1,
    });
    expect(w.overwrote).toBe(true);
    await expect(field(page, /^Kekuatan/)).toHaveValue('Komitmen kepala daerah kuat');
    await expect(page.getByText(/^Diubah oleh laptop fasilitator pukul \d\d\.\d\d$/)).toBeVisible();
    const note = page.getByRole('alert').filter({ hasText: 'menggantikan tulisan Anda' });
    await expect(note).toContainText('«Kekuatan (Strengths)» diubah oleh laptop fasilitator pukul');
    await expect(note).toContainText('Jaringan fiber optik sampai kelurahan; Command center sudah berjalan');
    await snap(page, testInfo, 'group-overwritten-360x640');
    await note.getByRole('button', { name: 'Pulihkan tulisan saya' }).click();
    await expect(field(page, /^Kekuatan/)).toHaveValue(
      'Jaringan fiber optik sampai kelurahan\nCommand center sudah berjalan',
    );
    await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan');
    out = await api('outputs.get', { groupId: s.a.id, stepId: s.stepId });
    expect(out.values.strengths).toEqual(['Jaringan fiber optik sampai kelurahan', 'Command center sudah berjalan']);

    // A dropped network: the text waits on the device and goes when the network is back. The
    // facilitator saved the same cell meanwhile: the device's later write wins and says so.
    await context.setOffline(true);
    await field(page, /^Kelemahan/).fill('Data antar-OPD belum terhubung\nSDM TIK terbatas');
    await expect(page.getByTestId('sync-status')).toContainText('Tidak terhubung ke laptop fasilitator');
    await api('outputs.setCell', {
      groupId: s.a.id,
      stepId: s.stepId,
      path: 'weaknesses',
      value: ['Anggaran TIK kecil'],
      baseVersion: null,
    });
    await context.setOffline(false);
    await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan', { timeout: 15_000 });
    await expect(
      page.getByRole('alert').filter({ hasText: 'Tulisan Anda di «Kelemahan (Weaknesses)» menggantikan' }),
    ).toBeVisible();
    out = await api('outputs.get', { groupId: s.a.id, stepId: s.stepId });
    expect(out.values.weaknesses).toEqual(['Data antar-OPD belum terhubung', 'SDM TIK terbatas']);

    // Revoked: the next write is refused, the page says so clearly, the text stays on the device.
    const pairing = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}'),
      `bimtek.device.${remote()}`,
    );
    await api('groups.revokeDevice', { deviceId: pairing.deviceId });
    await field(page, /^Peluang/).fill('Kartu pembayaran non-tunai untuk UMKM');
    await expect(
      page.getByRole('heading', { name: 'Perangkat ini tidak lagi terhubung dengan kelompok' }),
    ).toBeVisible();
    await expect(page.getByText(/1 isian yang belum terkirim tetap tersimpan/)).toBeVisible();
    await snap(page, testInfo, 'revoked-360x640');
    await page.reload();
    await expect(
      page.getByRole('heading', { name: 'Perangkat ini tidak lagi terhubung dengan kelompok' }),
    ).toBeVisible();
    out = await api('outputs.get', { groupId: s.a.id, stepId: s.stepId });
    expect(out.values.opportunities).toBeUndefined();

    // Paired again with the same group: the kept text is in the field and reaches the store.
    code = await codeFor(s.a.id);
    await page.getByRole('link', { name: 'Pasangkan lagi' }).click();
    await expect(page.getByText(/masih menyimpan 1 isian yang belum terkirim \(Kelompok Governance\)/)).toBeVisible();
    await pair(page, code);
    await expect(page.getByRole('heading', { name: /Kelompok Governance/ })).toBeVisible();
    await expect(field(page, /^Peluang/)).toHaveValue('Kartu pembayaran non-tunai untuk UMKM');
    await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan');
    out = await api('outputs.get', { groupId: s.a.id, stepId: s.stepId });
    expect(out.values.opportunities).toEqual(['Kartu pembayaran non-tunai untuk UMKM']);

    // Revoked again with text unsent, then paired with ANOTHER group: the text is kept and named
    // as the earlier group's, and never written to the new one.
    const again = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? '{}'),
      `bimtek.device.${remote()}`,
    );
    await api('groups.revokeDevice', { deviceId: again.deviceId });
    await field(page, /^Ancaman/).fill('Serangan siber pada layanan publik');
    await expect(
      page.getByRole('heading', { name: 'Perangkat ini tidak lagi terhubung dengan kelompok' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Pasangkan lagi' }).click();
    await pair(page, await codeFor(s.b.id));
    await expect(page.getByRole('heading', { name: /Kelompok Economy/ })).toBeVisible();
    await expect(
      page.getByText(/1 isian yang belum terkirim di perangkat ini milik Kelompok Governance/),
    ).toBeVisible();
    await expect(field(page, /^Ancaman/)).toHaveValue('');
    await snap(page, testInfo, 'other-group-360x640');
    const outB = await api('outputs.get', { groupId: s.b.id, stepId: s.stepId });
    expect(outB.values.threats).toBeUndefined();
    out = await api('outputs.get', { groupId: s.a.id, stepId: s.stepId });
    expect(out.values.threats).toBeUndefined();

    // "Tandai selesai": refused with what is missing and everything kept; accepted once complete.
    await field(page, /^Kekuatan/).fill('Pasar rakyat ramai');
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.locator('.fc-missing__title')).toHaveText('Belum lengkap: 4 isian wajib masih kosong.');
    await expect(field(page, /^Kekuatan/)).toHaveValue('Pasar rakyat ramai');
    await page.getByRole('combobox', { name: /^Dimensi/ }).selectOption('economy');
    await field(page, /^Kelemahan/).fill('Akses permodalan UMKM terbatas');
    await field(page, /^Peluang/).fill('Lokapasar daerah');
    await field(page, /^Ancaman/).fill('Persaingan dengan ritel modern');
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(page.getByText('Selesai — lembar kerja ini sudah ditandai selesai.')).toBeVisible();
    const doneB = await api('outputs.get', { groupId: s.b.id, stepId: s.stepId });
    expect(doneB.status).toBe('done');
    expect(doneB.values.dimension).toBe('economy');

    // The day's second worksheet is a tab of its own.
    await page.getByRole('tab', { name: 'Catatan diskusi' }).click();
    await field(page, /^Catatan/).fill('Kelompok sepakat memprioritaskan digitalisasi pasar.');
    await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan');
    const notesB = await api('outputs.get', { groupId: s.b.id, stepId: s.notesStepId });
    expect(notesB.values.notes).toBe('Kelompok sepakat memprioritaskan digitalisasi pasar.');
    await page.getByRole('tab', { name: 'Diskusi kelompok: analisis SWOT' }).click();
    await expect(page.getByText('Selesai — lembar kerja ini sudah ditandai selesai.')).toBeVisible();
    await snap(page, testInfo, 'group-done-360x640');
    await page.setViewportSize({ width: 1024, height: 768 });
    await snap(page, testInfo, 'group-done-1024x768');
    await context.close();
  });
});
