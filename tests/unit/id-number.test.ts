/**
 * Resident ID numbers as a clerk types them at intake: a typo must be caught before it is saved, and lists
 * must show only the masked form. Valid numbers come from the test helper's own MOD 11-2 implementation.
 */
import { describe, it, expect } from 'vitest';
import { checkIdNumber, idCheckChar, maskIdNumber, maskPhone, normalizeIdNumber } from '../../shared/id-number';
import { isoCheckChar, withCheckChar, withWrongCheckChar } from './support/id-numbers';

describe('the test helper itself', () => {
  it('agrees with a number published as valid', () => {
    // 11010519491231002X is the standard's worked example: its check value is 10, written X.
    expect(isoCheckChar('11010519491231002')).toBe('X');
  });
});

describe('checkIdNumber', () => {
  it('accepts valid numbers, including ones whose check character is X', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true });
    for (const first17 of ['32010219900307123', '44030420000229001', '51012919851111456', '62010219590618002']) {
      expect(checkIdNumber(withCheckChar(first17))).toEqual({ ok: true });
    }
  });

  it('computes the same check character as the standard for many numbers', () => {
    // A sweep over the order code catches a wrong weight that a handful of examples might miss.
    for (let order = 0; order < 1000; order += 7) {
      const first17 = `3301021980010${String(order).padStart(3, '0')}1`;
      expect(idCheckChar(first17)).toBe(isoCheckChar(first17));
    }
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(checkIdNumber('11010519491231002x')).toEqual({ ok: true });
    expect(checkIdNumber('  11010519491231002X ')).toEqual({ ok: true });
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('refuses a wrong check character', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checkDigit' });
    expect(checkIdNumber(withWrongCheckChar('32010219900307123'))).toEqual({ ok: false, problem: 'checkDigit' });
  });

  it('refuses two swapped digits, the commonest typing slip', () => {
    // MOD 11-2 gives neighbouring positions different weights, so swapping the last two order digits shows.
    const good = withCheckChar('32010219900307123');
    const swapped = `${good.slice(0, 15)}${good[16]}${good[15]}${good[17]}`;
    expect(checkIdNumber(swapped)).toEqual({ ok: false, problem: 'checkDigit' });
  });

  it('refuses the wrong length, including the old 15-digit numbers', () => {
    expect(checkIdNumber('11010519491231002')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('11010519491231002X1')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('110105491231002')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('')).toEqual({ ok: false, problem: 'length' });
  });

  it('refuses letters anywhere but the last place', () => {
    expect(checkIdNumber('1101051949123100AX')).toEqual({ ok: false, problem: 'characters' });
    expect(checkIdNumber('X10105194912310021')).toEqual({ ok: false, problem: 'characters' });
    expect(checkIdNumber('11010519491231002Y')).toEqual({ ok: false, problem: 'characters' });
  });

  it('refuses a birth date that does not exist, even with a correct check character', () => {
    expect(checkIdNumber(withCheckChar('11010519900230002'))).toEqual({ ok: false, problem: 'birthDate' }); // 30 February
    expect(checkIdNumber(withCheckChar('11010519901301002'))).toEqual({ ok: false, problem: 'birthDate' }); // month 13
    expect(checkIdNumber(withCheckChar('11010519000229002'))).toEqual({ ok: false, problem: 'birthDate' }); // 1900 was no leap year
    expect(checkIdNumber(withCheckChar('11010518991231002'))).toEqual({ ok: false, problem: 'birthDate' }); // before 1900
  });

  it('refuses a birth date after today when today is given', () => {
    const future = withCheckChar('11010520990101002');
    expect(checkIdNumber(future)).toEqual({ ok: true });
    expect(checkIdNumber(future, '2026-11-28')).toEqual({ ok: false, problem: 'birthDate' });
    expect(checkIdNumber(withCheckChar('11010520261128002'), '2026-11-28')).toEqual({ ok: true }); // born today
  });

  it('accepts 29 February in a leap year', () => {
    expect(checkIdNumber(withCheckChar('11010520000229002'))).toEqual({ ok: true });
  });
});

describe('masking', () => {
  it('shows only the first four and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('320102199003071234')).toBe('3201**********1234');
  });

  it('never shows the birth date', () => {
    expect(maskIdNumber('11010519491231002X')).not.toContain('19491231');
  });

  it('masks short or missing values without failing', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber('12345678')).toBe('********');
  });

  it('shows a mobile number as the first three and last four digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });

  it('masks a landline with area code and a short number', () => {
    expect(maskPhone('0571-88886666')).toBe('057******6666');
    expect(maskPhone('12345')).toBe('12***');
    expect(maskPhone('')).toBe('');
    expect(maskPhone(undefined)).toBe('');
  });
});
