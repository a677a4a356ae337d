import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** What every service needs: the database, a clock and an id source (both replaceable in tests). */
export interface ServiceContext {
  db: Database;
  now(): string;
  newId(): string;
}

export function createContext(db: Database, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    db,
    now: () => new Date().toISOString(),
    newId: () => randomUUID(),
    ...overrides,
  };
}
