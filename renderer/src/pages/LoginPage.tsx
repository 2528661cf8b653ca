import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { t } from '../../../shared/i18n';
import { api } from '../api/client';
import { useSession } from '../app/session';

export function LoginPage({ officeName }: { officeName: string | null }) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({ initialValues: { username: '', password: '' } });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    const r = await api.call('auth.login', { username: v.username.trim(), password: v.password });
    setBusy(false);
    if (!r.ok) {
      setMessage(r.error.message);
      form.setFieldValue('password', '');
      return;
    }
    setMessage(null);
    await session.signIn(r.value.token);
  });

  return (
    <Center mih="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Title order={3}>{t('common.appName')}</Title>
            <Text size="sm" c="dimmed">
              {officeName}
            </Text>
            {message && (
              <Alert color="red" role="alert">
                {message}
              </Alert>
            )}
            <TextInput label={t('common.login.username')} required data-autofocus autoComplete="username" {...form.getInputProps('username')} />
            <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }} label={t('common.login.password')} required autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={busy}>
              {t('common.login.submit')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('common.login.offline')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
