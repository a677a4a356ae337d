import { useEffect, useState } from 'react';
import type { ProjectorView } from '../../../shared/agenda';
import { formatDayMonthYear } from '../../../shared/format';
import { useLanguage, useT } from '../../i18n';
import './projector-followups.css';

/** How many fit on one projector page in large type; longer lists turn pages by themselves. */
export const PAGE_SIZE = { decisions: 5, followups: 6 } as const;
export const PAGE_SECONDS = 12;

/** The page shown `elapsed` seconds in, of `count` rows at `size` a page. */
export function pageAt(count: number, size: number, elapsed: number) {
  const pages = Math.max(1, Math.ceil(count / size));
  const page = Math.floor(elapsed / PAGE_SECONDS) % pages;
  return { page, pages, from: page * size, to: page * size + size };
}

/** Turns the page every PAGE_SECONDS (restarting when the list changes length). */
function usePage(count: number, size: number) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    setElapsed(0);
    const timer = setInterval(() => setElapsed((e) => e + 1), 1000);
    return () => clearInterval(timer);
  }, [count]);
  return pageAt(count, size, elapsed);
}

/** The projector's decision and follow-up modes: large type, overdue marked, paged when long. */
export function ProjectorFollowups({ view }: { view: ProjectorView }) {
  if (view.mode === 'decisions') return <DecisionsSlide decisions={view.followup.decisions ?? []} />;
  if (view.mode === 'followups') return <FollowupsSlide items={view.followup.followups ?? []} />;
  return null;
}

function Pager({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  if (pages <= 1) return null;
  return <p className="pf-pager">{t('actions.projector.page', { page: page + 1, pages })}</p>;
}

function DecisionsSlide({ decisions }: { decisions: string[] }) {
  const t = useT();
  const p = usePage(decisions.length, PAGE_SIZE.decisions);
  return (
    <section className="slide pf-slide" data-testid="projector-decisions">
      <h1 className="slide__subhead">{t('decisions.projectorTitle')}</h1>
      {decisions.length === 0 ? (
        <p className="pf-empty">{t('decisions.projectorEmpty')}</p>
      ) : (
        <ol className="pf-decisions" start={p.from + 1}>
          {decisions.slice(p.from, p.to).map((d, i) => (
            <li key={p.from + i}>{d}</li>
          ))}
        </ol>
      )}
      <Pager page={p.page} pages={p.pages} />
    </section>
  );
}

function FollowupsSlide({ items }: { items: NonNullable<ProjectorView['followup']['followups']> }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const p = usePage(items.length, PAGE_SIZE.followups);
  return (
    <section className="slide pf-slide" data-testid="projector-followups">
      <h1 className="slide__subhead">{t('actions.projector.title')}</h1>
      {items.length === 0 ? (
        <p className="pf-empty">{t('actions.projector.empty')}</p>
      ) : (
        <ul className="pf-items">
          {items.slice(p.from, p.to).map((a) => (
            <li key={a.id} className={a.overdue ? 'is-late' : undefined}>
              <span className="pf-items__title">{a.title}</span>
              <span className="pf-items__meta">
                {t(`actions.kinds.${a.kind}`)}
                {a.agency && ` · ${a.agency}`}
                {a.dueDate && ` · ${t('actions.projector.due', { date: formatDayMonthYear(a.dueDate, lang) })}`}
              </span>
              <span className={`pf-status pf-status--${a.status}`}>{t(`actions.statuses.${a.status}`)}</span>
              {a.overdue && <span className="pf-late">⚠ {t('actions.overdue')}</span>}
            </li>
          ))}
        </ul>
      )}
      <Pager page={p.page} pages={p.pages} />
    </section>
  );
}
