/**
 * A plain input for any procedure, built from its contract schema: every optional and defaulted field filled in,
 * strings short, numbers 999999 (an id no test office has), the first value of each enum. It need not pass
 * validation: tests use it to reach every field of every procedure.
 *
 * @example
 * const input = sampleInput(contract['units.update'].input); // { id: 999999, name: '测试', … }
 * stringPaths(input); // [['name'], …]
 */
import type { z } from 'zod';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly items?: readonly z.ZodType[];
  readonly valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export function sampleInput(schema: z.ZodType, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 12) return undefined;
  switch (def.type) {
    case 'string':
      return '测试';
    case 'number':
    case 'int':
      return 999999;
    case 'boolean':
      return false;
    case 'literal':
      return def.values?.[0];
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'array':
      return def.element ? [sampleInput(def.element, depth + 1)] : [];
    case 'tuple':
      return (def.items ?? []).map((item) => sampleInput(item, depth + 1));
    case 'record':
      return def.valueType ? { key: sampleInput(def.valueType, depth + 1) } : {};
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, value]) => [key, sampleInput(value, depth + 1)]));
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? sampleInput(def.innerType, depth + 1) : undefined;
    case 'pipe':
      return def.in ? sampleInput(def.in, depth + 1) : undefined;
    case 'union':
      return def.options?.[0] ? sampleInput(def.options[0], depth + 1) : undefined;
    default:
      return undefined;
  }
}

/** The path of every string in a value, in order. */
export function stringPaths(value: unknown, path: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [[...path]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, Array.isArray(value) ? Number(key) : key]));
}

/** A copy of `value` with the string at `path` replaced. */
export function withStringAt(value: unknown, path: readonly (string | number)[], text: string): unknown {
  if (path.length === 0) return text;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head as string | number] = withStringAt(copy[head as string | number], rest, text);
  return copy;
}
