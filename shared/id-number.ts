/**
 * Resident identity numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character.
 *
 * @example
 * checkIdNumber('11010519491231002X') // { ok: true }
 * maskIdNumber('320102199003071234')  // '3201**********1234'
 */
import { isIsoDate } from './time';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

export type IdNumberProblem = 'length' | 'characters' | 'birthDate' | 'checkDigit';

/** `today` ('YYYY-MM-DD', the office's date) also rules out a birth date in the future. */
export function checkIdNumber(raw: string, today?: string): { ok: true } | { ok: false; problem: IdNumberProblem } {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'characters' };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || Number(id.slice(6, 10)) < 1900 || (today !== undefined && birth > today)) return { ok: false, problem: 'birthDate' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, problem: 'checkDigit' };
  return { ok: true };
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.trim();
  if (digits.length <= 7) return `${digits.slice(0, 2)}${'*'.repeat(Math.max(0, digits.length - 2))}`;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
