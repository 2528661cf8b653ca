import { useState } from 'react';
import { Button, Center, Divider, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { t } from '../../../shared/i18n';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { fieldErrors, notifyError } from '../app/use-api';
import { navigate } from '../app/router';

const TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];

export function SetupPage({ onDone }: { onDone: () => void }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { officeName: '', township: '', timeZone: 'Asia/Shanghai', username: 'admin', displayName: '', password: '', passwordRepeat: '' },
    validate: {
      officeName: (v) => (v.trim() ? null : t('errors.generic.required', { field: t('common.setup.officeName') })),
      township: (v) => (v.trim() ? null : t('errors.generic.required', { field: t('common.setup.township') })),
      displayName: (v) => (v.trim() ? null : t('errors.generic.required', { field: t('common.setup.displayName') })),
      passwordRepeat: (v, values) => (v === values.password ? null : t('common.setup.passwordMismatch')),
    },
  });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    const r = await api.call('setup.create', {
      officeName: v.officeName,
      township: v.township,
      timeZone: v.timeZone,
      admin: { username: v.username, displayName: v.displayName, password: v.password },
    });
    setBusy(false);
    if (!r.ok) {
      const fields = fieldErrors(r.error);
      form.setErrors({
        ...(fields['admin.username'] || fields.username ? { username: fields['admin.username'] ?? fields.username } : {}),
        ...(fields['admin.password'] || fields.password ? { password: fields['admin.password'] ?? fields.password } : {}),
        ...(fields.timeZone ? { timeZone: fields.timeZone } : {}),
      });
      notifyError(r.error);
      return;
    }
    await session.signIn(r.value.token);
    onDone();
    navigate('/');
  });

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={520}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Title order={3}>{t('common.setup.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('common.setup.intro')}
            </Text>
            <TextInput label={t('common.setup.officeName')} placeholder={t('common.setup.officeNamePlaceholder')} required data-autofocus {...form.getInputProps('officeName')} />
            <TextInput label={t('common.setup.township')} placeholder={t('common.setup.townshipPlaceholder')} required {...form.getInputProps('township')} />
            <Select label={t('common.setup.timeZone')} data={TIME_ZONES} allowDeselect={false} {...form.getInputProps('timeZone')} />
            <Divider label={t('common.setup.adminSection')} labelPosition="left" mt="xs" />
            <TextInput label={t('common.setup.username')} description={t('common.setup.usernameHint')} required {...form.getInputProps('username')} />
            <TextInput label={t('common.setup.displayName')} required {...form.getInputProps('displayName')} />
            <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }} label={t('common.setup.password')} description={t('common.setup.passwordHint')} required {...form.getInputProps('password')} />
            <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }} label={t('common.setup.passwordRepeat')} required {...form.getInputProps('passwordRepeat')} />
            <Button type="submit" loading={busy} mt="sm">
              {t('common.setup.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
