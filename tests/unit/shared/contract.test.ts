import { describe, expect, it } from 'vitest';
import { contract, isOpName, OP_NAMES, type OpName } from '../../../shared/contract';
import { ERROR_CODES } from '../../../shared/errors';
import { MESSAGES } from '../../../shared/messages';
import { toFieldIssues } from '../../../shared/validation';
import { validInputs } from '../../fixtures/inputs';

type Path = (string | number)[];

/** Every leaf (and every nested object or array) of a value, with its path. */
function fieldPaths(value: unknown, prefix: Path = []): { path: Path; value: unknown }[] {
  const out: { path: Path; value: unknown }[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ path: [...prefix, i], value: v });
      out.push(...fieldPaths(v, [...prefix, i]));
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ path: [...prefix, k], value: v });
      out.push(...fieldPaths(v, [...prefix, k]));
    }
  }
  return out;
}

/** A value of a different JSON type than the one given. */
function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'twelve';
  if (typeof value === 'boolean') return 'yes';
  // Not a number: a nullable field may be a nullable number.
  if (value === null) return true;
  if (Array.isArray(value)) return 'not a list';
  return 'not an object';
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

const VALID = validInputs();
const KNOWN_CODES = new Set(Object.keys(MESSAGES.id.validation));

function issuesOf(name: OpName, input: unknown) {
  const r = contract[name].input.safeParse(input);
  expect(r.success, `${name} should reject ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
  return r.success ? [] : toFieldIssues(r.error);
}

describe('the contract', () => {
  it('names each operation as area.verb and marks it a query or a mutation', () => {
    expect(OP_NAMES.length).toBeGreaterThan(0);
    for (const name of OP_NAMES) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(['query', 'mutation']).toContain(contract[name].kind);
      expect(isOpName(name)).toBe(true);
    }
    expect(Object.keys(VALID).sort()).toEqual([...OP_NAMES].sort());
  });

  it('knows no operation by an inherited or made-up name', () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null]) {
      expect(isOpName(name)).toBe(false);
    }
  });

  it('has a closed set of error codes', () => {
    expect([...ERROR_CODES]).toEqual(
      expect.arrayContaining(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'IO', 'INTERNAL', 'UNKNOWN_OPERATION']),
    );
  });
});

describe.each(OP_NAMES)('input of %s', (name) => {
  const schema = contract[name].input;

  it('accepts a valid example', () => {
    const r = schema.safeParse(VALID[name]);
    expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
  });

  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['a boolean', true],
    ['null', null],
    ['an array', [VALID[name]]],
  ])('rejects %s instead of an object', (_label, value) => {
    const issues = issuesOf(name, value);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].path).toEqual([]);
  });

  it('rejects an unknown extra key, naming it', () => {
    const issues = issuesOf(name, {
      ...(VALID[name] as object),
      isAdmin: true,
    });
    expect(issues).toContainEqual({ path: ['isAdmin'], code: 'unknownField' });
  });

  it('rejects an unknown key inside a nested object too', () => {
    const nested = fieldPaths(VALID[name]).filter(
      (f) => f.value && typeof f.value === 'object' && !Array.isArray(f.value),
    );
    for (const f of nested) {
      const bad = setAt(VALID[name], f.path, {
        ...(f.value as object),
        sneaky: 1,
      });
      expect(issuesOf(name, bad)).toContainEqual({
        path: [...f.path, 'sneaky'],
        code: 'unknownField',
      });
    }
  });

  it('rejects every field given a value of the wrong type, at that field', () => {
    for (const f of fieldPaths(VALID[name])) {
      const bad = setAt(VALID[name], f.path, wrongTypeFor(f.value));
      const issues = issuesOf(name, bad);
      const here = issues.filter((i) => JSON.stringify(i.path) === JSON.stringify(f.path));
      expect(here.length, `${name}: ${f.path.join('.')} → ${JSON.stringify(issues)}`).toBeGreaterThan(0);
      for (const i of here) expect(['invalidType', 'invalid', 'invalidId']).toContain(i.code);
    }
  });

  it('reports only codes the UI has a message for', () => {
    const bads: unknown[] = ['x', { ...(VALID[name] as object), extra: 1 }];
    for (const f of fieldPaths(VALID[name])) bads.push(setAt(VALID[name], f.path, wrongTypeFor(f.value)));
    for (const bad of bads) {
      for (const issue of issuesOf(name, bad)) expect(KNOWN_CODES).toContain(issue.code);
    }
  });
});

describe('ids in inputs', () => {
  const byId = OP_NAMES.filter((n) => {
    const v = VALID[n] as Record<string, unknown>;
    return typeof v.id === 'string';
  });

  it.each(byId)('%s rejects an id that is not a UUID', (name) => {
    const issues = issuesOf(name, { ...(VALID[name] as object), id: 'abc' });
    expect(issues).toContainEqual({ path: ['id'], code: 'invalidId' });
  });

  it.each(byId)('%s rejects a missing id as required', (name) => {
    const { id: _id, ...rest } = VALID[name] as Record<string, unknown>;
    const issues = issuesOf(name, rest);
    expect(issues.map((i) => i.path)).toContainEqual(['id']);
  });
});

describe('outputs', () => {
  it('every operation has an output schema that rejects a non-value', () => {
    for (const name of OP_NAMES) {
      expect(contract[name].output.safeParse(undefined).success).toBe(false);
    }
  });
});
