/**
 * Warnings and reports describe matters, never people: their free text may not carry an ID number or a
 * phone number. The check runs before anything is written, and names the field to correct.
 *
 * @example
 * refusePersonalNumbers([['grievance', 'fields.warnings.grievance', input.grievance]], 'errors.warnings.personalNumber');
 */
import type { MessageKey } from '../../../shared/i18n';
import { looksLikePersonalNumber } from '../../../shared/privacy';
import { UserError, fieldName, type FieldLabel } from '../errors';

/** [form field, its name in the catalog, the text typed]. */
export type CheckedText = readonly [field: string, label: FieldLabel, text: string];

export function refusePersonalNumbers(texts: readonly CheckedText[], key: MessageKey): void {
  for (const [field, label, text] of texts) {
    if (looksLikePersonalNumber(text)) throw UserError.field(field, key, { field: fieldName(label) });
  }
}
