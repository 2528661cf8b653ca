/**
 * Resident ID numbers for tests, built with GB 11643 / ISO 7064 MOD 11-2 written out from the standard,
 * independently of shared/id-number.ts: the check value c makes (Σ aᵢ·2^(18−i) + c) ≡ 1 (mod 11), and
 * c = 10 is written X.
 *
 * @example
 * withCheckChar('11010519491231002') // '11010519491231002X'
 */
export function isoCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 1; i <= 17; i++) sum += Number(first17[i - 1]) * (2 ** (18 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

export function withCheckChar(first17: string): string {
  return first17 + isoCheckChar(first17);
}

/** A valid number whose check character is anything but the right one. */
export function withWrongCheckChar(first17: string): string {
  const right = isoCheckChar(first17);
  return first17 + (right === '1' ? '2' : '1');
}

/** Valid numbers for the people of one village, differing in the order code (positions 15–17). */
export function villagers(count: number, prefix = '33010219800101'): string[] {
  return Array.from({ length: count }, (_, i) => withCheckChar(`${prefix}${String(101 + i * 2).padStart(3, '0')}`));
}
