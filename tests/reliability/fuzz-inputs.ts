/**
 * Inputs for the seeded fuzz: a plausible value built from a procedure's own input schema (so calls get past the
 * door and reach the core), then spoiled in one of the ways a person, a bug or an attacker would: a wrong type, a
 * missing field, a huge string, text that is not well-formed Unicode (lone surrogates, NUL, bidi controls), or
 * full-text search syntax.
 *
 * @example
 * const input = fuzzInput(contract['petitions.list'].input, random); // { q: '"NEAR(', page: -1 }
 */
import type { z } from 'zod';
import { pick } from './seeded';

/** Strings that have broken parsers, SQLite's FTS5 query syntax and Unicode handling elsewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '张\u0000三',
  '\ud800',
  '信访\udfff事项',
  '\udbff\udc00\ud800',
  '\u202e反转\u202c',
  '\ufeff',
  '😀👨‍👩‍👧',
  '"',
  '"未闭合',
  'NEAR(桥 路',
  '桥 OR',
  'AND',
  '*',
  '^桥',
  'summary:桥',
  '(',
  '-桥',
  "'; DROP TABLE petitions; --",
  '%_\\',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  '2026-13-45',
  '25:99',
  '{year}{seq}',
  '1e309',
  'null',
];

const HOSTILE_VALUES: readonly unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, [], {}, [1, 2, 3], [null], { id: 1 }, 'x'];

export function hugeString(random: () => number): string {
  return pick(random, ['x', '测', '\ud800', '"', 'a ']).repeat(50_000 + Math.floor(random() * 150_000));
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { def: Def }).def;

/** A value the schema would probably accept (sometimes not quite: ids that do not exist, edge numbers). */
export function plausible(schema: z.ZodType, random: () => number, depth = 0): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && random() < 0.2) return def.type === 'nullable' ? null : undefined;
      return plausible(def.innerType as z.ZodType, random, depth);
    case 'pipe':
      return plausible(def.in as z.ZodType, random, depth);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries((schema as unknown as { shape: Record<string, z.ZodType> }).shape)) {
        if (depth < 4) out[key] = plausible(field, random, depth + 1);
      }
      return out;
    }
    case 'array':
      return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 3) }, () => plausible(def.element as z.ZodType, random, depth + 1));
    case 'enum':
      return pick(random, Object.values(def.entries as Record<string, string>));
    case 'literal':
      return pick(random, def.values as unknown[]);
    case 'union':
      return plausible(pick(random, def.options as z.ZodType[]), random, depth);
    case 'string':
      return pick(random, ['东风村', '建议修建村口便民桥', 'admin', '12:30', '2026-11', '2026-11-28', '张三', 'Passw0rd1', pick(random, HOSTILE_STRINGS)]);
    case 'number':
    case 'int':
      return pick(random, [1, 2, 3, 0, 10, 1_700_000_000_000, Date.now()]);
    case 'boolean':
      return random() < 0.5;
    case 'record':
      return {};
    default:
      return null;
  }
}

/** A plausible input with one thing spoiled (or, now and then, the whole input replaced). */
export function fuzzInput(schema: z.ZodType, random: () => number): unknown {
  const base = plausible(schema, random);
  const roll = random();
  if (roll < 0.08) return pick(random, [null, 'text', 42, [], true]);
  if (roll < 0.12) return undefined;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return base;
  const fields = Object.keys(base);
  const spoiled: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  const key = fields.length > 0 ? pick(random, fields) : 'extra';
  const how = random();
  if (how < 0.2) delete spoiled[key];
  else if (how < 0.45) spoiled[key] = pick(random, HOSTILE_STRINGS);
  else if (how < 0.7) spoiled[key] = pick(random, HOSTILE_VALUES);
  else if (how < 0.78) spoiled[key] = hugeString(random);
  else if (how < 0.85) spoiled[key] = [pick(random, HOSTILE_STRINGS), { nested: pick(random, HOSTILE_STRINGS) }];
  // else: left plausible, so valid calls (writes, searches) are part of the mix too.
  return spoiled;
}
