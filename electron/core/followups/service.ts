import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import {
  ACTION_LIMITS,
  DEFAULT_WEIGHTS,
  isOverdue,
  rankQuickWins,
  type ActionInput,
  type ActionItem,
  type ActionPatch,
  type ActionStatus,
  type Attachment,
  type Candidate,
  type Decision,
  type ProjectorFollowups,
  type QuickWinBoard,
  type ScoreRow,
  type Scores,
  type Weights,
} from '../../../shared/followups';
import { ROW_ORDER, type CellValue } from '../../../shared/forms';
import { sha256, sniffImage } from '../images';
import type { ServiceContext } from '../store/context';

interface DecisionRow {
  id: string;
  workshop_id: string;
  day_id: string;
  step_id: string | null;
  text: string;
  position: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface ActionRow {
  id: string;
  engagement_id: string;
  workshop_id: string | null;
  step_id: string | null;
  decision_id: string | null;
  quickwin_key: string | null;
  title: string;
  kind: ActionItem['kind'];
  programme: string;
  dimension: string;
  agency: string;
  person: string;
  due_date: string;
  status: ActionStatus;
  evidence_number: string;
  evidence_date: string;
  notes: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The fields of an action item a patch may change, with their columns (one place). */
const ACTION_COLUMNS = {
  title: 'title',
  kind: 'kind',
  programme: 'programme',
  dimension: 'dimension',
  agency: 'agency',
  person: 'person',
  dueDate: 'due_date',
  evidenceNumber: 'evidence_number',
  evidenceDate: 'evidence_date',
  notes: 'notes',
  status: 'status',
} as const satisfies Partial<Record<keyof ActionPatch, string>>;

const PDF_MAGIC = '%PDF-';

/** What kind of file evidence is, from its bytes (never from its name). */
function sniffAttachment(bytes: Uint8Array): Attachment['mime'] | null {
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') === PDF_MAGIC) return 'application/pdf';
  const img = sniffImage(bytes);
  return img ? img.mime : null;
}

/** `date` (YYYY-MM-DD) plus whole months, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * Decisions, quick-win scoring and choice, and action items. Each write is one transaction; the
 * ranking is never stored (it is `rankQuickWins` over the scores, wherever it is shown).
 */
export function createFollowupService(ctx: ServiceContext) {
  const db: Database = ctx.db;
  const q = {
    workshop: db.prepare(`
      SELECT w.id, w.engagement_id, (SELECT min(date) FROM workshop_days d WHERE d.workshop_id = w.id AND d.deleted_at IS NULL) AS first_day
      FROM workshops w WHERE w.id = ? AND w.deleted_at IS NULL`),
    day: db.prepare('SELECT d.id, d.workshop_id FROM workshop_days d WHERE d.id = ? AND d.deleted_at IS NULL'),
    step: db.prepare('SELECT id, day_id, workshop_id FROM agenda_steps WHERE id = ? AND deleted_at IS NULL'),
    engagement: db.prepare('SELECT id FROM engagements WHERE id = ? AND deleted_at IS NULL'),
    decisions: db.prepare('SELECT * FROM decisions WHERE workshop_id = ? AND deleted_at IS NULL ORDER BY position'),
    decision: db.prepare('SELECT * FROM decisions WHERE id = ?'),
    maxDecision: db.prepare('SELECT coalesce(max(position), -1) AS p FROM decisions WHERE workshop_id = ?'),
    insertDecision: db.prepare(`
      INSERT INTO decisions (id, workshop_id, day_id, step_id, text, position, created_at, updated_at)
      VALUES (@id, @workshopId, @dayId, @stepId, @text, @position, @now, @now)`),
    actionsOfDecision: db.prepare('SELECT id FROM actions WHERE decision_id = ? AND deleted_at IS NULL'),
    settings: db.prepare('SELECT weights_json FROM quickwin_settings WHERE workshop_id = ? AND deleted_at IS NULL'),
    setSettings: db.prepare(`
      INSERT INTO quickwin_settings (id, workshop_id, weights_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(workshop_id) DO UPDATE SET weights_json = excluded.weights_json, updated_at = excluded.updated_at,
        deleted_at = NULL`),
    proposalCells: db.prepare(`
      SELECT o.group_id, o.step_id, g.name AS group_name, c.path, c.value_json
      FROM group_outputs o JOIN groups g ON g.id = o.group_id
      JOIN agenda_steps s ON s.id = o.step_id
      JOIN output_cells c ON c.output_id = o.id AND c.deleted_at IS NULL
      WHERE g.workshop_id = ? AND g.deleted_at IS NULL AND o.deleted_at IS NULL AND s.deleted_at IS NULL
        AND o.form_id = 'quick-win-proposal'
      ORDER BY g.position, s.position`),
    scores: db.prepare(`
      SELECT candidate_key, scorer, impact, feasibility, cost, innovation FROM quickwin_scores
      WHERE workshop_id = ? AND deleted_at IS NULL ORDER BY created_at`),
    upsertScore: db.prepare(`
      INSERT INTO quickwin_scores (id, workshop_id, candidate_key, scorer, scorer_key, impact, feasibility, cost,
        innovation, created_at, updated_at)
      VALUES (@id, @workshopId, @key, @scorer, @scorerKey, @impact, @feasibility, @cost, @innovation, @now, @now)
      ON CONFLICT(workshop_id, candidate_key, scorer_key) WHERE deleted_at IS NULL DO UPDATE SET
        scorer = excluded.scorer, impact = excluded.impact, feasibility = excluded.feasibility, cost = excluded.cost,
        innovation = excluded.innovation, updated_at = excluded.updated_at`),
    choices: db.prepare(
      'SELECT candidate_key, action_id FROM quickwin_choices WHERE workshop_id = ? AND deleted_at IS NULL ORDER BY created_at',
    ),
    choice: db.prepare(
      'SELECT id, action_id FROM quickwin_choices WHERE workshop_id = ? AND candidate_key = ? AND deleted_at IS NULL',
    ),
    insertChoice: db.prepare(`
      INSERT INTO quickwin_choices (id, workshop_id, candidate_key, action_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    removeChoice: db.prepare('UPDATE quickwin_choices SET deleted_at = ?, updated_at = ? WHERE id = ?'),
    actions: db.prepare('SELECT * FROM actions WHERE engagement_id = ? AND deleted_at IS NULL ORDER BY created_at, id'),
    action: db.prepare('SELECT * FROM actions WHERE id = ?'),
    insertAction: db.prepare(`
      INSERT INTO actions (id, engagement_id, workshop_id, step_id, decision_id, quickwin_key, title, kind, programme,
        dimension, agency, person, due_date, notes, created_at, updated_at)
      VALUES (@id, @engagementId, @workshopId, @stepId, @decisionId, @quickWinKey, @title, @kind, @programme,
        @dimension, @agency, @person, @dueDate, @notes, @now, @now)`),
    softDeleteAction: db.prepare('UPDATE actions SET deleted_at = ?, updated_at = ? WHERE id = ?'),
    history: db.prepare(
      'SELECT action_id, status, note, at FROM action_history WHERE action_id = ? AND deleted_at IS NULL ORDER BY at, created_at',
    ),
    historyOf: db.prepare(`
      SELECT h.action_id, h.status, h.note, h.at FROM action_history h JOIN actions a ON a.id = h.action_id
      WHERE a.engagement_id = ? AND h.deleted_at IS NULL ORDER BY h.at, h.created_at`),
    insertHistory: db.prepare(`
      INSERT INTO action_history (id, action_id, status, note, at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    attachments: db.prepare(
      'SELECT * FROM action_attachments WHERE action_id = ? AND deleted_at IS NULL ORDER BY created_at',
    ),
    attachmentsOf: db.prepare(`
      SELECT t.* FROM action_attachments t JOIN actions a ON a.id = t.action_id
      WHERE a.engagement_id = ? AND t.deleted_at IS NULL ORDER BY t.created_at`),
    attachment: db.prepare('SELECT * FROM action_attachments WHERE id = ? AND action_id = ? AND deleted_at IS NULL'),
    insertAttachment: db.prepare(`
      INSERT INTO action_attachments (id, action_id, file_name, mime, bytes, blob_hash, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    removeAttachment: db.prepare('UPDATE action_attachments SET deleted_at = ?, updated_at = ? WHERE id = ?'),
    putBlob: db.prepare(`
      INSERT INTO blobs (hash, mime, width, height, data, created_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT(hash) DO NOTHING`),
    blob: db.prepare('SELECT data FROM blobs WHERE hash = ?'),
  };

  type WorkshopRow = { id: string; engagement_id: string; first_day: string | null };
  function workshop(id: string): WorkshopRow {
    const w = q.workshop.get(id) as WorkshopRow | undefined;
    if (!w) throw new AppError('NOT_FOUND', 'workshopNotFound', { id });
    return w;
  }

  const toDecision = (r: DecisionRow): Decision => ({
    id: r.id,
    workshopId: r.workshop_id,
    dayId: r.day_id,
    stepId: r.step_id,
    text: r.text,
    position: r.position,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  function decisionRow(id: string, includeDeleted = false): DecisionRow {
    const r = q.decision.get(id) as DecisionRow | undefined;
    if (!r || (!includeDeleted && r.deleted_at)) throw new AppError('NOT_FOUND', 'decisionNotFound', { id });
    return r;
  }

  function actionRow(id: string, includeDeleted = false): ActionRow {
    const r = q.action.get(id) as ActionRow | undefined;
    if (!r || (!includeDeleted && r.deleted_at)) throw new AppError('NOT_FOUND', 'actionNotFound', { id });
    return r;
  }

  type AttachmentRow = {
    id: string;
    action_id: string;
    file_name: string;
    mime: Attachment['mime'];
    bytes: number;
    blob_hash: string;
    created_at: string;
  };
  const toAttachment = (t: AttachmentRow): Attachment => ({
    id: t.id,
    fileName: t.file_name,
    mime: t.mime,
    bytes: t.bytes,
    createdAt: t.created_at,
  });
  type HistoryRow = { action_id: string; status: ActionStatus; note: string; at: string };

  function toAction(r: ActionRow, history?: HistoryRow[], attachments?: AttachmentRow[]): ActionItem {
    return {
      id: r.id,
      engagementId: r.engagement_id,
      workshopId: r.workshop_id,
      stepId: r.step_id,
      decisionId: r.decision_id,
      quickWinKey: r.quickwin_key,
      title: r.title,
      kind: r.kind,
      programme: r.programme,
      dimension: r.dimension,
      agency: r.agency,
      person: r.person,
      dueDate: r.due_date,
      status: r.status,
      evidenceNumber: r.evidence_number,
      evidenceDate: r.evidence_date,
      notes: r.notes,
      history: (history ?? (q.history.all(r.id) as HistoryRow[])).map((h) => ({
        at: h.at,
        status: h.status,
        note: h.note,
      })),
      attachments: (attachments ?? (q.attachments.all(r.id) as AttachmentRow[])).map(toAttachment),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** A due date may not fall before the first day of the workshop the item came from. */
  function checkDue(workshopId: string | null, dueDate: string | undefined) {
    if (!workshopId || !dueDate) return;
    const w = workshop(workshopId);
    if (w.first_day && dueDate < w.first_day)
      throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['dueDate'], code: 'dueBeforeWorkshop' }] });
  }

  function createAction(
    input: Required<Omit<ActionInput, 'workshopId' | 'stepId' | 'decisionId'>> & {
      workshopId: string | null;
      stepId: string | null;
      decisionId: string | null;
      quickWinKey?: string | null;
    },
  ): ActionItem {
    if (!q.engagement.get(input.engagementId))
      throw new AppError('NOT_FOUND', 'engagementNotFound', { id: input.engagementId });
    if (input.workshopId && workshop(input.workshopId).engagement_id !== input.engagementId)
      throw new AppError('VALIDATION', 'otherWorkshop', { id: input.workshopId });
    checkDue(input.workshopId, input.dueDate);
    const id = ctx.newId();
    const now = ctx.now();
    q.insertAction.run({ ...input, quickWinKey: input.quickWinKey ?? null, id, now });
    q.insertHistory.run(ctx.newId(), id, 'belum', '', now, now, now);
    return toAction(actionRow(id));
  }

  /** Candidates: the named rows of every group's quick-win proposal outputs in the workshop. */
  function candidates(workshopId: string): Candidate[] {
    const rows = q.proposalCells.all(workshopId) as {
      group_id: string;
      step_id: string;
      group_name: string;
      path: string;
      value_json: string;
    }[];
    const byOutput = new Map<
      string,
      { groupId: string; stepId: string; groupName: string; cells: Map<string, CellValue> }
    >();
    for (const r of rows) {
      const k = `${r.group_id}/${r.step_id}`;
      const o = byOutput.get(k) ?? {
        groupId: r.group_id,
        stepId: r.step_id,
        groupName: r.group_name,
        cells: new Map(),
      };
      o.cells.set(r.path, JSON.parse(r.value_json) as CellValue);
      byOutput.set(k, o);
    }
    const out: Candidate[] = [];
    for (const o of byOutput.values()) {
      const order = o.cells.get(`proposals/${ROW_ORDER}`);
      for (const rowId of Array.isArray(order) ? order : []) {
        const cell = (col: string) => o.cells.get(`proposals/${rowId}/${col}`);
        const text = (col: string) => (typeof cell(col) === 'string' ? (cell(col) as string).trim() : '');
        if (!text('name')) continue;
        const months = cell('months');
        out.push({
          key: `${o.groupId}/${o.stepId}/${rowId}`,
          groupId: o.groupId,
          groupName: o.groupName,
          name: text('name'),
          dimension: text('dimension'),
          agency: text('agency'),
          description: text('description'),
          months: typeof months === 'number' ? months : null,
        });
      }
    }
    return out;
  }

  const candidateName = db.prepare(`
    SELECT c.value_json FROM group_outputs o JOIN groups g ON g.id = o.group_id
    JOIN output_cells c ON c.output_id = o.id AND c.path = ? AND c.deleted_at IS NULL
    WHERE o.group_id = ? AND o.step_id = ? AND g.workshop_id = ? AND o.form_id = 'quick-win-proposal'
      AND o.deleted_at IS NULL AND g.deleted_at IS NULL`);
  /** Whether a key names a proposal with a name, in the workshop (one indexed read, for every score). */
  function isCandidate(workshopId: string, key: string): boolean {
    const [groupId, stepId, rowId] = key.split('/');
    const r = candidateName.get(`proposals/${rowId}/name`, groupId, stepId, workshopId) as
      { value_json: string } | undefined;
    if (!r) return false;
    const name = JSON.parse(r.value_json) as unknown;
    return typeof name === 'string' && name.trim() !== '';
  }

  const weightsOf = (workshopId: string): Weights => {
    const r = q.settings.get(workshopId) as { weights_json: string } | undefined;
    return r ? (JSON.parse(r.weights_json) as Weights) : DEFAULT_WEIGHTS;
  };
  const scoresOf = (workshopId: string): ScoreRow[] =>
    (q.scores.all(workshopId) as ({ candidate_key: string; scorer: string } & Scores)[]).map((r) => ({
      candidateKey: r.candidate_key,
      scorer: r.scorer,
      scores: { impact: r.impact, feasibility: r.feasibility, cost: r.cost, innovation: r.innovation },
    }));

  const service = {
    engagementOf(workshopId: string): string {
      return workshop(workshopId).engagement_id;
    },

    decisions(workshopId: string): Decision[] {
      workshop(workshopId);
      return (q.decisions.all(workshopId) as DecisionRow[]).map(toDecision);
    },

    createDecision(dayId: string, stepId: string | null, text: string): Decision {
      return db.transaction(() => {
        const d = q.day.get(dayId) as { id: string; workshop_id: string } | undefined;
        if (!d) throw new AppError('NOT_FOUND', 'dayNotFound', { id: dayId });
        // A day of a deleted workshop takes no decision (the workshop is in the bin).
        workshop(d.workshop_id);
        if (stepId) {
          const s = q.step.get(stepId) as { day_id: string } | undefined;
          if (!s || s.day_id !== dayId) throw new AppError('NOT_FOUND', 'stepNotFound', { id: stepId });
        }
        const { p } = q.maxDecision.get(d.workshop_id) as { p: number };
        const id = ctx.newId();
        q.insertDecision.run({ id, workshopId: d.workshop_id, dayId, stepId, text, position: p + 1, now: ctx.now() });
        return toDecision(decisionRow(id));
      })();
    },

    updateDecision(id: string, text: string): Decision {
      return db.transaction(() => {
        decisionRow(id);
        db.prepare('UPDATE decisions SET text = ?, updated_at = ? WHERE id = ?').run(text, ctx.now(), id);
        return toDecision(decisionRow(id));
      })();
    },

    /** Delete a decision; its action items are kept, deleted, or (`ask`) the call is refused with their count. */
    deleteDecision(id: string, then: 'ask' | 'keep' | 'delete'): { decision: Decision; removedActions: string[] } {
      return db.transaction(() => {
        const d = decisionRow(id);
        const linked = (q.actionsOfDecision.all(id) as { id: string }[]).map((a) => a.id);
        if (linked.length > 0 && then === 'ask')
          throw new AppError('CONFLICT', 'decisionHasActions', { id }, { count: linked.length });
        const now = ctx.now();
        db.prepare('UPDATE decisions SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
        if (then === 'delete') for (const a of linked) q.softDeleteAction.run(now, now, a);
        return { decision: toDecision(d), removedActions: then === 'delete' ? linked : [] };
      })();
    },

    restoreDecision(id: string): Decision {
      return db.transaction(() => {
        const d = decisionRow(id, true);
        if (d.deleted_at)
          db.prepare('UPDATE decisions SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(ctx.now(), id);
        return toDecision(decisionRow(id));
      })();
    },

    board(workshopId: string): QuickWinBoard {
      workshop(workshopId);
      return {
        workshopId,
        weights: weightsOf(workshopId),
        candidates: candidates(workshopId),
        scores: scoresOf(workshopId),
        chosen: (q.choices.all(workshopId) as { candidate_key: string; action_id: string | null }[]).map((c) => ({
          candidateKey: c.candidate_key,
          actionId: c.action_id,
        })),
      };
    },

    setWeights(workshopId: string, weights: Weights): QuickWinBoard {
      db.transaction(() => {
        workshop(workshopId);
        const now = ctx.now();
        q.setSettings.run(ctx.newId(), workshopId, JSON.stringify(weights), now, now);
      })();
      return service.board(workshopId);
    },

    /** One scorer's ratings of a candidate; `scorerKey` tells scorers apart (a device: its group). */
    score(workshopId: string, candidateKey: string, scorer: string, scorerKey: string, scores: Scores): ScoreRow {
      return db.transaction(() => {
        workshop(workshopId);
        if (!isCandidate(workshopId, candidateKey))
          throw new AppError('NOT_FOUND', 'candidateNotFound', { id: candidateKey });
        q.upsertScore.run({
          id: ctx.newId(),
          workshopId,
          key: candidateKey,
          scorer,
          scorerKey,
          ...scores,
          now: ctx.now(),
        });
        return { candidateKey, scorer, scores };
      })();
    },

    /**
     * Choose a candidate: it becomes an action item owned by its OPD, due after its months (6–12,
     * 12 when it gives none) from the workshop's first day. Unchoosing keeps, deletes or (`ask`)
     * refuses over the item it produced.
     */
    choose(workshopId: string, key: string, chosen: boolean, then: 'ask' | 'keep' | 'delete') {
      return db.transaction(() => {
        const w = workshop(workshopId);
        const current = q.choice.get(workshopId, key) as { id: string; action_id: string | null } | undefined;
        const now = ctx.now();
        if (chosen) {
          if (current)
            return {
              candidateKey: key,
              actionId: current.action_id,
              created: null as ActionItem | null,
              removed: null as string | null,
            };
          const c = candidates(workshopId).find((x) => x.key === key);
          if (!c) throw new AppError('NOT_FOUND', 'candidateNotFound', { id: key });
          const months = Math.min(12, Math.max(6, c.months ?? 12));
          const action = createAction({
            engagementId: w.engagement_id,
            workshopId,
            stepId: null,
            decisionId: null,
            quickWinKey: key,
            title: `Quick win: ${c.name}`,
            kind: 'lainnya',
            programme: c.name,
            dimension: c.dimension,
            agency: c.agency,
            person: '',
            dueDate: w.first_day ? addMonths(w.first_day, months) : '',
            notes: c.description,
          });
          q.insertChoice.run(ctx.newId(), workshopId, key, action.id, now, now);
          return { candidateKey: key, actionId: action.id, created: action, removed: null };
        }
        if (!current) return { candidateKey: key, actionId: null, created: null, removed: null };
        const live = current.action_id && !actionRow(current.action_id, true).deleted_at;
        if (live && then === 'ask') throw new AppError('CONFLICT', 'quickWinHasAction', { id: key }, { count: 1 });
        q.removeChoice.run(now, now, current.id);
        if (live && then === 'delete') q.softDeleteAction.run(now, now, current.action_id);
        return {
          candidateKey: key,
          actionId: null,
          created: null,
          removed: live && then === 'delete' ? current.action_id : null,
        };
      })();
    },

    actions(engagementId: string): ActionItem[] {
      if (!q.engagement.get(engagementId)) throw new AppError('NOT_FOUND', 'engagementNotFound', { id: engagementId });
      const history = new Map<string, HistoryRow[]>();
      for (const h of q.historyOf.all(engagementId) as HistoryRow[]) {
        const list = history.get(h.action_id) ?? [];
        list.push(h);
        history.set(h.action_id, list);
      }
      const files = new Map<string, AttachmentRow[]>();
      for (const t of q.attachmentsOf.all(engagementId) as AttachmentRow[]) {
        const list = files.get(t.action_id) ?? [];
        list.push(t);
        files.set(t.action_id, list);
      }
      return (q.actions.all(engagementId) as ActionRow[]).map((r) =>
        toAction(r, history.get(r.id) ?? [], files.get(r.id) ?? []),
      );
    },

    action(id: string): ActionItem {
      return toAction(actionRow(id));
    },

    createAction(input: ActionInput): ActionItem {
      return db.transaction(() => {
        if (input.decisionId) {
          const d = decisionRow(input.decisionId);
          if (input.workshopId && d.workshop_id !== input.workshopId)
            throw new AppError('VALIDATION', 'otherWorkshop', { id: input.decisionId });
        }
        return createAction({
          engagementId: input.engagementId,
          workshopId: input.workshopId ?? null,
          stepId: input.stepId ?? null,
          decisionId: input.decisionId ?? null,
          title: input.title,
          kind: input.kind ?? 'lainnya',
          programme: input.programme ?? '',
          dimension: input.dimension ?? '',
          agency: input.agency ?? '',
          person: input.person ?? '',
          dueDate: input.dueDate ?? '',
          notes: input.notes ?? '',
        });
      })();
    },

    updateAction(id: string, patch: ActionPatch): ActionItem {
      return db.transaction(() => {
        const a = actionRow(id);
        checkDue(a.workshop_id, patch.dueDate);
        const sets: string[] = [];
        const args: unknown[] = [];
        for (const [k, col] of Object.entries(ACTION_COLUMNS) as [keyof typeof ACTION_COLUMNS, string][]) {
          if (patch[k] === undefined) continue;
          sets.push(`${col} = ?`);
          args.push(patch[k]);
        }
        const now = ctx.now();
        if (sets.length > 0)
          db.prepare(`UPDATE actions SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...args, now, id);
        if (patch.status !== undefined && patch.status !== a.status)
          q.insertHistory.run(ctx.newId(), id, patch.status, patch.statusNote ?? '', now, now, now);
        return toAction(actionRow(id));
      })();
    },

    deleteAction(id: string): ActionItem {
      return db.transaction(() => {
        const a = actionRow(id);
        const now = ctx.now();
        q.softDeleteAction.run(now, now, id);
        return toAction(a);
      })();
    },

    restoreAction(id: string): ActionItem {
      return db.transaction(() => {
        const a = actionRow(id, true);
        if (a.deleted_at)
          db.prepare('UPDATE actions SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(ctx.now(), id);
        return toAction(actionRow(id));
      })();
    },

    /** Evidence: PDF, PNG or JPEG by its bytes, at most 10 MB; anything else is refused with the reason. */
    attach(id: string, fileName: string, data: string): ActionItem {
      return db.transaction(() => {
        actionRow(id);
        const bytes = Buffer.from(data, 'base64');
        if (bytes.length > ACTION_LIMITS.attachmentBytes)
          throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['data'], code: 'fileTooLarge' }] });
        const mime = sniffAttachment(bytes);
        if (!mime)
          throw new AppError('VALIDATION', 'invalidInput', { issues: [{ path: ['data'], code: 'notPdfOrImage' }] });
        const img = mime === 'application/pdf' ? null : sniffImage(bytes);
        const hash = sha256(bytes);
        const now = ctx.now();
        q.putBlob.run(hash, mime, img?.width ?? 0, img?.height ?? 0, bytes, now);
        q.insertAttachment.run(ctx.newId(), id, fileName, mime, bytes.length, hash, now, now);
        db.prepare('UPDATE actions SET updated_at = ? WHERE id = ?').run(now, id);
        return toAction(actionRow(id));
      })();
    },

    removeAttachment(id: string, attachmentId: string): ActionItem {
      return db.transaction(() => {
        actionRow(id);
        if (!q.attachment.get(attachmentId, id))
          throw new AppError('NOT_FOUND', 'attachmentNotFound', { id: attachmentId });
        const now = ctx.now();
        q.removeAttachment.run(now, now, attachmentId);
        return toAction(actionRow(id));
      })();
    },

    attachment(id: string, attachmentId: string): { fileName: string; mime: string; data: Buffer } {
      actionRow(id);
      const t = q.attachment.get(attachmentId, id) as AttachmentRow | undefined;
      if (!t) throw new AppError('NOT_FOUND', 'attachmentNotFound', { id: attachmentId });
      const b = q.blob.get(t.blob_hash) as { data: Buffer };
      return { fileName: t.file_name, mime: t.mime, data: b.data };
    },

    /** What the projector shows in the follow-up modes (no person's name). */
    projector(workshopId: string, mode: string, today: string): ProjectorFollowups {
      const none: ProjectorFollowups = { quickwins: null, decisions: null, followups: null };
      if (mode === 'quickwins') {
        const b = service.board(workshopId);
        return {
          ...none,
          quickwins: {
            candidates: b.candidates.map(({ key, name, dimension, groupName }) => ({
              key,
              name,
              dimension,
              groupName,
            })),
            ranking: rankQuickWins(b.candidates, b.scores, b.weights),
            chosen: b.chosen.map((c) => c.candidateKey),
          },
        };
      }
      if (mode === 'decisions') return { ...none, decisions: service.decisions(workshopId).map((d) => d.text) };
      if (mode === 'followups') {
        const w = workshop(workshopId);
        const items = (q.actions.all(w.engagement_id) as ActionRow[])
          // What earlier stages (or the engagement itself) left to do: this workshop's own items are new.
          .filter((a) => a.workshop_id !== workshopId)
          .map((a) => ({
            id: a.id,
            title: a.title,
            kind: a.kind,
            agency: a.agency,
            dueDate: a.due_date,
            status: a.status,
            overdue: isOverdue({ status: a.status, dueDate: a.due_date }, today),
          }))
          .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueDate.localeCompare(y.dueDate));
        return { ...none, followups: items };
      }
      return none;
    },
  };
  return service;
}

export type FollowupService = ReturnType<typeof createFollowupService>;
