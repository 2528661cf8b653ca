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

export function notFound(): UserError {
  return new UserError('not_found', 'errors.generic.notFound');
}
