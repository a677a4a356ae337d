import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { buildAttendanceList, gatherAttendanceList } from '../../../electron/core/documents/files';
import { memorySettings } from '../../../electron/core/settings';
import { createHostServer } from '../../../electron/host/server';
import type { OpName } from '../../../shared/contract';
import { generatedPeople } from '../../fixtures/attendance';
import { openDocx, partsWithoutTimestamps, tableRows } from '../../fixtures/docx';
import { engagementInput, makeTempDir, removeTempDir, workshopInput } from '../../fixtures/inputs';
import { emblemPng, signaturePng } from '../../fixtures/png';

let dir: string;
let backend: Backend;

beforeEach(() => {
  dir = makeTempDir();
  backend = createBackend({
    dataDir: path.join(dir, 'data'),
    mode: 'browser',
    version: 'test',
    settings: memorySettings({ language: 'id' }),
    log: () => {},
  });
});

afterEach(() => {
  backend.close();
  removeTempDir(dir);
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function ok(op: OpName, input: unknown): Promise<any> {
  const r = await backend.handlers.dispatch(op, input);
  if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** An engagement with a letterhead and emblem, a register of `n` imported people, `signed` of them checked in with their own signature. */
async function seed(n: number, signed: number) {
  const e = await ok('engagements.create', engagementInput());
  await ok('engagements.setEmblem', { id: e.id, image: b64(emblemPng()) });
  await ok('engagements.update', {
    id: e.id,
    patch: {
      letterhead: {
        lines: ['PEMERINTAH KOTA KEDIRI', 'DINAS KOMUNIKASI DAN INFORMATIKA'],
        address: 'Jalan Basuki Rahmat 15',
        contacts: 'Telepon (0354) 682955',
      },
    },
  });
  const w = await ok('workshops.create', workshopInput(e.id));
  const dayId: string = w.days[0].id;
  const csv = [
    '\ufeffNo;Nama;NIP;Jabatan;Instansi/OPD;No. HP',
    ...generatedPeople(n).map((p, i) => `${i + 1};${p.name};${p.nip};${p.position};${p.agency};${p.phone}`),
  ].join('\r\n');
  const file = { engagementId: e.id, fileName: 'register.csv', data: b64(Buffer.from(csv)) };
  const pv = await ok('participants.importPreview', file);
  await ok('participants.importCommit', { ...file, headerIndex: pv.headerIndex, mapping: pv.mapping });
  const register: { id: string; name: string }[] = await ok('participants.list', { engagementId: e.id });
  for (let i = 0; i < signed; i++) {
    await ok('attendance.checkIn', { dayId, participantId: register[i].id, signature: b64(signaturePng(i + 1)) });
  }
  return { e, dayId, register };
}

describe('documents built in the job worker', () => {
  it('the daftar hadir from the pool has the same content, part for part, as one built in this thread', async () => {
    const { dayId, register } = await seed(12, 9);
    const file = await ok('documents.attendanceList', { dayId, blank: false });
    const fromPool = Buffer.from(file.data, 'base64');
    const here = await buildAttendanceList(gatherAttendanceList(backend.services!, dayId, false));
    expect(file.fileName).toBe(here.fileName);
    // Every part but docProps/core.xml (its creation time) is byte for byte the same.
    expect(await partsWithoutTimestamps(fromPool)).toEqual(await partsWithoutTimestamps(here.bytes));
    const doc = await openDocx(fromPool);
    expect(doc.text).toBe((await openDocx(here.bytes)).text);
    expect(doc.text).toContain('DAFTAR HADIR');
    expect(doc.text).toContain('PEMERINTAH KOTA KEDIRI');
    const signedNames = register.slice(0, 9).map((p) => p.name);
    for (const name of signedNames) expect(doc.text).toContain(name);
    // Everyone registered is listed; who did not come says so in Keterangan.
    const absent = tableRows(doc.documentXml).find((r) => r.includes(register[10].name))!;
    expect(absent).toContain('Tidak hadir');
    expect(absent).not.toContain('<w:drawing>');
    // Nine distinct signatures and the emblem.
    expect(doc.media.length).toBe(10);
    expect(tableRows(doc.documentXml).length).toBeGreaterThanOrEqual(10);
  });

  it('the host answers app.info again and again while a 300-person export is still running', async () => {
    const { dayId } = await seed(300, 300);
    const host = createHostServer({ backend, rendererDir: null, port: 0 });
    const base = await host.listen();
    try {
      const post = (op: string, input: unknown) =>
        fetch(`${base}api/${op}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        }).then((r) => r.json() as Promise<{ ok: boolean; value: { fileName?: string; name?: string } }>);
      let exportDone = false;
      const exported = post('documents.attendanceList', { dayId, blank: false }).then((r) => {
        exportDone = true;
        return r;
      });
      // Ten round trips one after another, each needing the event loop free: with the export on
      // this thread they would wait for it.
      for (let i = 0; i < 10; i++) {
        const info = await post('app.info', {});
        expect(info.ok).toBe(true);
        expect(info.value.name).toBe('Bimtek Studio');
      }
      expect(exportDone).toBe(false);
      const r = await exported;
      expect(r.ok).toBe(true);
      expect(r.value.fileName).toMatch(/^Daftar Hadir .*\.docx$/);
    } finally {
      await host.close();
    }
  }, 60_000);
});
