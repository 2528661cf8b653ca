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
const ID_NUMBER_RE = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/;
/** A mainland mobile number (11 digits from 13x to 19x), optionally with +86 and spaces or dashes. */
const MOBILE_RE = /(?<![0-9])(?:\+?86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])/;
/** A landline with its area code written with a dash: 0571-88880000. */
const LANDLINE_RE = /(?<![0-9])0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?![0-9])/;

export function looksLikePersonalNumber(text: string): boolean {
  return ID_NUMBER_RE.test(text) || MOBILE_RE.test(text) || LANDLINE_RE.test(text);
}

