/**
 * Names and agencies reduced to a form that compares equal however people typed them:
 * "Drs. H. Abdullah Abu Bakar, S.E., M.Si." and "ABDULLAH ABU BAKAR" are the same person.
 * Used for duplicate detection on import and for search-as-you-type. Pure: no Node, no DOM.
 */

/**
 * Titles written before a name: academic (Prof., Dr., Drs., Dra., Ir.), medical (dr., drg.),
 * religious (H., Hj., K.H., Ust.), nursing (Ns.). Compared without dots.
 */
const PREFIX_TITLES = new Set([
  'prof',
  'dr',
  'drs',
  'dra',
  'drg',
  'ir',
  'h',
  'hj',
  'kh',
  'ust',
  'ustadz',
  'ustadzah',
  'ns',
  'apt',
]);

/**
 * Degrees written after a name, compared without dots and spaces ("S.Kom." and "S. Kom" → skom).
 * Not complete (Indonesia has hundreds); tokens with dots between letter groups are recognised as
 * degrees too, see `looksLikeDegree`.
 */
const DEGREES = new Set([
  // Diploma
  'amd',
  'amdkom',
  'amdkeb',
  'amdkep',
  'amdak',
  'amdpar',
  'amdt',
  'amdgz',
  'amdfarm',
  'amdkes',
  // Bachelor (S1, Sarjana)
  'se',
  'st',
  'sh',
  'sip',
  'sos',
  'ssos',
  'spd',
  'spdi',
  'skom',
  'sak',
  'ssi',
  'skep',
  'skm',
  'sked',
  'sfarm',
  'sgz',
  'spsi',
  'sag',
  'shi',
  'sei',
  'sthi',
  'sth',
  'sikom',
  'sds',
  'ssn',
  'sn',
  'stp',
  'sp',
  'spt',
  'skh',
  'spi',
  'shut',
  'sstp',
  'ssit',
  'sst',
  'str',
  'strkom',
  'strpar',
  'strkeb',
  'ssy',
  'shum',
  'sars',
  'sm',
  'skg',
  'sstat',
  'sadm',
  'sap',
  'sipol',
  // Master (S2, Magister)
  'msi',
  'mt',
  'mh',
  'mpd',
  'map',
  'mm',
  'mak',
  'mkom',
  'mkes',
  'msc',
  'ma',
  'mag',
  'mhum',
  'mkn',
  'mp',
  'mpp',
  'mpa',
  'mph',
  'mikom',
  'mip',
  'msm',
  'mtr',
  'mars',
  'mpsi',
  'mei',
  'mhi',
  'mfarm',
  'mkep',
  'mst',
  'mec',
  'mecdev',
  'msos',
  'mba',
  'mse',
  'mtp',
  'ment',
  'mstat',
  // Doctorate and professional
  'phd',
  'dr',
  'spog',
  'spa',
  'sppd',
  'spb',
  'spm',
  'spkj',
  'sprad',
  'ak',
  'ca',
  'cpa',
  'apt',
  'ns',
  'bsc',
  'ba',
  'llm',
  'meng',
  'dipl',
  'cfp',
  'cht',
]);

/** Degrees safe to strip even when written without dots at the end of a name ("Budi SE"). */
const BARE_DEGREES = new Set([
  'se',
  'sh',
  'st',
  'sip',
  'ssos',
  'spd',
  'skom',
  'sak',
  'skep',
  'skm',
  'msi',
  'mt',
  'mh',
  'mpd',
  'map',
  'mm',
  'mkes',
  'mkom',
  'mba',
  'phd',
  'amd',
  'ssi',
  'mpa',
  'mpp',
  'msc',
]);

const MARKS = /\p{M}/gu;
const APOSTROPHES = /['’‘`]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
/** "s.kom.", "a.md.", "m.si": letter groups joined by dots. */
const DOTTED_DEGREE = /^\p{L}{1,4}(\.\p{L}{1,5})+\.?$/u;
/** Titles at the start: each ends in a dot or a space ("Drs.H.Abdullah", "Hj Siti"). */
const LEADING_TITLES = new RegExp(
  `^(?:(?:${[...PREFIX_TITLES].sort((a, b) => b.length - a.length).join('|')})(?:\\.\\s*|\\s+))+`,
  'u',
);

/** Lowercase, without diacritics ("José" → "jose"), apostrophes dropped ("Ma'ruf" → "maruf"). */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '');
}

/** Words of already folded text: punctuation becomes a space, spaces collapse. */
function words(folded: string): string {
  return folded.replace(NOT_WORD, ' ').trim();
}

const compact = (token: string) => token.replace(/[.\s]/g, '');

function looksLikeDegree(token: string): boolean {
  return DEGREES.has(compact(token)) || DOTTED_DEGREE.test(token);
}

/** A token ending a name (no comma before it) that is a degree: "S.E." or bare "SE". */
function isTrailingDegree(token: string): boolean {
  const c = compact(token);
  if (token.includes('.')) return DEGREES.has(c) || DOTTED_DEGREE.test(token);
  return BARE_DEGREES.has(c);
}

/** The part of a name before the first comma, without leading titles and trailing degrees. */
function stripHead(head: string): string {
  const tokens = head.replace(LEADING_TITLES, '').split(/\s+/).filter(Boolean);
  while (tokens.length > 1 && isTrailingDegree(tokens[tokens.length - 1])) tokens.pop();
  return tokens.join(' ');
}

/** What remains of a segment after a comma: nothing when it holds only degrees ("S.E. M.Si."). */
function stripTail(segment: string): string {
  if (DEGREES.has(compact(segment))) return ''; // "S. Kom"
  return segment
    .split(/\s+/)
    .filter((t) => t && !looksLikeDegree(t))
    .join(' ');
}

/**
 * A person's name without titles, degrees, diacritics, punctuation or case:
 * "Drs. H. Abdullah Abu Bakar, S.E., M.Si." → "abdullah abu bakar". If stripping would leave
 * nothing (a name that is only "Dr."), the plain folded words are returned instead.
 */
export function normalizeName(s: string): string {
  const folded = foldText(s).trim();
  const [head, ...tail] = folded.split(',');
  const kept = [stripHead(head.trim()), ...tail.map((t) => stripTail(t.trim()))].join(' ');
  return words(kept) || words(folded);
}

/** An agency name folded for comparison: "Dinas Kesehatan " and "DINAS  KESEHATAN." agree. */
export function normalizeAgency(s: string): string {
  return words(foldText(s));
}

/** One OPD of an engagement's list: its official name and the short names people write for it. */
export interface AgencyEntry {
  name: string;
  aliases: string[];
}

/**
 * The engagement's OPD list, one OPD per line, short names after "=" separated by commas:
 * "Dinas Komunikasi dan Informatika = Diskominfo, Kominfo". A line without "=" has no alias.
 */
export function parseAgencyList(lines: readonly string[]): AgencyEntry[] {
  const out: AgencyEntry[] = [];
  for (const line of lines) {
    const [name, rest] = line.split(/=(.*)/s, 2);
    const official = name.trim();
    if (!official) continue;
    const aliases = (rest ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    out.push({ name: official, aliases });
  }
  return out;
}

/** Official names by the normalised form of every name and alias of the list: built once per list. */
export type AgencyIndex = ReadonlyMap<string, string>;

export function agencyIndex(list: readonly AgencyEntry[]): AgencyIndex {
  const index = new Map<string, string>();
  for (const e of list) {
    for (const written of [e.name, ...e.aliases]) {
      const key = normalizeAgency(written);
      if (key && !index.has(key)) index.set(key, e.name);
    }
  }
  return index;
}

/**
 * The official name of an agency as written ("diskominfo" → "Dinas Komunikasi dan Informatika")
 * when it is an OPD of the list or one of its aliases (compared like `normalizeAgency`); anything
 * else as it was written. Give an `agencyIndex` when many agencies are looked up (an import).
 */
export function canonicalAgency(list: readonly AgencyEntry[] | AgencyIndex, agency: string): string {
  const key = normalizeAgency(agency);
  if (!key) return agency;
  const index = list instanceof Map ? list : agencyIndex(list as readonly AgencyEntry[]);
  return index.get(key) ?? agency;
}

/** What search-as-you-type looks at for one participant. */
export interface Searchable {
  name: string;
  nip?: string | null;
  agency?: string | null;
}

/**
 * The text a participant is searched in, computed once per participant (not per keystroke):
 * the name with and without titles, the NIP digits and the agency, all folded.
 */
export function searchKey(p: Searchable): string {
  const name = foldText(p.name);
  const nip = (p.nip ?? '').replace(/\D/g, '');
  return `${normalizeName(p.name)} | ${words(name)} | ${nip} | ${normalizeAgency(p.agency ?? '')}`;
}

/** A query split into folded words, so a keystroke folds the query once, not once per person. */
export function queryTokens(query: string): string[] {
  const w = words(foldText(query));
  return w ? w.split(' ') : [];
}

/**
 * Whether a participant's `searchKey` matches what was typed: every word of the query occurs in
 * it ("abu bakar", "bakar abu", "1985 kominfo"). An empty query matches everyone. Pass
 * `queryTokens(query)` when filtering many participants.
 */
export function matchesQuery(key: string, query: string | readonly string[]): boolean {
  const tokens = typeof query === 'string' ? queryTokens(query) : query;
  for (const t of tokens) if (!key.includes(t)) return false;
  return true;
}
