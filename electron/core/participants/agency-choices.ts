import type { AgencyChoice } from '../../../shared/attendance';
import { AppError } from '../../../shared/errors';
import { agencyIndex, normalizeAgency, parseAgencyList, type AgencyEntry } from '../../../shared/names';
import { LIMITS } from '../../../shared/primitives';

/** A choice as the core works on it (parsed at the boundary). */
export interface AgencyChoiceValues {
  written: string;
  action: AgencyChoice['action'];
  opd?: string;
  saveAlias: boolean;
}

export interface AppliedChoices {
  /** The list the file's agencies are matched against: the engagement's, with the choices in it. */
  effective: AgencyEntry[];
  /** The engagement's list (its lines) after the choices that change it. */
  lines: string[];
  opdsAdded: number;
  aliasesSaved: number;
}

interface Issue {
  path: (string | number)[];
  code: string;
}

const refuse = (issues: Issue[]): never => {
  throw new AppError('VALIDATION', 'invalidInput', { issues });
};

/**
 * The engagement's OPD list (`lines`, "Name = Alias1, Alias2") with the import's agency choices
 * applied: for matching the file (`effective`) and, on commit, as the list to store (`lines`).
 * A choice naming an OPD that is not on the list, the same agency twice, a name the list format
 * cannot hold ("=" in a name, a comma in an alias) or a list grown past its limits is refused.
 */
export function applyAgencyChoices(lines: readonly string[], choices: readonly AgencyChoiceValues[]): AppliedChoices {
  const base = parseAgencyList(lines);
  const effective: AgencyEntry[] = base.map((e) => ({ name: e.name, aliases: [...e.aliases] }));
  const out = [...lines];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  let opdsAdded = 0;
  let aliasesSaved = 0;
  choices.forEach((c, i) => {
    const at = (field: string, code: string) => issues.push({ path: ['agencyChoices', i, field], code });
    const written = c.written.trim();
    const key = normalizeAgency(written);
    if (!key) return at('written', 'required');
    if (seen.has(key)) return at('written', 'duplicate');
    seen.add(key);
    if (c.action === 'keep') return;
    if (c.action === 'new') {
      if (written.includes('=')) return at('written', 'agencyCharacters');
      effective.push({ name: written, aliases: [] });
      out.push(written);
      opdsAdded++;
      return;
    }
    const entry = effective.find((e) => e.name === c.opd);
    if (!c.opd) return at('opd', 'required');
    if (!entry) return at('opd', 'notAnOpd');
    entry.aliases.push(written);
    if (!c.saveAlias) return;
    if (/[=,]/.test(written)) return at('written', 'agencyCharacters');
    const line = out.findIndex((l) => parseAgencyList([l])[0]?.name === entry.name);
    const saved = parseAgencyList([out[line]])[0];
    const next = `${saved.name} = ${[...saved.aliases, written].join(', ')}`;
    if (next.length > LIMITS.shortText) return at('written', 'tooLong');
    out[line] = next;
    aliasesSaved++;
  });
  if (out.length > LIMITS.agencies) issues.push({ path: ['agencyChoices'], code: 'tooMany' });
  if (issues.length > 0) refuse(issues);
  return { effective, lines: out, opdsAdded, aliasesSaved };
}

/**
 * Refuses choices for agencies that are not among the file's unknown ones (by normalised name):
 * a choice cannot rename an OPD of the list, nor an agency the file does not have.
 */
export function checkChoicesInFile(choices: readonly AgencyChoiceValues[], unknown: ReadonlySet<string>): void {
  const issues: Issue[] = [];
  choices.forEach((c, i) => {
    if (!unknown.has(normalizeAgency(c.written)))
      issues.push({ path: ['agencyChoices', i, 'written'], code: 'notInFile' });
  });
  if (issues.length > 0) refuse(issues);
}

/** The agencies a file writes that match no OPD of `lines` nor an alias: first spelling and row count, by key. */
export function unknownAgencyCollector(lines: readonly string[]) {
  const index = agencyIndex(parseAgencyList(lines));
  const found = new Map<string, { written: string; rows: number }>();
  return {
    add(written: string) {
      const key = normalizeAgency(written);
      if (!key || index.has(key)) return;
      const f = found.get(key);
      if (f) f.rows++;
      else found.set(key, { written: written.trim(), rows: 1 });
    },
    keys: () => new Set(found.keys()),
    list: () => [...found.values()],
  };
}
