/**
 * Warnings and information reports describe matters; they never carry a person's ID number or phone number
 * (DOMAIN.md, "What this product does not do"). Their schemas have no such fields, and their free text is
 * checked here so a number typed into a description is caught too. The UI can call the same check early.
 *
 * @example
 * looksLikePersonalNumber('村民张某（13912345678）反映') // true
 * looksLikePersonalNumber('涉及46户，补偿款1200000元')      // false
 */

/** A mainland ID number: 17 digits and a digit or X, not part of a longer run of digits. */
const ID_NUMBER_RE = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g;
/** A mainland mobile number (11 digits from 13x to 19x), optionally with +86 and spaces or dashes. */
const MOBILE_RE = /(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])/g;
/** A landline with its area code written with a dash: 0571-88880000. */
const LANDLINE_RE = /(?<![0-9])0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?![0-9])/g;

/** Numbers a text may carry where an office is named (a notice's 附注): landlines, and the office's own numbers. */
export interface OfficeNumbers {
  /** Landlines (an office's 0571-88880000) pass. */
  readonly landlines?: boolean;
  /** The office's own numbers from its settings pass whatever their kind. */
  readonly own?: readonly string[];
}

const digitsOf = (s: string) => s.replace(/[^0-9]/g, '').replace(/^86(?=1[3-9][0-9]{9}$)/, '');

/**
 * @example
 * looksLikePersonalNumber('联系人：刘登记，电话：0571-88880000', { landlines: true }) // false
 * looksLikePersonalNumber('联系人：刘登记，电话：13912345678', { landlines: true })   // true
 */
export function looksLikePersonalNumber(text: string, allow: OfficeNumbers = {}): boolean {
  const own = new Set((allow.own ?? []).map(digitsOf).filter((d) => d.length >= 7));
  const found = (re: RegExp) => [...text.matchAll(re)].some((m) => !own.has(digitsOf(m[0])));
  return found(ID_NUMBER_RE) || found(MOBILE_RE) || (!allow.landlines && found(LANDLINE_RE));
}

