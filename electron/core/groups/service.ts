import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { OutputFormId } from '../../../shared/agenda';
import { DIMENSIONS } from '../../../shared/dimensions';
import { AppError } from '../../../shared/errors';
import {
  formDef,
  missingFields,
  pathSchema,
  resolvePath,
  ROW_ORDER,
  type CellValue,
  type OutputValues,
} from '../../../shared/forms';
import {
  GROUP_LIMITS,
  PAIR_CODE_ALPHABET,
  PAIR_CODE_LENGTH,
  PAIR_CODE_MINUTES,
  PRESENTING_KIND,
  type CellWrite,
  type DeviceView,
  type Group,
  type GroupInput,
  type GroupPatch,
  type GroupsDay,
  type GroupsView,
  type GroupStep,
  type Output,
  type OutputStatus,
  type OutputSummary,
} from '../../../shared/groups';
import { agencyIndex, canonicalAgency, parseAgencyList } from '../../../shared/names';
import { toFieldIssues } from '../../../shared/validation';
import type { BlobService } from '../store/blobs';
import type { ServiceContext } from '../store/context';

interface GroupRow {
  id: string;
  workshop_id: string;
  day_id: string;
  position: number;
  name: string;
  topic: string;
  rapporteur_id: string | null;
  facilitator: string;
  pair_code: string | null;
  pair_code_expires_at: string | null;
  updated_at: string;
  deleted_at: string | null;
}

interface DayRow {
  id: string;
  workshop_id: string;
  engagement_id: string;
  date: string;
  agencies_json: string;
}

interface StepRow {
  id: string;
  workshop_id: string;
  day_id: string;
  title: string;
  kind: GroupStep['kind'];
  form_id: OutputFormId | null;
  planned_minutes: number;
}

interface OutputRow {
  id: string;
  group_id: string;
  step_id: string;
  form_id: OutputFormId;
  status: OutputStatus;
  updated_at: string;
}

interface CellRow {
  id: string;
  path: string;
  value_json: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

interface DeviceRow {
  id: string;
  group_id: string;
  label: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

/** Who is writing an output: the facilitator's laptop (by '') or a paired device (by its label). */
export interface Writer {
  by: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** How often a device's "last seen" is written at most (a write per keystroke would be waste). */
const SEEN_EVERY_MS = 60_000;

/**
 * Groups, their members and outputs, and paired devices. Every write is one transaction. Outputs
 * are stored cell by cell (see shared/forms/types.ts): a write replaces one cell, so two devices
 * typing in one output can only ever overwrite each other's cell, never the whole output.
 */
export function createGroupService(ctx: ServiceContext, blobs: BlobService) {
  const { db } = ctx;
  const q = {
    day: db.prepare(`
      SELECT d.id, d.workshop_id, w.engagement_id, d.date, e.agencies_json
      FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id JOIN engagements e ON e.id = w.engagement_id
      WHERE d.id = ? AND d.deleted_at IS NULL AND w.deleted_at IS NULL`),
    days: db.prepare(`
      SELECT d.id, d.workshop_id, w.engagement_id, d.date, e.agencies_json
      FROM workshop_days d JOIN workshops w ON w.id = d.workshop_id JOIN engagements e ON e.id = w.engagement_id
      WHERE d.workshop_id = ? AND d.deleted_at IS NULL AND w.deleted_at IS NULL ORDER BY d.position`),
    group: db.prepare('SELECT * FROM groups WHERE id = ?'),
    dayGroups: db.prepare('SELECT * FROM groups WHERE day_id = ? AND deleted_at IS NULL ORDER BY position'),
    maxPosition: db.prepare(
      'SELECT coalesce(max(position), -1) AS p FROM groups WHERE day_id = ? AND deleted_at IS NULL',
    ),
    insertGroup: db.prepare(`
      INSERT INTO groups (id, workshop_id, day_id, position, name, topic, created_at, updated_at)
      VALUES (@id, @workshopId, @dayId, @position, @name, @topic, @now, @now)`),
    touchGroup: db.prepare('UPDATE groups SET updated_at = ? WHERE id = ?'),
    members: db.prepare(`
      SELECT m.group_id, m.participant_id FROM group_members m JOIN participants p ON p.id = m.participant_id
      WHERE m.day_id = ? AND m.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY m.group_id, m.position`),
    groupMembers: db.prepare(`
      SELECT m.participant_id FROM group_members m JOIN participants p ON p.id = m.participant_id
      WHERE m.group_id = ? AND m.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY m.position`),
    memberOf: db.prepare(
      'SELECT id, group_id FROM group_members WHERE day_id = ? AND participant_id = ? AND deleted_at IS NULL',
    ),
    insertMember: db.prepare(`
      INSERT INTO group_members (id, group_id, day_id, participant_id, position, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    removeMember: db.prepare('UPDATE group_members SET deleted_at = ?, updated_at = ? WHERE id = ?'),
    setMemberPosition: db.prepare(
      'UPDATE group_members SET position = ?, updated_at = ? WHERE group_id = ? AND participant_id = ? AND deleted_at IS NULL',
    ),
    removeGroupMembers: db.prepare(
      'UPDATE group_members SET deleted_at = ?, updated_at = ? WHERE group_id = ? AND deleted_at IS NULL',
    ),
    candidates: db.prepare(`
      SELECT p.id, p.name, p.agency, coalesce(a.status = 'hadir', 0) AS present
      FROM participants p
      LEFT JOIN attendance a ON a.participant_id = p.id AND a.day_id = @dayId AND a.deleted_at IS NULL
      WHERE p.engagement_id = @engagementId AND p.deleted_at IS NULL
        AND (a.status = 'hadir' OR p.id IN (
          SELECT participant_id FROM group_members WHERE day_id = @dayId AND deleted_at IS NULL))
      ORDER BY p.name_key`),
    steps: db.prepare(`
      SELECT id, workshop_id, day_id, title, kind, form_id, planned_minutes FROM agenda_steps
      WHERE workshop_id = ? AND deleted_at IS NULL ORDER BY day_id, position`),
    step: db.prepare(
      'SELECT id, workshop_id, day_id, title, kind, form_id, planned_minutes FROM agenda_steps WHERE id = ? AND deleted_at IS NULL',
    ),
    output: db.prepare('SELECT * FROM group_outputs WHERE group_id = ? AND step_id = ? AND deleted_at IS NULL'),
    insertOutput: db.prepare(`
      INSERT INTO group_outputs (id, group_id, step_id, form_id, status, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'draft', ?, ?)`),
    outputStatus: db.prepare('UPDATE group_outputs SET status = ?, updated_at = ? WHERE id = ?'),
    touchOutput: db.prepare('UPDATE group_outputs SET updated_at = ? WHERE id = ?'),
    outputSummaries: db.prepare(`
      SELECT o.group_id, o.step_id, o.status, o.updated_at,
        (SELECT count(*) FROM output_cells c WHERE c.output_id = o.id AND c.deleted_at IS NULL
          AND c.value_json NOT IN ('null', '""', '[]') AND c.path NOT LIKE '%/#rows') AS filled
      FROM group_outputs o JOIN groups g ON g.id = o.group_id
      WHERE g.day_id = ? AND o.deleted_at IS NULL`),
    cells: db.prepare('SELECT * FROM output_cells WHERE output_id = ? AND deleted_at IS NULL'),
    cell: db.prepare('SELECT * FROM output_cells WHERE output_id = ? AND path = ?'),
    insertCell: db.prepare(`
      INSERT INTO output_cells (id, output_id, path, value_json, version, updated_by, blob_hash, created_at, updated_at)
      VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)`),
    updateCell: db.prepare(
      `UPDATE output_cells SET value_json = ?, version = version + 1, updated_by = ?, blob_hash = ?, updated_at = ?,
         deleted_at = NULL WHERE id = ?`,
    ),
    groupByCode: db.prepare(
      'SELECT * FROM groups WHERE pair_code = ? AND deleted_at IS NULL AND pair_code_expires_at > ?',
    ),
    setCode: db.prepare('UPDATE groups SET pair_code = ?, pair_code_expires_at = ?, updated_at = ? WHERE id = ?'),
    devices: db.prepare(
      'SELECT * FROM group_devices WHERE group_id = ? AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at',
    ),
    deviceCount: db.prepare('SELECT count(*) AS n FROM group_devices WHERE group_id = ?'),
    device: db.prepare('SELECT * FROM group_devices WHERE id = ? AND deleted_at IS NULL'),
    deviceByToken: db.prepare(`
      SELECT d.* FROM group_devices d JOIN groups g ON g.id = d.group_id
      WHERE d.token_hash = ? AND d.revoked_at IS NULL AND d.deleted_at IS NULL AND g.deleted_at IS NULL`),
    insertDevice: db.prepare(`
      INSERT INTO group_devices (id, group_id, label, token_hash, last_seen_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`),
    revokeDevice: db.prepare('UPDATE group_devices SET revoked_at = ?, updated_at = ? WHERE id = ?'),
    seen: db.prepare('UPDATE group_devices SET last_seen_at = ? WHERE id = ?'),
    workshop: db.prepare(`
      SELECT w.title, e.region_name FROM workshops w JOIN engagements e ON e.id = w.engagement_id WHERE w.id = ?`),
  };

  /** Tokens known to be live: token hash → device and group. Cleared on every revoke or delete. */
  const liveTokens = new Map<string, { deviceId: string; groupId: string; seen: number }>();

  function dayRow(dayId: string): DayRow {
    const d = q.day.get(dayId) as DayRow | undefined;
    if (!d) throw new AppError('NOT_FOUND', 'dayNotFound', { id: dayId });
    return d;
  }

  function groupRow(id: string): GroupRow {
    const g = q.group.get(id) as GroupRow | undefined;
    if (!g || g.deleted_at) throw new AppError('NOT_FOUND', 'groupNotFound', { id });
    return g;
  }

  function toGroup(g: GroupRow, memberIds?: string[]): Group {
    const now = ctx.now();
    const live = g.pair_code && g.pair_code_expires_at && g.pair_code_expires_at > now;
    return {
      id: g.id,
      workshopId: g.workshop_id,
      dayId: g.day_id,
      name: g.name,
      topic: g.topic,
      position: g.position,
      memberIds: memberIds ?? (q.groupMembers.all(g.id) as { participant_id: string }[]).map((m) => m.participant_id),
      rapporteurId: g.rapporteur_id,
      facilitator: g.facilitator,
      pairing: live ? { code: g.pair_code!, expiresAt: g.pair_code_expires_at! } : null,
      devices: (q.devices.all(g.id) as DeviceRow[]).map((d) => ({
        id: d.id,
        label: d.label,
        pairedAt: d.created_at,
        lastSeenAt: d.last_seen_at,
      })),
      updatedAt: g.updated_at,
    };
  }

  function dayGroups(dayId: string): Group[] {
    const members = new Map<string, string[]>();
    for (const m of q.members.all(dayId) as { group_id: string; participant_id: string }[]) {
      const list = members.get(m.group_id) ?? [];
      list.push(m.participant_id);
      members.set(m.group_id, list);
    }
    return (q.dayGroups.all(dayId) as GroupRow[]).map((g) => toGroup(g, members.get(g.id) ?? []));
  }

  const agenciesOf = (d: DayRow) => parseAgencyList(JSON.parse(d.agencies_json) as string[]).map((a) => a.name);

  const toStep = (s: StepRow): GroupStep => ({
    id: s.id,
    title: s.title,
    kind: s.kind,
    formId: s.form_id,
    plannedMinutes: s.planned_minutes,
  });

  /** The steps of a day that groups fill (a form) or present in (pleno). */
  const dayStepsOf = (steps: StepRow[], dayId: string) =>
    steps.filter((s) => s.day_id === dayId && (s.form_id !== null || s.kind === PRESENTING_KIND)).map(toStep);

  function stepRow(id: string): StepRow {
    const s = q.step.get(id) as StepRow | undefined;
    if (!s) throw new AppError('NOT_FOUND', 'stepNotFound', { id });
    return s;
  }

  /** The group and the step of an output; the step must be a form step of the group's workshop. */
  function outputScope(
    groupId: string,
    stepId: string,
  ): { group: GroupRow; step: StepRow & { form_id: OutputFormId } } {
    const group = groupRow(groupId);
    const step = stepRow(stepId);
    if (step.workshop_id !== group.workshop_id || step.form_id === null)
      throw new AppError('VALIDATION', 'stepHasNoForm', { id: stepId });
    return { group, step: step as StepRow & { form_id: OutputFormId } };
  }

  function outputRow(groupId: string, stepId: string, formId: OutputFormId, create: boolean): OutputRow | null {
    const o = q.output.get(groupId, stepId) as OutputRow | undefined;
    if (o || !create) return o ?? null;
    const now = ctx.now();
    const id = ctx.newId();
    q.insertOutput.run(id, groupId, stepId, formId, now, now);
    return { id, group_id: groupId, step_id: stepId, form_id: formId, status: 'draft', updated_at: now };
  }

  function readValues(outputId: string) {
    const values: OutputValues = {};
    const meta: Output['meta'] = {};
    for (const c of q.cells.all(outputId) as CellRow[]) {
      values[c.path] = JSON.parse(c.value_json) as CellValue;
      meta[c.path] = { version: c.version, by: c.updated_by, at: c.updated_at };
    }
    return { values, meta };
  }

  function newCode(): string {
    let code = '';
    for (let i = 0; i < PAIR_CODE_LENGTH; i++) code += PAIR_CODE_ALPHABET[randomInt(PAIR_CODE_ALPHABET.length)];
    return code;
  }

  function placeMember(dayId: string, participantId: string, groupId: string | null, index: number | null) {
    const now = ctx.now();
    const current = q.memberOf.get(dayId, participantId) as { id: string; group_id: string } | undefined;
    if (current) {
      q.removeMember.run(now, now, current.id);
      q.touchGroup.run(now, current.group_id);
    }
    if (groupId === null) return;
    const ids = (q.groupMembers.all(groupId) as { participant_id: string }[]).map((m) => m.participant_id);
    const at = index === null ? ids.length : Math.min(index, ids.length);
    ids.splice(at, 0, participantId);
    q.insertMember.run(ctx.newId(), groupId, dayId, participantId, at, now, now);
    ids.forEach((id, i) => q.setMemberPosition.run(i, now, groupId, id));
    q.touchGroup.run(now, groupId);
  }

  const service = {
    dayOf(dayId: string) {
      const d = dayRow(dayId);
      return { workshopId: d.workshop_id, engagementId: d.engagement_id };
    },

    /** The context of a group, for events. */
    scopeOf(groupId: string) {
      const g = q.group.get(groupId) as GroupRow | undefined;
      if (!g) throw new AppError('NOT_FOUND', 'groupNotFound', { id: groupId });
      const d = q.day.get(g.day_id) as DayRow | undefined;
      return { groupId, workshopId: g.workshop_id, dayId: g.day_id, engagementId: d?.engagement_id };
    },

    list(workshopId: string): GroupsView {
      const days = q.days.all(workshopId) as DayRow[];
      if (days.length === 0) throw new AppError('NOT_FOUND', 'workshopNotFound', { id: workshopId });
      const steps = q.steps.all(workshopId) as StepRow[];
      return {
        workshopId,
        engagementId: days[0].engagement_id,
        agencies: agenciesOf(days[0]),
        days: days.map((d): GroupsDay => ({
          dayId: d.id,
          date: d.date,
          groups: dayGroups(d.id),
          steps: dayStepsOf(steps, d.id),
          candidates: (
            q.candidates.all({ dayId: d.id, engagementId: d.engagement_id }) as {
              id: string;
              name: string;
              agency: string;
              present: number;
            }[]
          ).map((c) => ({ id: c.id, name: c.name, agency: c.agency, present: c.present === 1 })),
          outputs: (
            q.outputSummaries.all(d.id) as {
              group_id: string;
              step_id: string;
              status: OutputStatus;
              updated_at: string;
              filled: number;
            }[]
          ).map((o) => ({
            groupId: o.group_id,
            stepId: o.step_id,
            status: o.status,
            filled: o.filled,
            updatedAt: o.updated_at,
          })),
        })),
      };
    },

    get(id: string): Group {
      return toGroup(groupRow(id));
    },

    dayGroups(dayId: string): Group[] {
      dayRow(dayId);
      return dayGroups(dayId);
    },

    create(input: GroupInput & { topic: string }): Group {
      return db.transaction(() => {
        const d = dayRow(input.dayId);
        const { p } = q.maxPosition.get(input.dayId) as { p: number };
        if (p + 1 >= GROUP_LIMITS.perDay)
          throw new AppError('VALIDATION', 'tooManyGroups', { max: GROUP_LIMITS.perDay });
        const id = ctx.newId();
        q.insertGroup.run({
          id,
          workshopId: d.workshop_id,
          dayId: d.id,
          position: p + 1,
          name: input.name,
          topic: input.topic,
          now: ctx.now(),
        });
        return toGroup(groupRow(id));
      })();
    },

    update(id: string, patch: GroupPatch): Group {
      return db.transaction(() => {
        const g = groupRow(id);
        if (patch.rapporteurId) {
          const members = (q.groupMembers.all(id) as { participant_id: string }[]).map((m) => m.participant_id);
          if (!members.includes(patch.rapporteurId))
            throw new AppError('VALIDATION', 'invalidInput', {
              issues: [{ path: ['patch', 'rapporteurId'], code: 'notAMember' }],
            });
        }
        const cols: Record<keyof GroupPatch, string> = {
          name: 'name',
          topic: 'topic',
          rapporteurId: 'rapporteur_id',
          facilitator: 'facilitator',
        };
        const sets: string[] = [];
        const args: unknown[] = [];
        for (const [k, col] of Object.entries(cols) as [keyof GroupPatch, string][]) {
          if (patch[k] === undefined) continue;
          sets.push(`${col} = ?`);
          args.push(patch[k]);
        }
        sets.push('updated_at = ?');
        args.push(ctx.now(), g.id);
        db.prepare(`UPDATE groups SET ${sets.join(', ')} WHERE id = ?`).run(...args);
        return toGroup(groupRow(id));
      })();
    },

    /** To the bin: members are released (kept on the rows for a restore); outputs stay. */
    delete(id: string): GroupRow {
      return db.transaction(() => {
        const g = groupRow(id);
        const now = ctx.now();
        db.prepare('UPDATE groups SET deleted_at = ?, updated_at = ?, pair_code = NULL WHERE id = ?').run(now, now, id);
        q.removeGroupMembers.run(now, now, id);
        liveTokens.clear();
        return g;
      })();
    },

    restore(id: string): Group {
      return db.transaction(() => {
        const g = q.group.get(id) as GroupRow | undefined;
        if (!g) throw new AppError('NOT_FOUND', 'groupNotFound', { id });
        if (!g.deleted_at) return toGroup(g);
        dayRow(g.day_id);
        const now = ctx.now();
        const { p } = q.maxPosition.get(g.day_id) as { p: number };
        db.prepare('UPDATE groups SET deleted_at = NULL, updated_at = ?, position = ? WHERE id = ?').run(
          now,
          Math.max(p + 1, 0),
          id,
        );
        // Members come back unless they were put in another group meanwhile.
        const members = db
          .prepare('SELECT id, participant_id FROM group_members WHERE group_id = ? AND deleted_at = ?')
          .all(id, g.deleted_at) as { id: string; participant_id: string }[];
        for (const m of members) {
          if (q.memberOf.get(g.day_id, m.participant_id)) continue;
          db.prepare('UPDATE group_members SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, m.id);
        }
        return toGroup(groupRow(id));
      })();
    },

    /**
     * Spread the people present over the day's groups: sizes stay even, and among groups of the
     * same size a person goes where the fewest of their OPD already are. People of the largest
     * OPDs are placed first, so they are the ones spread out.
     */
    autoAssign(dayId: string, count: number, keep: boolean): Group[] {
      return db.transaction(() => {
        const d = dayRow(dayId);
        let groups = dayGroups(dayId);
        if (groups.length === 0) {
          const topics = count === DIMENSIONS.length ? DIMENSIONS.map((x) => x.id as string) : [];
          for (let i = 0; i < count; i++) service.create({ dayId, name: `Kelompok ${i + 1}`, topic: topics[i] ?? '' });
          groups = dayGroups(dayId);
        }
        const index = agencyIndex(parseAgencyList(JSON.parse(d.agencies_json) as string[]));
        const people = (
          q.candidates.all({ dayId, engagementId: d.engagement_id }) as {
            id: string;
            agency: string;
            present: number;
          }[]
        )
          .filter((p) => p.present === 1)
          .map((p) => ({ id: p.id, agency: canonicalAgency(index, p.agency).toLocaleLowerCase('id-ID') }));
        const now = ctx.now();
        const placed = new Set<string>();
        const bins = groups.map((g) => ({ id: g.id, members: [] as string[], agencies: new Map<string, number>() }));
        const agencyOf = new Map(people.map((p) => [p.id, p.agency]));
        if (keep) {
          groups.forEach((g, i) => {
            for (const m of g.memberIds) {
              bins[i].members.push(m);
              placed.add(m);
              const a = agencyOf.get(m) ?? '';
              bins[i].agencies.set(a, (bins[i].agencies.get(a) ?? 0) + 1);
            }
          });
        } else {
          for (const g of groups) q.removeGroupMembers.run(now, now, g.id);
        }
        const size = new Map<string, number>();
        for (const p of people) size.set(p.agency, (size.get(p.agency) ?? 0) + 1);
        const todo = people
          .filter((p) => !placed.has(p.id))
          .sort((a, b) => size.get(b.agency)! - size.get(a.agency)! || a.agency.localeCompare(b.agency));
        for (const p of todo) {
          let best = bins[0];
          for (const b of bins) {
            const by = (x: typeof b) => [x.members.length, x.agencies.get(p.agency) ?? 0];
            const [s1, a1] = by(b);
            const [s2, a2] = by(best);
            if (s1 < s2 || (s1 === s2 && a1 < a2)) best = b;
          }
          best.members.push(p.id);
          best.agencies.set(p.agency, (best.agencies.get(p.agency) ?? 0) + 1);
          // Someone in a group that is not in `bins` (cannot happen) or unplaced: place now.
          placeMember(dayId, p.id, best.id, null);
        }
        for (const g of groups) q.touchGroup.run(now, g.id);
        return dayGroups(dayId);
      })();
    },

    moveMember(dayId: string, participantId: string, groupId: string | null, index: number | null): Group[] {
      return db.transaction(() => {
        const d = dayRow(dayId);
        if (groupId !== null && groupRow(groupId).day_id !== dayId)
          throw new AppError('VALIDATION', 'groupOtherDay', { id: groupId });
        const p = db
          .prepare('SELECT id FROM participants WHERE id = ? AND engagement_id = ? AND deleted_at IS NULL')
          .get(participantId, d.engagement_id);
        if (!p) throw new AppError('NOT_FOUND', 'participantNotFound', { id: participantId });
        placeMember(dayId, participantId, groupId, index);
        // A rapporteur who left the group is no longer its rapporteur.
        db.prepare(
          `UPDATE groups SET rapporteur_id = NULL WHERE day_id = ? AND rapporteur_id = ? AND deleted_at IS NULL
             AND id IS NOT ?`,
        ).run(dayId, participantId, groupId);
        return dayGroups(dayId);
      })();
    },

    /** A fresh code for the group, valid PAIR_CODE_MINUTES; the old one stops working. */
    pairCode(id: string): Group {
      return db.transaction(() => {
        groupRow(id);
        const now = ctx.now();
        const expires = new Date(Date.parse(now) + PAIR_CODE_MINUTES * 60_000).toISOString();
        for (let tries = 0; ; tries++) {
          const code = newCode();
          if (q.groupByCode.get(code, now) && tries < 20) continue;
          q.setCode.run(code, expires, now, id);
          break;
        }
        return toGroup(groupRow(id));
      })();
    },

    /** A device that entered a live code: a token for that group (only its hash is stored). */
    pair(code: string, label: string) {
      return db.transaction(() => {
        const now = ctx.now();
        const g = q.groupByCode.get(code, now) as GroupRow | undefined;
        if (!g) return null;
        const { n } = q.deviceCount.get(g.id) as { n: number };
        const token = randomBytes(32).toString('base64url');
        const deviceId = ctx.newId();
        q.insertDevice.run(deviceId, g.id, label || `Perangkat ${n + 1}`, hashToken(token), now, now, now);
        q.touchGroup.run(now, g.id);
        return { token, deviceId, groupId: g.id, workshopId: g.workshop_id };
      })();
    },

    /** The device a token names, if it is paired and not revoked (cached; last seen kept to the minute). */
    resolveDevice(token: string): { deviceId: string; groupId: string } | null {
      const h = hashToken(token);
      const t = Date.now();
      const cached = liveTokens.get(h);
      if (cached) {
        if (t - cached.seen > SEEN_EVERY_MS) {
          cached.seen = t;
          q.seen.run(ctx.now(), cached.deviceId);
        }
        return cached;
      }
      const d = q.deviceByToken.get(h) as DeviceRow | undefined;
      if (!d) return null;
      q.seen.run(ctx.now(), d.id);
      const entry = { deviceId: d.id, groupId: d.group_id, seen: t };
      liveTokens.set(h, entry);
      return entry;
    },

    deviceLabel(deviceId: string): string {
      return (q.device.get(deviceId) as DeviceRow | undefined)?.label ?? '';
    },

    revokeDevice(deviceId: string): Group {
      return db.transaction(() => {
        const d = q.device.get(deviceId) as DeviceRow | undefined;
        if (!d) throw new AppError('NOT_FOUND', 'deviceNotFound', { id: deviceId });
        const now = ctx.now();
        if (!d.revoked_at) q.revokeDevice.run(now, now, deviceId);
        q.touchGroup.run(now, d.group_id);
        liveTokens.clear();
        return toGroup(groupRow(d.group_id));
      })();
    },

    deviceView(deviceId: string, groupId: string): DeviceView {
      const g = groupRow(groupId);
      const d = dayRow(g.day_id);
      const w = q.workshop.get(g.workshop_id) as { title: string; region_name: string };
      const steps = q.steps.all(g.workshop_id) as StepRow[];
      return {
        deviceId,
        label: service.deviceLabel(deviceId),
        group: { id: g.id, name: g.name, topic: g.topic },
        workshopTitle: w.title,
        regionName: w.region_name,
        date: d.date,
        steps: dayStepsOf(steps, g.day_id).filter((s) => s.formId !== null),
      };
    },

    output(groupId: string, stepId: string): Output {
      const { group, step } = outputScope(groupId, stepId);
      const o = outputRow(groupId, stepId, step.form_id, false);
      const { values, meta } = o ? readValues(o.id) : { values: {}, meta: {} };
      return {
        groupId,
        stepId,
        formId: step.form_id,
        status: o?.status ?? 'draft',
        values,
        meta,
        agencies: agenciesOf(dayRow(group.day_id)),
        updatedAt: o?.updated_at ?? group.updated_at,
      };
    },

    /**
     * Write one cell, checked against the form's definition. The later write wins for this cell
     * only; `overwrote` says it replaced what another writer saved after the writer's `baseVersion`.
     */
    setCell(
      groupId: string,
      stepId: string,
      path: string,
      raw: unknown,
      baseVersion: number | null,
      writer: Writer,
    ): CellWrite & { outputId: string } {
      return db.transaction(() => {
        const { step } = outputScope(groupId, stepId);
        const form = formDef(step.form_id);
        const resolved = resolvePath(form, path);
        if (!resolved)
          throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['path'], code: 'invalid' }] });
        const parsed = pathSchema(resolved).safeParse(raw);
        if (!parsed.success)
          throw new AppError('VALIDATION', 'invalidInput', {
            issues: toFieldIssues(parsed.error).map((i) => ({ ...i, path: ['value', ...i.path] })),
          });
        const value = (parsed.data ?? null) as CellValue;
        const isSignature = resolved.kind === 'cell' && resolved.column.kind === 'signature';
        const blobHash = isSignature && typeof value === 'string' ? value : null;
        if (blobHash && !blobs.get(blobHash))
          throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['value'], code: 'invalid' }] });
        const o = outputRow(groupId, stepId, step.form_id, true)!;
        if (o.status === 'done' && writer.by !== '') throw new AppError('CONFLICT', 'outputDone', { id: o.id });
        const now = ctx.now();
        const current = q.cell.get(o.id, path) as CellRow | undefined;
        let overwrote = false;
        if (current) {
          overwrote =
            baseVersion === null
              ? current.updated_by !== writer.by && current.value_json !== 'null'
              : current.version > baseVersion;
          q.updateCell.run(JSON.stringify(value), writer.by, blobHash, now, current.id);
        } else {
          q.insertCell.run(ctx.newId(), o.id, path, JSON.stringify(value), writer.by, blobHash, now, now);
        }
        q.touchOutput.run(now, o.id);
        const version = current ? current.version + 1 : 1;
        return { outputId: o.id, groupId, stepId, path, value, meta: { version, by: writer.by, at: now }, overwrote };
      })();
    },

    /** Sign a signature cell: the image is stored (content-addressed), the cell holds its hash. */
    sign(groupId: string, stepId: string, path: string, png: string, baseVersion: number | null, writer: Writer) {
      return db.transaction(() => {
        const { step } = outputScope(groupId, stepId);
        const resolved = resolvePath(formDef(step.form_id), path);
        if (!resolved || resolved.kind !== 'cell' || resolved.column.kind !== 'signature')
          throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['path'], code: 'invalid' }] });
        const hash = blobs.putImage(Buffer.from(png, 'base64'), 'signature');
        return service.setCell(groupId, stepId, path, hash, baseVersion, writer);
      })();
    },

    setStatus(groupId: string, stepId: string, status: OutputStatus): OutputSummary & { outputId: string } {
      return db.transaction(() => {
        const { step } = outputScope(groupId, stepId);
        const o = outputRow(groupId, stepId, step.form_id, true)!;
        if (status === 'done') {
          const missing = missingFields(formDef(step.form_id), readValues(o.id).values);
          if (missing.length > 0)
            throw new AppError(
              'VALIDATION',
              'outputIncomplete',
              {
                issues: missing.map((m) => ({
                  path: m.path.split('/'),
                  code: m.reason === 'rows' ? 'tooFewRows' : 'required',
                })),
              },
              { count: missing.length },
            );
        }
        const now = ctx.now();
        q.outputStatus.run(status, now, o.id);
        const filled = Object.entries(readValues(o.id).values).filter(
          ([k, v]) => !k.endsWith(`/${ROW_ORDER}`) && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0),
        ).length;
        return { outputId: o.id, groupId, stepId, status, filled, updatedAt: now };
      })();
    },
  };
  return service;
}

export type GroupService = ReturnType<typeof createGroupService>;
