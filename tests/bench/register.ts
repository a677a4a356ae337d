import { formatCsv } from '../../electron/core/import/csv';
import type { SamplePerson } from '../fixtures/attendance';

/** A secretariat's register file: a "No" column, Indonesian headers, semicolons, BOM. */
export function registerCsv(people: readonly SamplePerson[]): string {
  const rows = [['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'No. HP', 'E-mail', 'L/P']];
  people.forEach((p, i) => rows.push([String(i + 1), p.name, p.nip, p.position, p.agency, p.phone, p.email, p.gender]));
  return '\ufeff' + formatCsv(rows, ';');
}
