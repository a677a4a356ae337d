import { routeHash } from '../../app/store';

/**
 * Show the projector screen of a workshop: the desktop app opens its projector window (full screen
 * on the external display when there is one); browser mode opens the page in a second window to
 * move to the projector.
 */
export async function openProjector(workshopId: string): Promise<void> {
  if (window.bimtek?.openProjectorWindow) {
    await window.bimtek.openProjectorWindow(workshopId);
    return;
  }
  window.open(
    routeHash({ name: 'present', workshopId }),
    `bimtek-projector-${workshopId}`,
    'popup,width=1280,height=720',
  );
}
