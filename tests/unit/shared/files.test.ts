import { describe, expect, it } from 'vitest';
import { fileNamePart, MAX_FILE_NAME_CHARS, safeFileName } from '../../../shared/files';

describe('safeFileName', () => {
  it.each([
    ['Daftar Hadir Bimtek Tahap III 2019-08-28.docx', 'Daftar Hadir Bimtek Tahap III 2019-08-28.docx'],
    ['../../.bashrc', 'bashrc'],
    ['C:\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['a<b>:c?"d|e*.csv', 'a_b__c__d_e_.csv'],
    ['bel\u0007l\u007f.csv', 'bel_l_.csv'],
    ['  many   spaces \t here .docx', 'many spaces _ here .docx'],
    ['trailing dots...', 'trailing dots'],
    ['report. ', 'report'],
    ['CON', '_CON'],
    ['con.docx', '_con.docx'],
    ['Nul.tar.gz', '_Nul.tar.gz'],
    ['COM1.csv', '_COM1.csv'],
    ['lpt9', '_lpt9'],
    ['CONSOLE.docx', 'CONSOLE.docx'],
    ['Console Kediri.docx', 'Console Kediri.docx'],
    ['...', 'ekspor'],
    ['', 'ekspor'],
    ['.docx', 'docx'],
  ])('%j becomes %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('uses the fallback given when nothing is left', () => {
    expect(safeFileName(' . ', 'dokumen')).toBe('dokumen');
  });

  it('shortens a long name to 150 characters and keeps its extension', () => {
    const long = `Daftar Hadir ${'Penyusunan Masterplan Smart City '.repeat(10)}2019-08-28.docx`;
    const out = safeFileName(long);
    expect(out.length).toBeLessThanOrEqual(MAX_FILE_NAME_CHARS);
    expect(out.endsWith('.docx')).toBe(true);
    expect(out.startsWith('Daftar Hadir Penyusunan Masterplan')).toBe(true);
    // No space left dangling before the extension.
    expect(out).not.toMatch(/\s\.docx$/);
  });

  it('stays under 240 UTF-8 bytes with wide characters and never splits one', () => {
    const out = safeFileName(`${'𝕂'.repeat(120)}.csv`);
    expect(new TextEncoder().encode(out).length).toBeLessThanOrEqual(240);
    expect(out.endsWith('.csv')).toBe(true);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('fileNamePart', () => {
  it('keeps a title with a slash in the name instead of treating it as a folder', () => {
    expect(safeFileName(`Daftar Hadir ${fileNamePart('Tahap I/II')} 2019.docx`)).toBe(
      'Daftar Hadir Tahap I-II 2019.docx',
    );
    expect(safeFileName(`Daftar Hadir Tahap I/II 2019.docx`)).toBe('II 2019.docx');
  });
});
