import { useState } from 'react';
import { Box, Button, Center, Divider, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { t } from '../../../shared/i18n';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { fieldErrors, notifyError } from '../app/use-api';
import { navigate } from '../app/router';
import { BrandPanel } from './LoginPage';

/** The zones offered at setup and in the office settings, named the way the office says them. */
export function timeZoneOptions(): { value: string; label: string }[] {
  return [
    { value: 'Asia/Shanghai', label: t('common.setup.zones.shanghai') },
    { value: 'Asia/Urumqi', label: t('common.setup.zones.urumqi') },
    { value: 'Asia/Hong_Kong', label: t('common.setup.zones.hongKong') },
    { value: 'Asia/Macau', label: t('common.setup.zones.macau') },
    { value: 'Asia/Taipei', label: t('common.setup.zones.taipei') },
  ];
}

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

  const showPassword = { 'aria-label': t('common.showPassword') };
  return (
    <Center mih="100vh" bg="gray.1" py="md">
      <Paper withBorder shadow="md" radius="md" w={1040} style={{ overflow: 'hidden' }}>
        <Group wrap="nowrap" align="stretch" gap={0}>
          <BrandPanel />
          <Box p={32} style={{ flex: 1, minWidth: 0 }}>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <div>
                  <Title order={3}>{t('common.setup.title')}</Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('common.setup.intro')}
                  </Text>
                </div>
                <SimpleGrid cols={2} spacing={28}>
                  <Stack gap="sm">
                    <Divider label={t('common.setup.officeSection')} labelPosition="left" />
                    <TextInput label={t('common.setup.officeName')} placeholder={t('common.setup.officeNamePlaceholder')} required data-autofocus {...form.getInputProps('officeName')} />
                    <TextInput label={t('common.setup.township')} placeholder={t('common.setup.townshipPlaceholder')} required {...form.getInputProps('township')} />
                    <Select label={t('common.setup.timeZone')} description={t('common.setup.timeZoneHint')} data={timeZoneOptions()} allowDeselect={false} {...form.getInputProps('timeZone')} />
                  </Stack>
                  <Stack gap="sm">
                    <Divider label={t('common.setup.adminSection')} labelPosition="left" />
                    <SimpleGrid cols={2} spacing="sm">
                      <TextInput label={t('common.setup.username')} required {...form.getInputProps('username')} />
                      <TextInput label={t('common.setup.displayName')} required {...form.getInputProps('displayName')} />
                    </SimpleGrid>
                    <Text size="xs" c="dimmed" mt={-4}>
                      {t('common.setup.usernameHint')}
                    </Text>
                    <PasswordInput visibilityToggleButtonProps={showPassword} label={t('common.setup.password')} description={t('common.setup.passwordHint')} required {...form.getInputProps('password')} />
                    <PasswordInput visibilityToggleButtonProps={showPassword} label={t('common.setup.passwordRepeat')} required {...form.getInputProps('passwordRepeat')} />
                  </Stack>
                </SimpleGrid>
                <Group justify="space-between" mt="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('common.setup.adminHint')}
                  </Text>
                  <Button type="submit" loading={busy} size="md" style={{ flexShrink: 0 }}>
                    {t('common.setup.submit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Box>
        </Group>
      </Paper>
    </Center>
  );
}
