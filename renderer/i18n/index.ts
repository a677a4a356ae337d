import { create } from 'zustand';
import type { Language } from '../../shared/languages';
import { validationMessage } from '../../shared/messages';
import { en } from './en';
import { id, type Messages } from './id';

const DICTS: Record<Language, Messages> = { id, en };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export interface LanguageState {
  language: Language;
  setLanguage(lang: Language): void;
}

/** The UI language; persisted through the contract's settings (see app/store.ts). */
export const useLanguage = create<LanguageState>((set) => ({
  language: 'id',
  setLanguage: (language) => {
    document.documentElement.lang = language;
    set({ language });
  },
}));

/** Translate a key with `{name}` parameters in a given language. */
export function translate(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  let node: unknown = DICTS[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Hook: the translate function for the current language. */
export function useT(): T {
  const lang = useLanguage((s) => s.language);
  return (key, params) => translate(lang, key, params);
}

/** A validation issue code (shared/messages.ts) as a sentence in the current language. */
export function useValidationText(): (code: string) => string {
  const lang = useLanguage((s) => s.language);
  return (code) => validationMessage(lang, code);
}
