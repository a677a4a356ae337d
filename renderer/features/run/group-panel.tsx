import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgendaStep, ProjectorPatch, ProjectorView } from '../../../shared/agenda';
import { topicName } from '../../../shared/dimensions';
import { formDef } from '../../../shared/forms';
import { presentPages } from '../../../shared/forms/present';
import { PRESENTING_KIND, type GroupsDay } from '../../../shared/groups';
import { useApp } from '../../app/store';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { exportFile } from '../../lib/files';
import { useQuery } from '../../lib/use-query';
import { defaultOutputStep } from './pleno';
import './group-panel.css';

/**
 * The console cannot see the projector, which measures its own box (FormPresent): pages are
 * counted here with what a 4:3 projector measures (9 lines of 54 characters at 1024×768, the
 * narrowest image, so the most pages). A 16:9 image fits longer lines and may need fewer pages;
 * it then stays on its last page while the console counts on.
 */
const CONSOLE_LINES_PER_PAGE = 9;
const CONSOLE_CHARS_PER_LINE = 54;

interface Props {
  workshopId: string;
  dayId: string;
  current: AgendaStep | null;
  projector: ProjectorView;
  setProjector(patch: ProjectorPatch): Promise<boolean>;
  /** In a pleno the panel shows even before there are groups (to say so). */
  prominent: boolean;
}

/**
 * "Presentasi kelompok": the day's groups in presentation order, which output to show, one button
 * per group to put it on the projector, the next/previous group, the pages of a long output, the
 * pairing codes, and the Hasil Diskusi Kelompok document.
 */
export function GroupPanel(props: Props) {
  const groups = useQuery('groups.list', { workshopId: props.workshopId });
  const day = groups.data?.days.find((d) => d.dayId === props.dayId) ?? null;
  if (groups.error || !day) return null;
  if (!props.prominent && day.groups.length === 0) return null;
  return <Panel {...props} day={day} />;
}

function Panel({ day, workshopId, current, projector, setProjector }: Props & { day: GroupsDay }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const order = [...day.groups].sort((a, b) => a.position - b.position);
  const formSteps = day.steps.filter((s) => s.formId !== null);
  const presenting = projector.control.mode === 'group' ? projector.group : null;
  const fallback = defaultOutputStep(day.steps, current?.kind === PRESENTING_KIND ? current.id : null);
  const [chosen, setChosen] = useState<string | null>(null);
  const stepId =
    chosen && formSteps.some((s) => s.id === chosen)
      ? chosen
      : presenting && formSteps.some((s) => s.id === presenting.stepId)
        ? presenting.stepId
        : (fallback?.id ?? null);
  const index = presenting ? order.findIndex((g) => g.id === presenting.id) : -1;
  const pages = presenting
    ? presentPages(formDef(presenting.formId), presenting.values, lang, CONSOLE_LINES_PER_PAGE, CONSOLE_CHARS_PER_LINE)
        .length
    : 1;
  const page = presenting ? presenting.page : 0;

  const show = useCallback(
    (groupId: string) => {
      if (!stepId) return;
      void setProjector({ mode: 'group', groupId, stepId });
    },
    [stepId, setProjector],
  );
  const step = (delta: number) => {
    const to = index < 0 ? 0 : index + delta;
    if (to >= 0 && to < order.length) show(order[to].id);
  };
  const turn = (delta: number) => {
    if (!presenting) return;
    const to = Math.min(Math.max(0, page + delta), pages - 1);
    if (to !== page) void setProjector({ page: to });
  };

  const showCodes = async () => {
    // Groups without a code that can still be entered get a fresh one; live codes stay as they are.
    const soon = Date.now() + 60_000;
    for (const g of order) {
      if (g.pairing && Date.parse(g.pairing.expiresAt) > soon) continue;
      const r = await call('groups.pairCode', { id: g.id });
      if (!r.ok) {
        toast({ text: errorText(r.error) });
        return;
      }
    }
    await setProjector({ mode: 'pairing' });
  };

  const download = async () => {
    const saved = await exportFile('documents.groupOutputs', { workshopId });
    if (saved.status === 'saved') toast({ text: t('workshops.exported', { name: saved.path ?? saved.fileName }) });
    else if (saved.status === 'failed') toast({ text: saved.error ? errorText(saved.error) : saved.message });
  };

  // Keyboard, beside the console's own: Shift+→ / Shift+← next / previous group, ↓ / ↑ (and
  // Page Down / Page Up, what a presenter's clicker sends) the output's pages, K the pairing codes.
  const keys = useRef({ step, turn, showCodes, presenting });
  keys.current = { step, turn, showCodes, presenting };
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      const target = ev.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      if (target?.isContentEditable || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const k = keys.current;
      if (ev.shiftKey && (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft')) {
        // Before the console's own ← / → (which move the day's steps): capture phase.
        ev.preventDefault();
        ev.stopImmediatePropagation();
        k.step(ev.key === 'ArrowRight' ? 1 : -1);
      } else if (k.presenting && (ev.key === 'ArrowDown' || ev.key === 'PageDown')) {
        ev.preventDefault();
        k.turn(1);
      } else if (k.presenting && (ev.key === 'ArrowUp' || ev.key === 'PageUp')) {
        ev.preventDefault();
        k.turn(-1);
      } else if (ev.key === 'k' || ev.key === 'K') {
        void k.showCodes();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const summary = (groupId: string) => day.outputs.find((o) => o.groupId === groupId && o.stepId === stepId);

  return (
    <section className="panel group-panel" aria-labelledby="group-panel-heading" data-testid="group-panel">
      <div className="group-panel__head">
        <h2 className="panel__title" id="group-panel-heading">
          {t('run.groups.heading')}
        </h2>
        <button className="btn btn--small btn--ghost" onClick={() => void download()}>
          {t('run.groups.download')}
        </button>
      </div>
      {order.length === 0 ? (
        <p className="muted group-panel__empty">{t('run.groups.none')}</p>
      ) : (
        <>
          <label className="group-panel__step">
            <span>{t('run.groups.output')}</span>
            <select
              value={stepId ?? ''}
              onChange={(ev) => {
                setChosen(ev.target.value);
                // Another output of the same group starts from its first page.
                if (presenting)
                  void setProjector({ mode: 'group', groupId: presenting.id, stepId: ev.target.value, page: 0 });
              }}
              disabled={formSteps.length === 0}
            >
              {formSteps.length === 0 && <option value="">{t('run.groups.noForms')}</option>}
              {formSteps.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <div className="group-panel__nav">
            <button
              className="btn"
              disabled={!stepId || index <= 0}
              onClick={() => step(-1)}
              aria-keyshortcuts="Shift+ArrowLeft"
            >
              ← {t('run.groups.previous')}
            </button>
            <button
              className="btn btn--primary"
              disabled={!stepId || index >= order.length - 1}
              onClick={() => step(1)}
              aria-keyshortcuts="Shift+ArrowRight"
            >
              {index < 0 ? t('run.groups.first') : t('run.groups.next')} →
            </button>
            {presenting && (
              <span className="group-panel__pages" aria-live="polite">
                <button
                  className="btn btn--small"
                  disabled={page <= 0}
                  onClick={() => turn(-1)}
                  aria-label={t('run.groups.pageUp')}
                  aria-keyshortcuts="ArrowUp"
                >
                  ↑
                </button>
                <span data-testid="console-page">
                  {t('run.groups.page', { page: page + 1, pages: Math.max(pages, page + 1) })}
                </span>
                <button
                  className="btn btn--small"
                  disabled={page >= pages - 1}
                  onClick={() => turn(1)}
                  aria-label={t('run.groups.pageDown')}
                  aria-keyshortcuts="ArrowDown"
                >
                  ↓
                </button>
              </span>
            )}
          </div>
          <ol className="group-panel__list">
            {order.map((g, i) => {
              const s = summary(g.id);
              const on = presenting?.id === g.id;
              return (
                <li
                  key={g.id}
                  className={`group-panel__item${on ? ' is-on' : ''}`}
                  aria-current={on ? 'true' : undefined}
                >
                  <span className="group-panel__n">{i + 1}</span>
                  <span className="group-panel__name">
                    {g.name}
                    {g.topic && <span className="group-panel__topic"> · {topicName(g.topic, lang)}</span>}
                  </span>
                  <span className="group-panel__state">
                    {!s || s.filled === 0
                      ? t('run.groups.empty')
                      : s.status === 'done'
                        ? t('run.groups.done')
                        : t('run.groups.filled', { n: s.filled })}
                  </span>
                  <button
                    className={`btn btn--small${on ? ' is-active' : ''}`}
                    aria-pressed={on}
                    disabled={!stepId}
                    onClick={() => show(g.id)}
                    aria-label={t('run.groups.showGroup', { name: g.name })}
                  >
                    {t('run.groups.show')}
                  </button>
                </li>
              );
            })}
          </ol>
          <div className="group-panel__foot">
            <button
              className={`btn btn--small${projector.control.mode === 'pairing' ? ' is-active' : ''}`}
              aria-pressed={projector.control.mode === 'pairing'}
              onClick={() => void showCodes()}
              aria-keyshortcuts="K"
            >
              {t('run.groups.codes')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
