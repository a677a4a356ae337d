import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import {
  CRITERIA,
  rankQuickWins,
  Weights,
  type Candidate,
  type Criterion,
  type QuickWinBoard,
} from '../../../shared/followups';
import type { AppErrorShape } from '../../../shared/errors';
import { regionTitle, stageLabel } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { Dialog } from '../../components/dialog';
import { useErrorText, useLanguage, useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { readDraft, writeDraft } from '../../lib/drafts';
import { useQuery } from '../../lib/use-query';
import { openProjector } from '../projector/open';
import { chartItems, dimensionName, formatScore, ImpactFeasibilityMatrix, TotalsChart, type ChartItem } from './charts';
import { QuickWinScoring, scorerKey, useReason } from './scoring';
import './quickwins-page.css';

const SCORER_DRAFT = 'quickwin-scorer';
const WEIGHTS_SAVE_DELAY_MS = 400;
/** Bars drawn on the screen; the table below ranks every proposal. */
const SCREEN_BARS = 15;

/**
 * Choosing quick wins for a workshop: the criteria's weights, every group's proposals scored by
 * each scorer, the ranking recomputed on every change (bar chart of totals, impact × feasibility
 * matrix, table), and the choice per dimension (a chosen one becomes an action item in the core).
 */
export function QuickWinsPage({ engagementId, workshopId }: { engagementId: string; workshopId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const engagement = useQuery('engagements.get', { id: engagementId });
  const workshop = useQuery('workshops.get', { id: workshopId });
  const board = useQuery('quickwins.board', { workshopId });
  const error = engagement.error ?? workshop.error ?? board.error;
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement.data || !workshop.data || !board.data) return <p className="muted">{t('app.loading')}</p>;
  const e = engagement.data;
  const w = workshop.data;
  return (
    <section className="page qw-page">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: e.id })}>{regionTitle(e.regionKind, e.regionName)}</a> ›{' '}
        <a href={routeHash({ name: 'workshop', engagementId, id: workshopId })}>{w.title}</a>
      </nav>
      <header className="page__header">
        <div>
          <p className="eyebrow">{stageLabel(w.stage, w.customStageName, lang)}</p>
          <h1>{t('quickwins.title')}</h1>
          <p className="muted qw-page__intro">{t('quickwins.intro')}</p>
        </div>
        <ProjectorButtons workshopId={workshopId} />
      </header>
      <QuickWinBoardView board={board.data} />
    </section>
  );
}

function ProjectorButtons({ workshopId }: { workshopId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const show = async () => {
    const r = await call('projector.set', { workshopId, patch: { mode: 'quickwins' } });
    toast({ text: r.ok ? t('quickwins.shownOnProjector') : errorText(r.error) });
  };
  return (
    <div className="actions">
      <button className="btn" onClick={() => void show()}>
        {t('quickwins.showOnProjector')}
      </button>
      <button className="btn" onClick={() => void openProjector(workshopId)}>
        {t('agenda.present')}
      </button>
    </div>
  );
}

/** The board's sections; the ranking follows the weights as typed (once valid) and every score. */
export function QuickWinBoardView({ board }: { board: QuickWinBoard }) {
  const t = useT();
  const [weights, setWeights] = useState<Weights>(board.weights);
  const ranking = useMemo(
    () => rankQuickWins(board.candidates, board.scores, weights),
    [board.candidates, board.scores, weights],
  );
  const items = useMemo(
    () =>
      chartItems(
        board.candidates,
        ranking,
        board.chosen.map((c) => c.candidateKey),
      ),
    [board.candidates, board.chosen, ranking],
  );
  return (
    <>
      <WeightsPanel workshopId={board.workshopId} saved={board.weights} onValid={setWeights} />
      {board.candidates.length === 0 ? (
        <p className="panel muted" data-testid="qw-empty">
          {t('quickwins.noCandidates')}
        </p>
      ) : (
        <>
          <ScoringPanel board={board} />
          <RankingPanel items={items} />
          <ChoosePanel board={board} items={items} />
        </>
      )}
    </>
  );
}

type WeightText = Record<Criterion, string>;
const toText = (w: Weights): WeightText => Object.fromEntries(CRITERIA.map((c) => [c, String(w[c])])) as WeightText;

/**
 * The four weights, each 0–100, with their live sum. A valid set goes to the ranking at once and
 * to the store after a pause; an invalid one (out of range, or all zero) shows why and stays
 * typed, and the store keeps the last valid set.
 */
function WeightsPanel({
  workshopId,
  saved,
  onValid,
}: {
  workshopId: string;
  saved: Weights;
  onValid(w: Weights): void;
}) {
  const t = useT();
  const v = useValidationText();
  const reason = useReason();
  const id = useId();
  const [text, setText] = useState<WeightText>(() => toText(saved));
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dirty = useRef(false);
  // Another window changed the weights: take them, unless something is being typed here.
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    if (dirty.current) return;
    setText(toText(saved));
    onValid(saved);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedKey]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const numbers = Object.fromEntries(
    CRITERIA.map((c) => [c, text[c].trim() === '' ? Number.NaN : Number(text[c].replace(',', '.'))]),
  );
  const parsed = Weights.safeParse(numbers);
  const fieldError = (c: Criterion) =>
    parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === c)?.message;
  const rootError = parsed.success ? undefined : parsed.error.issues.find((i) => i.path.length === 0)?.message;
  const sum = CRITERIA.reduce((n, c) => n + (Number.isFinite(numbers[c]) ? numbers[c] : 0), 0);

  const change = (c: Criterion, value: string) => {
    const next = { ...text, [c]: value };
    setText(next);
    dirty.current = true;
    clearTimeout(timer.current);
    const p = Weights.safeParse(
      Object.fromEntries(
        CRITERIA.map((k) => [k, next[k].trim() === '' ? Number.NaN : Number(next[k].replace(',', '.'))]),
      ),
    );
    if (!p.success) {
      setStatus('idle');
      return;
    }
    onValid(p.data);
    setStatus('saving');
    timer.current = setTimeout(() => {
      void call('quickwins.setWeights', { workshopId, weights: p.data }).then((r) => {
        dirty.current = false;
        setStatus(r.ok ? 'saved' : 'idle');
        setFailure(r.ok ? null : r.error);
      });
    }, WEIGHTS_SAVE_DELAY_MS);
  };

  return (
    <section className="panel qw-weights" aria-labelledby={`${id}-h`}>
      <div className="qw-weights__head">
        <h2 className="panel__title" id={`${id}-h`}>
          {t('quickwins.weights')}
        </h2>
        <span className="muted">{t('quickwins.weightsHelp')}</span>
      </div>
      <div className="qw-weights__fields">
        {CRITERIA.map((c) => {
          const err = fieldError(c);
          return (
            <div key={c} className={`field qw-weights__field${err ? ' field--invalid' : ''}`}>
              <label htmlFor={`${id}-${c}`}>{t(`quickwins.criteria.${c}`)}</label>
              <input
                id={`${id}-${c}`}
                name={`weight-${c}`}
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={5}
                value={text[c]}
                aria-invalid={err || rootError ? true : undefined}
                aria-describedby={err ? `${id}-${c}-e` : `${id}-sum`}
                onChange={(ev) => change(c, ev.target.value)}
              />
              {err && (
                <div className="field__error" id={`${id}-${c}-e`} role="alert">
                  {v(err)}
                </div>
              )}
            </div>
          );
        })}
        <div className="qw-weights__sum" id={`${id}-sum`} role="status" data-testid="qw-weights-sum">
          <strong>{t('quickwins.weightsSum', { sum: Number.isFinite(sum) ? sum : 0 })}</strong>
          <span className="save-indicator">
            {status === 'saving' ? t('app.saving') : status === 'saved' ? t('app.saved') : ''}
          </span>
        </div>
      </div>
      {rootError && (
        <p className="field__error" role="alert" data-testid="qw-weights-error">
          {v(rootError)}
        </p>
      )}
      {failure && (
        <p className="field__error" role="alert">
          {reason(failure)}
        </p>
      )}
    </section>
  );
}

/** Who scores (remembered on this device, suggestions from the groups and earlier scorers), then the scale. */
function ScoringPanel({ board }: { board: QuickWinBoard }) {
  const t = useT();
  const id = useId();
  const [scorer, setScorer] = useState(() => readDraft<string>(SCORER_DRAFT) ?? '');
  const suggestions = useMemo(() => {
    const names = new Map<string, string>();
    for (const c of board.candidates) names.set(scorerKey(c.groupName), c.groupName);
    for (const s of board.scores) names.set(scorerKey(s.scorer), s.scorer);
    return [...names.values()].sort((a, b) => a.localeCompare(b, 'id', { numeric: true }));
  }, [board.candidates, board.scores]);
  const scored = board.scores.filter((s) => scorerKey(s.scorer) === scorerKey(scorer)).length;
  return (
    <section className="panel qw-scoring-panel" aria-labelledby={`${id}-h`}>
      <div className="qw-scoring-panel__head">
        <h2 className="panel__title" id={`${id}-h`}>
          {t('quickwins.scoring')} · {t('quickwins.candidates', { count: board.candidates.length })}
        </h2>
        <div className="field qw-scorer">
          <label htmlFor={`${id}-scorer`}>{t('quickwins.scorer')}</label>
          <input
            id={`${id}-scorer`}
            name="scorer"
            list={`${id}-names`}
            value={scorer}
            maxLength={120}
            autoComplete="off"
            aria-describedby={`${id}-scorer-hint`}
            onChange={(ev) => {
              setScorer(ev.target.value);
              writeDraft(SCORER_DRAFT, ev.target.value.trim() ? ev.target.value : null);
            }}
          />
          <datalist id={`${id}-names`}>
            {suggestions.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <div className="field__hint" id={`${id}-scorer-hint`}>
            {scorer.trim()
              ? `${t('quickwins.scoringFor', { scorer: scorer.trim() })} · ${scored}/${board.candidates.length}`
              : t('quickwins.scorerHelp')}
          </div>
        </div>
      </div>
      <QuickWinScoring
        workshopId={board.workshopId}
        candidates={board.candidates}
        scores={board.scores}
        scorer={scorer}
      />
    </section>
  );
}

/** The ranking as it stands: the two charts and the table. */
function RankingPanel({ items }: { items: ChartItem[] }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const id = useId();
  return (
    <section className="panel qw-ranking" aria-labelledby={`${id}-h`}>
      <h2 className="panel__title" id={`${id}-h`}>
        {t('quickwins.ranking')}
      </h2>
      <div className="qw-ranking__charts">
        <div>
          <h3 className="qw-ranking__chart-title">{t('quickwins.chartTotals')}</h3>
          <TotalsChart items={items} limit={SCREEN_BARS} table={false} />
        </div>
        <div>
          <h3 className="qw-ranking__chart-title">{t('quickwins.chartMatrix')}</h3>
          <ImpactFeasibilityMatrix items={items} table={false} />
        </div>
      </div>
      <table className="qw-ranking__table" data-testid="qw-ranking">
        <thead>
          <tr>
            <th scope="col">{t('quickwins.rank')}</th>
            <th scope="col">{t('quickwins.name')}</th>
            <th scope="col">{t('quickwins.group')}</th>
            <th scope="col">{t('quickwins.dimension')}</th>
            <th scope="col" className="num">
              {t('quickwins.axisImpact')}
            </th>
            <th scope="col" className="num">
              {t('quickwins.axisFeasibility')}
            </th>
            <th scope="col" className="num">
              {t('quickwins.total')}
            </th>
            <th scope="col" className="num">
              {t('quickwins.scorers')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.key} className={it.chosen ? 'is-chosen' : undefined} data-key={it.key}>
              <td>{it.rank}</td>
              <td>
                {it.name}
                {it.chosen && <span className="qw-chip">✓ {t('quickwins.chosenMark')}</span>}
              </td>
              <td>{it.groupName}</td>
              <td>{it.dimension ? dimensionName(it.dimension, lang) : t('quickwins.noDimension')}</td>
              <td className="num">{it.scorers ? formatScore(it.impact, lang) : '–'}</td>
              <td className="num">{it.scorers ? formatScore(it.feasibility, lang) : '–'}</td>
              <td className="num">
                <strong>{it.scorers ? formatScore(it.total, lang) : t('quickwins.notScored')}</strong>
              </td>
              <td className="num">{it.scorers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Candidates grouped by dimension, each with a "Pilih" toggle; unchoosing one that became an action item asks. */
function ChoosePanel({ board, items }: { board: QuickWinBoard; items: ChartItem[] }) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const id = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<Candidate | null>(null);
  const byKey = new Map(board.candidates.map((c) => [c.key, c]));
  const order = [...DIMENSIONS.map((d) => d.id as string)];
  const groups = new Map<string, ChartItem[]>();
  for (const it of items) {
    const d = order.includes(it.dimension) ? it.dimension : '';
    groups.set(d, [...(groups.get(d) ?? []), it]);
  }
  const dims = [...order, ''].filter((d) => groups.has(d));

  const choose = async (c: Candidate, chosen: boolean, actions: 'ask' | 'keep' | 'delete' = 'ask') => {
    setBusy(c.key);
    const r = await call('quickwins.choose', { workshopId: board.workshopId, candidateKey: c.key, chosen, actions });
    setBusy(null);
    if (r.ok) {
      setAsking(null);
      toast({ text: t(chosen ? 'quickwins.chosenToast' : 'quickwins.unchosenToast', { name: c.name }) });
    } else if (r.error.key === 'errors.quickWinHasAction' || r.error.key === 'quickWinHasAction') {
      setAsking(c);
    } else {
      setAsking(null);
      toast({ text: errorText(r.error) });
    }
  };

  return (
    <section className="panel qw-choose" aria-labelledby={`${id}-h`}>
      <h2 className="panel__title" id={`${id}-h`}>
        {t('quickwins.choose')}
      </h2>
      <p className="muted">{t('quickwins.chooseHelp')}</p>
      <div className="qw-choose__dims">
        {dims.map((d) => (
          <section
            key={d || 'none'}
            className="qw-choose__dim"
            aria-label={d ? dimensionName(d, lang) : t('quickwins.noDimension')}
          >
            <h3>{d ? dimensionName(d, lang) : t('quickwins.noDimension')}</h3>
            <ul>
              {groups.get(d)!.map((it) => {
                const c = byKey.get(it.key)!;
                return (
                  <li key={it.key} className={it.chosen ? 'is-chosen' : undefined}>
                    <span className="qw-choose__name">
                      <strong>{it.name}</strong>
                      <span className="muted">
                        {[it.groupName, c.agency].filter(Boolean).join(' · ')} · #{it.rank} ·{' '}
                        {it.scorers ? formatScore(it.total, lang) : t('quickwins.notScored')}
                      </span>
                    </span>
                    <button
                      className={`btn btn--small${it.chosen ? ' is-active' : ''}`}
                      aria-pressed={it.chosen}
                      aria-label={t('quickwins.pickLabel', { name: it.name })}
                      disabled={busy === it.key}
                      onClick={() => void choose(c, !it.chosen)}
                    >
                      {it.chosen ? `✓ ${t('quickwins.picked')}` : t('quickwins.pick')}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      {asking && (
        <Dialog
          role="alertdialog"
          title={t('quickwins.unchooseTitle', { name: asking.name })}
          onClose={() => setAsking(null)}
          closeOnBackdrop
        >
          <p>{t('errors.quickWinHasAction')}</p>
          <div className="actions">
            <button className="btn" onClick={() => setAsking(null)}>
              {t('app.cancel')}
            </button>
            <button className="btn" disabled={busy !== null} onClick={() => void choose(asking, false, 'keep')}>
              {t('quickwins.keepAction')}
            </button>
            <button
              className="btn btn--danger"
              disabled={busy !== null}
              onClick={() => void choose(asking, false, 'delete')}
            >
              {t('quickwins.deleteAction')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
