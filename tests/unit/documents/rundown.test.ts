import { describe, expect, it } from 'vitest';
import { buildRundown, gatherRundown } from '../../../electron/core/documents/files';
import { NO_STEPS_TEXT } from '../../../electron/core/documents/rundown-docx';
import { createHostServer } from '../../../electron/host/server';
import { FILE_OPS, type FileOpName } from '../../../shared/contract';
import { templateFor } from '../../../shared/templates';
import { useTestBackend } from '../../fixtures/backend';
import { cellTexts, openDocx, partsWithoutTimestamps, tableRows } from '../../fixtures/docx';
import { engagementInput, workshopInput } from '../../fixtures/inputs';

const t = useTestBackend('bimtek-rundown-');
const { ok } = t;

const TWO_DAYS: { date: string; startTime: string; endTime: string | null }[] = [
  { date: '2019-08-28', startTime: '08:00', endTime: '16:00' },
  { date: '2019-08-29', startTime: '08:00', endTime: '15:30' },
];

async function tahap3(engagement: Record<string, unknown> = {}, days = TWO_DAYS) {
  const e = await ok('engagements.create', engagementInput(engagement as never));
  const w = await ok('workshops.create', { ...workshopInput(e.id), days, template: 'tahap-3' });
  return { e, w };
}

async function rundown(workshopId: string) {
  const file = await ok('documents.rundown', { workshopId });
  const bytes = Buffer.from(file.data as string, 'base64');
  return { file, bytes, doc: await openDocx(bytes) };
}

/** "08:00" + minutes → "08.30", independent of the code under test. */
function clock(start: string, minutes: number): string {
  const [h, m] = start.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}.${String(total % 60).padStart(2, '0')}`;
}

/** The rows (cell texts) of every table of the document, header rows included. */
const rowsOf = (xml: string) => tableRows(xml).map(cellTexts);

describe('susunan acara (documents.rundown)', () => {
  it('lists every step of Tahap III per day with its planned times, title and presenter', async () => {
    const { w } = await tahap3();
    const { file, doc } = await rundown(w.id);
    expect(file.fileName).toBe('Susunan Acara Bimtek Tahap III Masterplan Smart City.docx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(doc.text).toContain('SUSUNAN ACARA');
    expect(doc.text).toContain('Bimtek Tahap III Masterplan Smart City');
    expect(doc.text).toMatch(/Tahap\s*:\s*Tahap III/);
    expect(doc.text).toMatch(/Daerah\s*:\s*Kota Kediri/);
    expect(doc.text).toContain('Ruang Joyoboyo, Balai Kota Kediri');
    expect(doc.text).toContain('Hari ke-1: Rabu, 28 Agustus 2019');
    expect(doc.text).toContain('Hari ke-2: Kamis, 29 Agustus 2019');
    // The second day's heading comes after every row of the first day.
    expect(doc.text.indexOf('Hari ke-2')).toBeGreaterThan(
      doc.text.indexOf(templateFor('tahap-3').days[0].steps.at(-1)!.title.id),
    );

    const rows = rowsOf(doc.documentXml);
    const header = ['Waktu', 'Acara', 'Keterangan / Penanggung Jawab'];
    const expected: string[][] = [];
    const headings = ['Hari ke-1: Rabu, 28 Agustus 2019', 'Hari ke-2: Kamis, 29 Agustus 2019'];
    templateFor('tahap-3').days.forEach((day, i) => {
      expected.push([headings[i]], header);
      let at = 0;
      for (const s of day.steps) {
        expected.push([
          `${clock('08:00', at)}–${clock('08:00', at + s.minutes)} WIB`,
          s.title.id,
          s.presenter?.id ?? '',
        ]);
        at += s.minutes;
      }
    });
    expect(rows).toEqual(expected);
    expect(rows[2]).toEqual(['08.00–08.30 WIB', 'Registrasi peserta', 'Panitia']);
    expect(rows[3][0]).toBe('08.30–08.40 WIB');
  });

  it('never prints a step’s script or notes', async () => {
    const { w } = await tahap3();
    const step = (await ok('agenda.get', { workshopId: w.id })).days[0].steps[0];
    await ok('agenda.updateStep', { id: step.id, patch: { script: 'NASKAH-RAHASIA', notes: 'CATATAN-RAHASIA' } });
    const { doc } = await rundown(w.id);
    expect(doc.documentXml).not.toMatch(/RAHASIA/);
    expect(doc.text).not.toContain(templateFor('tahap-3').days[0].steps[0].script.id.slice(0, 40));
  });

  it('repeats the day and the column names on every page, never splits a row, one type size in the table', async () => {
    const { w } = await tahap3();
    const { doc } = await rundown(w.id);
    const tables = doc.documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      const rows = tableRows(table);
      // The day across the three columns, then the column names: both repeat on a new page.
      expect(cellTexts(rows[0])[0]).toMatch(/^Hari ke-\d: /);
      expect(rows[0]).toMatch(/<w:gridSpan w:val="3"\/>/);
      expect(cellTexts(rows[1])).toEqual(['Waktu', 'Acara', 'Keterangan / Penanggung Jawab']);
      for (const r of rows.slice(0, 2)) expect(r).toMatch(/<w:tblHeader\/>/);
      for (const r of rows.slice(2)) expect(r).not.toMatch(/<w:tblHeader/);
      for (const r of rows) expect(r).toMatch(/<w:cantSplit\/>/);
      expect(table).toMatch(/<w:tblLayout w:type="fixed"\/>/);
    }
    const sizes = new Set(tables.flatMap((tb) => [...tb.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1])));
    expect([...sizes]).toEqual(['22']);
  });

  it('shrinks the whole table, not one cell, when a long word would not fit its column', async () => {
    const { w } = await tahap3();
    const day = (await ok('agenda.get', { workshopId: w.id })).days[0];
    const long = 'Pengarusutamaan-Pembangunan-Berkelanjutan';
    await ok('agenda.addStep', {
      dayId: day.id,
      afterId: null,
      step: { kind: 'paparan', title: `Paparan ${long}`, plannedMinutes: 30, presenter: 'Bappeda' },
    });
    const { doc } = await rundown(w.id);
    const tables = doc.documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const sizes = new Set(tables.flatMap((tb) => [...tb.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1]))));
    expect(sizes.size).toBe(1);
    const [size] = [...sizes];
    expect(size).toBeLessThan(22);
    expect(size).toBeGreaterThanOrEqual(16);
    expect(rowsOf(doc.documentXml).some((r) => r[1] === `Paparan ${long}` && r[0] === '16.00–16.30 WIB')).toBe(true);
  });

  it('is laid out on F4 by default and on A4 when the engagement says so', async () => {
    const { e, w } = await tahap3();
    expect((await rundown(w.id)).doc.documentXml).toMatch(/<w:pgSz w:w="12189" w:h="18709"/);
    const current = await ok('engagements.get', { id: e.id });
    await ok('engagements.update', { id: e.id, patch: { documents: { ...current.documents, paper: 'A4' } } });
    const a4 = (await rundown(w.id)).doc;
    expect(a4.documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Narrower text width, same columns in proportion: the times still fit at 11 pt.
    expect(rowsOf(a4.documentXml)[2][0]).toBe('08.00–08.30 WIB');
    expect([...a4.documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].join('')).not.toMatch(/<w:sz w:val="(?!22")/);
  });

  it('writes the engagement’s zone after every time (WITA)', async () => {
    const { w } = await tahap3({ timeZone: 'WITA', regionName: 'Makassar' });
    const { doc } = await rundown(w.id);
    const times = rowsOf(doc.documentXml)
      .filter((r) => r.length === 3 && r[0] !== 'Waktu')
      .map((r) => r[0]);
    expect(times.length).toBeGreaterThan(10);
    for (const time of times) expect(time).toMatch(/^\d\d\.\d\d–\d\d\.\d\d WITA$/);
    expect(doc.text).toMatch(/Daerah\s*:\s*Kota Makassar/);
  });

  it('says in one line that a day has no steps instead of printing an empty table', async () => {
    const three = [...TWO_DAYS, { date: '2019-08-30', startTime: '08:00', endTime: null }];
    const { w } = await tahap3({}, three);
    const { doc } = await rundown(w.id);
    expect(doc.text).toContain('Hari ke-3: Jumat, 30 Agustus 2019');
    expect(doc.text.split(NO_STEPS_TEXT)).toHaveLength(2);
    expect(doc.text.indexOf(NO_STEPS_TEXT)).toBeGreaterThan(doc.text.indexOf('Hari ke-3'));
    expect(doc.documentXml.match(/<w:tbl>/g)).toHaveLength(2);
    // The heading of the empty day stays on the page of its line.
    expect(doc.documentXml).toMatch(/<w:keepNext\/>(?:(?!<\/w:p>)[\s\S])*Hari ke-3/);

    const e = await ok('engagements.create', engagementInput());
    const empty = await ok('workshops.create', workshopInput(e.id));
    const none = (await rundown(empty.id)).doc;
    expect(none.documentXml).not.toMatch(/<w:tbl>/);
    expect(none.text.split(NO_STEPS_TEXT)).toHaveLength(3);
  });

  it('refuses an unknown workshop with a clear key, and the room’s screens', async () => {
    const r = await t.backend().handlers.dispatch('documents.rundown', {
      workshopId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.key).toBe('errors.workshopNotFound');
    const { w } = await tahap3();
    const projector = await t
      .backend()
      .handlers.dispatch('documents.rundown', { workshopId: w.id }, { role: 'projector', key: 'window:2' });
    expect(projector.ok).toBe(false);
  });

  it('from the job worker is the same document, part for part, as one built in this thread', async () => {
    const { w } = await tahap3();
    const { file, bytes } = await rundown(w.id);
    const here = await buildRundown(gatherRundown(t.backend().services!, w.id));
    expect(file.fileName).toBe(here.fileName);
    expect(await partsWithoutTimestamps(bytes)).toEqual(await partsWithoutTimestamps(here.bytes));
  });

  it('browser mode downloads it as bytes from POST /files/documents.rundown', async () => {
    const { w } = await tahap3();
    const host = createHostServer({ backend: t.backend(), rendererDir: null, port: 0 });
    const base = await host.listen();
    try {
      const res = await fetch(`${base}files/documents.rundown`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workshopId: w.id }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(decodeURIComponent(res.headers.get('x-file-name') ?? '')).toBe(
        'Susunan Acara Bimtek Tahap III Masterplan Smart City.docx',
      );
      const doc = await openDocx(new Uint8Array(await res.arrayBuffer()));
      expect(doc.text).toContain('Hari ke-2: Kamis, 29 Agustus 2019');
    } finally {
      await host.close();
    }
  });

  it('is a file operation: the type the renderer exports with and FILE_OPS agree', () => {
    // Exhaustive over the type: a file op missing here, or one that is not a file op, fails to compile.
    const names: Record<FileOpName, true> = {
      'documents.attendanceList': true,
      'documents.rundown': true,
      'participants.export': true,
      'packages.export': true,
      'documents.recap': true,
      'actions.attachment': true,
      'actions.export': true,
      'documents.groupOutputs': true,
      'minutes.export': true,
      'minutes.version': true,
    };
    expect([...FILE_OPS].sort()).toEqual(Object.keys(names).sort());
  });
});
