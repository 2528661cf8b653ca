/**
 * Puts the core's error where the person is looking: on the form fields it names, or, when it names none
 * of this form's fields, as one message for the form as a whole.
 *
 * @example
 * const r = await api.call('units.create', values);
 * if (!r.ok) setFormError(applyErrors(form, r.error));
 */
import type { ApiError } from '../../../../shared/api';
import { fieldErrors } from '../../app/use-api';

interface SettableForm {
  setErrors(errors: Record<string, string>): void;
  getValues(): object;
}

/** Returns the message to show above the form, or null when every message went to a field. */
export function applyErrors(form: SettableForm, error: ApiError, rename: Readonly<Record<string, string>> = {}): string | null {
  const known = new Set(Object.keys(form.getValues()));
  const onFields: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors(error))) {
    const name = rename[field] ?? field;
    if (known.has(name)) onFields[name] = message;
  }
  form.setErrors(onFields);
  return Object.keys(onFields).length > 0 ? null : error.message;
}
