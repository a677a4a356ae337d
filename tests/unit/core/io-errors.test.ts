import { describe, expect, it } from 'vitest';
import { createHandlers, type Implementations } from '../../../electron/core/handlers';
import { MESSAGES } from '../../../shared/messages';
import { engagementInput } from '../../fixtures/inputs';

/** A handler map whose engagements.create fails the way a full disk or a pulled flash disk makes SQLite fail. */
function failingWith(code: string) {
  const impl = {
    'engagements.create': () => {
      throw Object.assign(new Error(`simulated ${code}`), { code });
    },
  } as unknown as Partial<Implementations>;
  return createHandlers({ impl, language: () => 'id', emit: () => {}, log: () => {} });
}

describe('a write the disk refuses gets a message saying what happened and what to do', () => {
  it.each([
    ['SQLITE_FULL', 'diskFull'],
    ['ENOSPC', 'diskFull'],
    ['SQLITE_READONLY', 'dbReadonlyNow'],
    ['SQLITE_READONLY_DBMOVED', 'dbReadonlyNow'],
    ['EROFS', 'dbReadonlyNow'],
    ['SQLITE_CANTOPEN', 'dbVanished'],
    ['ENOENT', 'dbVanished'],
    ['SQLITE_IOERR_WRITE', 'dbIo'],
  ] as const)('%s → IO "%s", never INTERNAL', async (code, key) => {
    const r = await failingWith(code)['engagements.create'](engagementInput());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('IO');
    expect(r.error.message).toBe(MESSAGES.id.errors[key]);
  });
});
