import { describe, expect, it } from 'vitest';
import { detectDelimiter, formatCsv, parseCsv } from '../../../electron/core/import/csv';
import { decodeText } from '../../../electron/core/import/decode';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeText', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const text = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Nama;Instansi\r\nJosé;Diskominfo')]));
    expect(text).toBe('Nama;Instansi\r\nJosé;Diskominfo');
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('Zoë, Ç'))).toBe('Zoë, Ç');
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('Nama,Instansi\nJosé,Dinas Pendidikan\nSiti Nurhayati Ç,', 'latin1'),
      0x93, // Windows-1252 left double quote (a C1 control in Latin-1)
      ...Buffer.from('Kominfo', 'latin1'),
      0x94,
    ]);
    expect(decodeText(bytes)).toBe('Nama,Instansi\nJosé,Dinas Pendidikan\nSiti Nurhayati Ç,“Kominfo”');
  });

  it('reads UTF-16 LE with a BOM (Excel "Unicode Text")', () => {
    const body = Buffer.from('Nama\tNIP\r\nJosé\t198503152010011002\r\n', 'utf16le');
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...body]))).toBe('Nama\tNIP\r\nJosé\t198503152010011002\r\n');
  });
});

describe('detectDelimiter', () => {
  it('picks the semicolon even when names carry commas', () => {
    const text =
      'No;Nama;NIP;Instansi\n1;Abdullah Abu Bakar, S.E., M.Si.;198503152010011002;Diskominfo\n2;Siti, S.Kom.;;Dinkes\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('picks the comma for a comma file with quoted semicolons', () => {
    expect(detectDelimiter('Nama,Instansi\n"A; B",Dinkes\n"C",Diskominfo\n')).toBe(',');
  });

  it('picks the tab for tab-separated text', () => {
    expect(detectDelimiter('Nama\tNIP\tInstansi\nA\t1\tB\n')).toBe('\t');
  });

  it('is not fooled by a title line above the table', () => {
    expect(detectDelimiter('DAFTAR HADIR, TAHAP III\n\nNo;Nama;Instansi\n1;A;B\n2;C;D\n')).toBe(';');
  });

  it('falls back to the comma when there is a single column', () => {
    expect(detectDelimiter('Nama\nA\nB\n')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('parses a semicolon CSV with BOM as Excel (Indonesian locale) saves it', () => {
    const bytes = utf8(
      '\ufeffNo;Nama;NIP;Instansi/OPD\r\n1;"Drs. H. Abdullah Abu Bakar, S.E.; M.Si.";198503152010011002;Diskominfo\r\n',
    );
    expect(parseCsv(decodeText(bytes))).toEqual([
      ['No', 'Nama', 'NIP', 'Instansi/OPD'],
      ['1', 'Drs. H. Abdullah Abu Bakar, S.E.; M.Si.', '198503152010011002', 'Diskominfo'],
    ]);
  });

  it('keeps José and Ç from a Windows-1252 file', () => {
    const rows = parseCsv(
      decodeText(new Uint8Array(Buffer.from('Nama,Instansi\r\nJosé,Dinas\r\nSiti Nurhayati Ç,Kominfo\r\n', 'latin1'))),
    );
    expect(rows.map((r) => r[0])).toEqual(['Nama', 'José', 'Siti Nurhayati Ç']);
  });

  it('handles RFC 4180 quoting: delimiters, line breaks and doubled quotes inside quotes', () => {
    const text = 'a,b,c\n"x, y","line 1\nline 2","say ""halo"""\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'line 1\nline 2', 'say "halo"'],
    ]);
  });

  it('accepts CRLF, LF and CR line ends, and adds no row for the final line break', () => {
    expect(parseCsv('a;b\r\nc;d\ne;f\rg;h\r\n', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps empty fields and blank lines (row numbers stay those of the file)', () => {
    expect(parseCsv('a;;c\n\n;b;\n', ';')).toEqual([['a', '', 'c'], [''], ['', 'b', '']]);
  });

  it('keeps a quote inside an unquoted field as it is, and an unterminated quote to the end', () => {
    expect(parseCsv('5" disk,b\n"open,c\n', ',')).toEqual([['5" disk', 'b'], ['open,c\n']]);
  });

  it('reads back what formatCsv writes', () => {
    const rows = [
      ['Nama', 'Catatan'],
      ['Abu Bakar, S.E.', 'kata "penting"; baris\nbaru'],
      [' spasi ', ''],
    ];
    expect(parseCsv(formatCsv(rows, ';'), ';')).toEqual(rows);
  });
});
