/**
 * The dialog every workflow step is taken in (a petition's steps and mediation, an information report's
 * steps, a warning's feedback, supervision, level change and lifting): a title, a line on what the step does,
 * the core's refusal when it refuses (nothing changes then), the step's own fields, and 取消 / the step.
 * Enter in a one-line field never sends the step by accident; Ctrl+Enter or the button does.
 *
 * @example
 * <WorkflowActionModal title="受理" intro="…" refusal={refusal} submitLabel="确认受理" pending={m.isPending} onSubmit={submit} onClose={close}>
 *   <Textarea label="说明" {...form.getInputProps('note')} />
 * </WorkflowActionModal>
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';

const TITLE_STYLES = { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } } as const;

export interface WorkflowActionModalProps {
  readonly title: string;
  readonly intro?: string;
  /** The core's (or the form's) refusal, shown above the fields. */
  readonly refusal?: string | null;
  readonly refusalTitle?: string;
  readonly submitLabel: string;
  readonly submitColor?: string;
  readonly pending: boolean;
  /** Another way out of the step, at the left of the buttons (e.g. removing a link instead of setting one). */
  readonly aside?: ReactNode;
  /** Wider for a dialog with many fields (a correction). */
  readonly size?: 'lg' | 'xl';
  onSubmit(): void;
  onClose(): void;
  readonly children: ReactNode;
}

export function WorkflowActionModal({ title, intro, refusal, refusalTitle, submitLabel, submitColor, pending, aside, size = 'lg', onSubmit, onClose, children }: WorkflowActionModalProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      if (!pending) onSubmit();
    } else if (e.target instanceof HTMLInputElement) {
      e.preventDefault();
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} centered size={size} styles={TITLE_STYLES}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!pending) onSubmit();
        }}
      >
        <Stack gap="sm" onKeyDown={onKeyDown}>
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
          {refusal && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={refusalTitle} role="alert">
              {refusal}
            </Alert>
          )}
          {children}
          <Group justify={aside ? 'space-between' : 'flex-end'} mt="xs">
            {aside}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={pending} color={submitColor}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
