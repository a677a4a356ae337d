import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { payloadBytes } from '../../../electron/core/documents/file-payload';
import { writeContainer } from '../../../electron/core/packages/container';
import { PACKAGE_TABLES } from '../../../electron/core/packages/tables';
import { memorySettings } from '../../../electron/core/settings';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import type { FilePayload } from '../../../shared/attendance';
import type { OpName } from '../../../shared/contract';
import { isMessageKey, translate } from '../../../shared/i18n';
import { MESSAGES } from '../../../shared/messages';
import { engagementInput, makeTempDir, removeTempDir, STEP, workshopInput } from '../../fixtures/inputs';
import { emblemPng, signaturePng } from '../../fixtures/png';
import { fingerprint } from '../../fuzz/fuzz';

let dir: string;
let backends: Backend[];
/** One clock for both laptops: every write has its own, later time. */
let clock: number;

function laptop(name: string): Backend {
  const b = createBackend({
    dataDir: path.join(dir, name),
    mode: 'browser',
    version: 'test',
    settings: memorySettings(),
    log: () => {},
    context: { now: () => new Date((clock += 1000)).toISOString() },
  });
  backends.push(b);
  return b;
}

async function ok(b: Backend, op: OpName, input: unknown): Promise<any> {
  const r = await b.handlers.dispatch(op, input);
  if (!r.ok) throw new Error(`${op}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function refused(b: Backend, op: OpName, input: unknown) {
  const r = await b.handlers.dispatch(op, input);
  expect(r.ok, JSON.stringify(r).slice(0, 200)).toBe(false);
  return r.ok ? null! : r.error;
}

const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

/** A package file received by a laptop (as the upload route or the desktop dialog hands it over): its token. */
function sent(b: Backend, bytes: Uint8Array): string {
  const { token, file } = b.services!.uploads.create();
  fs.writeFileSync(file, bytes);
  b.services!.uploads.accept(token, file);
  return token;
}

/** What is left in a laptop's temp folder. */
const tmpFiles = (b: Backend) => {
  const t = b.services!.uploads.tmpDir;
  return fs.existsSync(t) ? fs.readdirSync(t) : [];
};

async function exported(b: Backend, engagementId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const file = (await ok(b, 'packages.export', { engagementId })) as FilePayload;
  return { fileName: file.fileName, bytes: payloadBytes(file) };
}

/** Every row of the engagement's tables, as the package registry selects them. */
function rowsOf(b: Backend, engagementId: string) {
  const db = b.services!.ctx.db;
  return Object.fromEntries(
    PACKAGE_TABLES.map((t) => [
      t.table,
      db.prepare(`SELECT * FROM "${t.table}" WHERE ${t.scope} ORDER BY id`).all({ engagementId }),
    ]),
  );
}

/** Kota Kediri with a workshop, three people, two signed check-ins, an emblem. */
async function seed(b: Backend) {
  const e = await ok(b, 'engagements.create', engagementInput());
  await ok(b, 'engagements.setEmblem', { id: e.id, image: b64(emblemPng()) });
  const w = await ok(b, 'workshops.create', workshopInput(e.id));
  const people = [];
  for (const name of ['Budi Santoso', 'Siti Aminah', 'Agus Salim']) {
    people.push(await ok(b, 'participants.create', { engagementId: e.id, name, role: 'peserta' }));
  }
  for (const [i, p] of people.slice(0, 2).entries()) {
    await ok(b, 'attendance.checkIn', {
      dayId: w.days[0].id,
      participantId: p.id,
      signature: b64(signaturePng(i + 1)),
    });
  }
  // The stage guide travels too: two steps with notes, the run log, what the projector shows.
  const first = await ok(b, 'agenda.addStep', { dayId: w.days[0].id, step: { ...STEP, notes: 'Catatan notulis' } });
  await ok(b, 'agenda.addStep', { dayId: w.days[0].id, step: { ...STEP, title: 'Pleno' } });
  await ok(b, 'run.command', { dayId: w.days[0].id, command: 'start', expectedStepId: null });
  await ok(b, 'run.command', { dayId: w.days[0].id, command: 'next', expectedStepId: first.id });
  await ok(b, 'projector.set', { workshopId: w.id, patch: { mode: 'agenda' } });
  // Group work travels too: a group with a member, its commitment sheet with a signature.
  const dayId = w.days[0].id;
  const sheet = await ok(b, 'agenda.addStep', {
    dayId,
    step: { ...STEP, kind: 'penandatanganan-komitmen', title: 'Komitmen', formId: 'commitment' },
  });
  const group = await ok(b, 'groups.create', { dayId, name: 'Kepala OPD' });
  await ok(b, 'groups.moveMember', { dayId, participantId: people[0].id, groupId: group.id });
  const ref = { groupId: group.id, stepId: sheet.id };
  await ok(b, 'outputs.setCell', { ...ref, path: 'statement', value: 'Kami berkomitmen melaksanakan masterplan.' });
  await ok(b, 'outputs.sign', { ...ref, path: 'signatories/kadis1/signature', signature: b64(signaturePng(9)) });
  // Follow-ups travel too: a decision, its action item with a status change and a PDF, weights.
  const decision = await ok(b, 'decisions.create', { dayId, text: 'Perwali Smart City disusun.' });
  const action = await ok(b, 'actions.create', { engagementId: e.id, decisionId: decision.id, title: 'Perwali' });
  await ok(b, 'actions.update', { id: action.id, patch: { status: 'proses', statusNote: 'Draf' } });
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
  await ok(b, 'actions.attach', { id: action.id, fileName: 'perwali.pdf', data: pdf });
  const weights = { impact: 2, feasibility: 1, cost: 1, innovation: 1 };
  await ok(b, 'quickwins.setWeights', { workshopId: w.id, weights });
  // The minutes travel too: a section the secretariat rewrote.
  await ok(b, 'minutes.saveSection', { workshopId: w.id, key: 'opening', blocks: [{ kind: 'p', text: 'Dibuka.' }] });
  // The signatures' crops, made in the job pool after each check-in, travel with them.
  await b.services!.cropQueue.idle();
  return { e, w, people };
}

beforeEach(() => {
  dir = makeTempDir('bimtek-packages-');
  backends = [];
  clock = Date.UTC(2019, 7, 28, 2, 0, 0);
});

afterEach(() => {
  for (const b of backends) b.close();
  removeTempDir(dir);
});

describe('engagement packages (.bimtek)', () => {
  it('round trip: export, import into an empty laptop, same rows and the same signature bytes', async () => {
    const a = laptop('a');
    const { e } = await seed(a);
    const pkg = await exported(a, e.id);
    expect(pkg.fileName).toBe('Kota Kediri 2019.bimtek');

    const b = laptop('b');
    const preview = await ok(b, 'packages.preview', { fileName: pkg.fileName, file: sent(b, pkg.bytes) });
    expect(preview).toMatchObject({
      engagementId: e.id,
      title: 'Kota Kediri 2019',
      schemaVersion: LATEST_SCHEMA_VERSION,
      // The emblem, two check-in signatures with two crops each, a commitment signature, a PDF.
      images: 9,
    });
    expect(preview.tables.map((t: { table: string; added: number }) => [t.table, t.added])).toEqual([
      ['engagements', 1],
      ['workshops', 1],
      ['workshop_days', 2],
      ['participants', 3],
      ['attendance', 2],
      ['signature_crops', 2],
      ['agenda_steps', 3],
      ['run_events', 3],
      ['projector_state', 1],
      ['groups', 1],
      ['group_members', 1],
      ['group_outputs', 1],
      ['output_cells', 2],
      ['decisions', 1],
      ['quickwin_settings', 1],
      ['quickwin_scores', 0],
      ['actions', 1],
      ['quickwin_choices', 0],
      ['action_history', 2],
      ['action_attachments', 1],
      ['minutes', 1],
      ['minutes_sections', 1],
      ['minutes_photos', 0],
      ['minutes_versions', 0],
    ]);
    expect(preview.conflicts).toEqual([]);

    await ok(b, 'packages.import', { fileName: pkg.fileName, file: sent(b, pkg.bytes) });
    expect(rowsOf(b, e.id)).toEqual(rowsOf(a, e.id));
    const blobs = (x: Backend) =>
      x.services!.ctx.db.prepare('SELECT hash, data FROM blobs ORDER BY hash').all() as {
        hash: string;
        data: Buffer;
      }[];
    expect(blobs(b)).toEqual(blobs(a));
    expect(b.services!.ctx.db.pragma('foreign_key_check')).toEqual([]);
    // A backup came first.
    expect((await ok(b, 'backups.list', {})).backups.map((x: { reason: string }) => x.reason)).toContain(
      'before-merge',
    );

    // The same package again changes nothing.
    const before = fingerprint(b.services!.ctx.db);
    const again = await ok(b, 'packages.import', { fileName: pkg.fileName, file: sent(b, pkg.bytes) });
    expect(
      again.tables.every(
        (t: { added: number; updated: number; deleted: number }) => t.added + t.updated + t.deleted === 0,
      ),
    ).toBe(true);
    expect(fingerprint(b.services!.ctx.db)).toBe(before);
  });

  it('merges two diverged copies: edits, a deletion, newer here kept, and a conflict with a choice', async () => {
    const a = laptop('a');
    const { e, w, people } = await seed(a);
    const b = laptop('b');
    const first = await exported(a, e.id);
    await ok(b, 'packages.import', { fileName: first.fileName, file: sent(b, first.bytes) });

    // They split. A: renames Budi, deletes Siti's record, renames Agus. B: moves the venue, renames Agus too.
    await ok(a, 'participants.update', { id: people[0].id, patch: { name: 'Budi Santoso, S.T.' } });
    await ok(a, 'participants.delete', { id: people[1].id });
    await ok(a, 'participants.update', { id: people[2].id, patch: { name: 'Agus Salim (A)' } });
    await ok(b, 'workshops.update', { id: w.id, patch: { venue: 'Aula Bappeda' } });
    await ok(b, 'participants.update', { id: people[2].id, patch: { name: 'Agus Salim (B)' } });

    const second = await exported(a, e.id);
    const input = { fileName: second.fileName, file: sent(b, second.bytes) };
    const preview = await ok(b, 'packages.preview', input);
    const row = (t: string) => preview.tables.find((x: { table: string }) => x.table === t);
    expect(row('participants')).toMatchObject({ updated: 1, deleted: 1, kept: 1 });
    expect(row('workshops')).toMatchObject({ kept: 1 });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ key: `participants:${people[2].id}`, label: 'Agus Salim (A)', defaultChoice: 'here' }),
    ]);

    // The user takes A's name for Agus.
    await ok(b, 'packages.import', {
      ...input,
      resolutions: [{ key: `participants:${people[2].id}`, choice: 'there' }],
    });
    const names = await ok(b, 'participants.list', { engagementId: e.id });
    expect(names.map((p: { name: string }) => p.name).sort()).toEqual(['Agus Salim (A)', 'Budi Santoso, S.T.']);
    expect((await ok(b, 'workshops.get', { id: w.id })).venue).toBe('Aula Bappeda');
    expect(b.services!.ctx.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a cut package, a changed byte, and a file that is no package; nothing is written', async () => {
    const a = laptop('a');
    const { e } = await seed(a);
    const pkg = await exported(a, e.id);
    const b = laptop('b');
    await seed(b);
    const before = fingerprint(b.services!.ctx.db);
    const flipped = Buffer.from(pkg.bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    for (const [bytes, key] of [
      [pkg.bytes.subarray(0, Math.floor(pkg.bytes.length * 0.7)), 'packageDamaged'],
      [pkg.bytes.subarray(0, pkg.bytes.length - 1), 'packageDamaged'],
      [flipped, 'packageDamaged'],
      [Buffer.from('PK\u0003\u0004 not ours'), 'packageNotAPackage'],
    ] as const) {
      for (const op of ['packages.preview', 'packages.import'] as const) {
        const err = await refused(b, op, { fileName: 'x.bimtek', file: sent(b, bytes) });
        expect(err.code).toBe('VALIDATION');
        expect(err.message).toBe(MESSAGES.id.errors[key]);
      }
    }
    expect(fingerprint(b.services!.ctx.db)).toBe(before);
    expect(fs.existsSync(path.join(dir, 'b', 'backups'))).toBe(false);
    // Every refused file was removed from the temp folder.
    expect(tmpFiles(b)).toEqual([]);
  });

  it("accepts only a token it issued: a forged token, a path, another laptop's token are refused", async () => {
    const a = laptop('a');
    const { e } = await seed(a);
    const pkg = await exported(a, e.id);
    const b = laptop('b');
    const before = fingerprint(b.services!.ctx.db);
    const elsewhere = sent(a, pkg.bytes);
    for (const file of ['0123456789abcdef0123456789abcdef', elsewhere]) {
      for (const op of ['packages.preview', 'packages.import'] as const) {
        const err = await refused(b, op, { fileName: 'x.bimtek', file });
        expect(err.code).toBe('VALIDATION');
        expect(err.message).toBe(MESSAGES.id.errors.packageUploadUnknown);
      }
    }
    for (const file of [path.join(dir, 'a', 'tmp', `upload-${elsewhere}`), '../bimtek-studio.sqlite', '']) {
      const err = await refused(b, 'packages.preview', { fileName: 'x.bimtek', file });
      expect(err.code).toBe('VALIDATION');
    }
    expect(fingerprint(b.services!.ctx.db)).toBe(before);
  });

  it('a token is used up by its import, and the temp files go', async () => {
    const a = laptop('a');
    const { e } = await seed(a);
    const pkg = await exported(a, e.id);
    const b = laptop('b');
    const file = sent(b, pkg.bytes);
    expect((await ok(b, 'packages.preview', { fileName: pkg.fileName, file })).file).toBe(file);
    expect(tmpFiles(b)).toEqual([`upload-${file}`]);
    await ok(b, 'packages.import', { fileName: pkg.fileName, file });
    expect(tmpFiles(b)).toEqual([]);
    const err = await refused(b, 'packages.import', { fileName: pkg.fileName, file });
    expect(err.message).toBe(MESSAGES.id.errors.packageUploadUnknown);
  });

  it('refuses a package from a newer schema, naming both versions', async () => {
    const manifest = {
      format: 1,
      app: 'Bimtek Studio',
      appVersion: '9.0.0',
      schemaVersion: LATEST_SCHEMA_VERSION + 1,
      createdAt: '2030-01-01T00:00:00.000Z',
      engagementId: '00000000-0000-4000-8000-000000000000',
      title: 'Kota Kediri 2030',
      counts: {},
      parts: [],
    };
    const bytes = writeContainer([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }]);
    const b = laptop('b');
    const err = await refused(b, 'packages.import', { fileName: 'x.bimtek', file: sent(b, bytes) });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toContain(`skema ${LATEST_SCHEMA_VERSION + 1}`);
    expect(err.message).toContain(`skema ${LATEST_SCHEMA_VERSION})`);
  });
});

describe('the preview names every kind of record a package carries', () => {
  it('has a label for every table of the registry, in both languages', () => {
    for (const t of PACKAGE_TABLES) {
      const key = `packages.tables.${t.table}`;
      expect(isMessageKey(key), key).toBe(true);
      expect(translate('en', key as 'packages.tables.engagements')).not.toBe(key);
    }
  });
});

describe('the same person checked in on both laptops (two attendance ids, one day and person)', () => {
  it('is merged as one record, newer wins, no constraint error', async () => {
    const a = laptop('a');
    const { e, w, people } = await seed(a);
    const b = laptop('b');
    const first = await exported(a, e.id);
    await ok(b, 'packages.import', { fileName: first.fileName, file: sent(b, first.bytes) });
    // Agus (not checked in before the split) checks in on B, then on A a moment later.
    await ok(b, 'attendance.checkIn', {
      dayId: w.days[0].id,
      participantId: people[2].id,
      signature: b64(signaturePng(7)),
    });
    await ok(a, 'attendance.checkIn', {
      dayId: w.days[0].id,
      participantId: people[2].id,
      signature: b64(signaturePng(8)),
    });
    const second = await exported(a, e.id);
    await ok(b, 'packages.import', { fileName: second.fileName, file: sent(b, second.bytes) });
    const rows = b
      .services!.ctx.db.prepare('SELECT signature_hash FROM attendance WHERE day_id = ? AND participant_id = ?')
      .all(w.days[0].id, people[2].id);
    const fromA = a
      .services!.ctx.db.prepare('SELECT signature_hash FROM attendance WHERE day_id = ? AND participant_id = ?')
      .get(w.days[0].id, people[2].id);
    expect(rows).toEqual([fromA]);
  });
});
