import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors';
import { translate, translateKnown, type MessageKey, type ParamArgs } from '../../shared/i18n';
import type { Language } from '../../shared/languages';
import { validationMessage } from '../../shared/messages';

export { translate, type MessageKey } from '../../shared/i18n';

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

export type T = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

/** Hook: the translate function for the current language. */
export function useT(): T {
  const lang = useLanguage((s) => s.language);
  return (key, ...params) => translate(lang, key, ...params);
}

/** A validation issue code (shared/messages.ts) as a sentence in the current language. */
export function useValidationText(): (code: string) => string {
  const lang = useLanguage((s) => s.language);
  return (code) => validationMessage(lang, code);
}

/**
 * An error from an operation as a sentence in the current language: from its key when the core
 * sent one (so it follows a language switch), otherwise the sentence it came with.
 */
export function errorText(lang: Language, error: Pick<AppErrorShape, 'message' | 'key' | 'params'>): string {
  return error.key ? translateKnown(lang, error.key, error.params) : error.message;
}

/** Hook: `errorText` in the current language. */
export function useErrorText(): (error: Pick<AppErrorShape, 'message' | 'key' | 'params'>) => string {
  const lang = useLanguage((s) => s.language);
  return (error) => errorText(lang, error);
}
