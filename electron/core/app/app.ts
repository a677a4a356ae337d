import type { AppInfo } from '../../../shared/domain';
import type { appOps } from '../../../shared/contract/app';
import type { SliceImplementations } from '../handlers';
import type { SettingsStore } from '../settings';

/** The app operations: what is running, and the preferences (these work even without a store). */
export function appApp(info: () => AppInfo, settings: SettingsStore): SliceImplementations<typeof appOps> {
  return {
    'app.info': () => info(),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => ({
      value: settings.update(patch),
      events: [{ entity: 'settings', id: 'preferences', action: 'updated' }],
    }),
  };
}
