import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Bimtek Studio';

/**
 * The per-user folder Electron's `app.getPath('userData')` gives this app, computed without
 * Electron so browser mode uses the same data as the desktop app by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
