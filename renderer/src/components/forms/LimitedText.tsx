/**
 * Text boxes that never cut what is pasted into them: no maxLength (a browser would drop the tail of a letter
 * without a word); instead the limit shows as a counter under the box, turns red past it, and the form and the
 * core refuse the text with the limit named.
 *
 * @example
 * <LimitedTextarea label="诉求" limit={20000} {...form.getInputProps('request')} />
 */
import { Group, Text, TextInput, Textarea, type TextareaProps, type TextInputProps } from '@mantine/core';
import { TEXT_LIMITS } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';

/** Counts as the core does (zod's string length, after trimming). */
function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.trim().length : 0;
}

export function LimitCounter({ value, limit, testId }: { value: unknown; limit: number; testId?: string }) {
  const count = lengthOf(value);
  const over = count - limit;
  return (
    <Group justify="flex-end" gap={4} mt={2}>
      <Text size="xs" c={over > 0 ? 'red' : 'dimmed'} data-testid={testId} aria-live="polite">
        {over > 0 ? t('limits.over', { over, max: limit }) : t('limits.counter', { count, max: limit })}
      </Text>
    </Group>
  );
}

type Limited<P> = Omit<P, 'maxLength'> & { readonly limit: number; readonly counterTestId?: string };

export function LimitedTextarea({ limit, counterTestId, ...props }: Limited<TextareaProps>) {
  return (
    <div>
      <Textarea {...props} />
      <LimitCounter value={props.value} limit={limit} {...(counterTestId ? { testId: counterTestId } : {})} />
    </div>
  );
}

export function LimitedTextInput({ limit, counterTestId, ...props }: Limited<TextInputProps>) {
  return (
    <div>
      <TextInput {...props} />
      <LimitCounter value={props.value} limit={limit} {...(counterTestId ? { testId: counterTestId } : {})} />
    </div>
  );
}

/**
 * The reason a step needs (更正原因, 作废原因, 移除原因…): required, one line to start, the reason's limit
 * counted under it, focused when its dialog opens.
 */
export function ReasonField({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: string; onChange: (value: string) => void }) {
  return (
    <LimitedTextarea
      label={label}
      placeholder={placeholder}
      withAsterisk
      autosize
      minRows={1}
      limit={TEXT_LIMITS.reason}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-autofocus
    />
  );
}
