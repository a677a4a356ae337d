import type { ProjectorView } from '../../../shared/agenda';
import { useT } from '../../i18n';
import { chartItems, ImpactFeasibilityMatrix, TotalsChart } from './charts';
import './projector-quickwins.css';

/** Proposals the room can read at 1024×768, in both charts: the rest are counted under them. */
const PROJECTOR_TOP = 8;

/**
 * The quick-win ranking on the room's screen (`mode === 'quickwins'`): the bar chart of totals
 * beside the impact × feasibility matrix, in projector type. It follows every score through the
 * projector change event (the view carries the ranking the core computed).
 */
export function ProjectorQuickWins({ view }: { view: ProjectorView }) {
  const t = useT();
  const qw = view.followup.quickwins;
  const items = qw ? chartItems(qw.candidates, qw.ranking, qw.chosen) : [];
  const scored = items.some((i) => i.scorers > 0);
  return (
    <section className="slide slide--quickwins" data-testid="projector-quickwins">
      <h1 className="slide__subhead">{t('quickwins.projectorTitle')}</h1>
      {!scored ? (
        <p className="slide__stage">{t('quickwins.projectorEmpty')}</p>
      ) : (
        <div className="qw-projector">
          <TotalsChart items={items} variant="projector" limit={PROJECTOR_TOP} />
          <ImpactFeasibilityMatrix items={items} variant="projector" limit={PROJECTOR_TOP} />
        </div>
      )}
    </section>
  );
}
