/**
 * Text the office's records can hold: well-formed UTF-16 (no lone surrogate, which SQLite would store as U+FFFD
 * and so change under the audit chain's hash) and no NUL (which cuts text short in SQLite's C functions and
 * FTS). Both transports refuse such text at the contract, for every field (issue 12, finding 3).
 *
 * @example
 * isStorableText('张三')        // true
 * isStorableText('a\ud800b')    // false: a lone surrogate
 * findUnstorableText({ petitioners: [{ name: 'x\u0000' }] }) // 'petitioners.0.name'
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The text as SQLite stores it: each lone surrogate becomes U+FFFD (String.prototype.toWellFormed). */
export function toWellFormedText(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}

/** The path (`a.0.b`, `_` for the value itself) of the first string or object key that is not storable, or null. */
export function findUnstorableText(value: unknown, path: readonly (string | number)[] = [], depth = 0): string | null {
  const here = () => (path.length ? path.join('.') : '_');
  if (typeof value === 'string') return isStorableText(value) ? null : here();
  // The contract's inputs are a few levels deep; anything deeper is refused by the schema anyway.
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (!isStorableText(key)) return at.join('.');
    const found = findUnstorableText(item, at, depth + 1);
    if (found) return found;
  }
  return null;
}
