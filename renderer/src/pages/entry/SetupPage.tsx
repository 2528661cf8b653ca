import { Button, Divider, Group, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import { contract } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { useNavigate } from '../../platform/links';
import { notifyError } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { timeZoneOptions } from '../../components/office/time-zones';
import { EntryFrame } from './LoginPage';

const setupInput = contract['setup.create'].input;
const adminInput = setupInput.shape.admin.shape;

/** The form holds the administrator's fields beside the office's, with the password typed twice. */
const setupForm = setupInput
  .pick({ officeName: true, township: true, timeZone: true })
  .extend({ username: adminInput.username, displayName: adminInput.displayName, password: adminInput.password, passwordRepeat: z.string() })
  .refine((v) => v.passwordRepeat === v.password, { path: ['passwordRepeat'], error: t('common.setup.passwordMismatch') });

export function SetupPage() {
  const session = useSession();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { officeName: '', township: '', timeZone: 'Asia/Shanghai', username: 'admin', displayName: '', password: '', passwordRepeat: '' },
    validate: contractResolver(setupForm, {
      labels: {
        officeName: t('common.setup.officeName'),
        township: t('common.setup.township'),
        displayName: t('common.setup.displayName'),
        username: t('common.setup.username'),
        password: t('common.setup.password'),
      },
    }),
  });
  const setup = useApiMutation('setup.create', {
    onError: (error) => {
      applyErrors(form, error, { rename: { 'admin.username': 'username', 'admin.password': 'password', 'admin.displayName': 'displayName' } });
      notifyError(error);
    },
    onSuccess: async (value) => {
      await session.signIn(value.token);
      void navigate({ to: '/' });
    },
  });

  const submit = form.onSubmit((v) =>
    setup.mutate({
      officeName: v.officeName,
      township: v.township,
      timeZone: v.timeZone,
      admin: { username: v.username, displayName: v.displayName, password: v.password },
    }),
  );

  const showPassword = { 'aria-label': t('common.showPassword') };
  return (
    <EntryFrame width={1040} padding={32}>
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
            <Button type="submit" loading={setup.isPending} size="md" style={{ flexShrink: 0 }}>
              {t('common.setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </EntryFrame>
  );
}
