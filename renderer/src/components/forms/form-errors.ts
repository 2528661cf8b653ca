/**
 * Puts the core's refusal where the person is looking: on the form fields it names (nested ones too,
 * `petitioners.2.idNumber`), or, when it names none of this form's fields, as one message for the form.
 *
 * @example
 * const save = useApiMutation('units.create', { onError: (e) => setFormError(applyErrors(form, e)) });
 */
import type { ApiError } from '../../../../shared/api';

interface SettableForm {
  setErrors(errors: Record<string, string | boolean>): void;
  getValues(): object;
}

/** Whether `path` ('a.b.0.c') names a value in `values`. */
export function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/** The core's field messages that belong to this form, under the form's own names for them. */
export function formFieldErrors(values: object, error: Pick<ApiError, 'fields'>, rename: Readonly<Record<string, string>> = {}): Record<string, string> {
  const onFields: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields ?? {})) {
    const name = rename[field] ?? field;
    if (hasPath(values, name)) onFields[name] ??= message;
  }
  return onFields;
}

/**
 * Sets the field messages and returns the message to show above the form, or null when every message went to
 * a field. With `outlineOnly`, a field whose message is the one shown above is outlined in red without
 * repeating it.
 */
export function applyErrors(form: SettableForm, error: ApiError, options: { rename?: Readonly<Record<string, string>>; outlineOnly?: boolean } = {}): string | null {
  const onFields = formFieldErrors(form.getValues(), error, options.rename);
  const shown = options.outlineOnly ? Object.fromEntries(Object.entries(onFields).map(([k, m]) => [k, m === error.message ? true : m])) : onFields;
  form.setErrors(shown);
  return Object.keys(onFields).length > 0 ? null : error.message;
}
