/** The dialogs of the users page: a new account, an edit, a password reset. Each closes with `changed`. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, PasswordInput, Radio, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { z } from 'zod';
import { contract, type User } from '../../../../shared/api';
import { ROLES, type Role } from '../../../../shared/enums';
import { enumLabel, t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, type ApiFailure } from '../../platform/query';
import { contractResolver } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';

const newUser = contract['users.create'].input;
const filled = z.string().min(1);
const repeated = <T extends { password: string; passwordRepeat: string }>(v: T) => v.passwordRepeat === v.password;

/** A new account: a user name and a password typed twice; how strong it must be is the core's to say. */
const createForm = newUser
  .extend({ username: newUser.shape.username.pipe(filled), password: newUser.shape.password.pipe(filled), passwordRepeat: z.string() })
  .refine(repeated, { path: ['passwordRepeat'], error: t('admin.users.passwordMismatch') });

/** An edit changes the name, the role and whether the account is active. */
const editForm = newUser.pick({ displayName: true, role: true }).extend({ active: z.boolean() });

const resetForm = z
  .object({ password: newUser.shape.password.pipe(filled), passwordRepeat: z.string() })
  .refine(repeated, { path: ['passwordRepeat'], error: t('admin.users.passwordMismatch') });

const showPassword = { 'aria-label': t('common.showPassword') };

function RolePicker(props: { value: Role; onChange: (role: Role) => void }) {
  return (
    <Radio.Group label={t('admin.users.role')} value={props.value} onChange={(v) => props.onChange(v as Role)} required>
      <SimpleGrid cols={2} spacing={8} mt={6}>
        {ROLES.map((role) => (
          <Radio.Card key={role} value={role} p="xs" radius="sm" aria-label={enumLabel('role', role)}>
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <Radio.Indicator size="sm" mt={2} />
              <div>
                <Text size="sm" fw={600}>
                  {enumLabel('role', role)}
                </Text>
                <Text size="xs" c="dimmed" lh={1.35}>
                  {t(`admin.users.roleHelp.${role}`)}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}

/** Creates an account, or (with `user`) edits its name, role and whether it is active. */
export function UserFormModal({ user, onClose }: { user?: User; onClose: (changed: boolean) => void }) {
  const editing = user !== undefined;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: (user?.role ?? 'clerk') as Role,
      active: user?.active ?? true,
      password: '',
      passwordRepeat: '',
    },
    validate: contractResolver(editing ? editForm : createForm, {
      labels: { username: t('admin.users.username'), displayName: t('admin.users.displayName'), password: t('admin.users.password') },
    }),
  });
  const handlers = {
    onSuccess: (saved: User) => {
      notifySaved(editing ? t('admin.users.saved', { name: saved.displayName }) : t('admin.users.created', { name: saved.displayName }));
      onClose(true);
    },
    onError: (error: ApiFailure) => setFormError(applyErrors(form, error)),
  };
  const create = useApiMutation('users.create', handlers);
  const update = useApiMutation('users.update', handlers);

  const submit = form.onSubmit((v) => {
    setFormError(null);
    if (editing) update.mutate({ id: user.id, displayName: v.displayName.trim(), role: v.role, active: v.active });
    else create.mutate({ username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, password: v.password });
  });

  return (
    <Modal opened onClose={() => onClose(false)} title={editing ? t('admin.users.editTitle', { name: user.displayName }) : t('admin.users.createTitle')} size={560} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={formError} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('admin.users.username')}
              required={!editing}
              disabled={editing}
              maxLength={32}
              autoComplete="off"
              data-autofocus={!editing || undefined}
              {...form.getInputProps('username')}
            />
            <TextInput label={t('admin.users.displayName')} required maxLength={30} data-autofocus={editing || undefined} {...form.getInputProps('displayName')} />
          </SimpleGrid>
          {!editing && (
            <Text size="xs" c="dimmed" mt={-6}>
              {t('admin.users.usernameHint')}
            </Text>
          )}
          <RolePicker value={form.getValues().role} onChange={(role) => form.setFieldValue('role', role)} />
          {editing ? (
            <Switch label={t('admin.users.active')} description={t('admin.users.activeHint')} mt={4} {...form.getInputProps('active', { type: 'checkbox' })} />
          ) : (
            <>
              <SimpleGrid cols={2} spacing="sm">
                <PasswordInput label={t('admin.users.password')} required autoComplete="new-password" visibilityToggleButtonProps={showPassword} {...form.getInputProps('password')} />
                <PasswordInput label={t('admin.users.passwordRepeat')} required autoComplete="new-password" visibilityToggleButtonProps={showPassword} {...form.getInputProps('passwordRepeat')} />
              </SimpleGrid>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconInfoCircle size={16} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="xs" c="dimmed">
                  {t('admin.users.passwordRules')}
                </Text>
              </Group>
            </>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={() => onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {editing ? t('common.save') : t('admin.users.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: (changed: boolean) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', passwordRepeat: '' },
    validate: contractResolver(resetForm, { labels: { password: t('admin.users.newPassword') } }),
  });
  const reset = useApiMutation('users.update', {
    onSuccess: () => {
      notifySaved(t('admin.users.passwordReset', { name: user.displayName }));
      onClose(true);
    },
    onError: (error) => setFormError(applyErrors(form, error)),
  });
  const submit = form.onSubmit((v) => {
    setFormError(null);
    reset.mutate({ id: user.id, password: v.password });
  });
  return (
    <Modal opened onClose={() => onClose(false)} title={t('admin.users.resetTitle', { name: user.displayName })} size={440} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert message={formError} />
          <PasswordInput label={t('admin.users.newPassword')} description={t('admin.office.passwordRules')} required data-autofocus autoComplete="new-password" visibilityToggleButtonProps={showPassword} {...form.getInputProps('password')} />
          <PasswordInput label={t('admin.users.passwordRepeat')} required autoComplete="new-password" visibilityToggleButtonProps={showPassword} {...form.getInputProps('passwordRepeat')} />
          <Text size="xs" c="dimmed">
            {t('admin.users.resetNote')}
          </Text>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={() => onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reset.isPending}>
              {t('admin.users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
