import { DEFAULT_LANGUAGE, type Language } from '../languages';
import type { Catalogue, MessageKey, ParamArgs, Params } from './catalogue';
import { en } from './en';
import { id } from './id';

export type { Catalogue, ErrorKey, MessageKey, ParamArgs, ParamName, Params, ValidationCode } from './catalogue';

/** Every UI sentence, one catalogue per language. */
export const CATALOGUES: Record<Language, Catalogue> = { id, en };

function lookup(lang: Language, key: string): string | undefined {
  let node: unknown = CATALOGUES[lang] ?? CATALOGUES[DEFAULT_LANGUAGE];
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The sentence for a key in a language, with its `{param}`s filled in. */
export function translate<K extends MessageKey>(lang: Language, key: K, ...params: ParamArgs<K>): string {
  return fill(lookup(lang, key) ?? key, params[0]);
}

/** Whether a string from elsewhere (an error envelope, a stored draft) is a key of the catalogue. */
export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && lookup(DEFAULT_LANGUAGE, key) !== undefined;
}

/**
 * Translate a key that arrived as plain data (an error envelope from the core): the sentence when it
 * is a key, otherwise the text as it is — older senders put a sentence where the key goes.
 */
export function translateKnown(lang: Language, key: string, params?: Params): string {
  const text = lookup(lang, key);
  return text === undefined ? key : fill(text, params);
}

/** The catalogue key of a core error key: `engagementNotFound` is `errors.engagementNotFound`. */
export function errorKey(key: string): MessageKey | undefined {
  if (isMessageKey(`errors.${key}`)) return `errors.${key}` as MessageKey;
  return isMessageKey(key) ? key : undefined;
}
