import type { ErrorCode } from '../../shared/errors';
import { t, type MessageKey, type MessageParams } from '../../shared/i18n';

/**
 * An error a person caused and can fix: its message says what to do. Anything else thrown from the core is
 * a programmer error and is reported as `internal`.
 *
 * @example
 * throw new UserError('invalid_input', 'errors.petitions.extensionDays', {}, { days: '…' });
 */
export class UserError extends Error {
  readonly code: ErrorCode;
  readonly fields: Readonly<Record<string, string>> | undefined;
  constructor(code: ErrorCode, key: MessageKey, params?: MessageParams, fields?: Readonly<Record<string, string>>) {
    super(t(key, params));
    this.name = 'UserError';
    this.code = code;
    this.fields = fields;
  }

  /** A validation error tied to one form field; the field shows the same message. */
  static field(field: string, key: MessageKey, params?: MessageParams): UserError {
    const message = t(key, params);
    return new UserError('invalid_input', key, params, { [field]: message });
  }
}

/** A catalog key naming a form field (shared/i18n/fields.ts), as the core's messages say it. */
export type FieldLabel = Extract<MessageKey, `fields.${string}`>;

/** The field's name in the screen language, for a message's {field}. */
export function fieldName(label: FieldLabel, params?: MessageParams): string {
  return t(label, params);
}

/**
 * Refuses an empty text on its field: "请填写{field}".
 *
 * @example
 * requireText(input.note, 'note', 'fields.petitions.withdrawReason'); // 请填写撤回原因
 */
export function requireText(value: string, field: string, label: FieldLabel, params?: MessageParams): void {
  if (!value) throw UserError.field(field, 'errors.generic.required', { field: fieldName(label, params) });
}

export function notFound(): UserError {
  return new UserError('not_found', 'errors.generic.notFound');
}
