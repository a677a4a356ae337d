import { useMemo, useState, type FormEvent } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import type { Engagement, Workshop } from '../../../shared/domain';
import {
  ACTION_KINDS,
  ACTION_STATUSES,
  isOverdue,
  type ActionItem,
  type ActionKind,
  type ActionStatus,
} from '../../../shared/followups';
import { formatDayMonthYear, regionTitle, stageLabel } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { exportFile } from '../../lib/files';
import { useQuery } from '../../lib/use-query';
import { ActionEditor } from './action-editor';
import { EvidenceBoard } from './evidence-board';
import { byUrgency, dimensionName, todayIn } from './labels';
import './actions.css';

/** Tindak lanjut of an engagement: the register across stages, and the legal-evidence board. */
export function ActionsPage({ engagementId }: { engagementId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const engagement = useQuery('engagements.get', { id: engagementId });
  const actions = useQuery('actions.list', { engagementId });
  const workshops = useQuery('workshops.list', { engagementId });
  const error = engagement.error ?? actions.error ?? workshops.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !actions.data || !workshops.data) return <p className="muted">{t('app.loading')}</p>;
  return <ActionsView engagement={engagement.data} items={actions.data} workshops={workshops.data} />;
}

interface Filters {
  status: ActionStatus | '';
  kind: ActionKind | '';
  agency: string;
  dimension: string;
  /** A workshop id, 'none' for items entered without a stage, '' for all. */
  stage: string;
  overdue: boolean;
}
const NO_FILTERS: Filters = { status: '', kind: '', agency: '', dimension: '', stage: '', overdue: false };

function ActionsView({
  engagement,
  items,
  workshops,
}: {
  engagement: Engagement;
  items: ActionItem[];
  workshops: Workshop[];
}) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const [tab, setTab] = useState<'list' | 'board'>('list');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const today = todayIn(engagement.timeZone);
  const workshopOf = useMemo(() => new Map(workshops.map((w) => [w.id, w])), [workshops]);
  const agencies = useMemo(
    () => [...new Set([...engagement.agencies, ...items.map((a) => a.agency).filter(Boolean)])],
    [engagement.agencies, items],
  );

  const shown = useMemo(
    () =>
      items
        .filter(
          (a) =>
            (!filters.status || a.status === filters.status) &&
            (!filters.kind || a.kind === filters.kind) &&
            (!filters.agency || a.agency === filters.agency) &&
            (!filters.dimension || a.dimension === filters.dimension) &&
            (!filters.stage || (filters.stage === 'none' ? a.workshopId === null : a.workshopId === filters.stage)) &&
            (!filters.overdue || isOverdue(a, today)),
        )
        .sort(byUrgency(today)),
    [items, filters, today],
  );
  const open = openId ? items.find((a) => a.id === openId) : undefined;

  const download = async (format: 'xlsx' | 'csv' | 'docx') => {
    setBusy(format);
    const out = await exportFile('actions.export', { engagementId: engagement.id, format });
    setBusy(null);
    if (out.status === 'saved') toast({ text: t('checkin.saved', { name: out.path ?? out.fileName }) });
    else if (out.status === 'failed') toast({ text: out.error ? errorText(out.error) : out.message });
  };
  const stageName = (workshopId: string | null) => {
    const w = workshopId ? workshopOf.get(workshopId) : undefined;
    return w ? stageLabel(w.stage, w.customStageName, lang) : t('actions.noStage');
  };
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));

  return (
    <section className="page tl">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: engagement.id })}>
          {regionTitle(engagement.regionKind, engagement.regionName)}
        </a>
      </nav>
      <header className="page__header">
        <div>
          <h1>{t('actions.title')}</h1>
          <p className="muted">{t('actions.intro')}</p>
        </div>
        <div className="actions actions--inline">
          {(['xlsx', 'csv', 'docx'] as const).map((f) => (
            <button key={f} type="button" className="btn" disabled={busy !== null} onClick={() => void download(f)}>
              {busy === f
                ? t('checkin.downloading')
                : `⤓ ${t(f === 'xlsx' ? 'actions.downloadXlsx' : f === 'csv' ? 'actions.downloadCsv' : 'actions.downloadDocx')}`}
            </button>
          ))}
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            + {t('actions.new')}
          </button>
        </div>
      </header>

      <div className="tl-tabs" role="tablist" aria-label={t('actions.title')}>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'list'}
          className={`btn${tab === 'list' ? ' is-active' : ''}`}
          onClick={() => setTab('list')}
        >
          {t('actions.tabList')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'board'}
          className={`btn${tab === 'board' ? ' is-active' : ''}`}
          onClick={() => setTab('board')}
        >
          {t('actions.tabBoard')}
        </button>
      </div>

      {creating && (
        <CreateAction
          engagement={engagement}
          workshops={workshops}
          onDone={(id) => {
            setCreating(false);
            if (id) {
              setOpenId(id);
              setTab('list');
            }
          }}
        />
      )}

      {tab === 'board' ? (
        <EvidenceBoard items={items} onOpen={(id) => (setOpenId(id), setTab('list'))} />
      ) : (
        <div className={`tl-main${open ? ' tl-main--open' : ''}`}>
          <div className="tl-listcol">
            <fieldset className="tl-filters">
              <legend>{t('actions.filters')}</legend>
              <label>
                {t('actions.status')}
                <select value={filters.status} onChange={(e) => set('status', e.target.value as ActionStatus | '')}>
                  <option value="">{t('actions.all')}</option>
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`actions.statuses.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('actions.kind')}
                <select value={filters.kind} onChange={(e) => set('kind', e.target.value as ActionKind | '')}>
                  <option value="">{t('actions.all')}</option>
                  {ACTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`actions.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('actions.agency')}
                <select value={filters.agency} onChange={(e) => set('agency', e.target.value)}>
                  <option value="">{t('actions.all')}</option>
                  {agencies.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('actions.dimension')}
                <select value={filters.dimension} onChange={(e) => set('dimension', e.target.value)}>
                  <option value="">{t('actions.all')}</option>
                  {DIMENSIONS.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name[lang]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('actions.stage')}
                <select value={filters.stage} onChange={(e) => set('stage', e.target.value)}>
                  <option value="">{t('actions.all')}</option>
                  {workshops.map((w) => (
                    <option key={w.id} value={w.id}>
                      {stageLabel(w.stage, w.customStageName, lang)}
                    </option>
                  ))}
                  <option value="none">{t('actions.noStage')}</option>
                </select>
              </label>
              <label className="tl-check">
                <input type="checkbox" checked={filters.overdue} onChange={(e) => set('overdue', e.target.checked)} />
                {t('actions.overdueOnly')}
              </label>
            </fieldset>
            <p className="muted" aria-live="polite">
              {t('actions.count', { shown: shown.length, total: items.length })}
            </p>
            {items.length === 0 ? (
              <p className="empty">{t('actions.empty')}</p>
            ) : shown.length === 0 ? (
              <p className="empty">{t('actions.noMatch')}</p>
            ) : (
              <ul className="tl-list" aria-label={t('actions.title')}>
                {shown.map((a) => {
                  const late = isOverdue(a, today);
                  return (
                    <li key={a.id} className={a.id === openId ? 'is-open' : undefined}>
                      <button
                        type="button"
                        className="tl-row"
                        onClick={() => setOpenId(a.id)}
                        aria-expanded={a.id === openId}
                      >
                        <span className="tl-row__title">{a.title}</span>
                        <span className="tl-row__meta">
                          <span className={`tl-kind tl-kind--${a.kind}`}>{t(`actions.kinds.${a.kind}`)}</span>
                          <span>{a.agency || t('actions.noAgency')}</span>
                          <span>{stageName(a.workshopId)}</span>
                          {a.dimension && <span>{dimensionName(a.dimension, lang)}</span>}
                          <span>{a.dueDate ? formatDayMonthYear(a.dueDate, lang) : t('actions.noDue')}</span>
                          {a.attachments.length > 0 && (
                            <span>
                              {t('actions.attachments')}: {a.attachments.length}
                            </span>
                          )}
                        </span>
                        <span className={`tl-status tl-status--${a.status}`}>{t(`actions.statuses.${a.status}`)}</span>
                        {late && <span className="tl-late">{t('actions.overdue')}</span>}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          {open && (
            <ActionEditor
              key={open.id}
              item={open}
              engagement={engagement}
              agencies={agencies}
              workshop={open.workshopId ? workshopOf.get(open.workshopId) : undefined}
              onClose={() => setOpenId(null)}
            />
          )}
        </div>
      )}
    </section>
  );
}

/** A new item: its title, kind and stage; everything else is filled in the editor (autosaved). */
function CreateAction({
  engagement,
  workshops,
  onDone,
}: {
  engagement: Engagement;
  workshops: Workshop[];
  onDone(id: string | null): void;
}) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const errorText = useErrorText();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<ActionKind>('payung-hukum');
  const [workshopId, setWorkshopId] = useState(workshops.at(-1)?.id ?? '');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await call('actions.create', {
      engagementId: engagement.id,
      workshopId: workshopId || null,
      title,
      kind,
    });
    setBusy(false);
    if (r.ok) onDone(r.value.id);
    else setFailure(errorText(r.error));
  };
  return (
    <form className="tl-create" onSubmit={(e) => void submit(e)} aria-label={t('actions.new')}>
      <label className="tl-create__title">
        {t('actions.fieldTitle')}
        <input
          name="title"
          value={title}
          maxLength={500}
          required
          autoFocus
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <label>
        {t('actions.kind')}
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ActionKind)}>
          {ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`actions.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('actions.stage')}
        <select name="workshop" value={workshopId} onChange={(e) => setWorkshopId(e.target.value)}>
          {workshops.map((w) => (
            <option key={w.id} value={w.id}>
              {stageLabel(w.stage, w.customStageName, lang)}
            </option>
          ))}
          <option value="">{t('actions.noStage')}</option>
        </select>
      </label>
      <div className="actions actions--inline">
        <button type="submit" className="btn btn--primary" disabled={busy || title.trim() === ''}>
          {t('actions.create')}
        </button>
        <button type="button" className="btn" onClick={() => onDone(null)}>
          {t('app.cancel')}
        </button>
      </div>
      {failure && (
        <p className="banner banner--error" role="alert">
          {failure}
        </p>
      )}
    </form>
  );
}
