import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBellRinging, IconCalendarTime, IconDeviceDesktop } from '@tabler/icons-react';
import { contract } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver } from '../../components/forms/contract-resolver';

function Point({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="white" color="red.9" size={26} radius="xl" style={{ flexShrink: 0 }}>
        {icon}
      </ThemeIcon>
      <Text size="sm" c="red.0" lh={1.5}>
        {children}
      </Text>
    </Group>
  );
}

/** The left band of the setup and login cards: what the product is, in three lines. */
export function BrandPanel() {
  return (
    <Box w={300} p="xl" style={{ flexShrink: 0, background: 'linear-gradient(160deg, var(--mantine-color-red-9), #7a1010)' }}>
      <Stack gap="lg" h="100%">
        <div>
          <Title order={2} c="white" fw={700}>
            {t('common.appName')}
          </Title>
          <Text size="sm" c="red.1" mt={6} lh={1.5}>
            {t('common.login.tagline')}
          </Text>
        </div>
        <Stack gap="md" mt="md">
          <Point icon={<IconCalendarTime size={16} />}>{t('common.login.pointDeadlines')}</Point>
          <Point icon={<IconBellRinging size={16} />}>{t('common.login.pointDuty')}</Point>
          <Point icon={<IconDeviceDesktop size={16} />}>{t('common.login.offline')}</Point>
        </Stack>
      </Stack>
    </Box>
  );
}

/** The card the set-up and login forms sit in, the brand band on its left. */
export function EntryFrame({ width, padding, children }: { width: number; padding: number; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.1" py="md">
      <Paper withBorder shadow="md" radius="md" w={width} style={{ overflow: 'hidden' }}>
        <Group wrap="nowrap" align="stretch" gap={0}>
          <BrandPanel />
          <Box p={padding} style={{ flex: 1, minWidth: 0 }}>
            {children}
          </Box>
        </Group>
      </Paper>
    </Center>
  );
}

export function LoginPage({ officeName }: { officeName: string | null }) {
  const session = useSession();
  // Right after first-run setup the caller has no office name yet; ask for it then.
  const status = useApiQuery('setup.get', officeName === null ? {} : null);
  const office = officeName ?? status.data?.officeName ?? '';
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: contractResolver(contract['auth.login'].input, { labels: { username: t('common.login.username'), password: t('common.login.password') } }),
  });
  const login = useApiMutation('auth.login', {
    onError: (error) => {
      setMessage(error.message);
      form.setFieldValue('password', '');
    },
    onSuccess: async (value) => {
      setMessage(null);
      await session.signIn(value.token);
    },
  });

  const submit = form.onSubmit((v) => login.mutate({ username: v.username.trim(), password: v.password }));

  return (
    <EntryFrame width={740} padding={36}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed" mih={20}>
              {office}
            </Text>
            <Title order={3} mt={2}>
              {t('common.login.title')}
            </Title>
          </div>
          {message && (
            <Alert color="red" variant="light" role="alert">
              {message}
            </Alert>
          )}
          <TextInput label={t('common.login.username')} required data-autofocus autoComplete="username" {...form.getInputProps('username')} />
          <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('common.showPassword') }} label={t('common.login.password')} required autoComplete="current-password" {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending} mt={4}>
            {t('common.login.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('common.login.forgot')}
          </Text>
        </Stack>
      </form>
    </EntryFrame>
  );
}
