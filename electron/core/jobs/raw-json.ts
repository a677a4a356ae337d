const RAW = Symbol.for('bimtek.rawJson');

/**
 * An answer a worker has already serialised: the text crosses the thread boundary as one string
 * (cheap) instead of a structured clone of thousands of objects (15–55 ms to rebuild on the thread
 * that answers calls, for a 5,000-row import preview). The HTTP host writes the text as it is; any
 * other reader (a test, the IPC transport) sees an ordinary object, parsed on first access.
 */
export function rawJson<T extends object>(text: string): T {
  let parsed: T | undefined;
  const real = (): T => (parsed ??= JSON.parse(text) as T);
  return new Proxy({} as T, {
    get: (_target, key) => (key === RAW ? text : Reflect.get(real(), key)),
    has: (_target, key) => key === RAW || Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
    set: () => false,
    deleteProperty: () => false,
  });
}

/** The serialised text of an answer made by `rawJson`, or null for any other value. */
export function rawJsonOf(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const text = (value as Record<symbol, unknown>)[RAW];
  return typeof text === 'string' ? text : null;
}

/** A value that can cross a structured clone (IPC): a raw answer becomes its parsed object. */
export function cloneable<T>(value: T): T {
  const text = rawJsonOf(value);
  return text === null ? value : (JSON.parse(text) as T);
}
