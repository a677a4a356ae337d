import type { id } from './id';

/** The shape of a catalogue: the Indonesian one with every sentence widened to `string`. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof id>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the catalogue as a dotted path, e.g. `workshops.deleteConfirm`. */
export type MessageKey = Leaves<typeof id>;

type At<T, K extends string> = K extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : K extends keyof T
    ? T[K]
    : never;

type Names<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Names<Rest> : never;

/** The `{param}` names of a key's Indonesian sentence (the English one has the same, by test). */
export type ParamName<K extends MessageKey> = Names<At<typeof id, K>>;

export type ParamValue = string | number;
export type Params = Record<string, ParamValue>;

type HasParams<K extends MessageKey> = K extends MessageKey ? ([ParamName<K>] extends [never] ? false : true) : never;

/**
 * What `translate` takes after the key: nothing for a sentence without parameters, an object naming
 * each of them otherwise. A key chosen at run time (a union of keys that do not all agree) takes an
 * optional, loosely typed object.
 */
export type ParamArgs<K extends MessageKey> = [HasParams<K>] extends [true]
  ? [params: Record<ParamName<K>, ParamValue>]
  : [HasParams<K>] extends [false]
    ? [params?: Record<string, never>]
    : [params?: Params];

export type ErrorKey = keyof Catalogue['errors'];
export type ValidationCode = keyof Catalogue['validation'];
