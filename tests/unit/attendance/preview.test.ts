import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../electron/core/import/csv';
import { decodeText } from '../../../electron/core/import/decode';
import { detectHeader } from '../../../electron/core/import/header';
import { IMPORT_MESSAGES, importMessage } from '../../../electron/core/import/messages';
import { buildPreview, PREVIEW_REASONS, type ExistingPerson } from '../../../electron/core/import/preview';
import { NOT_A_TABLE_REASONS } from '../../../electron/core/import/table';
import { generatedPeople, validNipFor } from '../../fixtures/attendance';

const HEADER = ['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'No. HP', 'E-mail', 'L/P', 'Peran'];

/** Rows under our standard header; each row lists Nama, NIP, Jabatan, Instansi, HP, E-mail, L/P, Peran. */
function preview(body: string[][], existing: ExistingPerson[] = []) {
  const rows = [HEADER, ...body.map((r, i) => [String(i + 1), ...r])];
  const header = detectHeader(rows)!;
  return buildPreview(rows, header.headerIndex, header.mapping, existing);
}

const row = (
  name: string,
  nip = '',
  extra: Partial<Record<'position' | 'agency' | 'phone' | 'email' | 'gender' | 'role', string>> = {},
) => [
  name,
  nip,
  extra.position ?? '',
  extra.agency ?? '',
  extra.phone ?? '',
  extra.email ?? '',
  extra.gender ?? '',
  extra.role ?? '',
];

describe('buildPreview: values', () => {
  it('reads each field from its column and numbers rows as the file does', () => {
    const [r] = preview([
      row('  Drs. H. Abdullah  Abu Bakar, S.E., M.Si. ', '19850315 201001 1 002', {
        position: 'Kepala Dinas',
        agency: 'Diskominfo',
        phone: '081234567890',
        email: 'abu@kedirikota.go.id',
        gender: 'Laki-laki',
        role: 'Narasumber',
      }),
    ]);
    expect(r).toEqual({
      rowNumber: 2,
      status: 'new',
      reasons: [],
      values: {
        name: 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.',
        nip: '198503152010011002',
        position: 'Kepala Dinas',
        agency: 'Diskominfo',
        phone: '081234567890',
        email: 'abu@kedirikota.go.id',
        gender: 'L',
        role: 'narasumber',
      },
    });
  });

  it.each([
    ['L', 'L'],
    ['Laki-laki', 'L'],
    ['laki laki', 'L'],
    ['Pria', 'L'],
    ['M', 'L'],
    ['male', 'L'],
    ['P', 'P'],
    ['Perempuan', 'P'],
    ['Wanita', 'P'],
    ['F', 'P'],
    ['Female', 'P'],
  ])('reads gender %j as %s', (typed, expected) => {
    expect(preview([row('A', '', { gender: typed })])[0].values.gender).toBe(expected);
  });

  it('takes the gender from a valid NIP when the column is empty', () => {
    expect(preview([row('Siti', '198109302009022001')])[0].values.gender).toBe('P');
  });

  it('treats "-" and similar in the NIP column as no NIP', () => {
    for (const none of ['-', '—', 'Non PNS', 'tidak ada']) {
      const [r] = preview([row('Yohanes', none)]);
      expect([r.status, r.values.nip]).toEqual(['new', '']);
    }
  });

  it('gives back the leading zero Excel took from a phone number, and removes our CSV guards', () => {
    const [a, b] = preview([
      row('A', '="198503152010011002"', { phone: '81234567890' }),
      row('B', '', { phone: '="081234567891"' }),
    ]);
    expect([a.values.nip, a.values.phone, b.values.phone]).toEqual([
      '198503152010011002',
      '081234567890',
      '081234567891',
    ]);
  });

  it('leaves fields without a column empty', () => {
    const rows = [
      ['Nama', 'Instansi'],
      ['Abu Bakar', 'Diskominfo'],
    ];
    const [r] = buildPreview(rows, 0, { name: 0, agency: 1 }, []);
    expect(r.values).toEqual({
      name: 'Abu Bakar',
      nip: '',
      position: '',
      agency: 'Diskominfo',
      phone: '',
      email: '',
      gender: '',
      role: '',
    });
  });
});

describe('buildPreview: skipped rows', () => {
  it('skips blank rows, rows with only a running number, and a repeated header', () => {
    const rows = [HEADER, ['1', 'A'], [], ['', '', '', ''], ['2'], HEADER, ['3', 'B']];
    const header = detectHeader(rows)!;
    const out = buildPreview(rows, header.headerIndex, header.mapping, []);
    expect(out.map((r) => [r.rowNumber, r.values.name])).toEqual([
      [2, 'A'],
      [7, 'B'],
    ]);
  });
});

describe('buildPreview: invalid rows', () => {
  it.each([
    ['an empty name', row('', '', { agency: 'Dinkes' }), ['name.required']],
    ['a NIP with an impossible birth date', row('A', '198502302010011002'), ['nip.birthDate']],
    ['a NIP of 17 digits', row('A', '19850315201001100'), ['nip.length']],
    ['a NIP with sequence 000', row('A', '198503152010011000'), ['nip.sequence']],
    ['a NIP in scientific notation', row('A', '1,98503E+17'), ['nip.excelDamaged']],
    ['an unknown gender', row('A', '', { gender: 'X' }), ['gender.invalid']],
    ['a malformed e-mail', row('A', '', { email: 'abu@kediri' }), ['email.invalid']],
    ['an unknown role', row('A', '', { role: 'Tamu Agung' }), ['role.invalid']],
    ['several problems', row('', '1985', { email: 'x' }), ['name.required', 'nip.length', 'email.invalid']],
  ])('marks %s', (_label, r, reasons) => {
    const [out] = preview([r]);
    expect(out.status).toBe('invalid');
    expect(out.reasons).toEqual(reasons);
  });

  it('keeps an invalid NIP as typed so the user can correct it', () => {
    expect(preview([row('A', '19850230 2010 011002')])[0].values.nip).toBe('19850230 2010 011002');
  });
});

describe('buildPreview: duplicates', () => {
  const existing: ExistingPerson[] = [
    { id: 'p-1', name: 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.', nip: '19850315 201001 1 002', agency: 'Diskominfo' },
    { id: 'p-2', name: 'Siti Nurhayati', nip: '', agency: 'Dinas Kesehatan' },
    { id: 'p-3', name: 'Budi Santoso', nip: '197803222005011003', agency: 'Barenlitbang' },
  ];

  it('finds a registered person by NIP, however the name is written', () => {
    const [r] = preview([row('Abdullah A. Bakar', '198503152010011002', { agency: 'Bappeda' })], existing);
    expect(r).toMatchObject({ status: 'duplicate', reasons: ['duplicate.nipExisting'], duplicateOf: 'p-1' });
  });

  it('finds a registered person by name and agency, ignoring titles, case and spacing', () => {
    const [r] = preview([row('SITI NURHAYATI, S.Kom.', '', { agency: 'dinas  kesehatan' })], existing);
    expect(r).toMatchObject({ status: 'duplicate', reasons: ['duplicate.nameExisting'], duplicateOf: 'p-2' });
  });

  it('does not match by name when both have different NIPs', () => {
    const [r] = preview([row('Budi Santoso', validNipFor(7), { agency: 'Barenlitbang' })], existing);
    expect(r.status).toBe('new');
  });

  it('does not match the same name in another agency', () => {
    expect(preview([row('Siti Nurhayati', '', { agency: 'Diskominfo' })], existing)[0].status).toBe('new');
  });

  it('finds duplicates inside the same file and points at the earlier row', () => {
    const out = preview([
      row('Rina', validNipFor(1), { agency: 'Dishub' }),
      row('Rina Wati', validNipFor(1), { agency: 'Dishub' }),
      row('Joko', '', { agency: 'Dispendik' }),
      row('Ir. Joko', '', { agency: 'DISPENDIK' }),
    ]);
    expect(out.map((r) => [r.status, r.reasons[0], r.duplicateOfRow])).toEqual([
      ['new', undefined, undefined],
      ['duplicate', 'duplicate.nipInFile', 2],
      ['new', undefined, undefined],
      ['duplicate', 'duplicate.nameInFile', 4],
    ]);
  });

  it('does not count an invalid row as the original of a later one', () => {
    const out = preview([row('Rina', validNipFor(1), { email: 'bad' }), row('Rina', validNipFor(1))]);
    expect(out.map((r) => r.status)).toEqual(['invalid', 'new']);
  });
});

describe('buildPreview: a large file', () => {
  it('previews 5,000 rows parsed from CSV, spotting the one duplicate at the end', () => {
    const people = generatedPeople(5000);
    const body = people.map((p, i) => [
      String(i + 1),
      p.name,
      p.nip,
      p.position,
      p.agency,
      p.phone,
      p.email,
      p.gender,
      p.role,
    ]);
    body.push(['5001', people[42].name.toUpperCase(), people[42].nip, '', '', '', '', '', '']);
    const text = '\ufeff' + formatCsv([HEADER, ...body], ';');
    const rows = parseCsv(decodeText(new TextEncoder().encode(text)));
    const header = detectHeader(rows)!;
    const out = buildPreview(rows, header.headerIndex, header.mapping, []);
    expect(out).toHaveLength(5001);
    expect(out.filter((r) => r.status === 'new')).toHaveLength(5000);
    expect(out[5000]).toMatchObject({ rowNumber: 5002, status: 'duplicate', duplicateOfRow: 44 });
  });
});

describe('IMPORT_MESSAGES', () => {
  it('has a sentence for every reason and every not-a-table reason, in both languages', () => {
    const codes = [...PREVIEW_REASONS, ...NOT_A_TABLE_REASONS.map((r) => `notATable.${r}`), 'noHeader'];
    for (const lang of ['id', 'en'] as const) {
      for (const code of codes) expect(importMessage(lang, code), `${lang} ${code}`).not.toBe(code);
      expect(Object.keys(IMPORT_MESSAGES[lang]).sort()).toEqual([...codes].sort());
    }
    expect(importMessage('id', 'nip.birthDate')).toContain('digit 1–8');
  });
});
