import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_DOCUMENT_SETTINGS, type DaySheet } from '../../../shared/attendance';
import { patchDaySheet } from '../../../shared/contract/attendance';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type OpName } from '../../../shared/contract';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { memorySettings } from '../../../electron/core/settings';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openStore, DB_FILE_NAME } from '../../../electron/core/store/store';
import type { ChangeEvent } from '../../../shared/domain';
import { openDocx, tableRows } from '../../fixtures/docx';
import { makePng, signaturePng } from '../../fixtures/png';
import { makeTempDir, removeTempDir } from '../../fixtures/inputs';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const blankPng = () => makePng(300, 100, () => null);

let dir: string;
let backend: Backend;
let events: ChangeEvent[];

async function ok<K extends OpName>(op: K, input: unknown) {
  const r = await backend.handlers.dispatch(op, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details)}`);
  // Every value crosses the boundary in the shape the contract promises.
  contract[op].output.parse(r.value);
  return r.value as never as Record<string, any>;
}

async function seed() {
  const e = await ok('engagements.create', {
    regionName: 'Kediri',
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Diskominfo', 'Bappeda'],
  });
  const w = await ok('workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    title: 'Bimtek Tahap III',
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
    days: [
      { date: '2019-08-28', startTime: '09:00', endTime: '15:30' },
      { date: '2019-08-29', startTime: '08:00', endTime: null },
    ],
  });
  const add = (name: string, agency: string, nip = '') =>
    ok('participants.create', { engagementId: e.id, name, agency, nip, phone: '081234567890' });
  const abu = await add('Drs. H. Abdullah Abu Bakar, S.E., M.Si.', 'Pemerintah Kota Kediri');
  const siti = await add('Siti Nurhayati, S.Kom.', 'Diskominfo', '198503152010012002');
  const budi = await add('Budi Santoso', 'Bappeda');
  return { e, w, dayId: w.days[0].id as string, day2: w.days[1].id as string, abu, siti, budi };
}

beforeEach(() => {
  dir = makeTempDir();
  backend = createBackend({ dataDir: dir, mode: 'browser', version: 'test', settings: memorySettings() });
  events = [];
  backend.bus.subscribe((e) => events.push(e));
});
afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

describe('participant register', () => {
  it('refuses a second person with the same NIP, naming the field and who has it', async () => {
    const { e } = await seed();
    const r = await backend.handlers['participants.create']({
      engagementId: e.id,
      name: 'Someone Else',
      nip: '19850315 201001 2 002',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CONFLICT');
    expect(r.error.details?.issues?.[0]).toEqual({ path: ['nip'], code: 'duplicateNip' });
    expect(r.error.message).toBe(
      'NIP ini sudah terdaftar atas nama Siti Nurhayati, S.Kom. — periksa kembali nomornya.',
    );
  });

  it('says which part of a NIP is wrong', async () => {
    const { e } = await seed();
    const r = await backend.handlers['participants.create']({
      engagementId: e.id,
      name: 'X',
      nip: '198513152010012002',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.issues).toEqual([{ path: ['nip'], code: 'nip.birthDate' }]);
  });

  it('merges a duplicate: attendance and signature follow the survivor, empty fields are filled', async () => {
    const { e, dayId, day2, siti } = await seed();
    const dup = await ok('participants.create', {
      engagementId: e.id,
      name: 'Siti Nurhayati',
      agency: 'Dinas Kominfo',
      email: 'siti@kedirikota.go.id',
    });
    await ok('attendance.checkIn', { dayId, participantId: dup.id, signature: b64(signaturePng(3)) });
    await ok('attendance.setStatus', { dayId: day2, participantId: siti.id, status: 'izin' });
    await ok('attendance.checkIn', { dayId: day2, participantId: dup.id, signature: null });
    const merged = await ok('participants.merge', { survivorId: siti.id, duplicateId: dup.id });
    expect(merged.email).toBe('siti@kedirikota.go.id');
    expect(merged.nip).toBe('198503152010012002');
    const list = await ok('participants.list', { engagementId: e.id });
    expect((list as any[]).map((p) => p.id)).not.toContain(dup.id);
    const sheet1 = await ok('attendance.day', { dayId });
    expect(sheet1.entries).toEqual([
      expect.objectContaining({ participantId: siti.id, status: 'hadir', hasSignature: true }),
    ]);
    // On day 2 both had a record: the present one wins over izin.
    const sheet2 = await ok('attendance.day', { dayId: day2 });
    expect(sheet2.entries).toEqual([expect.objectContaining({ participantId: siti.id, status: 'hadir' })]);
  });

  it('a removed person can be restored; a merged one cannot', async () => {
    const { e, budi, abu } = await seed();
    await ok('participants.delete', { id: budi.id });
    expect((await ok('participants.list', { engagementId: e.id })).length).toBe(2);
    await ok('participants.restore', { id: budi.id });
    expect((await ok('participants.list', { engagementId: e.id })).length).toBe(3);
    await ok('participants.merge', { survivorId: abu.id, duplicateId: budi.id });
    const r = await backend.handlers['participants.restore']({ id: budi.id });
    expect(r.ok ? null : r.error.code).toBe('CONFLICT');
  });
});

describe('check-in', () => {
  it('checks in with a signature and keeps the first check-in time', async () => {
    const { dayId, abu } = await seed();
    const first = await ok('attendance.checkIn', { dayId, participantId: abu.id, signature: b64(signaturePng(1)) });
    expect(first.hasSignature).toBe(true);
    const again = await ok('attendance.checkIn', { dayId, participantId: abu.id, signature: null });
    expect(again.checkInAt).toBe(first.checkInAt);
    expect(again.hasSignature).toBe(true);
    const sig = await ok('attendance.signature', { dayId, participantId: abu.id });
    expect(sig.dataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('never stores an empty pad as a signature, and writes nothing then', async () => {
    const { dayId, abu } = await seed();
    const r = await backend.handlers['attendance.checkIn']({
      dayId,
      participantId: abu.id,
      signature: b64(blankPng()),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.issues).toEqual([{ path: ['signature'], code: 'emptySignature' }]);
    expect((await ok('attendance.day', { dayId })).entries).toEqual([]);
  });

  it('refuses a signature that is not a PNG of modest size (a decompression bomb is not inflated)', async () => {
    const { dayId, abu } = await seed();
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x01, 0x2c, 0x03, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    const r1 = await backend.handlers['attendance.checkIn']({ dayId, participantId: abu.id, signature: b64(jpeg) });
    expect(r1.ok ? null : r1.error.details?.issues?.[0]?.code).toBe('notAnImage');
    const huge = makePng(3000, 1000, () => null);
    const r2 = await backend.handlers['attendance.checkIn']({ dayId, participantId: abu.id, signature: b64(huge) });
    expect(r2.ok ? null : r2.error.details?.issues?.[0]?.code).toBe('fileTooLarge');
  });

  it('refuses a file that is not an image as a signature', async () => {
    const { dayId, abu } = await seed();
    const r = await backend.handlers['attendance.checkIn']({
      dayId,
      participantId: abu.id,
      signature: b64(Buffer.from('not a png at all')),
    });
    expect(r.ok ? null : r.error.details?.issues?.[0]?.code).toBe('notAnImage');
  });

  it('diwakili needs the representative, who counts as present only once signed', async () => {
    const { dayId, abu, budi } = await seed();
    const missing = await backend.handlers['attendance.setStatus']({
      dayId,
      participantId: abu.id,
      status: 'diwakili',
    });
    expect(missing.ok ? null : missing.error.details?.issues?.[0]?.code).toBe('representativeRequired');
    // Naming a representative who has not checked in marks nobody present.
    const absentRep = await backend.handlers.dispatch('attendance.setStatus', {
      dayId,
      participantId: abu.id,
      status: 'diwakili',
      representedById: budi.id,
    });
    expect(absentRep.ok ? null : absentRep.error.code).toBe('CONFLICT');
    // At the door the representative signs and the representation is recorded with it; an
    // empty pad records neither.
    const unsigned = await backend.handlers.dispatch('attendance.checkIn', {
      dayId,
      participantId: budi.id,
      represents: abu.id,
    });
    expect(unsigned.ok ? null : unsigned.error.details?.issues?.[0]?.code).toBe('emptySignature');
    expect((await ok('attendance.day', { dayId })).entries).toEqual([]);

    await ok('attendance.checkIn', {
      dayId,
      participantId: budi.id,
      signature: b64(signaturePng(7)),
      represents: abu.id,
    });
    const sheet = await ok('attendance.day', { dayId });
    const byId = Object.fromEntries((sheet.entries as any[]).map((x) => [x.participantId, x]));
    expect(byId[abu.id]).toMatchObject({ status: 'diwakili', representedById: budi.id, checkInAt: null });
    expect(byId[budi.id]).toMatchObject({ status: 'hadir', hasSignature: true });
    // Afterwards (from the paper sheet), the representative being present, diwakili can be set.
    await ok('attendance.setStatus', { dayId, participantId: abu.id, status: 'izin' });
    await ok('attendance.setStatus', { dayId, participantId: abu.id, status: 'diwakili', representedById: budi.id });
  });

  it('a self check-in screen cannot record who represents whom', async () => {
    const { dayId, abu, budi } = await seed();
    const r = await backend.handlers.dispatch(
      'attendance.checkIn',
      { dayId, participantId: budi.id, signature: b64(signaturePng(8)), represents: abu.id },
      { role: 'kiosk', key: 'window:2' },
    );
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    expect((await ok('attendance.day', { dayId })).entries).toEqual([]);
  });

  it("input susulan: the time typed from the paper sheet, on the day, in the region's zone", async () => {
    const { dayId, siti, budi } = await seed();
    const e = await ok('attendance.checkIn', { dayId, participantId: siti.id, at: '08:47' });
    // 08.47 WIB on Rabu, 28 Agustus 2019 — whatever today's date and clock say.
    expect(e.checkInAt).toBe('2019-08-28T01:47:00.000Z');
    const kiosk = await backend.handlers.dispatch(
      'attendance.checkIn',
      { dayId, participantId: budi.id, signature: b64(signaturePng(11)), at: '08:50' },
      { role: 'kiosk', key: 'window:2' },
    );
    expect(kiosk.ok ? null : kiosk.error.code).toBe('FORBIDDEN');
    const bad = await backend.handlers.dispatch('attendance.checkIn', { dayId, participantId: budi.id, at: '8.50' });
    expect(bad.ok ? null : bad.error.details?.issues?.[0]?.code).toBe('invalidTime');
  });

  it('a represented person is not counted twice: the representative fills the seat', async () => {
    const { dayId, abu, budi } = await seed();
    await ok('attendance.checkIn', {
      dayId,
      participantId: budi.id,
      signature: b64(signaturePng(9)),
      represents: abu.id,
    });
    expect((await ok('attendance.day', { dayId })).counts.present).toBe(1);
  });

  it('counts present / expected per agency', async () => {
    const { dayId, abu, siti, budi } = await seed();
    await ok('attendance.checkIn', { dayId, participantId: siti.id, signature: null });
    await ok('attendance.setStatus', { dayId, participantId: abu.id, status: 'sakit' });
    await ok('attendance.setStatus', { dayId, participantId: budi.id, status: 'tidak-hadir' });
    const { counts } = await ok('attendance.day', { dayId });
    expect(counts.present).toBe(1);
    expect(counts.expected).toBe(3);
    expect(counts.byAgency).toEqual(
      expect.arrayContaining([
        { agency: 'Diskominfo', present: 1, expected: 1 },
        { agency: 'Bappeda', present: 0, expected: 1 },
        { agency: 'Pemerintah Kota Kediri', present: 0, expected: 1 },
      ]),
    );
  });

  it('check-out needs a check-in; a person of another engagement is not found', async () => {
    const { dayId, abu } = await seed();
    const early = await backend.handlers['attendance.checkOut']({ dayId, participantId: abu.id });
    expect(early.ok ? null : early.error.code).toBe('CONFLICT');
    await ok('attendance.checkIn', { dayId, participantId: abu.id, signature: null });
    expect((await ok('attendance.checkOut', { dayId, participantId: abu.id })).checkOutAt).toEqual(expect.any(String));
    const other = await ok('engagements.create', {
      regionName: 'Blitar',
      regionKind: 'kota',
      province: 'Jawa Timur',
      year: 2020,
      timeZone: 'WIB',
    });
    const stranger = await ok('participants.create', { engagementId: other.id, name: 'Orang Lain' });
    const r = await backend.handlers['attendance.checkIn']({ dayId, participantId: stranger.id, signature: null });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });

  it('a workshop day that has attendance cannot be removed', async () => {
    const { w, dayId, abu } = await seed();
    await ok('attendance.checkIn', { dayId, participantId: abu.id, signature: null });
    const r = await backend.handlers['workshops.update']({
      id: w.id,
      patch: { days: [{ id: w.days[1].id, date: '2019-08-29', startTime: '08:00', endTime: null }] },
    });
    expect(r.ok ? null : r.error.code).toBe('CONFLICT');
    expect((await ok('workshops.get', { id: w.id })).days).toHaveLength(2);
  });

  it('a check-in event carries the entry and its agency counts, enough to patch an open day sheet', async () => {
    const { w, dayId, abu } = await seed();
    const before = await ok('attendance.day', { dayId });
    events.length = 0;
    const entry = await ok('attendance.checkIn', { dayId, participantId: abu.id, signature: null });
    expect(events).toHaveLength(1);
    const [e] = events;
    expect(e).toMatchObject({
      entity: 'attendance',
      id: abu.id,
      action: 'updated',
      engagementId: w.engagementId,
      workshopId: w.id,
      dayId,
      record: entry,
    });
    // Patching the sheet read before the check-in gives what the store now answers.
    const patched = patchDaySheet(before as DaySheet, e, dayId);
    expect(patched).toEqual(await ok('attendance.day', { dayId }));
  });

  it('a walk-in patches an open day sheet to what the store answers, without reading the register', async () => {
    const { e, dayId, siti } = await seed();
    await ok('attendance.checkIn', { dayId, participantId: siti.id, signature: null });
    let sheet = (await ok('attendance.day', { dayId })) as DaySheet;
    for (const [name, agency] of [
      ['Rina Wulandari', 'DISKOMINFO'],
      ['Agus Salim', 'Dinas Kesehatan'],
      ['Dewi Lestari', 'diskominfo '],
      ['Tanpa Instansi', ''],
    ]) {
      events.length = 0;
      await ok('participants.create', { engagementId: e.id, name, agency });
      expect(events).toHaveLength(1);
      sheet = patchDaySheet(sheet, events[0], dayId)!;
      expect(sheet, name).toEqual(await ok('attendance.day', { dayId }));
    }
    // An edit of the register is not patched: the view reloads.
    const someone = (await ok('participants.list', { engagementId: e.id }))[0];
    events.length = 0;
    await ok('participants.update', { id: someone.id, patch: { agency: 'Bappeda' } });
    expect(patchDaySheet(sheet, events[0], dayId)).toBeUndefined();
  });

  it('a representative checked in with diwakili travels in the same burst as the person represented', async () => {
    const { dayId, abu, siti: rina } = await seed();
    const before = await ok('attendance.day', { dayId });
    events.length = 0;
    await ok('attendance.checkIn', {
      dayId,
      participantId: rina.id,
      signature: b64(signaturePng(3)),
      represents: abu.id,
    });
    expect(events.map((e) => e.record && (e.record as { participantId: string }).participantId)).toEqual([
      rina.id,
      abu.id,
    ]);
    const patched = events.reduce<DaySheet | undefined>(
      (sheet, e) => patchDaySheet(sheet!, e, dayId),
      before as DaySheet,
    );
    expect(patched).toEqual(await ok('attendance.day', { dayId }));
  });
});

describe('import through the handlers', () => {
  const csv = [
    'DAFTAR PESERTA BIMTEK TAHAP III',
    '',
    'No;Nama Lengkap;NIP;Jabatan;Instansi/OPD;No. HP',
    '1;Drs. H. Abdullah Abu Bakar, S.E., M.Si.;;Wali Kota;Pemerintah Kota Kediri;081234567890',
    '2;Rina Wulandari;198902142015032001;Analis;Dinas Kesehatan;085655512345',
    '3;Tanggal Salah;198513152010012002;Staf;Bappeda;',
    '4;Rina Wulandari;198902142015032001;Analis;Dinas Kesehatan;085655512345',
  ].join('\r\n');
  const file = () => b64(Buffer.from('\ufeff' + csv, 'utf8'));

  it('previews without writing, then commits only the new rows', async () => {
    const { e } = await seed();
    const req = { engagementId: e.id, fileName: 'peserta.csv', data: file() };
    const preview = await ok('participants.importPreview', req);
    expect(preview.headerIndex).toBe(2);
    expect((preview.rows as any[]).map((r) => [r.rowNumber, r.status])).toEqual([
      [4, 'duplicate'],
      [5, 'new'],
      [6, 'invalid'],
      [7, 'duplicate'],
    ]);
    expect(preview.rows[2].messages[0]).toMatch(/Tanggal lahir pada NIP/);
    expect((await ok('participants.list', { engagementId: e.id })).length).toBe(3);
    const result = await ok('participants.importCommit', {
      ...req,
      headerIndex: preview.headerIndex,
      mapping: preview.mapping,
    });
    expect(result).toEqual({ created: 1, duplicates: 2, invalid: 1, opdsAdded: 0, aliasesSaved: 0 });
    const names = ((await ok('participants.list', { engagementId: e.id })) as any[]).map((p) => p.name);
    expect(names).toContain('Rina Wulandari');
    expect(names).toHaveLength(4);
  });

  it('a corrected mapping is used: unmapping the NIP column makes the bad row valid', async () => {
    const { e } = await seed();
    const req = { engagementId: e.id, fileName: 'peserta.csv', data: file() };
    const preview = await ok('participants.importPreview', req);
    const again = await ok('participants.importPreview', {
      ...req,
      headerIndex: preview.headerIndex,
      mapping: { ...preview.mapping, nip: null },
    });
    expect(again.rows.find((r: any) => r.rowNumber === 6).status).toBe('new');
  });

  it('a row the register cannot store never hides a later row as its duplicate', async () => {
    const { e } = await seed();
    const longName = 'X'.repeat(250);
    const text = [
      'Nama;NIP;No. HP',
      `${longName};199001012015031001;-`,
      'Dewi Lestari;199001012015031001;0812-3456-7890 (WA)',
    ].join('\n');
    const req = { engagementId: e.id, fileName: 'p.csv', data: b64(Buffer.from(text)) };
    const preview = await ok('participants.importPreview', req);
    expect((preview.rows as any[]).map((r) => r.status)).toEqual(['invalid', 'new']);
    expect(preview.rows[0].messages).toEqual(['Nama: Terlalu panjang.']);
    expect(preview.rows[1].values.phone).toBe('0812-3456-7890');
    const result = await ok('participants.importCommit', {
      ...req,
      headerIndex: preview.headerIndex,
      mapping: preview.mapping,
    });
    expect(result).toEqual({ created: 1, duplicates: 0, invalid: 1, opdsAdded: 0, aliasesSaved: 0 });
  });

  it('an import that fails inside its transaction leaves the register as it was', async () => {
    const { e } = await seed();
    const person = {
      name: 'A',
      nip: '199001012015031001',
      position: '',
      agency: '',
      phone: '',
      email: '',
      gender: '' as const,
      role: 'peserta' as const,
    };
    expect(() => backend.services!.participants.createMany(e.id, [person, { ...person, name: 'B' }])).toThrow();
    expect((await ok('participants.list', { engagementId: e.id })).length).toBe(3);
  });

  it('a file that is not a table gets one clear message and writes nothing', async () => {
    const { e } = await seed();
    const r = await backend.handlers['participants.importPreview']({
      engagementId: e.id,
      fileName: 'peserta.csv',
      data: b64(signaturePng(1)),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message.length).toBeGreaterThan(10);
    expect(r.error.message).not.toMatch(/notATable/);
  });
});

describe('documents', () => {
  it('the daftar hadir lists who is present with their signatures; the blank one lists the register', async () => {
    const { e, dayId, abu, siti } = await seed();
    await ok('engagements.update', {
      id: e.id,
      patch: {
        letterhead: {
          lines: ['PEMERINTAH KOTA KEDIRI', 'DINAS KOMUNIKASI DAN INFORMATIKA'],
          address: 'Jalan Basuki Rahmat 15',
          contacts: '',
        },
        documents: { ...DEFAULT_DOCUMENT_SETTINGS, paper: 'A4', blankRows: 3, listScope: 'present' },
      },
    });
    await ok('attendance.checkIn', { dayId, participantId: abu.id, signature: b64(signaturePng(1)) });
    await ok('attendance.checkIn', { dayId, participantId: siti.id, signature: b64(signaturePng(2)) });
    const file = await ok('documents.attendanceList', { dayId, blank: false });
    expect(file.fileName).toMatch(/^Daftar Hadir Bimtek Tahap III 2019-08-28\.docx$/);
    const doc = await openDocx(Buffer.from(file.data, 'base64'));
    expect(doc.text).toContain('DAFTAR HADIR');
    expect(doc.text).toContain('Rabu, 28 Agustus 2019');
    expect(doc.text).toContain('Drs. H. Abdullah Abu Bakar, S.E., M.Si.');
    expect(doc.text).not.toContain('Budi Santoso');
    expect(doc.media.length).toBe(2);
    expect(doc.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // header + 2 people + 3 blank rows
    expect(tableRows(doc.documentXml).length).toBeGreaterThanOrEqual(6);
    const blank = await ok('documents.attendanceList', { dayId, blank: true });
    const blankDoc = await openDocx(Buffer.from(blank.data, 'base64'));
    expect(blankDoc.text).toContain('Budi Santoso');
    expect(blankDoc.media.length).toBe(0);
  });

  it('the register exports as CSV with a BOM and as XLSX', async () => {
    const { e } = await seed();
    const csv = await ok('participants.export', { engagementId: e.id, format: 'csv' });
    const text = Buffer.from(csv.data, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('Siti Nurhayati, S.Kom.');
    const xlsx = await ok('participants.export', { engagementId: e.id, format: 'xlsx' });
    expect(Buffer.from(xlsx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('an emblem must be an image; a PNG is accepted and shown back', async () => {
    const { e } = await seed();
    const bad = await backend.handlers['engagements.setEmblem']({ id: e.id, image: b64(Buffer.from('GIF89a....')) });
    expect(bad.ok ? null : bad.error.details?.issues?.[0]?.code).toBe('notAnImage');
    const good = await ok('engagements.setEmblem', { id: e.id, image: b64(signaturePng(4)) });
    expect(good.hasEmblem).toBe(true);
    expect((await ok('engagements.emblem', { id: e.id })).dataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it('the self check-in PIN is kept hashed and verified', async () => {
    const { e } = await seed();
    expect((await ok('engagements.verifyPin', { id: e.id, pin: '' })).ok).toBe(true);
    const updated = await ok('engagements.update', { id: e.id, patch: { kioskPin: '2468' } });
    expect(updated.kioskPinSet).toBe(true);
    expect(JSON.stringify(updated)).not.toContain('2468');
    expect((await ok('engagements.verifyPin', { id: e.id, pin: '1357' })).ok).toBe(false);
    expect((await ok('engagements.verifyPin', { id: e.id, pin: '2468' })).ok).toBe(true);
  });

  it('after five wrong PINs even the right one is refused for a while', async () => {
    const { e } = await seed();
    await ok('engagements.update', { id: e.id, patch: { kioskPin: '2468' } });
    for (let i = 0; i < 5; i++) expect((await ok('engagements.verifyPin', { id: e.id, pin: '0000' })).ok).toBe(false);
    expect((await ok('engagements.verifyPin', { id: e.id, pin: '2468' })).ok).toBe(false);
  });
});

describe('migration from schema 1', () => {
  it('keeps engagements and workshops and adds the register with default letterhead settings', () => {
    const file = path.join(dir, 'old', DB_FILE_NAME);
    fs.mkdirSync(path.dirname(file));
    const v1 = openStore(file, MIGRATIONS.slice(0, 1));
    v1.db
      .prepare(
        `INSERT INTO engagements (id, region_name, region_kind, province, year, time_zone, programme_name, created_at, updated_at)
      VALUES ('6f1c1a52-3d0e-4e55-9a36-1b0b8a1f6a01', 'Kediri', 'kota', 'Jawa Timur', 2019, 'WIB', 'Gerakan Menuju 100 Smart City', 'x', 'x')`,
      )
      .run();
    v1.close();
    const v2 = openStore(file);
    expect(v2.backupFile).not.toBeNull();
    const row = v2.db.prepare('SELECT region_name, documents_json FROM engagements').get() as {
      region_name: string;
      documents_json: string;
    };
    expect(row.region_name).toBe('Kediri');
    expect(JSON.parse(row.documents_json)).toEqual({ paper: 'F4', fontFamily: 'Arial', fontSizePt: 12, blankRows: 10 });
    v2.close();
    const backup = new BetterSqlite3(v2.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
  });
});
