import type { Participant } from '../../../shared/attendance';
import { matchesQuery, normalizeName, queryTokens, searchKey } from '../../../shared/names';

/** A participant with the text it is searched in, computed once when the register loads. */
export interface IndexedPerson {
  person: Participant;
  /** `searchKey`: name with and without titles, NIP digits, agency; all folded. */
  key: string;
  /** The name without titles and degrees, folded: what results are ranked and sorted by. */
  name: string;
  words: string[];
}

/** Build the search index of a register (once per load, never per keystroke). */
export function indexPeople(people: readonly Participant[]): IndexedPerson[] {
  return people.map((person) => {
    const name = normalizeName(person.name);
    return { person, key: searchKey(person), name, words: name.split(' ') };
  });
}

/**
 * How well a hit matches, lower is better: the name starts with what was typed, every typed word
 * starts a word of the name, every typed word is inside the name, or only NIP/agency matched.
 */
function rank(item: IndexedPerson, tokens: readonly string[], phrase: string): number {
  if (item.name.startsWith(phrase)) return 0;
  if (tokens.every((t) => item.words.some((w) => w.startsWith(t)))) return 1;
  if (tokens.every((t) => item.name.includes(t))) return 2;
  return 3;
}

export interface SearchOptions {
  limit?: number;
  /** Leave someone out (the person being represented cannot represent themselves). */
  excludeId?: string;
}

/**
 * Search-as-you-type over name, NIP and agency, ignoring case, titles and diacritics:
 * "abu bakar" finds "Drs. H. Abdullah Abu Bakar, S.E., M.Si.". The query is folded once; each
 * person costs a few substring checks, so 1,000 people stay well inside a frame.
 */
export function searchPeople(index: readonly IndexedPerson[], query: string, opts: SearchOptions = {}): Participant[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  const phrase = tokens.join(' ');
  const hits: { item: IndexedPerson; score: number }[] = [];
  for (const item of index) {
    if (item.person.id === opts.excludeId) continue;
    if (!matchesQuery(item.key, tokens)) continue;
    hits.push({ item, score: rank(item, tokens, phrase) });
  }
  hits.sort((a, b) => a.score - b.score || (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0));
  return hits.slice(0, opts.limit ?? 8).map((h) => h.item.person);
}

/** People already in the register under the same name (however titles and case were typed). */
export function sameName(index: readonly IndexedPerson[], name: string): Participant[] {
  const n = normalizeName(name);
  if (!n) return [];
  return index.filter((i) => i.name === n).map((i) => i.person);
}
