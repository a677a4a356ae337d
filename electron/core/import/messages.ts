import { CATALOGUES, translateKnown } from '../../../shared/i18n';
import type { Language } from '../../../shared/languages';
import { NIP_PROBLEMS } from '../../../shared/nip';
import type { PreviewReason } from './preview';
import type { NotATableReason } from './table';

/**
 * The import's codes — why a preview row is invalid or a duplicate, why a file is not a table, that
 * no header row was found — and their sentences in the catalogue (shared/i18n `import`, and `nip`
 * for the NIP's own problems).
 */

type ImportMessageCode = PreviewReason | `notATable.${NotATableReason}` | 'noHeader';

const NIP_CODES = new Set<string>(NIP_PROBLEMS.map((p) => `nip.${p}`));

/** The catalogue key of an import code: `nip.<problem>` is the NIP's own sentence. */
export function importKey(code: string): string {
  return NIP_CODES.has(code) ? code : `import.${code}`;
}

/** Every import code, read off the catalogue, so a sentence added there is a code here. */
function importCodes(): ImportMessageCode[] {
  const codes: string[] = NIP_PROBLEMS.map((p) => `nip.${p}`);
  for (const [group, entry] of Object.entries(CATALOGUES.id.import)) {
    if (typeof entry === 'string') codes.push(group);
    else for (const name of Object.keys(entry)) codes.push(`${group}.${name}`);
  }
  return codes as ImportMessageCode[];
}

/** Every import code's sentence, by language. */
export const IMPORT_MESSAGES: Record<Language, Record<ImportMessageCode, string>> = {
  id: Object.fromEntries(importCodes().map((c) => [c, translateKnown('id', importKey(c))])) as Record<
    ImportMessageCode,
    string
  >,
  en: Object.fromEntries(importCodes().map((c) => [c, translateKnown('en', importKey(c))])) as Record<
    ImportMessageCode,
    string
  >,
};

/** The sentence for an import code in a language; an unknown code is returned as it is. */
export function importMessage(lang: Language, code: string): string {
  const text = translateKnown(lang, importKey(code));
  return text === importKey(code) ? code : text;
}
