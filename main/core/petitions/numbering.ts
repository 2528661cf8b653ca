/**
 * Office numbers: `{year}` is the year in full, `{seq}` the sequence, `{seq:4}` padded to four digits.
 *
 * @example
 * formatPetitionNumber('信〔{year}〕{seq:4}号', 2026, 12) // '信〔2026〕0012号'
 */
export function formatPetitionNumber(format: string, year: number, seq: number): string {
  return format
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) => String(seq).padStart(width ? Number(width) : 0, '0'));
}
