import type { z } from 'zod';
import type { FieldIssue } from './errors';
import { MESSAGES } from './messages';

const KNOWN = new Set(Object.keys(MESSAGES.id.validation));

/**
 * Turn zod issues into field issues whose codes are i18n keys. Our schemas put the key in the
 * message; zod's own issues (unknown keys, wrong types) are mapped to a generic key.
 */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (KNOWN.has(issue.message) || issue.message.startsWith('nip.')) return { path, code: issue.message };
    switch (issue.code) {
      case 'unrecognized_keys':
        return { path: [...path, ...(issue.keys ?? [])], code: 'unknownField' };
      case 'invalid_type':
        return { path, code: 'invalidType' };
      case 'too_big':
        return { path, code: 'tooLong' };
      default:
        return { path, code: 'invalid' };
    }
  });
}

/** Field issues grouped by their dotted path ("days.0.endTime"), first code per field. */
export function issuesByField(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.join('.');
    if (!(key in out)) out[key] = i.code;
  }
  return out;
}

/**
 * The longest text a schema accepts (its `.max()`), looking through defaults, optionals and
 * transforms: what a form field says in "Terlalu panjang" and where a paste is cut. Derived from
 * the one schema, never written twice.
 */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  let s: unknown = schema;
  for (let i = 0; i < 10 && s; i++) {
    const node = s as { maxLength?: number | null; def?: { type?: string; innerType?: unknown; in?: unknown } };
    if (typeof node.maxLength === 'number') return node.maxLength;
    const def = node.def;
    if (!def) return undefined;
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else return undefined;
  }
  return undefined;
}
