import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ACTION_COLUMNS, actionTableRows, slashDate } from '../../../electron/core/documents/actions-files';
import { useTestBackend } from '../../fixtures/backend';
import { cellTexts, openDocx, tableRows } from '../../fixtures/docx';
import { engagementInput, workshopInput } from '../../fixtures/inputs';

const t = useTestBackend('bimtek-actions-export-');
const { ok } = t;

/** A Tahap III workshop with a decision that became an item, and a second item with evidence and history. */
async function seeded() {
  const e = await ok('engagements.create', engagementInput());
  const w = await ok('workshops.create', { ...workshopInput(e.id), template: 'tahap-3' });
  const agenda = await ok('agenda.get', { workshopId: w.id });
  const day = agenda.days[0];
  const step = day.steps[3];
  const d = await ok('decisions.create', { dayId: day.id, stepId: step.id, text: 'Perwali Smart City disusun.' });
  const a1 = await ok('actions.create', {
    engagementId: e.id,
    workshopId: w.id,
    stepId: step.id,
    decisionId: d.id,
    title: 'Menyusun Perwali Masterplan Smart City',
    kind: 'payung-hukum',
    programme: 'Masterplan Smart City',
    dimension: 'governance',
    agency: 'Bappeda',
    person: 'Ir. Sri Wahyuni',
    dueDate: '2020-02-28',
  });
  t.clock.clock = '2019-09-23T03:00:00.000Z';
  await ok('actions.update', {
    id: a1.id,
    patch: {
      status: 'selesai',
      statusNote: 'disahkan',
      evidenceNumber: 'Perwali Nomor 12 Tahun 2019',
      evidenceDate: '2019-09-23',
    },
  });
  // A title that Excel would run as a formula, and no due date: both must come out as text.
  await ok('actions.create', {
    engagementId: e.id,
    title: '=SUM(A1) SOP layanan e-SPTPD',
    kind: 'sop',
    agency: 'Bapenda',
  });
  return { e, w, step };
}

async function exported(engagementId: string, format: 'xlsx' | 'csv' | 'docx') {
  const file = await ok('actions.export', { engagementId, format });
  return { file, bytes: Buffer.from(file.data as string, 'base64') };
}

describe('action items export (actions.export)', () => {
  it('the XLSX export read back: one sheet "Tindak Lanjut" with every column and the item’s origin', async () => {
    const { e, step } = await seeded();
    const { file, bytes } = await exported(e.id, 'xlsx');
    expect(file.fileName).toBe('Tindak Lanjut Kota Kediri 2019.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tindak Lanjut']);
    const sheet = wb.getWorksheet('Tindak Lanjut')!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v == null ? '' : v));
    expect(row(1)).toEqual([...ACTION_COLUMNS]);
    expect(sheet.rowCount).toBe(3);
    expect(row(2)).toEqual([
      1,
      'Menyusun Perwali Masterplan Smart City',
      'Payung hukum',
      'Masterplan Smart City',
      'Smart Governance',
      'Bappeda',
      'Ir. Sri Wahyuni',
      '28/02/2020',
      'Selesai',
      'Perwali Nomor 12 Tahun 2019, 23/09/2019',
      `Tahap III – Bimtek Tahap III Masterplan Smart City · ${step.title} · Keputusan: Perwali Smart City disusun.`,
      '20/08/2019 Belum; 23/09/2019 Selesai (disahkan)',
    ]);
    expect(row(3).slice(0, 9)).toEqual([2, '=SUM(A1) SOP layanan e-SPTPD', 'SOP', '', '', 'Bapenda', '', '', 'Belum']);
    // Text, never a formula.
    expect(sheet.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });

  it('CSV: UTF-8 with BOM, semicolons, the same columns, formula-like text defused', async () => {
    const { e } = await seeded();
    const { file, bytes } = await exported(e.id, 'csv');
    expect(file.fileName).toBe('Tindak Lanjut Kota Kediri 2019.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(ACTION_COLUMNS.join(';'));
    expect(lines[1]).toContain(
      ';Payung hukum;Masterplan Smart City;Smart Governance;Bappeda;Ir. Sri Wahyuni;28/02/2020;',
    );
    expect(lines[1]).toContain('Perwali Nomor 12 Tahun 2019, 23/09/2019');
    expect(lines[2].startsWith("2;'=SUM(A1) SOP layanan e-SPTPD;SOP;")).toBe(true);
    expect(lines).toHaveLength(4); // header, two items, and the final CRLF
  });

  it('DOCX: letterhead, DAFTAR TINDAK LANJUT, five columns with a repeating header, id-ID dates', async () => {
    const { e } = await seeded();
    const { file, bytes } = await exported(e.id, 'docx');
    expect(file.fileName).toBe('Tindak Lanjut Kota Kediri 2019.docx');
    const doc = await openDocx(bytes);
    expect(doc.text).toContain('DAFTAR TINDAK LANJUT');
    expect(doc.text).toContain('Gerakan Menuju 100 Smart City Kota Kediri 2019');
    const rows = tableRows(doc.documentXml).map(cellTexts);
    const table = rows.slice(rows.findIndex((r) => r[0] === 'No'));
    expect(table).toEqual([
      ['No', 'Tindak lanjut', 'Penanggung jawab (OPD)', 'Batas waktu', 'Status'],
      ['1', 'Menyusun Perwali Masterplan Smart City', 'Bappeda – Ir. Sri Wahyuni', '28 Februari 2020', 'Selesai'],
      ['2', '=SUM(A1) SOP layanan e-SPTPD', 'Bapenda', '–', 'Belum'],
    ]);
    // The header row repeats on every page.
    const header = tableRows(doc.documentXml).find((r) => cellTexts(r)[0] === 'No')!;
    expect(header).toContain('<w:tblHeader/>');
  });

  it('an engagement without items still gives a header row, and a DOCX that says so', async () => {
    const e = await ok('engagements.create', engagementInput());
    const { bytes } = await exported(e.id, 'docx');
    expect((await openDocx(bytes)).text).toContain('Belum ada tindak lanjut.');
    const csv = (await exported(e.id, 'csv')).bytes.toString('utf8');
    expect(csv).toBe('\ufeff' + ACTION_COLUMNS.join(';') + '\r\n');
  });

  it('dates as dd/mm/yyyy, history in order with notes', () => {
    expect(slashDate('2019-09-23')).toBe('23/09/2019');
    expect(slashDate('2019-09-23T03:00:00.000Z')).toBe('23/09/2019');
    expect(slashDate('')).toBe('');
    const [, r] = actionTableRows([
      {
        title: 'X',
        kind: 'SK',
        programme: '',
        dimension: '',
        agency: '',
        person: '',
        dueDate: '',
        status: 'Proses',
        evidenceNumber: '',
        evidenceDate: '2019-10-01',
        origin: '',
        history: [
          { at: '2019-08-28', status: 'Belum', note: '' },
          { at: '2019-09-02', status: 'Proses', note: 'draf di Bagian Hukum' },
        ],
      },
    ]);
    expect(r[9]).toBe('01/10/2019');
    expect(r[11]).toBe('28/08/2019 Belum; 02/09/2019 Proses (draf di Bagian Hukum)');
  });
});
