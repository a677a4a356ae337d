import { z } from 'zod';
import { contract, type OpName } from '../../shared/contract';

/**
 * Inputs for a contract operation, generated from its own input schema (as JSON Schema, which zod
 * derives from the same declaration the core parses with) and from mutations of a valid input. A
 * seeded random source makes every run repeatable from its seed. This is a small property-based
 * generator of our own (no fast-check in the project): it knows the JSON Schema keywords our
 * schemas produce, and falls back to the valid input's value where a keyword (a regex) says too
 * little to generate from.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  default?: Json;
}

export type Random = () => number;

export interface GenContext {
  random: Random;
  /** Ids of real records of every kind (so a generated id often names something, of the wrong kind too). */
  ids: string[];
}

const schemas = new Map<OpName, JsonSchema>();
export function inputSchema(op: OpName): JsonSchema {
  let s = schemas.get(op);
  if (!s) {
    s = z.toJSONSchema(contract[op].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    schemas.set(op, s);
  }
  return s;
}

const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Strings people and scripts actually send: scripts, controls, RTL, emoji, paths, SQL, huge. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'Budi\uFFFF',
  '\uD800',
  '\u202Eevil',
  '😀'.repeat(50),
  "'; DROP TABLE engagements; --",
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '%00%zz',
  '\r\n\r\n',
  'Ｋｅｄｉｒｉ',
  'a'.repeat(201),
  'x'.repeat(70_000),
  '2019-02-30',
  '24:00',
  '00000000-0000-0000-0000-000000000000',
  'data:image/png;base64,AAAA',
  '=HYPERLINK("http://x")',
  '1e309',
  'null',
  '{}',
];

const ODD_NUMBERS = [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 65536, 3650, 3651, 100_001];

function randomUuid(r: Random): string {
  const hex = () => Math.floor(r() * 16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${pick(r, ['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
}

function genString(s: JsonSchema, ctx: GenContext, fallback: Json | undefined): string {
  const r = ctx.random;
  if (s.format === 'uuid') return r() < 0.8 && ctx.ids.length ? pick(r, ctx.ids) : randomUuid(r);
  if (s.pattern || s.format) {
    // A regex or a format says too little to generate from: the valid value, or an odd one.
    if (typeof fallback === 'string' && r() < 0.8) return fallback;
    return pick(r, ODD_STRINGS);
  }
  if (r() < 0.15) return pick(r, ODD_STRINGS);
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 300);
  const len = int(r, min, Math.max(min, max));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,-/éñ';
  let out = '';
  for (let i = 0; i < len; i++) out += alphabet[Math.floor(r() * alphabet.length)];
  return out;
}

/** A value the schema allows, most of the time (generation errs toward the edges). */
export function generate(s: JsonSchema, ctx: GenContext, fallback?: Json, depth = 0): Json {
  const r = ctx.random;
  if (s.const !== undefined) return s.const;
  if (s.enum) return pick(r, s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return generate(pick(r, union), ctx, fallback, depth + 1);
  if (s.allOf?.length) return generate(s.allOf[0], ctx, fallback, depth + 1);
  const type = Array.isArray(s.type) ? pick(r, s.type) : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      const fb = fallback && typeof fallback === 'object' && !Array.isArray(fallback) ? fallback : {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        const required = s.required?.includes(k) ?? false;
        if (!required && r() < 0.3) continue;
        out[k] = generate(sub, ctx, fb[k], depth + 1);
      }
      return out;
    }
    case 'array': {
      if (s.prefixItems) return s.prefixItems.map((p) => generate(p, ctx, undefined, depth + 1));
      const min = s.minItems ?? 0;
      const max = Math.min(s.maxItems ?? 5, 12);
      const fb = Array.isArray(fallback) ? fallback : [];
      return Array.from({ length: int(r, min, Math.max(min, max)) }, (_, i) =>
        generate(s.items ?? {}, ctx, fb[i % Math.max(1, fb.length)], depth + 1),
      );
    }
    case 'string':
      return genString(s, ctx, fallback);
    case 'integer':
    case 'number': {
      if (r() < 0.15) return pick(r, ODD_NUMBERS);
      const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -10);
      const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 10_000);
      const v = lo + r() * (hi - lo);
      return type === 'integer' ? Math.round(v) : v;
    }
    case 'boolean':
      return r() < 0.5;
    case 'null':
      return null;
    default:
      return fallback ?? pick(r, [null, 1, 'x', [], {}]);
  }
}

/** Every path to a value inside a JSON value. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push([...prefix, i], ...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push([...prefix, k], ...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

function nested(depth: number): Json {
  let v: Json = 'deep';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A mutation of a valid input: wrong types, missing and extra keys, odd and huge values, other ids. */
export function mutate(input: Json, ctx: GenContext): Json {
  const r = ctx.random;
  const all = paths(input);
  const at = all.length ? pick(r, all) : [];
  switch (int(r, 0, 9)) {
    case 0:
      return setAt(input, at, pick(r, [null, 12345, 'text', true, [], {}, -1]));
    case 1:
      return at.length ? setAt(input, at, undefined) : input;
    case 2:
      return { ...(input as object), [pick(r, ['extra', '__proto__', 'constructor', 'id', 'role'])]: 'x' };
    case 3:
      return setAt(input, at, pick(r, ODD_STRINGS));
    case 4:
      return setAt(input, at, ctx.ids.length ? pick(r, ctx.ids) : randomUuid(r));
    case 5:
      return setAt(input, at, pick(r, ODD_NUMBERS));
    case 6:
      return setAt(input, at, nested(int(r, 10, 2000)));
    case 7:
      return setAt(
        input,
        at,
        Array.from({ length: int(r, 100, 3000) }, (_, i) => `item ${i}`),
      );
    case 8:
      return pick(r, [null, [], 'string', 0, [input]]);
    default:
      return setAt(input, at, 'x'.repeat(int(r, 1000, 200_000)));
  }
}
