import { AppInfo, AppSettings, AppSettingsPatch } from '../domain';
import { Empty, EVERY_ROLE, mutation, ONLY_FACILITATOR, query } from './define';

/** The app itself: what is running, and the user's preferences. */
export const appOps = {
  /** Name, version, schema version and the state of the data file (ready, or why it failed). */
  'app.info': query({
    input: Empty,
    output: AppInfo,
    roles: EVERY_ROLE,
    reads: [],
    // Where the data lives (a path with the user's name) is the facilitator's to see.
    redact: (info) => ({ ...info, dataDir: '', store: { ...info.store, file: '' } }),
  }),
  /** The user's preferences (UI language). */
  'settings.get': query({ input: Empty, output: AppSettings, roles: EVERY_ROLE, reads: ['settings'] }),
  /** Change preferences; the choice persists across restarts. */
  'settings.update': mutation({
    input: AppSettingsPatch,
    output: AppSettings,
    roles: ONLY_FACILITATOR,
    changes: ['settings'],
  }),
};
