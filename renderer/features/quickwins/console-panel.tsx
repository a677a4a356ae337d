import { useId, useMemo } from 'react';
import { rankQuickWins } from '../../../shared/followups';
import { routeHash, useApp } from '../../app/store';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/use-query';
import { formatScore } from './charts';
import './console-panel.css';

/**
 * The console's quick-win panel: how far the scoring is, the top three as they stand, a button
 * that puts the ranking on the projector, and the way to the scoring screen.
 */
export function QuickWinConsolePanel({
  engagementId,
  workshopId,
  dayId,
  shown,
}: {
  engagementId: string;
  workshopId: string;
  dayId: string;
  /** Whether the projector shows the ranking now. */
  shown: boolean;
}) {
  const t = useT();
  const errorText = useErrorText();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const id = useId();
  const board = useQuery('quickwins.board', { workshopId });
  const ranking = useMemo(
    () => (board.data ? rankQuickWins(board.data.candidates, board.data.scores, board.data.weights) : []),
    [board.data],
  );
  if (!board.data || board.data.candidates.length === 0) return null;
  const names = new Map(board.data.candidates.map((c) => [c.key, c.name]));
  const scored = ranking.filter((r) => r.scorers > 0);
  const show = async () => {
    const r = await call('projector.set', { workshopId, patch: { mode: 'quickwins', dayId } });
    if (!r.ok) toast({ text: errorText(r.error) });
  };
  return (
    <section className="panel qw-console" aria-labelledby={`${id}-h`}>
      <h2 className="panel__title" id={`${id}-h`}>
        {t('quickwins.consoleTitle')}
      </h2>
      <p className="qw-console__summary">
        {t('quickwins.consoleSummary', {
          candidates: board.data.candidates.length,
          scored: scored.length,
          chosen: board.data.chosen.length,
        })}
      </p>
      {scored.length > 0 && (
        <ol className="qw-console__top">
          {scored.slice(0, 3).map((r) => (
            <li key={r.key}>
              <span>{names.get(r.key)}</span> <strong>{formatScore(r.total, lang)}</strong>
            </li>
          ))}
        </ol>
      )}
      <div className="qw-console__actions">
        <button
          className={`btn btn--small${shown ? ' is-active' : ''}`}
          aria-pressed={shown}
          onClick={() => void show()}
        >
          {t('quickwins.showOnProjector')}
        </button>
        <a className="btn btn--small" href={routeHash({ name: 'quickwins', engagementId, workshopId })}>
          {t('quickwins.openScreen')}
        </a>
      </div>
    </section>
  );
}
