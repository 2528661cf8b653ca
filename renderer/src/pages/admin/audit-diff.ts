/**
 * Which top-level fields an audited change touched, so the admin sees "collectiveThreshold 5 → 6" before
 * reading two JSON blocks. Only for a change of one object into another; other shapes give null.
 *
 * @example
 * changedFields('{"a":1,"b":2}', '{"a":1,"b":3}') // [{ key: 'b', before: '2', after: '3' }]
 */
export interface FieldChange {
  readonly key: string;
  readonly before: string;
  readonly after: string;
}

const MAX_VALUE_LENGTH = 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parse(json: string | null): unknown {
  if (json === null) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

export function changedFields(beforeJson: string | null, afterJson: string | null): FieldChange[] | null {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (!isRecord(before) || !isRecord(after)) return null;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({ key, before: show(before[key]), after: show(after[key]) }));
}
