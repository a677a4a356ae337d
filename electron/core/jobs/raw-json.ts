const RAW = Symbol.for('bimtek.rawJson');

/**
 * An answer a worker has already serialised, as UTF-8 JSON bytes: they cross the thread boundary
 * transferred (no copy) instead of as a structured clone of thousands of objects (15–55 ms to
 * rebuild on the thread that answers calls, for a 5,000-row import preview), and the HTTP host
 * writes them as they are. Any other reader (a test, the IPC transport) sees an ordinary object,
 * parsed on first access.
 */
export function rawJson<T extends object>(json: Uint8Array): T {
  let parsed: T | undefined;
  const real = (): T =>
    (parsed ??= JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as T);
  return new Proxy({} as T, {
    // `then` is asked by every `await` of the value: an answer object is never a thenable, and
    // answering here keeps the bytes unparsed on their way to the transport.
    get: (_target, key) => (key === RAW ? json : key === 'then' ? undefined : Reflect.get(real(), key)),
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

/** The JSON bytes of an answer made by `rawJson`, or null for any other value. */
export function rawJsonOf(value: unknown): Uint8Array | null {
  if (!value || typeof value !== 'object') return null;
  const bytes = (value as Record<symbol, unknown>)[RAW];
  return bytes instanceof Uint8Array ? bytes : null;
}

/** A value that can cross a structured clone (IPC): a raw answer becomes its parsed object. */
export function cloneable<T>(value: T): T {
  const bytes = rawJsonOf(value);
  return bytes === null ? value : (JSON.parse(Buffer.from(bytes).toString('utf8')) as T);
}
