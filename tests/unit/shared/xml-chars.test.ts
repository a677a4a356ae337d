import { describe, expect, it } from 'vitest';
import { contract, OP_NAMES } from '../../../shared/contract';
import { NON_XML_CHARS, stripNonXml } from '../../../shared/primitives';
import { validInputs } from '../../fixtures/inputs';

type Path = (string | number)[];

/** Every string leaf of a value, with its path. */
function stringLeaves(value: unknown, prefix: Path = []): { path: Path; value: string }[] {
  if (typeof value === 'string') return [{ path: prefix, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...prefix, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...prefix, k]));
  return [];
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** Each character XML 1.0 forbids that a paste or a script could bring in. */
const ILLEGAL = ['\uFFFF', '\uFFFE', '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uD800', '\uDFFF'];
const hasIllegal = (v: unknown) => stringLeaves(v).some((l) => new RegExp(NON_XML_CHARS.source, 'u').test(l.value));

describe('characters XML cannot carry', () => {
  it('are removed by stripNonXml, and everything else is kept', () => {
    expect(stripNonXml('Budi\uFFFF')).toBe('Budi');
    // Joined with a dash: \uD800 next to \uDFFF would be one valid character, not two lone halves.
    expect(stripNonXml(`a${ILLEGAL.join('-')}b`)).toBe(`a${'-'.repeat(ILLEGAL.length - 1)}b`);
    const keep = 'Ñoño Ä\tline\nbreak\r — 😀 \uE000 \uFFFD 日本';
    expect(stripNonXml(keep)).toBe(keep);
  });

  // Derived from the contract: every text field of every operation's input, one case per field.
  const inputs = validInputs();
  const cases = OP_NAMES.flatMap((op) =>
    stringLeaves(inputs[op]).map((leaf) => ({ op, path: leaf.path, value: leaf.value })),
  );

  it('never reach an implementation: every text field of every operation strips or refuses them', () => {
    expect(cases.length).toBeGreaterThan(30);
    const leaked: string[] = [];
    for (const { op, path, value } of cases) {
      for (const bad of ILLEGAL) {
        for (const dirty of [`${value}${bad}`, `${bad}${value}`]) {
          const r = contract[op].input.safeParse(setAt(inputs[op], path, dirty));
          if (r.success && hasIllegal(r.data)) leaked.push(`${op} ${path.join('.')} ${JSON.stringify(bad)}`);
        }
      }
    }
    expect(leaked).toEqual([]);
  });

  it('a name typed with U+FFFF is accepted without it', () => {
    const input = { ...validInputs()['participants.create'], name: 'Budi\uFFFF Santoso' };
    const r = contract['participants.create'].input.safeParse(input);
    expect(r.success && r.data.name).toBe('Budi Santoso');
  });
});
