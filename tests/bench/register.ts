import type { OpName } from '../../shared/contract';
import { formatCsv } from '../../electron/core/import/csv';
import type { SamplePerson } from '../fixtures/attendance';

/** A secretariat's register file: a "No" column, Indonesian headers, semicolons, BOM. */
export function registerCsv(people: readonly SamplePerson[]): string {
  const rows = [['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'No. HP', 'E-mail', 'L/P']];
  people.forEach((p, i) => rows.push([String(i + 1), p.name, p.nip, p.position, p.agency, p.phone, p.email, p.gender]));
  return '\ufeff' + formatCsv(rows, ';');
}

/**
 * The bench's workshop: Kota Kediri's Tahap III on 28 August 2019 in Ruang Joyoboyo, created
 * through `call` (any transport). Returns the engagement and the workshop as the contract answers.
 */
export async function seedKediriWorkshop(call: (op: OpName, input: unknown) => Promise<any>) {
  const e = await call('engagements.create', {
    regionName: 'Kediri',
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
  });
  const w = await call('workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    title: 'Bimtek Tahap III Penyusunan Masterplan Smart City Kota Kediri',
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
    days: [{ date: '2019-08-28', startTime: '09:00', endTime: '15:30' }],
  });
  return { e, w };
}

/**
 * Which people the daftar hadir lists: `present` ("hadir saja") makes the "300 people" figures
 * measure 300 rows whatever the register's size; `all` ("semua terdaftar", the app's default) lists
 * the whole register with its Keterangan.
 */
export async function setListScope(
  call: (op: OpName, input: unknown) => Promise<any>,
  engagement: { id: string; documents: Record<string, unknown> },
  listScope: 'all' | 'present',
) {
  await call('engagements.update', { id: engagement.id, patch: { documents: { ...engagement.documents, listScope } } });
}
