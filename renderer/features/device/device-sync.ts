import type { OpInput, OpOutput } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/domain';
import type { AppErrorShape, Result } from '../../../shared/errors';
import type { CellValue } from '../../../shared/forms';
import { CellWrite, type CellMeta } from '../../../shared/groups';
import { readDraft, writeDraft } from '../../lib/drafts';

/**
 * What a paired device has typed and the store has not acknowledged yet, per group: kept on the
 * device (localStorage, one entry per group) through a reload, a dropped network or a revoked
 * token, and sent only to the group it was typed for.
 */
export interface UnsentCell {
  value: CellValue;
  /** The cell's version this device last saw when the edit began (null: never saw one). */
  base: number | null;
}
export interface UnsentDraft {
  groupName: string;
  /** stepId → path → cell. */
  steps: Record<string, Record<string, UnsentCell>>;
}

const DRAFT_PREFIX = 'device:';
const draftKey = (groupId: string) => DRAFT_PREFIX + groupId;

export function readUnsent(groupId: string): UnsentDraft | null {
  return readDraft<UnsentDraft>(draftKey(groupId));
}

export const unsentCount = (d: UnsentDraft | null): number =>
  d ? Object.values(d.steps).reduce((n, cells) => n + Object.keys(cells).length, 0) : 0;

/** Drafts this device keeps for groups other than `groupId` (an earlier pairing), with their cells. */
export function otherGroupsUnsent(groupId: string): { groupId: string; draft: UnsentDraft }[] {
  const found: { groupId: string; draft: UnsentDraft }[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const prefix = `bimtek.draft.${DRAFT_PREFIX}`;
      if (!k?.startsWith(prefix)) continue;
      const id = k.slice(prefix.length);
      if (id === groupId) continue;
      const draft = readUnsent(id);
      if (draft && unsentCount(draft) > 0) found.push({ groupId: id, draft });
    }
  } catch {
    // Storage disabled: nothing was kept either.
  }
  return found;
}

/** A change to a cell this device had written or is writing, by someone else. */
export interface SyncNote {
  id: number;
  stepId: string;
  path: string;
  /**
   * `theirsReplacedMine`: another writer changed a cell after this device wrote it (`other` is
   * what this device had). `mineReplacedTheirs`: this device's write replaced a value another
   * writer had saved meanwhile (`other` is theirs, when this device saw it).
   */
  kind: 'theirsReplacedMine' | 'mineReplacedTheirs';
  /** The other writer ('' = the facilitator's laptop; null = not known to this device). */
  by: string | null;
  at: string;
  other: CellValue | undefined;
}

export type SyncState = 'idle' | 'pending' | 'saving' | 'saved' | 'offline' | 'refused' | 'revoked';

type Caller = <K extends 'outputs.setCell'>(op: K, input: OpInput<K>) => Promise<Result<OpOutput<K>>>;

export interface DeviceSyncOptions {
  groupId: string;
  groupName: string;
  /** This device's label: what the store writes as `by` for its writes. */
  label: string;
  call: Caller;
  /** Debounce per cell before it is sent. */
  delayMs?: number;
  /** After the host could not be reached, unsent cells are sent again this often. */
  resendMs?: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const cellKey = (stepId: string, path: string) => `${stepId}\n${path}`;

/** Is this a refusal because the device's token no longer works? */
export const isRevoked = (e: Pick<AppErrorShape, 'code' | 'key'> | undefined): boolean =>
  !!e && e.code === 'FORBIDDEN' && e.key === 'errors.deviceRevoked';

/**
 * The writes of one paired device for its group: each edit is kept on the device at once, sent
 * cell by cell (`outputs.setCell` with the version last seen) after a short pause, and dropped from
 * the device only when the store acknowledged exactly that value. It tells apart this device's
 * writes from other writers' (the facilitator's laptop, another device) and notes when one
 * replaced the other's text in a cell, so nobody loses a cell without being told.
 */
export class DeviceSync {
  readonly groupId: string;
  private readonly opts: Required<DeviceSyncOptions>;
  private draft: UnsentDraft;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private resendTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly inFlight = new Set<string>();
  /** What this device wrote last per cell and the version the store gave it. */
  private readonly mine = new Map<string, { version: number; value: CellValue }>();
  /** The last value another writer saved per cell (seen in events). */
  private readonly theirs = new Map<string, { value: CellValue; by: string; at: string }>();
  private readonly listeners = new Set<() => void>();
  private noteSeq = 0;
  notes: SyncNote[] = [];
  state: SyncState = 'idle';
  /** The store's last refusal (not a revoked token, not the host out of reach). */
  error: AppErrorShape | null = null;
  private stopped = false;

  constructor(opts: DeviceSyncOptions) {
    this.opts = { delayMs: 600, resendMs: 5000, ...opts };
    this.groupId = opts.groupId;
    const kept = readUnsent(opts.groupId);
    this.draft = { groupName: opts.groupName, steps: kept?.steps ?? {} };
    if (unsentCount(this.draft) > 0) this.state = 'pending';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private emit() {
    this.listeners.forEach((l) => l());
  }

  /** The cells of a step not acknowledged yet. */
  unsent(stepId: string): Record<string, UnsentCell> {
    return this.draft.steps[stepId] ?? {};
  }
  get unsentTotal(): number {
    return unsentCount(this.draft);
  }

  /** The values to show: the store's, with what this device has not had acknowledged on top. */
  valuesFor(stepId: string, stored: Record<string, CellValue>): Record<string, CellValue> {
    const cells = this.unsent(stepId);
    if (Object.keys(cells).length === 0) return stored;
    const out = { ...stored };
    for (const [p, c] of Object.entries(cells)) out[p] = c.value;
    return out;
  }

  /** Whether the cell's last write (its meta) was this device's. */
  isMine(stepId: string, path: string, meta: CellMeta): boolean {
    const k = cellKey(stepId, path);
    const m = this.mine.get(k);
    if (m && m.version === meta.version) return true;
    // Its own write coming back before the answer, or written before this page opened: the label
    // is all there is to go by.
    return meta.by === this.opts.label && (!m || this.inFlight.has(k));
  }

  /** An edit on this device: kept at once, sent after a pause. `seen` is the cell's version on screen. */
  set(stepId: string, path: string, value: CellValue, seen: number | null): void {
    if (this.stopped) return;
    const cells = { ...this.unsent(stepId) };
    const before = cells[path];
    cells[path] = { value, base: before ? before.base : seen };
    this.draft = { ...this.draft, steps: { ...this.draft.steps, [stepId]: cells } };
    this.persist();
    if (this.state !== 'revoked') this.state = 'pending';
    const k = cellKey(stepId, path);
    const t = this.timers.get(k);
    if (t) clearTimeout(t);
    this.timers.set(
      k,
      setTimeout(() => {
        this.timers.delete(k);
        void this.send(stepId, path);
      }, this.opts.delayMs),
    );
    this.emit();
  }

  /** Send every unsent cell now (on opening, before "done", when the page hides). Resolves when answered. */
  async flush(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    const jobs: Promise<void>[] = [];
    for (const [stepId, cells] of Object.entries(this.draft.steps))
      for (const path of Object.keys(cells)) jobs.push(this.send(stepId, path));
    await Promise.all(jobs);
  }

  /** A change event: another writer's write to a cell this device wrote or is writing becomes a note. */
  onEvent(e: ChangeEvent): void {
    if (e.entity !== 'output' || e.groupId !== this.groupId || e.record === undefined) return;
    const parsed = CellWrite.safeParse(e.record);
    if (!parsed.success) return;
    const w = parsed.data;
    const k = cellKey(w.stepId, w.path);
    const m = this.mine.get(k);
    if (m && m.version === w.meta.version) return;
    if (this.inFlight.has(k) && w.meta.by === this.opts.label) return;
    this.theirs.set(k, { value: w.value, by: w.meta.by, at: w.meta.at });
    // Typing in it still: this device's write comes later and wins; its answer says what it replaced.
    if (this.unsent(w.stepId)[w.path] !== undefined) return;
    if (m && !same(m.value, w.value)) {
      this.addNote({
        stepId: w.stepId,
        path: w.path,
        kind: 'theirsReplacedMine',
        by: w.meta.by,
        at: w.meta.at,
        other: m.value,
      });
      this.emit();
    }
  }

  dismissNote(id: number): void {
    this.notes = this.notes.filter((n) => n.id !== id);
    this.emit();
  }

  /** Stop sending (the page closed or the device is revoked); what is unsent stays on the device. */
  stop(): void {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.resendTimer) clearTimeout(this.resendTimer);
    this.listeners.clear();
  }

  /** The token stopped working (found by another call): stop, keep every unsent cell. */
  markRevoked(): void {
    this.state = 'revoked';
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.emit();
  }

  private addNote(n: Omit<SyncNote, 'id'>) {
    // One note per cell: the newest says what matters.
    this.notes = [
      ...this.notes.filter((x) => x.stepId !== n.stepId || x.path !== n.path),
      { ...n, id: ++this.noteSeq },
    ];
  }

  private persist() {
    const steps = Object.fromEntries(Object.entries(this.draft.steps).filter(([, c]) => Object.keys(c).length > 0));
    this.draft = { ...this.draft, steps };
    writeDraft(draftKey(this.groupId), Object.keys(steps).length > 0 ? this.draft : null);
  }

  private async send(stepId: string, path: string): Promise<void> {
    const k = cellKey(stepId, path);
    if (this.stopped || this.state === 'revoked' || this.inFlight.has(k)) return;
    const cell = this.unsent(stepId)[path];
    if (!cell) return;
    this.inFlight.add(k);
    this.state = 'saving';
    this.emit();
    let r: Result<OpOutput<'outputs.setCell'>>;
    try {
      r = await this.opts.call('outputs.setCell', {
        groupId: this.groupId,
        stepId,
        path,
        value: cell.value,
        baseVersion: cell.base,
      } as OpInput<'outputs.setCell'>);
    } finally {
      this.inFlight.delete(k);
    }
    if (this.stopped) return;
    if (r.ok) {
      const w = r.value;
      this.mine.set(k, { version: w.meta.version, value: w.value });
      const now = this.unsent(stepId)[path];
      const cells = { ...this.unsent(stepId) };
      if (now && same(now.value, cell.value)) delete cells[path];
      // Typed on while it travelled: the rest goes next, based on the version just written.
      else if (now) cells[path] = { value: now.value, base: w.meta.version };
      this.draft = { ...this.draft, steps: { ...this.draft.steps, [stepId]: cells } };
      this.persist();
      if (w.overwrote) {
        const t = this.theirs.get(k);
        this.addNote({
          stepId,
          path,
          kind: 'mineReplacedTheirs',
          by: t ? t.by : null,
          at: t ? t.at : w.meta.at,
          other: t?.value,
        });
      }
      if (cells[path]) {
        void this.send(stepId, path);
        return;
      }
      this.error = null;
      this.state = this.unsentTotal > 0 ? 'pending' : 'saved';
      this.emit();
      return;
    }
    if (isRevoked(r.error)) {
      this.markRevoked();
      return;
    }
    if (r.error.code === 'IO') {
      this.state = 'offline';
      if (!this.resendTimer)
        this.resendTimer = setTimeout(() => {
          this.resendTimer = null;
          void this.flush();
        }, this.opts.resendMs);
      this.emit();
      return;
    }
    // Refused (the output is marked done, a value the form does not take, the step gone): the
    // text stays on the device with the reason; it goes again with the next edit.
    this.error = r.error;
    this.state = 'refused';
    this.emit();
  }
}
