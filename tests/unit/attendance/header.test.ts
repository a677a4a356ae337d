import { describe, expect, it } from 'vitest';
import { detectHeader, fieldForHeader } from '../../../electron/core/import/header';

describe('fieldForHeader', () => {
  it.each([
    ['Nama Lengkap', 'name'],
    ['NAMA', 'name'],
    ['Name', 'name'],
    ['Nama Lengkap dan Gelar', 'name'],
    ['N I P', 'nip'],
    ['NIP.', 'nip'],
    ['NIP/NRP', 'nip'],
    ['Jabatan', 'position'],
    ['Position', 'position'],
    ['Instansi/OPD', 'agency'],
    ['Agency', 'agency'],
    ['Unit Kerja', 'agency'],
    ['Perangkat Daerah', 'agency'],
    ['Nama Instansi', 'agency'],
    ['Asal Instansi', 'agency'],
    ['No. HP', 'phone'],
    ['Nomor HP/WA', 'phone'],
    ['Telepon', 'phone'],
    ['WhatsApp', 'phone'],
    ['WA', 'phone'],
    ['Phone', 'phone'],
    ['E-mail', 'email'],
    ['Alamat Email', 'email'],
    ['L/P', 'gender'],
    ['Jenis Kelamin', 'gender'],
    ['Jenis Kelamin (L/P)', 'gender'],
    ['Gender', 'gender'],
    ['Peran', 'role'],
    ['Role', 'role'],
  ])('%s → %s', (label, field) => {
    expect(fieldForHeader(label)).toBe(field);
  });

  it.each(['No', 'No.', 'NO', 'Nomor', 'Tanda Tangan', 'TTD', 'Pangkat/Gol', 'Keterangan', 'Alamat', ''])(
    '%j is not imported',
    (label) => {
      expect(fieldForHeader(label)).toBeNull();
    },
  );
});

describe('detectHeader', () => {
  it('skips title and blank rows above the header', () => {
    const rows = [
      ['DAFTAR HADIR'],
      ['BIMBINGAN TEKNIS GERAKAN MENUJU 100 SMART CITY TAHAP III'],
      ['Hari/Tanggal: Rabu, 28 Agustus 2019', '', 'Tempat: Ruang Joyoboyo'],
      [],
      ['No', 'Nama Lengkap', 'N I P', 'Jabatan', 'Instansi/OPD', 'No. HP', 'E-mail', 'L/P', 'Peran', 'Tanda Tangan'],
      ['1', 'Abu Bakar', '198503152010011002', 'Kepala', 'Diskominfo', '0812', 'a@b.id', 'L', 'Peserta', ''],
    ];
    const h = detectHeader(rows);
    expect(h?.headerIndex).toBe(4);
    expect(h?.mapping).toEqual({
      name: 1,
      nip: 2,
      position: 3,
      agency: 4,
      phone: 5,
      email: 6,
      gender: 7,
      role: 8,
    });
    expect(h?.columns.filter((c) => c.field === null).map((c) => c.label)).toEqual(['No', 'Tanda Tangan']);
  });

  it('reads English column names', () => {
    const h = detectHeader([['Name', 'NIP', 'Position', 'Agency', 'Phone', 'Email', 'Gender', 'Role']]);
    expect(h?.headerIndex).toBe(0);
    expect(Object.keys(h?.mapping ?? {}).sort()).toEqual(
      ['agency', 'email', 'gender', 'name', 'nip', 'phone', 'position', 'role'].sort(),
    );
  });

  it('maps only the columns that are there, in any order', () => {
    const h = detectHeader([['Instansi', 'NAMA']]);
    expect(h?.mapping).toEqual({ agency: 0, name: 1 });
  });

  it('leaves extra columns out of the mapping but lists them', () => {
    const h = detectHeader([['No.', 'Nama', 'Pangkat/Gol', 'NIP', 'Keterangan']]);
    expect(h?.mapping).toEqual({ name: 1, nip: 3 });
    expect(h?.columns.map((c) => [c.label, c.field])).toEqual([
      ['No.', null],
      ['Nama', 'name'],
      ['Pangkat/Gol', null],
      ['NIP', 'nip'],
      ['Keterangan', null],
    ]);
  });

  it('takes the first of two columns for the same field', () => {
    const h = detectHeader([['Nama', 'No. HP', 'WhatsApp']]);
    expect(h?.mapping).toEqual({ name: 0, phone: 1 });
    expect(h?.columns[2].field).toBeNull();
  });

  it('finds no header when no row names two fields', () => {
    expect(detectHeader([['DAFTAR HADIR'], ['Nama'], ['Abu Bakar']])).toBeNull();
    expect(detectHeader([])).toBeNull();
  });
});
