import { useEffect, useMemo, useRef, useState } from 'react';
import { CRITERIA, type Candidate, type Criterion, type ScoreRow, type Scores } from '../../../shared/followups';
import type { AppErrorShape, Result } from '../../../shared/errors';
import { useErrorText, useLanguage, useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { readDraft, writeDraft } from '../../lib/drafts';
import { dimensionName } from './charts';
import './scoring.css';

type Partial4 = Partial<Record<Criterion, number>>;
type RowState = { status: 'saving' } | { status: 'saved' } | { status: 'error'; error: AppErrorShape };

/** Scorers are told apart by name regardless of case, as the core does. */
export const scorerKey = (name: string) => name.trim().toLocaleLowerCase('id-ID');

export interface QuickWinScoringProps {
  workshopId: string;
  candidates: readonly Pick<Candidate, 'key' | 'name' | 'dimension' | 'groupName' | 'agency'>[];
  /** Every stored score of the board (this scorer's are picked out by name). */
  scores: readonly ScoreRow[];
  /** Who is scoring: a group's name or a person's; empty disables the scale until it is given. */
  scorer: string;
  /**
   * Sends one candidate's four ratings. By default `quickwins.score` through this page's transport;
   * a paired device passes its own (the core scores it as its group whatever name it sends).
   */
  send?(candidateKey: string, scores: Scores): Promise<Result<unknown>>;
}

/**
 * One scorer's ratings: every candidate × the four criteria, 1–5 each, as radio groups (Tab to a
 * criterion, arrows to change). A candidate's ratings are saved as soon as all four are given, and
 * on every change after; what is given before that stays on this device as a draft, so nothing
 * typed is lost. A refusal is shown on the candidate's row with the reason, the ratings kept.
 */
export function QuickWinScoring({ workshopId, candidates, scores, scorer, send }: QuickWinScoringProps) {
  const t = useT();
  const reason = useReason();
  const lang = useLanguage((s) => s.language);
  const who = scorerKey(scorer);
  const draftKey = `quickwin-scores:${workshopId}:${who}`;

  /** What the store holds for this scorer. */
  const saved = useMemo(() => {
    const m = new Map<string, Scores>();
    if (!who) return m;
    for (const r of scores) if (scorerKey(r.scorer) === who) m.set(r.candidateKey, r.scores);
    return m;
  }, [scores, who]);

  // Ratings given here that the store does not show yet (incomplete ones, or ones on their way).
  const [local, setLocal] = useState<Record<string, Partial4>>({});
  const [rows, setRows] = useState<Record<string, RowState>>({});
  useEffect(() => {
    setLocal(who ? (readDraft<Record<string, Partial4>>(draftKey) ?? {}) : {});
    setRows({});
  }, [draftKey, who]);
  // Once the board shows what was sent, the local copy goes.
  useEffect(() => {
    setLocal((cur) => {
      let changed = false;
      const next = { ...cur };
      for (const [key, v] of Object.entries(cur)) {
        const s = saved.get(key);
        if (s && CRITERIA.every((c) => v[c] === undefined || v[c] === s[c])) {
          delete next[key];
          changed = true;
        }
      }
      return changed ? next : cur;
    });
  }, [saved]);
  const localRef = useRef(local);
  localRef.current = local;
  useEffect(() => {
    if (!who) return;
    // Only what is not complete needs the draft: complete ratings are sent at once.
    const partial = Object.fromEntries(Object.entries(local).filter(([, v]) => !isComplete(v)));
    writeDraft(draftKey, partial);
  }, [local, draftKey, who]);

  const rate = async (key: string, criterion: Criterion, value: number) => {
    if (!who) return;
    const merged: Partial4 = { ...saved.get(key), ...localRef.current[key], [criterion]: value };
    setLocal((cur) => ({ ...cur, [key]: { ...cur[key], [criterion]: value } }));
    if (!isComplete(merged)) return;
    setRows((cur) => ({ ...cur, [key]: { status: 'saving' } }));
    const r = send
      ? await send(key, merged)
      : await call('quickwins.score', { workshopId, candidateKey: key, scorer: scorer.trim(), scores: merged });
    setRows((cur) => ({ ...cur, [key]: r.ok ? { status: 'saved' } : { status: 'error', error: r.error } }));
  };

  return (
    <div className="qw-scoring" data-testid="qw-scoring">
      {!who && (
        <p className="banner banner--warning" role="status">
          {t('quickwins.scorerMissing')}
        </p>
      )}
      <div className="qw-scoring__head" aria-hidden="true">
        <span />
        {CRITERIA.map((c) => (
          <span key={c} title={t(`quickwins.criteriaHelp.${c}`)}>
            {t(`quickwins.criteria.${c}`)}
          </span>
        ))}
      </div>
      <ol className="qw-scoring__list">
        {candidates.map((cand) => {
          const values: Partial4 = { ...saved.get(cand.key), ...local[cand.key] };
          const done = CRITERIA.filter((c) => values[c] !== undefined).length;
          const row = rows[cand.key];
          return (
            <li key={cand.key} className="qw-score-row" data-key={cand.key}>
              <div className="qw-score-row__who">
                <strong>{cand.name}</strong>
                <span className="qw-score-row__meta">
                  {[cand.groupName, cand.dimension ? dimensionName(cand.dimension, lang) : '', cand.agency]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                <span className="qw-score-row__status" role={row?.status === 'error' ? 'alert' : 'status'}>
                  {row?.status === 'error'
                    ? reason(row.error)
                    : row?.status === 'saving'
                      ? t('app.saving')
                      : done > 0 && done < 4
                        ? t('quickwins.incomplete', { done })
                        : row?.status === 'saved'
                          ? t('quickwins.saved')
                          : ''}
                </span>
              </div>
              {CRITERIA.map((c) => (
                <fieldset
                  key={c}
                  className="qw-scale"
                  disabled={!who}
                  aria-label={t('quickwins.scoreOf', { criterion: t(`quickwins.criteria.${c}`), name: cand.name })}
                >
                  <legend className="qw-scale__legend">{t(`quickwins.criteria.${c}`)}</legend>
                  {[1, 2, 3, 4, 5].map((v) => (
                    <label key={v} className={`qw-scale__option${values[c] === v ? ' is-checked' : ''}`}>
                      <input
                        type="radio"
                        name={`${cand.key}:${c}`}
                        value={v}
                        checked={values[c] === v}
                        onChange={() => void rate(cand.key, c, v)}
                      />
                      <span>{v}</span>
                    </label>
                  ))}
                </fieldset>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/**
 * Why a call was refused: the first field's own message when the core names one (a score outside
 * 1–5 is "Nilai 1 sampai 5."), otherwise the error's sentence.
 */
export function useReason(): (e: AppErrorShape) => string {
  const errorText = useErrorText();
  const v = useValidationText();
  return (e) => {
    const issues = (e.details as { issues?: { code?: unknown }[] } | undefined)?.issues;
    const code = issues?.find((i) => typeof i.code === 'string')?.code;
    return typeof code === 'string' ? v(code) : errorText(e);
  };
}

function isComplete(v: Partial4): v is Scores {
  return CRITERIA.every((c) => typeof v[c] === 'number');
}
