import { useRef, useState, type KeyboardEvent } from 'react';
import { formDef, missingFields, type MissingField } from '../../../shared/forms';
import type { Group, GroupStep, GroupsDay } from '../../../shared/groups';
import type { AppErrorShape } from '../../../shared/errors';
import { SaveIndicator } from '../../components/fields';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/use-query';
import { FormCapture } from '../groupwork/form-capture';
import { useCellSaver } from './use-cell-saver';
import { useSessionState } from './use-session-state';

/**
 * Capture on the facilitator's laptop for one group-work step: one tab per group (with its
 * progress), the step's form for the chosen group, every cell saved as it is typed.
 */
export function CapturePanel({ day, step, agencies }: { day: GroupsDay; step: GroupStep; agencies: string[] }) {
  const t = useT();
  const [chosen, setChosen] = useSessionState<string | null>(`groups:${step.id}:group`, null);
  const tabs = useRef<HTMLDivElement>(null);
  const groups = day.groups;
  const active = groups.find((g) => g.id === chosen) ?? groups[0];
  if (!active || !step.formId) return <p className="muted">{t('groups.noGroupsCapture')}</p>;

  const onTabKey = (ev: KeyboardEvent, i: number) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    ev.preventDefault();
    const next = groups[(i + (ev.key === 'ArrowRight' ? 1 : groups.length - 1)) % groups.length];
    setChosen(next.id);
    tabs.current?.querySelector<HTMLElement>(`[data-group-tab="${next.id}"]`)?.focus();
  };

  return (
    <div className="capture">
      <div
        className="capture__tabs"
        role="tablist"
        aria-label={t('groups.captureTabs', { step: step.title })}
        ref={tabs}
      >
        {groups.map((g, i) => {
          const summary = day.outputs.find((o) => o.groupId === g.id && o.stepId === step.id);
          const selected = g.id === active.id;
          return (
            <button
              key={g.id}
              type="button"
              role="tab"
              id={`capture-tab-${step.id}-${g.id}`}
              data-group-tab={g.id}
              aria-selected={selected}
              aria-controls={`capture-panel-${step.id}`}
              tabIndex={selected ? 0 : -1}
              className={`capture__tab${selected ? ' is-active' : ''}${summary?.status === 'done' ? ' is-done' : ''}`}
              onClick={() => setChosen(g.id)}
              onKeyDown={(ev) => onTabKey(ev, i)}
            >
              <span className="capture__tab-name">{g.name}</span>
              <span className="capture__tab-progress">
                {summary?.status === 'done'
                  ? `✓ ${t('groups.statusDone')}`
                  : t('groups.progress', { filled: summary?.filled ?? 0 })}
              </span>
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`capture-panel-${step.id}`} aria-labelledby={`capture-tab-${step.id}-${active.id}`}>
        <OutputEditor key={`${active.id}:${step.id}`} group={active} step={step} agencies={agencies} />
      </div>
    </div>
  );
}

function OutputEditor({ group, step, agencies }: { group: Group; step: GroupStep; agencies: string[] }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const form = formDef(step.formId!);
  const ref = { groupId: group.id, stepId: step.id };
  const output = useQuery('outputs.get', ref);
  const cells = useCellSaver({
    draftKey: `output:${group.id}:${step.id}`,
    output: output.data,
    send: (path, value, baseVersion) => call('outputs.setCell', { ...ref, path, value, baseVersion }),
  });
  const [showMissing, setShowMissing] = useState(false);
  const [statusError, setStatusError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  if (output.error) return <p className="banner banner--error">{errorText(output.error)}</p>;
  if (!output.data) return <p className="muted">{t('app.loading')}</p>;
  const done = output.data.status === 'done';
  const values = cells.values;
  const missing: MissingField[] | undefined = showMissing && !done ? missingFields(form, values) : undefined;

  const changedBy: Record<string, { by: string; at: string }> = {};
  for (const [path, meta] of Object.entries(output.data.meta)) {
    // Written last by a paired device (the laptop's own writes have no label).
    if (meta.by !== '') changedBy[path] = { by: meta.by, at: meta.at };
  }

  const setStatus = async (status: 'done' | 'draft') => {
    setBusy(true);
    await cells.flush();
    const r = await call('outputs.setStatus', { ...ref, status });
    setBusy(false);
    if (r.ok) {
      setStatusError(null);
      setShowMissing(false);
      output.reload();
      return;
    }
    // Refused: what is still empty is marked; everything typed stays where it is.
    setStatusError(r.error);
    if (r.error.code === 'VALIDATION') setShowMissing(true);
  };

  const sign = async (path: string, png: string) => {
    const r = await call('outputs.sign', {
      ...ref,
      path,
      signature: png,
      baseVersion: output.data?.meta[path]?.version ?? null,
    });
    if (!r.ok) throw new Error(errorText(r.error));
  };

  return (
    <div className="output-editor">
      <div className="output-editor__bar">
        <div className="output-editor__title">
          <strong>{form.title[lang]}</strong>
          <span className="muted"> · {group.name}</span>
          {done && <span className="gp-badge gp-badge--success">{t('groups.statusDone')}</span>}
        </div>
        <SaveIndicator status={cells.status} message={cells.refusal ? errorText(cells.refusal) : null} />
        {done ? (
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => void setStatus('draft')}>
            {t('groups.reopen')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--primary btn--small"
            disabled={busy}
            onClick={() => void setStatus('done')}
          >
            {t('groups.markDone')}
          </button>
        )}
      </div>
      {statusError && !done && (
        <p className="banner banner--warning" role="alert">
          {errorText(statusError)}
        </p>
      )}
      {done && <p className="muted">{t('groups.doneNote')}</p>}
      {cells.overwrote.length > 0 && (
        <p className="banner banner--warning" role="status">
          {t('groups.overwrote', { count: cells.overwrote.length })}
        </p>
      )}
      <div
        className="output-editor__form"
        // Leaving a field sends what waits at once (focusout bubbles from every field of the form).
        onBlur={() => void cells.flush()}
      >
        <FormCapture
          form={form}
          values={values}
          agencies={agencies}
          language={lang}
          onChange={cells.change}
          onSign={sign}
          changedBy={changedBy}
          readOnly={done}
          missing={missing}
        />
      </div>
    </div>
  );
}
