import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import type { AppErrorShape } from '../../../shared/errors';
import { formatLongDate } from '../../../shared/format';
import {
  formDef,
  missingFields,
  resolvePath,
  type CellValue,
  type FormDef,
  type MissingField,
} from '../../../shared/forms';
import type { DeviceView, GroupStep } from '../../../shared/groups';
import type { Language } from '../../../shared/languages';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call, onChange } from '../../lib/api';
import { readPairing } from '../../lib/device';
import { useQuery } from '../../lib/use-query';
import { FormCapture } from '../groupwork/form-capture';
import { DeviceQuickWins, QUICKWIN_TAB, useDeviceQuickWins } from '../quickwins/device-scoring';
import { DeviceFrame } from './device-frame';
import { DeviceSync, isRevoked, otherGroupsUnsent, readUnsent, unsentCount, type SyncNote } from './device-sync';
import './device.css';

/** While the page is open, the device asks this often whether its token still works. */
export const CHECK_EVERY_MS = 15_000;

/**
 * `#/group`: the worksheet of the group this device is paired with. One tab per group-work step of
 * the day, the step's form, every edit kept on the device and sent cell by cell; a revoked token
 * turns the page into a clear screen with a way to pair again, and nothing typed is lost.
 */
export function GroupPage() {
  const t = useT();
  const pairing = readPairing();
  const me = useQuery('devices.me', pairing ? {} : null);
  const [revokedBy, setRevokedBy] = useState(false);

  useEffect(() => {
    if (!pairing) location.hash = '#/pair';
  }, [pairing]);

  // A revoked token sends no event: the device asks now and then, and when it comes back to view.
  const reload = me.reload;
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && reload();
    const timer = setInterval(again, CHECK_EVERY_MS);
    window.addEventListener('online', again);
    document.addEventListener('visibilitychange', again);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', again);
      document.removeEventListener('visibilitychange', again);
    };
  }, [reload]);

  const revoked = revokedBy || isRevoked(me.error);
  if (!pairing) return null;
  if (revoked) return <RevokedScreen groupId={pairing.groupId} />;
  if (me.error && !me.data) return <DeviceProblem error={me.error} onRetry={reload} />;
  if (!me.data)
    return (
      <DeviceFrame>
        <p className="muted centered">{t('app.loading')}</p>
      </DeviceFrame>
    );
  return <GroupWork key={me.data.group.id} view={me.data} onRevoked={() => setRevokedBy(true)} />;
}

/** The device's group heading: name, dimension, workshop and date. */
function GroupHeader({ view, lang }: { view: DeviceView; lang: Language }) {
  const t = useT();
  const dimension = DIMENSIONS.find((d) => d.id === view.group.topic);
  const topic = dimension ? dimension.name[lang] : view.group.topic;
  return (
    <header className="device-group__head">
      <h1 className="device-group__name">
        {view.group.name}
        {topic && <span className="device-group__topic">{topic}</span>}
      </h1>
      <p className="device-group__meta">
        {view.workshopTitle} · {view.regionName} · {formatLongDate(view.date, lang)}
      </p>
      <p className="device-group__meta">{t('device.thisDevice', { label: view.label })}</p>
    </header>
  );
}

function GroupWork({ view, onRevoked }: { view: DeviceView; onRevoked(): void }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const sync = useMemo(
    () =>
      new DeviceSync({
        groupId: view.group.id,
        groupName: view.group.name,
        label: view.label,
        call: (op, input) => call(op, input),
      }),
    [view.group.id, view.group.name, view.label],
  );
  const version = useSyncExternalStore(
    useCallback((l: () => void) => sync.subscribe(l), [sync]),
    () => `${sync.state}:${sync.unsentTotal}:${sync.notes.length}:${sync.notes.at(-1)?.id ?? 0}`,
  );
  useEffect(() => {
    const stop = onChange((e) => sync.onEvent(e));
    // What was typed before a reload, a lost network or a revoked token goes now.
    void sync.flush();
    // Leaving the page or switching to another app on a phone: send what waits (it stays kept anyway).
    const onHide = () => void sync.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      sync.stop();
    };
  }, [sync]);
  useEffect(() => {
    if (sync.state === 'revoked') onRevoked();
  }, [version, sync, onRevoked]);

  const others = useMemo(() => otherGroupsUnsent(view.group.id), [view.group.id]);
  const steps = view.steps;
  const [stepId, setStepId] = useState<string | null>(steps[0]?.id ?? null);
  const step = steps.find((s) => s.id === stepId) ?? steps[0];
  const quickwins = useDeviceQuickWins(readPairing()?.workshopId ?? null);
  const scoring = quickwins !== null && (stepId === QUICKWIN_TAB || steps.length === 0);

  return (
    <DeviceFrame aside={<SyncStatus sync={sync} />}>
      <div className="device-group">
        <GroupHeader view={view} lang={lang} />
        {others.map((o) => (
          <OtherGroupDraft key={o.groupId} groupName={o.draft.groupName} cells={o.draft.steps} />
        ))}
        {steps.length === 0 && !quickwins ? (
          <p className="banner">{t('device.noSteps')}</p>
        ) : (
          <>
            {(steps.length > 1 || quickwins) && (
              <div className="device-tabs" role="tablist" aria-label={t('device.steps')}>
                {steps.map((s) => (
                  <button
                    key={s.id}
                    type="button"
                    role="tab"
                    id={`tab-${s.id}`}
                    aria-selected={s.id === step.id && !scoring}
                    aria-controls={`panel-${s.id}`}
                    className={`device-tabs__tab${s.id === step.id && !scoring ? ' is-active' : ''}`}
                    onClick={() => {
                      void sync.flush();
                      setStepId(s.id);
                    }}
                  >
                    {s.title}
                    {Object.keys(sync.unsent(s.id)).length > 0 && (
                      <span className="device-tabs__dot" aria-label={t('device.tabUnsent')}>
                        •
                      </span>
                    )}
                  </button>
                ))}
                {quickwins && (
                  <button
                    type="button"
                    role="tab"
                    aria-selected={scoring}
                    className={`device-tabs__tab${scoring ? ' is-active' : ''}`}
                    onClick={() => {
                      void sync.flush();
                      setStepId(QUICKWIN_TAB);
                    }}
                  >
                    {t('quickwins.deviceTab')}
                  </button>
                )}
              </div>
            )}
            {scoring && quickwins ? (
              <DeviceQuickWins board={quickwins} groupName={view.group.name} />
            ) : (
              <StepCapture key={step.id} step={step} view={view} sync={sync} onRevoked={onRevoked} />
            )}
          </>
        )}
      </div>
    </DeviceFrame>
  );
}

/** "Tersimpan", "Menyimpan…", or how many entries wait on this device, and why. */
function SyncStatus({ sync }: { sync: DeviceSync }) {
  const t = useT();
  const errorText = useErrorText();
  const n = sync.unsentTotal;
  let text: string;
  let tone = '';
  switch (sync.state) {
    case 'saving':
      text = t('app.saving');
      break;
    case 'pending':
      text = t('device.pending', { count: n });
      break;
    case 'offline':
      text = t('device.offline', { count: n });
      tone = ' device-status--warn';
      break;
    case 'refused':
      text = `${t('device.refused', { count: n })} ${sync.error ? errorText(sync.error) : ''}`;
      tone = ' device-status--warn';
      break;
    case 'saved':
      text = t('app.saved');
      break;
    default:
      text = n > 0 ? t('device.pending', { count: n }) : '';
  }
  return (
    <span className={`device-status${tone}`} role="status" aria-live="polite" data-testid="sync-status">
      {text}
    </span>
  );
}

/** A cell's value as one line of text (for a note about what was replaced). */
export function cellText(v: CellValue | undefined): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.join('; ');
  return String(v);
}

function fieldName(form: FormDef, path: string, lang: Language): string {
  const r = resolvePath(form, path);
  if (!r) return path;
  if (r.kind === 'field') return r.field.label[lang];
  if (r.kind === 'cell') return `${r.table.label[lang]} · ${r.column.label[lang]}`;
  return r.table.label[lang];
}

const clock = (at: string) => {
  const d = new Date(at);
  return Number.isNaN(d.getTime())
    ? at
    : `${String(d.getHours()).padStart(2, '0')}.${String(d.getMinutes()).padStart(2, '0')}`;
};

function StepCapture({
  step,
  view,
  sync,
  onRevoked,
}: {
  step: GroupStep;
  view: DeviceView;
  sync: DeviceSync;
  onRevoked(): void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const out = useQuery('outputs.get', { groupId: view.group.id, stepId: step.id });
  const [missing, setMissing] = useState<MissingField[]>([]);
  const [problem, setProblem] = useState<AppErrorShape | string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = step.formId ? formDef(step.formId) : null;

  useEffect(() => {
    if (isRevoked(out.error)) onRevoked();
  }, [out.error, onRevoked]);

  if (!form) return null;
  if (out.error && !isRevoked(out.error)) return <p className="banner banner--error">{errorText(out.error)}</p>;
  if (!out.data) return <p className="muted">{t('app.loading')}</p>;
  const data = out.data;
  const values = sync.valuesFor(step.id, data.values);
  const done = data.status === 'done';

  const changedBy: Record<string, { by: string; at: string }> = {};
  for (const [path, meta] of Object.entries(data.meta))
    if (!sync.isMine(step.id, path, meta)) changedBy[path] = { by: meta.by || t('device.facilitator'), at: meta.at };

  const refused = (e: AppErrorShape) => {
    if (isRevoked(e)) onRevoked();
    else setProblem(e);
  };

  const markDone = async () => {
    setBusy(true);
    setProblem(null);
    await sync.flush();
    if (sync.state === 'revoked') return;
    if (Object.keys(sync.unsent(step.id)).length > 0) {
      setBusy(false);
      setProblem(t('device.notAllSent'));
      return;
    }
    const r = await call('outputs.setStatus', { groupId: view.group.id, stepId: step.id, status: 'done' });
    setBusy(false);
    if (r.ok) {
      setMissing([]);
      out.reload();
      return;
    }
    if (r.error.code === 'VALIDATION') setMissing(missingFields(form, values));
    refused(r.error);
  };

  const reopen = async () => {
    setBusy(true);
    const r = await call('outputs.setStatus', { groupId: view.group.id, stepId: step.id, status: 'draft' });
    setBusy(false);
    if (r.ok) out.reload();
    else refused(r.error);
  };

  const notes = sync.notes.filter((n) => n.stepId === step.id);

  return (
    <section
      className="device-step"
      role={view.steps.length > 1 ? 'tabpanel' : undefined}
      id={`panel-${step.id}`}
      aria-labelledby={view.steps.length > 1 ? `tab-${step.id}` : undefined}
    >
      <h2 className="device-step__title">{form.title[lang]}</h2>
      {notes.map((n) => (
        <ChangeNote
          key={n.id}
          note={n}
          field={fieldName(form, n.path, lang)}
          onUse={() => {
            sync.set(step.id, n.path, n.other ?? null, data.meta[n.path]?.version ?? null);
            sync.dismissNote(n.id);
          }}
          onDismiss={() => sync.dismissNote(n.id)}
        />
      ))}
      {done && (
        <div className="banner device-step__done" role="status">
          <span>{t('device.done')}</span>
          <button type="button" className="btn btn--small" onClick={() => void reopen()} disabled={busy}>
            {t('device.reopen')}
          </button>
        </div>
      )}
      <FormCapture
        form={form}
        values={values}
        agencies={data.agencies}
        language={lang}
        readOnly={done}
        missing={missing}
        changedBy={changedBy}
        onChange={(path, value) => {
          setProblem(null);
          sync.set(step.id, path, value, data.meta[path]?.version ?? null);
        }}
        onSign={async (path, png) => {
          const r = await call('outputs.sign', {
            groupId: view.group.id,
            stepId: step.id,
            path,
            signature: png,
            baseVersion: data.meta[path]?.version ?? null,
          });
          if (!r.ok) {
            refused(r.error);
            throw new Error(r.error.message);
          }
        }}
      />
      {problem && (
        <p className="banner banner--error" role="alert">
          {typeof problem === 'string' ? problem : errorText(problem)}
        </p>
      )}
      {!done && (
        <div className="device-step__actions">
          <button type="button" className="btn btn--primary" onClick={() => void markDone()} disabled={busy}>
            {t('device.markDone')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Someone else changed a cell this device wrote, or this device replaced what someone else wrote. */
function ChangeNote({
  note,
  field,
  onUse,
  onDismiss,
}: {
  note: SyncNote;
  field: string;
  onUse(): void;
  onDismiss(): void;
}) {
  const t = useT();
  const by = note.by === null ? null : note.by || t('device.facilitator');
  const time = clock(note.at);
  const mine = note.kind === 'theirsReplacedMine';
  const text = mine
    ? t('device.theyReplacedMine', { field, by: by ?? '?', time })
    : by === null
      ? t('device.iReplacedUnknown', { field })
      : t('device.iReplacedTheirs', { field, by, time });
  return (
    <div className="device-note" role="alert">
      <p className="device-note__text">{text}</p>
      {note.other !== undefined && (
        <p className="device-note__other">
          {mine ? t('device.yourText') : t('device.theirText')} <q>{cellText(note.other)}</q>
        </p>
      )}
      <div className="device-note__actions">
        {note.other !== undefined && (
          <button type="button" className="btn btn--small" onClick={onUse}>
            {mine ? t('device.restoreMine') : t('device.useTheirs')}
          </button>
        )}
        <button type="button" className="btn btn--ghost btn--small" onClick={onDismiss}>
          {t('device.understood')}
        </button>
      </div>
    </div>
  );
}

/** Unsent text of an earlier pairing with another group: kept, never written to this group. */
function OtherGroupDraft({
  groupName,
  cells,
}: {
  groupName: string;
  cells: Record<string, Record<string, { value: CellValue }>>;
}) {
  const t = useT();
  const list = Object.values(cells).flatMap((c) => Object.entries(c));
  return (
    <div className="banner banner--warning device-other" role="status">
      <p>{t('device.otherGroupDraft', { count: list.length, group: groupName })}</p>
      <details>
        <summary>{t('device.showText')}</summary>
        <ul className="device-other__list">
          {list.map(([path, c]) => (
            <li key={path}>{cellText(c.value)}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** The token no longer works: a clear screen, the unsent text kept, a way to pair again. */
function RevokedScreen({ groupId }: { groupId: string }) {
  const t = useT();
  const kept = readUnsent(groupId);
  const count = unsentCount(kept);
  return (
    <DeviceFrame>
      <div className="device-revoked" role="alert">
        <h1>{t('device.revokedTitle')}</h1>
        <p>{t('device.revokedText')}</p>
        {count > 0 && (
          <p className="device-revoked__kept">{t('device.revokedKept', { count, group: kept!.groupName })}</p>
        )}
        <a className="btn btn--primary device-revoked__go" href="#/pair">
          {t('device.pairAgain')}
        </a>
      </div>
    </DeviceFrame>
  );
}

function DeviceProblem({ error, onRetry }: { error: AppErrorShape; onRetry(): void }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <DeviceFrame>
      <div className="device-revoked" role="alert">
        <p>{errorText(error)}</p>
        <button type="button" className="btn" onClick={onRetry}>
          {t('device.retry')}
        </button>
        <a className="btn btn--ghost" href="#/pair">
          {t('device.pairAgain')}
        </a>
      </div>
    </DeviceFrame>
  );
}
