import { routeHash } from '../../app/store';

interface ProjectorBridge {
  openProjectorWindow?(workshopId: string): Promise<unknown>;
}

/**
 * Show the projector screen of a workshop: the desktop app opens its projector window (full screen
 * on the external display when there is one); browser mode opens the page in a second window to
 * move to the projector.
 */
export async function openProjector(workshopId: string): Promise<void> {
  const bridge = window.bimtek as ProjectorBridge | undefined;
  if (bridge?.openProjectorWindow) {
    await bridge.openProjectorWindow(workshopId);
    return;
  }
  window.open(routeHash({ name: 'present', workshopId }), `bimtek-projector-${workshopId}`, 'popup,width=1280,height=720');
}
