import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectHeader } from '../../../electron/core/import/header';
import { buildPreview } from '../../../electron/core/import/preview';
import { NotATableError, readTable } from '../../../electron/core/import/table';
import { readXlsx } from '../../../electron/core/import/xlsx';
import { signaturePng } from '../../fixtures/png';

async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A secretariat's list: merged title rows, a blank row, then the header on row 5. */
function secretariatSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet('Daftar Hadir');
  ws.getCell('A1').value = 'DAFTAR HADIR PESERTA';
  ws.mergeCells('A1:H1');
  ws.getCell('A2').value = 'Bimtek Smart City Tahap III – Kota Kediri';
  ws.mergeCells('A2:H2');
  ws.getCell('A3').value = new Date(Date.UTC(2019, 7, 28));
  ws.getRow(5).values = ['No', 'Nama Lengkap', 'NIP', 'Jabatan', 'Instansi/OPD', 'No. HP', 'E-mail', 'Tanggal Lahir'];
  ws.getRow(6).values = [
    1,
    { richText: [{ text: 'Drs. H. Abdullah ', font: { bold: true } }, { text: 'Abu Bakar, S.E., M.Si.' }] },
    '198503152010011002', // typed as text: exact
    'Kepala Dinas',
    'Dinas Komunikasi dan Informatika',
    '081234567890',
    { text: 'abu.bakar@kedirikota.go.id', hyperlink: 'mailto:abu.bakar@kedirikota.go.id' },
    new Date(Date.UTC(1985, 2, 15)),
  ];
  ws.getRow(7).values = [
    { formula: 'A6+1', result: 2 },
    'Siti Nurhayati',
    Number('198109302009022001'), // typed as a number: Excel keeps 15 digits
    'Staf',
    'Dinas Kesehatan',
    81234567891, // the leading 0 is gone
    '',
    0.1 + 0.2,
  ];
}

describe('readXlsx', () => {
  it('reads the first sheet as text cells, keeping row positions', async () => {
    const { rows } = await readXlsx(await workbookBytes(secretariatSheet));
    expect(rows).toHaveLength(7);
    expect(rows[0][0]).toBe('DAFTAR HADIR PESERTA');
    expect(rows[2]).toEqual(['2019-08-28']);
    expect(rows[3]).toEqual([]);
    expect(rows[5]).toEqual([
      '1',
      'Drs. H. Abdullah Abu Bakar, S.E., M.Si.',
      '198503152010011002',
      'Kepala Dinas',
      'Dinas Komunikasi dan Informatika',
      '081234567890',
      'abu.bakar@kedirikota.go.id',
      '1985-03-15',
    ]);
    expect(rows[6][0]).toBe('2'); // the formula's result, not "2.0" or the formula
    expect(rows[6][7]).toBe('0.3');
  });

  it('writes a long number as all its digits and marks it as damaged by Excel', async () => {
    const { rows, damaged } = await readXlsx(await workbookBytes(secretariatSheet));
    expect(rows[6][2]).toMatch(/^\d{18}$/);
    expect(rows[6][2].startsWith('198109302009022')).toBe(true);
    expect(damaged).toEqual([{ row: 6, col: 2 }]);
  });

  it('repeats a merged value in every cell it covers', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getRow(1).values = ['Nama', 'Instansi'];
      ws.getRow(2).values = ['A', 'Dinas Kesehatan'];
      ws.getRow(3).values = ['B'];
      ws.mergeCells('B2:B3');
    });
    const { rows } = await readXlsx(bytes);
    expect(rows[2]).toEqual(['B', 'Dinas Kesehatan']);
  });

  it('skips a hidden first sheet', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Referensi', { state: 'hidden' }).getCell('A1').value = 'kode';
      wb.addWorksheet('Peserta').getRow(1).values = ['Nama', 'NIP'];
    });
    expect((await readXlsx(bytes)).rows).toEqual([['Nama', 'NIP']]);
  });
});

describe('readTable', () => {
  it('reads an .xlsx with a title row and flags the Excel-damaged NIP in the preview', async () => {
    const table = await readTable(await workbookBytes(secretariatSheet), 'daftar-hadir.xlsx');
    const header = detectHeader(table.rows);
    expect(header?.headerIndex).toBe(4);
    const preview = buildPreview(table.rows, header!.headerIndex, header!.mapping, [], { damaged: table.damaged });
    expect(preview.map((r) => [r.rowNumber, r.status, r.reasons])).toEqual([
      [6, 'new', []],
      [7, 'invalid', ['nip.excelDamaged']],
    ]);
    expect(preview[1].values.phone).toBe('081234567891');
  });

  it('reads a workbook whatever its file name says', async () => {
    const table = await readTable(await workbookBytes(secretariatSheet), 'peserta.csv');
    expect(table.rows[4][1]).toBe('Nama Lengkap');
  });

  it('reads CSV bytes into rows', async () => {
    const table = await readTable(new Uint8Array(Buffer.from('Nama;NIP\r\nJosé;1\r\n', 'latin1')), 'peserta.csv');
    expect(table).toEqual({
      rows: [
        ['Nama', 'NIP'],
        ['José', '1'],
      ],
      damaged: [],
    });
  });

  async function reasonFor(bytes: Uint8Array, name: string): Promise<string> {
    try {
      await readTable(bytes, name);
    } catch (e) {
      expect(e).toBeInstanceOf(NotATableError);
      expect((e as NotATableError).code).toBe('notATable');
      return (e as NotATableError).reason;
    }
    throw new Error('readTable accepted the file');
  }

  it('refuses an empty file', async () => {
    expect(await reasonFor(new Uint8Array(0), 'kosong.csv')).toBe('empty');
    expect(await reasonFor(new Uint8Array(Buffer.from(' \r\n\r\n')), 'kosong.csv')).toBe('empty');
  });

  it('refuses a PNG image, even one named .csv', async () => {
    expect(await reasonFor(signaturePng(), 'tanda-tangan.png')).toBe('binary');
    expect(await reasonFor(signaturePng(), 'peserta.csv')).toBe('binary');
  });

  it('refuses an old .xls (OLE) file with its own reason', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    expect(await reasonFor(ole, 'peserta.xls')).toBe('oldExcel');
  });

  it('refuses a zip that is not a workbook, and a damaged .xlsx', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const docx = await zip.generateAsync({ type: 'uint8array' });
    expect(await reasonFor(docx, 'notula.docx')).toBe('unreadableWorkbook');
    expect(await reasonFor(new Uint8Array(Buffer.from('not a zip at all')), 'peserta.xlsx')).toBe('unreadableWorkbook');
  });

  it('refuses separators without a single filled cell', async () => {
    expect(await reasonFor(new Uint8Array(Buffer.from(';;;\r\n;;;\r\n')), 'kosong.csv')).toBe('noCells');
  });
});
