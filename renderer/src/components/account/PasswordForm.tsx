/** The logged-in person's own password change: used on the office page and from the header's account menu. */
import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { contract } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { contractResolver } from '../forms/contract-resolver';
import { applyErrors } from '../forms/form-errors';

const showPassword = { 'aria-label': t('common.showPassword') };
const input = contract['auth.changePassword'].input.shape;
const filled = z.string().min(1);

/** Both passwords typed, the new one twice; how strong it must be is the core's to say. */
const passwordForm = z
  .object({ oldPassword: input.oldPassword.pipe(filled), newPassword: input.newPassword.pipe(filled), newPasswordRepeat: z.string() })
  .refine((v) => v.newPasswordRepeat === v.newPassword, { path: ['newPasswordRepeat'], error: t('admin.office.passwordMismatch') });

export function PasswordForm({ onDone }: { onDone?: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { oldPassword: '', newPassword: '', newPasswordRepeat: '' },
    validate: contractResolver(passwordForm, { labels: { oldPassword: t('admin.office.oldPassword'), newPassword: t('admin.office.newPassword') } }),
  });
  const change = useApiMutation('auth.changePassword', {
    onSuccess: () => {
      form.reset();
      notifySaved(t('admin.office.passwordChanged'));
      onDone?.();
    },
    onError: (error) => setFormError(applyErrors(form, error)),
  });
  const submit = form.onSubmit((v) => {
    setFormError(null);
    change.mutate({ oldPassword: v.oldPassword, newPassword: v.newPassword });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <PasswordInput label={t('admin.office.oldPassword')} autoComplete="current-password" visibilityToggleButtonProps={showPassword} {...form.getInputProps('oldPassword')} />
        <SimpleGrid cols={2} spacing="sm">
          <PasswordInput label={t('admin.office.newPassword')} autoComplete="new-password" visibilityToggleButtonProps={showPassword} {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('admin.office.newPasswordRepeat')} autoComplete="new-password" visibilityToggleButtonProps={showPassword} {...form.getInputProps('newPasswordRepeat')} />
        </SimpleGrid>
        <Group justify="space-between" mt={4}>
          <Text size="xs" c="dimmed">
            {t('admin.office.passwordRules')}
          </Text>
          <Button type="submit" variant="light" loading={change.isPending}>
            {t('admin.office.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
