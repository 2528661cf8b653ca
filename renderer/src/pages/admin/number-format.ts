/**
 * The petition number an office format gives, for the live preview. It mirrors the core's
 * formatPetitionNumber (main/core/petitions/numbering.ts), which the renderer may not import.
 *
 * @example
 * previewNumber('信〔{year}〕{seq:4}号', 2026, 12) // '信〔2026〕0012号'
 * previewNumber('信〔{year}〕号', 2026, 12)        // null: no sequence, every petition would get the same number
 */
export function previewNumber(format: string, year: number, seq: number): string | null {
  if (!format.includes('{seq')) return null;
  return format
    .replace(/\{year\}/g, String(year))
    .replace(/\{seq(?::(\d))?\}/g, (_, width: string | undefined) => String(seq).padStart(width ? Number(width) : 0, '0'));
}
