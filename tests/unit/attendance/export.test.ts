import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportRegisterCsv, exportRegisterXlsx, type RegisterPerson } from '../../../electron/core/import/export';
import { detectHeader } from '../../../electron/core/import/header';
import { buildPreview } from '../../../electron/core/import/preview';
import { readTable } from '../../../electron/core/import/table';
import { SAMPLE_PEOPLE } from '../../fixtures/attendance';

const people: RegisterPerson[] = SAMPLE_PEOPLE.map((p) => ({ ...p, role: p.role.toLowerCase() }));

async function reimport(
  bytes: Uint8Array,
  fileName: string,
  existing = [] as { id: string; name: string; nip: string; agency: string }[],
) {
  const table = await readTable(bytes, fileName);
  const header = detectHeader(table.rows)!;
  return buildPreview(table.rows, header.headerIndex, header.mapping, existing, { damaged: table.damaged });
}

const expectedValues = (p: RegisterPerson) => ({
  name: p.name,
  nip: (p.nip ?? '').replace(/\s/g, ''),
  position: p.position ?? '',
  agency: p.agency ?? '',
  phone: p.phone ?? '',
  email: p.email ?? '',
  gender: p.gender ?? '',
  role: p.role ?? '',
});

describe('exportRegisterCsv', () => {
  const bytes = exportRegisterCsv(people);
  const text = new TextDecoder().decode(bytes); // drops the BOM

  it('starts with a UTF-8 BOM and uses semicolons and CRLF', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split('\r\n')[0]).toBe('No;Nama;NIP;Jabatan;Instansi/OPD;No. HP;E-mail;L/P;Peran');
    expect(text.split('\r\n')).toHaveLength(people.length + 2); // header, rows, final line end
  });

  it('writes NIPs and phone numbers so Excel keeps every digit', () => {
    const line = text.split('\r\n')[2];
    expect(line).toContain('"=""198503152010012002"""');
    expect(line).toContain('"=""085655512345"""');
  });

  it('quotes a name with the delimiter and guards text Excel would run as a formula', () => {
    const csv = new TextDecoder().decode(
      exportRegisterCsv([{ name: 'Abu; Bakar', agency: '=HYPERLINK("http://x")', position: '-' }]),
    );
    const line = csv.split('\r\n')[1];
    expect(line).toContain('"Abu; Bakar"');
    expect(line).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(line).toContain(';-;'); // a lone dash is harmless
  });

  it('has English column names on request', () => {
    const csv = new TextDecoder().decode(exportRegisterCsv([], { lang: 'en' }));
    expect(csv.trim()).toBe('No;Name;NIP;Position;Agency;Phone;E-mail;Gender;Role');
  });

  it('reads back through the import unchanged, and as duplicates of the register', async () => {
    const fresh = await reimport(bytes, 'peserta.csv');
    expect(fresh.map((r) => r.status)).toEqual(people.map(() => 'new'));
    expect(fresh.map((r) => r.values)).toEqual(people.map(expectedValues));

    const existing = people.map((p, i) => ({ id: `p-${i}`, name: p.name, nip: p.nip ?? '', agency: p.agency ?? '' }));
    const again = await reimport(bytes, 'peserta.csv', existing);
    expect(again.map((r) => r.duplicateOf)).toEqual(existing.map((e) => e.id));
  });
});

describe('exportRegisterXlsx', () => {
  it('writes a bold header and NIPs as exact text', async () => {
    const bytes = await exportRegisterXlsx(people);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Peserta');
    expect(ws.getRow(1).getCell(2).value).toBe('Nama');
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(ws.getRow(3).getCell(3).value).toBe('198503152010012002');
    expect(ws.getRow(3).getCell(1).value).toBe(2);
    expect(ws.rowCount).toBe(people.length + 1);
  });

  it('reads back through the import unchanged', async () => {
    const out = await reimport(await exportRegisterXlsx(people), 'peserta.xlsx');
    expect(out.map((r) => r.status)).toEqual(people.map(() => 'new'));
    expect(out.map((r) => r.values)).toEqual(people.map(expectedValues));
  });
});

describe('text stored with characters XML cannot carry (before the boundary stripped them)', () => {
  it("the register XLSX still opens in the app's own importer, with the names cleaned", async () => {
    const dirty: RegisterPerson[] = [
      { name: 'Budi\uFFFF Santoso', agency: 'Dinas\u0001 Kominfo', position: 'Staf\uFFFE' },
    ];
    const bytes = await exportRegisterXlsx(dirty);
    const preview = await reimport(bytes, 'register.xlsx');
    expect(preview.map((r) => [r.values.name, r.values.agency, r.values.position])).toEqual([
      ['Budi Santoso', 'Dinas Kominfo', 'Staf'],
    ]);
  });
});
