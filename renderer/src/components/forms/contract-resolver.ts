/**
 * Client validation from the contract: a form is checked with a zod schema taken from the procedure it calls
 * (shared/api), picked or extended where the form holds its values differently (a choice as a string id, a
 * time as typed text), through Mantine form's `schemaResolver`. Messages come out in Chinese and name the
 * field: a rule with words of its own keeps them, others are worded from the field's label ("请填写事项概要",
 * "请选择责任单位", "事项概要不能超过200个字"), and anything left reads in zod's zh-CN locale, as on the core.
 * Nested fields keep their path (`petitioners.2.idNumber`), so the message lands on that field.
 *
 * @example
 * const schema = petitionInputSchema.pick({ summary: true, request: true });
 * useForm({ initialValues, validate: contractResolver(schema, { labels: { summary: t('petitions.intake.summary') } }) });
 */
import { z } from 'zod';
import { schemaResolver, type FormErrors } from '@mantine/form';
import { t } from '../../../../shared/i18n';

z.config(z.locales.zhCN());

/** Field labels by path; list items are written with `*` for the index ('petitioners.*.name'). */
export type FieldLabels = Readonly<Record<string, string>>;

/** How the form words its fields: labels for the generic wording, or one message for any problem with a field. */
export interface FieldWords {
  readonly labels?: FieldLabels;
  /** One message for whatever is wrong with the field ('请填写1到1440之间的整数'), by path as in `labels`. */
  readonly messages?: FieldLabels;
}

type Issue = z.core.$ZodRawIssue;

function labelOf(path: readonly PropertyKey[], labels: FieldLabels): string | undefined {
  return labels[path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.')];
}

function isBlank(input: unknown): boolean {
  return input === undefined || input === null || input === '';
}

/** The words for an issue the schema left unworded, or undefined to fall back to zod's own. */
export function issueWords(issue: Issue, { labels = {}, messages = {} }: FieldWords): string | undefined {
  const field = labelOf(issue.path ?? [], labels);
  // A text over its limit always names the limit, even where one message stands for the field's other problems.
  if (issue.code === 'too_big' && issue.origin === 'string' && field !== undefined) return t('errors.generic.tooLong', { field, max: Number(issue.maximum) });
  const message = labelOf(issue.path ?? [], messages);
  if (message !== undefined) return message;
  if (field === undefined) return undefined;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('errors.generic.required', { field });
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return t('common.form.pick', { field });
      if (issue.origin === 'number' || issue.origin === 'int') return t('common.form.atLeast', { field, min: Number(issue.minimum) });
      return t('common.form.invalid', { field });
    case 'too_big':
      if (issue.origin === 'string') return t('errors.generic.tooLong', { field, max: Number(issue.maximum) });
      if (issue.origin === 'number' || issue.origin === 'int') return t('common.form.atMost', { field, max: Number(issue.maximum) });
      return t('common.form.invalid', { field });
    case 'invalid_type':
      // An empty box is to be filled in; a choice not made yet (a select holds null) is to be made.
      if (issue.input === '') return t('errors.generic.required', { field });
      if (isBlank(issue.input)) return t('common.form.pick', { field });
      if (issue.expected === 'int') return t('common.form.whole', { field });
      return t('common.form.invalid', { field });
    case 'invalid_value':
      return isBlank(issue.input) ? t('common.form.pick', { field }) : t('common.form.invalid', { field });
    default:
      return t('common.form.invalid', { field });
  }
}

/** The schema as Standard Schema, worded with the form's labels; for Mantine's `schemaResolver`. */
function worded(schema: z.ZodType, words: FieldWords) {
  return {
    '~standard': {
      version: 1 as const,
      vendor: 'petition-desk',
      validate: (value: unknown) => {
        const r = schema.safeParse(value, { error: (issue) => issueWords(issue, words) });
        return r.success ? { value: r.data } : { issues: r.error.issues };
      },
    },
  };
}

/** A synchronous validator for `useForm({ validate })`. */
export function contractResolver(schema: z.ZodType, words: FieldWords = {}): (values: unknown) => FormErrors {
  return schemaResolver(worded(schema, words), { sync: true });
}

/** The schema's checked output for values the resolver has passed: the input of the procedure. */
export function parsedInput<S extends z.ZodType>(schema: S, values: unknown): z.output<S> {
  return schema.parse(values);
}
