import { useDeferredValue, useMemo, useState } from 'react';
import type { Participant } from '../../../shared/attendance';
import type { Engagement } from '../../../shared/domain';
import { regionTitle } from '../../../shared/format';
import { normalizeAgency, normalizeName, parseAgencyList, queryTokens, searchKey } from '../../../shared/names';
import { routeHash, useApp } from '../../app/store';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { readDraft } from '../../lib/drafts';
import { exportFile } from '../../lib/files';
import { useQuery } from '../../lib/use-query';
import { formatCount } from './format';
import { ImportWizard } from './import-wizard';
import { MergeDialog } from './merge-dialog';
import { newDraftKey, ParticipantDialog } from './participant-dialog';
import { RegisterTable } from './register-table';
import './participants-page.css';

const NAME_ORDER = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

type Dialog = { kind: 'add' } | { kind: 'edit'; id: string } | { kind: 'merge'; ids: [string, string] } | null;

/** The participant register of an engagement: search, add/edit, remove, merge, import, export. */
export function ParticipantsPage({ engagementId }: { engagementId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const engagement = useQuery('engagements.get', { id: engagementId });
  const people = useQuery('participants.list', { engagementId });
  const error = engagement.error ?? people.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !people.data) return <p className="muted">{t('app.loading')}</p>;
  return <Register engagement={engagement.data} people={people.data} />;
}

function Register({ engagement, people }: { engagement: Engagement; people: Participant[] }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const n = (v: number) => formatCount(v, lang);
  const region = regionTitle(engagement.regionKind, engagement.regionName);

  // Folded once per person, not per keystroke: a keystroke only folds the query. Ordered by name
  // without titles, numbers in number order ("Staf 9" before "Staf 10").
  const indexed = useMemo(() => {
    const rows = people.map((p) => ({ p, key: searchKey(p), sort: normalizeName(p.name) }));
    return rows.sort((a, b) => NAME_ORDER.compare(a.sort, b.sort));
  }, [people]);
  const ordered = useMemo(() => indexed.map((x) => x.p), [indexed]);
  const deferredQuery = useDeferredValue(query);
  const matches = useMemo(() => {
    const tokens = queryTokens(deferredQuery);
    if (tokens.length === 0) return ordered;
    const out: Participant[] = [];
    outer: for (const { p, key } of indexed) {
      for (const tok of tokens) if (!key.includes(tok)) continue outer;
      out.push(p);
    }
    return out;
  }, [indexed, ordered, deferredQuery]);

  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);
  const agencies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of [...parseAgencyList(engagement.agencies).map((e) => e.name), ...people.map((p) => p.agency)]) {
      const k = normalizeAgency(a);
      if (k && !seen.has(k)) seen.set(k, a.trim());
    }
    return [...seen.values()];
  }, [engagement.agencies, people]);
  const agencyCount = useMemo(
    () => new Set(people.map((p) => normalizeAgency(p.agency)).filter(Boolean)).size,
    [people],
  );
  const withNip = useMemo(() => people.filter((p) => p.nip !== '').length, [people]);

  // People removed elsewhere (another window, a merge) leave the selection too.
  const chosen = [...selected].filter((id) => byId.has(id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const remove = async (p: Participant) => {
    const r = await call('participants.delete', { id: p.id });
    if (!r.ok) return toast({ text: r.error.message });
    setSelected((s) => new Set([...s].filter((id) => id !== p.id)));
    toast({
      text: t('participants.deleted', { name: p.name }),
      action: {
        label: t('app.undo'),
        run: () =>
          void call('participants.restore', { id: p.id }).then((res) => {
            if (!res.ok) toast({ text: res.error.message });
          }),
      },
    });
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    const out = await exportFile('participants.export', { engagementId: engagement.id, format });
    setExporting(null);
    if (out.status === 'failed') toast({ text: out.error ? errorText(out.error) : out.message });
    else if (out.status === 'saved') toast({ text: t('participants.exported', { file: out.fileName }) });
  };

  const hasNewDraft = dialog === null && readDraft(newDraftKey(engagement.id)) !== null;
  const editing = dialog?.kind === 'edit' ? byId.get(dialog.id) : undefined;
  const mergePair =
    dialog?.kind === 'merge' && byId.has(dialog.ids[0]) && byId.has(dialog.ids[1])
      ? ([byId.get(dialog.ids[0])!, byId.get(dialog.ids[1])!] as [Participant, Participant])
      : undefined;

  // The two ways to fill the register, offered in the header and in the empty state.
  const registerButtons = (
    <>
      <button className="btn" onClick={() => setImporting(true)}>
        {t('participants.import')}
      </button>
      <button className="btn btn--primary" onClick={() => setDialog({ kind: 'add' })}>
        + {t('participants.add')}
      </button>
    </>
  );

  return (
    <section className="page p-register">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: engagement.id })}>{region}</a>
      </nav>
      <header className="page__header">
        <div>
          <p className="eyebrow">{region}</p>
          <h1>{t('participants.title')}</h1>
          <p className="muted p-summary" data-testid="register-summary">
            {people.length === 0
              ? t('participants.summaryEmpty')
              : `${t('participants.summary', { count: n(people.length), agencies: n(agencyCount) })} · ${t('participants.withNip', { count: n(withNip) })}`}
          </p>
        </div>
        {!importing && people.length > 0 && <div className="p-header-actions">{registerButtons}</div>}
      </header>

      {hasNewDraft && !importing && (
        <div className="p-draft-banner" role="status">
          <span>{t('participants.pendingDraft')}</span>
          <button className="btn btn--small" onClick={() => setDialog({ kind: 'add' })}>
            {t('participants.continueDraft')}
          </button>
        </div>
      )}

      {importing ? (
        <ImportWizard
          engagementId={engagement.id}
          nameOf={(id) => byId.get(id)?.name}
          onClose={() => setImporting(false)}
        />
      ) : people.length === 0 ? (
        <div className="empty p-empty">
          <p className="p-empty__title">{t('participants.empty')}</p>
          <p>{t('participants.emptyHint')}</p>
          <div className="p-empty__actions">{registerButtons}</div>
        </div>
      ) : (
        <>
          <div className="p-toolbar">
            <div className="p-search">
              <svg className="p-search__icon" viewBox="0 0 20 20" aria-hidden="true">
                <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
                <path d="M12.7 12.7 17 17" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              <input
                type="search"
                aria-label={t('participants.search')}
                placeholder={t('participants.searchPlaceholder')}
                title={t('participants.searchHint')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
              />
              {query && (
                <span className="p-search__count" role="status">
                  {t('participants.matches', { count: n(matches.length) })}
                </span>
              )}
            </div>
            <div className="p-toolbar__right">
              <button className="btn btn--small" disabled={exporting !== null} onClick={() => void exportAs('csv')}>
                {exporting === 'csv' ? t('participants.exporting') : t('participants.exportCsv')}
              </button>
              <button className="btn btn--small" disabled={exporting !== null} onClick={() => void exportAs('xlsx')}>
                {exporting === 'xlsx' ? t('participants.exporting') : t('participants.exportXlsx')}
              </button>
            </div>
          </div>

          {chosen.length > 0 && (
            <div
              className="p-selection"
              role="region"
              aria-label={t('participants.selected', { count: chosen.length })}
            >
              <strong>{t('participants.selected', { count: n(chosen.length) })}</strong>
              <button
                className="btn btn--primary btn--small"
                disabled={chosen.length !== 2}
                onClick={() => setDialog({ kind: 'merge', ids: [chosen[0], chosen[1]] })}
              >
                {t('participants.merge')}
              </button>
              {chosen.length !== 2 && <span className="muted">{t('participants.mergeHint')}</span>}
              <button className="btn btn--ghost btn--small p-selection__clear" onClick={() => setSelected(new Set())}>
                {t('participants.clearSelection')}
              </button>
            </div>
          )}

          <RegisterTable
            people={matches}
            total={people.length}
            query={deferredQuery}
            selected={selected}
            onToggle={toggle}
            onEdit={(p) => setDialog({ kind: 'edit', id: p.id })}
            onDelete={(p) => void remove(p)}
          />
        </>
      )}

      {dialog?.kind === 'add' && (
        <ParticipantDialog engagementId={engagement.id} agencies={agencies} onClose={() => setDialog(null)} />
      )}
      {editing && (
        <ParticipantDialog
          key={editing.id}
          engagementId={engagement.id}
          participant={editing}
          agencies={agencies}
          onClose={() => setDialog(null)}
        />
      )}
      {mergePair && (
        <MergeDialog
          pair={mergePair}
          onClose={() => setDialog(null)}
          onMerged={() => {
            setDialog(null);
            setSelected(new Set());
          }}
        />
      )}
    </section>
  );
}
