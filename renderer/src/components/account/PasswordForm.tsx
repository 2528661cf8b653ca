/** The logged-in person's own password change: used on the office page and from the header's account menu. */
import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { t } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifySaved } from '../../app/use-api';
import { applyErrors } from '../../pages/admin/form-errors';

const showPassword = { 'aria-label': t('common.showPassword') };

export function PasswordForm({ onDone }: { onDone?: () => void }) {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { oldPassword: '', newPassword: '', newPasswordRepeat: '' },
    validate: {
      oldPassword: (v) => (v ? null : t('errors.generic.required', { field: t('admin.office.oldPassword') })),
      newPassword: (v) => (v ? null : t('errors.generic.required', { field: t('admin.office.newPassword') })),
      newPasswordRepeat: (v, all) => (v === all.newPassword ? null : t('admin.office.passwordMismatch')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setFormError(null);
    const r = await api.call('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword });
    setBusy(false);
    if (!r.ok) {
      setFormError(applyErrors(form, r.error));
      return;
    }
    form.reset();
    notifySaved(t('admin.office.passwordChanged'));
    onDone?.();
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
          <Button type="submit" variant="light" loading={busy}>
            {t('admin.office.changePassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
