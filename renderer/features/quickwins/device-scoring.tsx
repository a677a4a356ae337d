import { useT } from '../../i18n';
import { useQuery } from '../../lib/use-query';
import { QuickWinScoring } from './scoring';

/** The tab id of quick-win scoring among a device's step tabs (never a step's UUID). */
export const QUICKWIN_TAB = 'quickwins';

/**
 * The quick-win board as a paired device reads it (its own workshop only; the core checks), or
 * null while there is nothing to score: the device shows the tab only when proposals exist.
 */
export function useDeviceQuickWins(workshopId: string | null) {
  const board = useQuery('quickwins.board', workshopId ? { workshopId } : null);
  return board.data && board.data.candidates.length > 0 ? board : null;
}

/**
 * "Nilai quick win" on a paired device: the group scores every proposal as itself (the core takes
 * the group from the device's token whatever name is sent; the group's name finds its stored
 * ratings here).
 */
export function DeviceQuickWins({
  board,
  groupName,
}: {
  board: NonNullable<ReturnType<typeof useDeviceQuickWins>>;
  groupName: string;
}) {
  const t = useT();
  const b = board.data!;
  return (
    <section className="device-quickwins" aria-label={t('quickwins.deviceTab')}>
      <p className="muted">{t('quickwins.deviceLead', { group: groupName })}</p>
      <QuickWinScoring workshopId={b.workshopId} candidates={b.candidates} scores={b.scores} scorer={groupName} />
    </section>
  );
}
