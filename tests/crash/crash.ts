import http from 'node:http';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sha256 } from '../../electron/core/images';
import { DB_FILE_NAME } from '../../electron/core/store/store';
import { engagementInput, workshopInput } from '../fixtures/inputs';
import { signaturePng } from '../fixtures/png';
import { callOp, request, seededRandom, startHost } from './host-process';

/**
 * Crash proof: the browser-mode host in its own process takes mutations of every kind from a few
 * concurrent clients and is killed with SIGKILL at a random moment; then the data file is opened
 * as it was left, and every write the host had acknowledged must be there with its acknowledged
 * value, and `integrity_check` must say ok. The next trial restarts the host on the same folder
 * (which also proves a killed holder leaves no lock behind) and carries on with new records.
 */

/** One acknowledged fact: what a query on the data file must answer. */
interface Expectation {
  what: string;
  sql: string;
  params: unknown[];
  /** Values the row may hold: the acknowledged one, plus one sent but never answered (killed). */
  allowed: unknown[];
}

export interface CrashFigures {
  trials: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
  /** Restarts that did not come back ready (a stale lock, a file refused). */
  restartFailures: number;
  /** Answers that were not ok while the host lived (must be 0: only the kill may interrupt). */
  refusedWhileAlive: number;
  seed: number;
  problems: string[];
}

export interface CrashOptions {
  bundle: string;
  dataDir: string;
  trials: number;
  seed: number;
  /** Concurrent clients per trial. */
  clients?: number;
  /** The kill comes between these many ms after the clients start. */
  killAfterMs?: [number, number];
}

const SIGNATURES = [1, 2, 3, 4].map((s) => Buffer.from(signaturePng(s, 120, 40)));

export async function runCrashTrials(opts: CrashOptions): Promise<CrashFigures> {
  const random = seededRandom(opts.seed);
  const expectations = new Map<string, Expectation>();
  const figures: CrashFigures = {
    trials: 0,
    acknowledged: 0,
    lost: 0,
    integrityFailures: 0,
    restartFailures: 0,
    refusedWhileAlive: 0,
    seed: opts.seed,
    problems: [],
  };
  const [minKill, maxKill] = opts.killAfterMs ?? [150, 900];

  for (let trial = 0; trial < opts.trials; trial++) {
    const host = await startHost(opts.bundle, opts.dataDir);
    const health = await request(host.url, 'GET', '/healthz', {}, undefined);
    if (!(JSON.parse(health.body) as { ok: boolean }).ok) {
      figures.restartFailures++;
      figures.problems.push(`trial ${trial}: host not ready after restart: ${health.body}`);
      await host.kill();
      break;
    }
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    let alive = true;
    const client = async (c: number) => {
      for (let cycle = 0; alive; cycle++) {
        await oneCycle(host.url, agent, `${trial}-${c}-${cycle}`, random, expectations, figures, () => alive);
      }
    };
    const clients = Array.from({ length: opts.clients ?? 4 }, (_, c) => client(c).catch(() => undefined));
    await new Promise((r) => setTimeout(r, minKill + random() * (maxKill - minKill)));
    alive = false;
    await host.kill();
    await Promise.all(clients);
    agent.destroy();
    figures.trials++;
    check(path.join(opts.dataDir, DB_FILE_NAME), expectations, figures, trial);
  }
  // The folder opens once more after the last kill.
  const last = await startHost(opts.bundle, opts.dataDir);
  const health = JSON.parse((await request(last.url, 'GET', '/healthz', {}, undefined)).body) as { ok: boolean };
  if (!health.ok) {
    figures.restartFailures++;
    figures.problems.push('final restart: host not ready');
  }
  await last.stop();
  return figures;
}

/** The data file as the kill left it: integrity, then every acknowledged fact. */
function check(file: string, expectations: Map<string, Expectation>, figures: CrashFigures, trial: number): void {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      figures.integrityFailures++;
      figures.problems.push(`trial ${trial}: integrity_check: ${String(integrity)}`);
    }
    for (const e of expectations.values()) {
      const row = db.prepare(e.sql).get(...e.params) as { v: unknown } | undefined;
      const value = row === undefined ? undefined : row.v;
      if (!e.allowed.some((a) => a === value)) {
        figures.lost++;
        if (figures.problems.length < 20)
          figures.problems.push(
            `trial ${trial}: ${e.what}: found ${JSON.stringify(value)}, acknowledged ${JSON.stringify(e.allowed)}`,
          );
      }
    }
  } finally {
    db.close();
  }
}

/**
 * One round of every kind of mutation on records of its own: create an engagement, a workshop
 * with two days, two participants; update each kind; add an agenda step and its notes, start the
 * day's run, choose what the projector shows; make a group, put a person in it, write a cell of its
 * output; check one in with a signature; set a status; delete
 * a participant. Each write that is answered ok becomes an expectation.
 */
async function oneCycle(
  base: string,
  agent: http.Agent,
  tag: string,
  random: () => number,
  expectations: Map<string, Expectation>,
  figures: CrashFigures,
  alive: () => boolean,
): Promise<void> {
  /** Send one mutation; `facts` are what must then hold. Unanswered: facts allowed either way. */
  const write = async (
    op: string,
    input: unknown,
    facts: (value: any) => Omit<Expectation, 'allowed'>[],
    values: (value: any) => unknown[],
    pendingFacts?: { key: string; value: unknown }[],
  ): Promise<any> => {
    // A fact already acknowledged that this write changes may hold either value if it is cut off.
    for (const p of pendingFacts ?? []) expectations.get(p.key)?.allowed.push(p.value);
    let r;
    try {
      r = await callOp(base, op, input, agent);
    } catch {
      return null; // killed: not acknowledged
    }
    if (!r.ok) {
      if (alive()) {
        figures.refusedWhileAlive++;
        figures.problems.push(`${op} refused while the host lived: ${JSON.stringify(r.error)}`);
      }
      return null;
    }
    const fs = facts(r.value);
    const vs = values(r.value);
    fs.forEach((f, i) => {
      const key = `${f.sql}|${JSON.stringify(f.params)}`;
      expectations.set(key, { ...f, allowed: [vs[i]] });
      figures.acknowledged++;
    });
    return r.value;
  };
  const key = (sql: string, params: unknown[]) => `${sql}|${JSON.stringify(params)}`;
  const col = (table: string, column: string) => `SELECT ${column} AS v FROM ${table} WHERE id = ?`;

  const e = await write(
    'engagements.create',
    engagementInput({ regionName: `Kota ${tag}` }),
    (v) => [{ what: `engagement ${v.id} name`, sql: col('engagements', 'region_name'), params: [v.id] }],
    () => [`Kota ${tag}`],
  );
  if (!e || !alive()) return;
  const w = await write(
    'workshops.create',
    workshopInput(e.id, { title: `Bimtek ${tag}` }),
    (v) => [
      { what: `workshop ${v.id} title`, sql: col('workshops', 'title'), params: [v.id] },
      { what: `day ${v.days[0].id}`, sql: col('workshop_days', 'date'), params: [v.days[0].id] },
      { what: `day ${v.days[1].id}`, sql: col('workshop_days', 'date'), params: [v.days[1].id] },
    ],
    () => [`Bimtek ${tag}`, '2019-08-28', '2019-08-29'],
  );
  if (!w || !alive()) return;
  const people: { id: string }[] = [];
  for (const n of [1, 2]) {
    const p = await write(
      'participants.create',
      { engagementId: e.id, name: `Peserta ${tag} ${n}`, agency: 'Diskominfo', role: 'peserta' },
      (v) => [{ what: `participant ${v.id} name`, sql: col('participants', 'name'), params: [v.id] }],
      () => [`Peserta ${tag} ${n}`],
    );
    if (!p || !alive()) return;
    people.push(p);
  }
  const nameSql = col('participants', 'name');
  await write(
    'participants.update',
    { id: people[0].id, patch: { name: `Peserta ${tag} diubah` } },
    (v) => [{ what: `participant ${v.id} renamed`, sql: nameSql, params: [v.id] }],
    () => [`Peserta ${tag} diubah`],
    [{ key: key(nameSql, [people[0].id]), value: `Peserta ${tag} diubah` }],
  );
  if (!alive()) return;
  const venueSql = col('workshops', 'venue');
  await write(
    'workshops.update',
    { id: w.id, patch: { venue: `Ruang ${tag}` } },
    (v) => [{ what: `workshop ${v.id} venue`, sql: venueSql, params: [v.id] }],
    () => [`Ruang ${tag}`],
  );
  if (!alive()) return;
  // The stage guide: a step, the note-taker's notes, the console starting the day, the projector.
  const step = await write(
    'agenda.addStep',
    {
      dayId: w.days[0].id,
      step: { kind: 'diskusi-kelompok', title: `Langkah ${tag}`, plannedMinutes: 30, formId: 'swot' },
    },
    (v) => [{ what: `step ${v.id} title`, sql: col('agenda_steps', 'title'), params: [v.id] }],
    () => [`Langkah ${tag}`],
  );
  if (!step || !alive()) return;
  const notesSql = col('agenda_steps', 'notes');
  await write(
    'agenda.updateStep',
    { id: step.id, patch: { notes: `Catatan ${tag}` } },
    (v) => [{ what: `step ${v.id} notes`, sql: notesSql, params: [v.id] }],
    () => [`Catatan ${tag}`],
  );
  if (!alive()) return;
  await write(
    'run.command',
    { dayId: w.days[0].id, command: 'start', expectedStepId: null },
    () => [
      {
        what: `start of day ${w.days[0].id}`,
        sql: "SELECT step_id AS v FROM run_events WHERE day_id = ? AND kind = 'start'",
        params: [w.days[0].id],
      },
    ],
    () => [step.id],
  );
  if (!alive()) return;
  await write(
    'projector.set',
    { workshopId: w.id, patch: { mode: 'agenda' } },
    () => [
      {
        what: `projector of ${w.id}`,
        sql: 'SELECT mode AS v FROM projector_state WHERE workshop_id = ?',
        params: [w.id],
      },
    ],
    () => ['agenda'],
  );
  if (!alive()) return;
  // Group work: a group, a member, a cell of its SWOT.
  const group = await write(
    'groups.create',
    { dayId: w.days[0].id, name: `Kelompok ${tag}`, topic: 'governance' },
    (v) => [{ what: `group ${v.id} name`, sql: col('groups', 'name'), params: [v.id] }],
    () => [`Kelompok ${tag}`],
  );
  if (!group || !alive()) return;
  await write(
    'groups.moveMember',
    { dayId: w.days[0].id, participantId: people[1].id, groupId: group.id },
    () => [
      {
        what: `member of ${group.id}`,
        sql: 'SELECT group_id AS v FROM group_members WHERE participant_id = ? AND deleted_at IS NULL',
        params: [people[1].id],
      },
    ],
    () => [group.id],
  );
  if (!alive()) return;
  await write(
    'outputs.setCell',
    { groupId: group.id, stepId: step.id, path: 'strengths', value: [`Kekuatan ${tag}`] },
    () => [
      {
        what: `SWOT cell of ${group.id}`,
        sql: `SELECT c.value_json AS v FROM output_cells c JOIN group_outputs o ON o.id = c.output_id
              WHERE o.group_id = ? AND o.step_id = ? AND c.path = 'strengths'`,
        params: [group.id, step.id],
      },
    ],
    () => [JSON.stringify([`Kekuatan ${tag}`])],
  );
  if (!alive()) return;
  await write(
    'engagements.update',
    { id: e.id, patch: { province: `Provinsi ${tag}` } },
    (v) => [{ what: `engagement ${v.id} province`, sql: col('engagements', 'province'), params: [v.id] }],
    () => [`Provinsi ${tag}`],
  );
  if (!alive()) return;
  const png = SIGNATURES[Math.floor(random() * SIGNATURES.length)];
  const sigSql = 'SELECT signature_hash AS v FROM attendance WHERE day_id = ? AND participant_id = ?';
  await write(
    'attendance.checkIn',
    { dayId: w.days[0].id, participantId: people[0].id, signature: png.toString('base64') },
    () => [{ what: `check-in of ${people[0].id}`, sql: sigSql, params: [w.days[0].id, people[0].id] }],
    () => [sha256(png)],
  );
  if (!alive()) return;
  const statusSql = 'SELECT status AS v FROM attendance WHERE day_id = ? AND participant_id = ?';
  await write(
    'attendance.setStatus',
    { dayId: w.days[0].id, participantId: people[1].id, status: 'izin' },
    () => [{ what: `status of ${people[1].id}`, sql: statusSql, params: [w.days[0].id, people[1].id] }],
    () => ['izin'],
  );
  if (!alive()) return;
  const deletedSql = 'SELECT deleted_at IS NOT NULL AS v FROM participants WHERE id = ?';
  await write(
    'participants.delete',
    { id: people[1].id },
    () => [{ what: `participant ${people[1].id} deleted`, sql: deletedSql, params: [people[1].id] }],
    () => [1],
  );
}
