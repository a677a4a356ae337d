import { describe, expect, it } from 'vitest';
import { gatherAttendanceList } from '../../../electron/core/documents/files';
import { useTestBackend } from '../../fixtures/backend';
import { cellTexts, openDocx, tableRows } from '../../fixtures/docx';
import { engagementInput, workshopInput } from '../../fixtures/inputs';
import { signaturePng } from '../../fixtures/png';

/*
 * The daftar hadir as the secretariat files it: everyone registered for the day with Keterangan
 * (or only those present), the chair's signature block, the phone column per copy.
 */

const t = useTestBackend('bimtek-attendance-list-');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function seed() {
  const e = await t.ok('engagements.create', engagementInput());
  const w = await t.ok(
    'workshops.create',
    workshopInput(e.id, {
      chairName: 'Dr. Hj. Endang Kartika Sari, M.Si.',
      chairRank: 'Pembina Utama Muda (IV/c)',
      chairNip: '196807171993032008',
      noteTakerName: 'Rina Wulandari, S.Kom.',
      noteTakerRank: 'Penata (III/c)',
      noteTakerNip: '199001152015032004',
      secondSigner: 'notulis',
    }),
  );
  const dayId = w.days[0].id as string;
  const add = (name: string, role = 'peserta') =>
    t.ok('participants.create', { engagementId: e.id, name, agency: 'Diskominfo', phone: '081234567890', role });
  const people = {
    ani: await add('Ani Hadir'),
    bayu: await add('Bayu Izin'),
    citra: await add('Citra Sakit'),
    dedi: await add('Dedi Diwakili'),
    eko: await add('Eko Wakil'),
    fajar: await add('Fajar Tanpa Kabar'),
    gita: await add('Gita Panitia', 'panitia'),
  };
  await t.ok('attendance.checkIn', { dayId, participantId: people.ani.id, signature: b64(signaturePng(1)) });
  await t.ok('attendance.setStatus', { dayId, participantId: people.bayu.id, status: 'izin' });
  await t.ok('attendance.setStatus', { dayId, participantId: people.citra.id, status: 'sakit' });
  await t.ok('attendance.checkIn', { dayId, participantId: people.eko.id, signature: b64(signaturePng(2)) });
  await t.ok('attendance.setStatus', {
    dayId,
    participantId: people.dedi.id,
    status: 'diwakili',
    representedById: people.eko.id,
  });
  return { e, w, dayId, people };
}

const remarks = (rows: { name: string; remark?: string }[]) => Object.fromEntries(rows.map((r) => [r.name, r.remark]));

describe('the daftar hadir of a day', () => {
  it('lists everyone registered with Keterangan by default, the committee only when present', async () => {
    const { dayId } = await seed();
    const data = gatherAttendanceList(t.backend().services!, dayId, false);
    expect(remarks(data.input.rows)).toEqual({
      'Ani Hadir': 'Hadir',
      'Bayu Izin': 'Izin',
      'Citra Sakit': 'Sakit',
      'Dedi Diwakili': 'Diwakili oleh Eko Wakil',
      'Eko Wakil': 'Mewakili Dedi Diwakili',
      'Fajar Tanpa Kabar': 'Tidak hadir',
    });
    // Signatures only for those in the room.
    const signed = data.input.rows.filter((r) => r.signature).map((r) => r.name);
    expect(signed).toEqual(['Ani Hadir', 'Eko Wakil']);
    expect(data.input.rows.find((r) => r.name === 'Bayu Izin')!.present).toBe(false);
  });

  it('"hadir saja" lists only those present, in check-in order', async () => {
    const { e, dayId } = await seed();
    const engagement = await t.ok('engagements.get', { id: e.id });
    await t.ok('engagements.update', {
      id: e.id,
      patch: { documents: { ...engagement.documents, listScope: 'present' } },
    });
    const data = gatherAttendanceList(t.backend().services!, dayId, false);
    expect(remarks(data.input.rows)).toEqual({ 'Ani Hadir': 'Hadir', 'Eko Wakil': 'Mewakili Dedi Diwakili' });
  });

  it('closes with the chair and the note-taker as signatories, in the region on the day', async () => {
    const { dayId } = await seed();
    const file = await t.ok('documents.attendanceList', { dayId });
    const doc = await openDocx(Buffer.from(file.data as string, 'base64'));
    for (const s of [
      'Kediri, 28 Agustus 2019',
      'Mengetahui,',
      'Pimpinan Rapat,',
      'Dr. Hj. Endang Kartika Sari, M.Si.',
      'Pembina Utama Muda (IV/c)',
      'NIP. 19680717 199303 2 008',
      'Notulis,',
      'Penata (III/c)',
      'NIP. 19900115 201503 2 004',
    ]) {
      expect(doc.text).toContain(s);
    }
  });

  it('prints phone numbers in the list but not in the copy for the minutes, unless the engagement says so', async () => {
    const { e, dayId } = await seed();
    const header = async (copy: 'list' | 'annex') => {
      const file = await t.ok('documents.attendanceList', { dayId, copy });
      const doc = await openDocx(Buffer.from(file.data as string, 'base64'));
      const rows = tableRows(doc.documentXml);
      return { file, header: cellTexts(rows.find((r) => r.includes('<w:tblHeader/>'))!), text: doc.text };
    };
    const list = await header('list');
    expect(list.header).toContain('No. HP');
    expect(list.text).toContain('0812 3456 7890');
    const annex = await header('annex');
    expect(annex.header).not.toContain('No. HP');
    expect(annex.text).not.toContain('0812 3456 7890');
    expect(annex.file.fileName).toMatch(/\(lampiran\)\.docx$/);

    const engagement = await t.ok('engagements.get', { id: e.id });
    await t.ok('engagements.update', {
      id: e.id,
      patch: { documents: { ...engagement.documents, phoneInList: false, phoneInAnnex: true } },
    });
    expect((await header('list')).header).not.toContain('No. HP');
    expect((await header('annex')).header).toContain('No. HP');
  });
});

describe('OPD aliases', () => {
  it('parses the list: official name, then short names after "="', async () => {
    const { parseAgencyList, canonicalAgency } = await import('../../../shared/names');
    const list = parseAgencyList([
      'Dinas Komunikasi dan Informatika = Diskominfo, Kominfo',
      'Badan Perencanaan Pembangunan Daerah = Bappeda',
      'Dinas Kesehatan',
      '  ',
    ]);
    expect(list).toEqual([
      { name: 'Dinas Komunikasi dan Informatika', aliases: ['Diskominfo', 'Kominfo'] },
      { name: 'Badan Perencanaan Pembangunan Daerah', aliases: ['Bappeda'] },
      { name: 'Dinas Kesehatan', aliases: [] },
    ]);
    expect(canonicalAgency(list, 'DISKOMINFO')).toBe('Dinas Komunikasi dan Informatika');
    expect(canonicalAgency(list, 'dinas kesehatan')).toBe('Dinas Kesehatan');
    expect(canonicalAgency(list, 'Dinas Sosial')).toBe('Dinas Sosial');
  });

  it('stores people and imports under the official name, so counts per OPD are one line', async () => {
    const e = await t.ok(
      'engagements.create',
      engagementInput({ agencies: ['Dinas Komunikasi dan Informatika = Diskominfo, Kominfo', 'Dinas Kesehatan'] }),
    );
    const w = await t.ok('workshops.create', workshopInput(e.id));
    const dayId = w.days[0].id as string;
    const a = await t.ok('participants.create', { engagementId: e.id, name: 'Ani', agency: 'Diskominfo' });
    expect(a.agency).toBe('Dinas Komunikasi dan Informatika');
    await t.ok('participants.create', { engagementId: e.id, name: 'Budi', agency: 'Dinas Komunikasi dan Informatika' });
    // The import matches "Kominfo" through the list; "Ani, Diskominfo" is the same person as Ani.
    const csv = '\ufeffNama;Instansi\r\nCitra;Kominfo\r\nAni;Diskominfo\r\nDedi;Dinas Sosial\r\n';
    const file = { engagementId: e.id, fileName: 'p.csv', data: b64(Buffer.from(csv, 'utf8')) };
    const preview = await t.ok('participants.importPreview', file);
    expect(
      (preview.rows as { values: { agency: string }; status: string }[]).map((r) => [r.values.agency, r.status]),
    ).toEqual([
      ['Dinas Komunikasi dan Informatika', 'new'],
      ['Dinas Komunikasi dan Informatika', 'duplicate'],
      ['Dinas Sosial', 'new'],
    ]);
    await t.ok('participants.importCommit', { ...file, headerIndex: preview.headerIndex, mapping: preview.mapping });
    const sheet = await t.ok('attendance.day', { dayId });
    expect(sheet.counts.byAgency).toEqual(
      expect.arrayContaining([{ agency: 'Dinas Komunikasi dan Informatika', present: 0, expected: 3 }]),
    );
    expect((sheet.counts.byAgency as { agency: string }[]).map((x) => x.agency).sort()).toEqual([
      'Dinas Komunikasi dan Informatika',
      'Dinas Sosial',
    ]);
  });
});

describe('rekap kehadiran across stages', () => {
  it('puts every person against every stage day, with totals per day and per OPD and who came every day', async () => {
    const e = await t.ok(
      'engagements.create',
      engagementInput({ agencies: ['Dinas Komunikasi dan Informatika = Diskominfo'] }),
    );
    const tahap3 = await t.ok('workshops.create', workshopInput(e.id));
    const tahap1 = await t.ok(
      'workshops.create',
      workshopInput(e.id, {
        stage: 'tahap-1',
        title: 'Bimtek Tahap I',
        days: [{ date: '2019-05-15', startTime: '09:00', endTime: null }],
      }),
    );
    const add = (name: string, agency: string) => t.ok('participants.create', { engagementId: e.id, name, agency });
    const ani = await add('Ani', 'Diskominfo');
    const budi = await add('Budi', 'Dinas Komunikasi dan Informatika');
    const citra = await add('Citra', 'Bappeda');
    const [d1] = tahap1.days as { id: string }[];
    const [d2, d3] = tahap3.days as { id: string }[];
    for (const d of [d1, d2, d3]) await t.ok('attendance.checkIn', { dayId: d.id, participantId: ani.id });
    await t.ok('attendance.checkIn', { dayId: d1.id, participantId: budi.id });
    await t.ok('attendance.setStatus', { dayId: d2.id, participantId: budi.id, status: 'izin' });
    await t.ok('attendance.checkIn', { dayId: d3.id, participantId: citra.id });

    const r = await t.ok('attendance.recap', { engagementId: e.id });
    // Days in date order: Tahap I (15 Mei) before Tahap III (28 and 29 Agustus).
    expect((r.days as { date: string; stage: string }[]).map((d) => [d.stage, d.date])).toEqual([
      ['tahap-1', '2019-05-15'],
      ['tahap-3', '2019-08-28'],
      ['tahap-3', '2019-08-29'],
    ]);
    const row = (name: string) =>
      (r.people as { name: string; statuses: unknown[]; everyDay: boolean }[]).find((p) => p.name === name)!;
    expect(row('Ani')).toMatchObject({ statuses: ['hadir', 'hadir', 'hadir'], everyDay: true });
    expect(row('Budi')).toMatchObject({ statuses: ['hadir', 'izin', null], everyDay: false });
    expect(row('Citra')).toMatchObject({ statuses: [null, null, 'hadir'], everyDay: false });
    expect(r.totals).toEqual({ expected: 3, present: [2, 1, 2], everyDay: 1 });
    expect(r.byAgency).toEqual([
      { agency: 'Bappeda', expected: 1, present: [0, 0, 1] },
      { agency: 'Dinas Komunikasi dan Informatika', expected: 2, present: [2, 1, 1] },
    ]);
  });
});

describe('rekap kehadiran as files', () => {
  it('XLSX with a sheet per participant and per OPD; DOCX landscape with the letterhead and both tables', async () => {
    const e = await t.ok('engagements.create', engagementInput());
    await t.ok('engagements.update', {
      id: e.id,
      patch: { letterhead: { lines: ['PEMERINTAH KOTA KEDIRI'], address: '', contacts: '' } },
    });
    const w = await t.ok('workshops.create', workshopInput(e.id));
    const p = await t.ok('participants.create', { engagementId: e.id, name: 'Siti Nurhayati', agency: 'Diskominfo' });
    await t.ok('participants.create', { engagementId: e.id, name: 'Budi Santoso', agency: 'Bappeda' });
    for (const d of w.days as { id: string }[]) await t.ok('attendance.checkIn', { dayId: d.id, participantId: p.id });

    const xlsx = await t.ok('documents.recap', { engagementId: e.id, format: 'xlsx' });
    expect(xlsx.fileName).toBe('Rekap Kehadiran Kota Kediri 2019.xlsx');
    const { loadExcel } = await import('../../../electron/core/import/load-excel');
    const ExcelJS = await loadExcel();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.data as string, 'base64') as never);
    const people = book.getWorksheet('Per peserta')!;
    expect(people.getRow(1).values).toEqual(
      expect.arrayContaining(['Nama', 'Tahap III 28 Agustus 2019', 'Tahap III 29 Agustus 2019', 'Semua tahap']),
    );
    const rows = people.getSheetValues().filter(Boolean) as unknown[][];
    const siti = rows.find((r) => r.includes('Siti Nurhayati'))!;
    expect(siti.filter((v) => v === '✓')).toHaveLength(3); // both days and "every stage"
    expect(book.getWorksheet('Per OPD')!.getRow(1).values).toEqual(
      expect.arrayContaining(['Instansi/OPD', 'Terdaftar']),
    );

    const docx = await t.ok('documents.recap', { engagementId: e.id, format: 'docx' });
    const doc = await openDocx(Buffer.from(docx.data as string, 'base64'));
    for (const s of [
      'PEMERINTAH KOTA KEDIRI',
      'REKAP KEHADIRAN',
      'Per OPD',
      'Per peserta',
      'Siti Nurhayati',
      'Budi Santoso',
    ]) {
      expect(doc.text).toContain(s);
    }
    expect(doc.documentXml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
  });
});
