/** '#/admin/users': the office's accounts — create, edit, reset a password, unlock. */
import { useState } from 'react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconKey, IconLockOpen, IconPencil, IconUserPlus } from '@tabler/icons-react';
import type { User } from '../../../../shared/api';
import { ROLES, type Role } from '../../../../shared/enums';
import { enumLabel, t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { PageHeader } from '../../components/layout/PageHeader';
import { ResetPasswordModal, UserFormModal } from './UserModals';
import classes from './admin.module.css';

const ROLE_COLORS: Readonly<Record<Role, string>> = { clerk: 'blue', duty_officer: 'teal', leader: 'grape', admin: 'red' };

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

export function UsersPage() {
  const session = useSession();
  const now = useNow(30_000);
  const tz = useOfficeTimeZone();
  const users = useApiQuery('users.list', {});
  const [dialog, setDialog] = useState<Dialog>(null);
  const rows = users.data ?? [];
  const activeCount = rows.filter((u) => u.active).length;

  const unlock = useApiMutation('users.update', { onSuccess: (user) => notifySaved(t('admin.users.unlocked', { name: user.displayName })) });
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <PageHeader title={t('admin.users.title')} subtitle={t('admin.users.subtitle')}>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
          {t('admin.users.add')}
        </Button>
      </PageHeader>

      <Card withBorder radius="md" padding={0}>
        <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={170}>{t('admin.users.colUsername')}</Table.Th>
              <Table.Th>{t('admin.users.colName')}</Table.Th>
              <Table.Th w={120}>{t('admin.users.colRole')}</Table.Th>
              <Table.Th w={100}>{t('admin.users.colStatus')}</Table.Th>
              <Table.Th w={170}>{t('admin.users.colLocked')}</Table.Th>
              <Table.Th w={290} ta="right">
                {t('common.actions')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((u) => {
              const locked = u.lockedUntil !== null && u.lockedUntil > now;
              return (
                <Table.Tr key={u.id} data-testid="user-row" c={u.active ? undefined : 'dimmed'}>
                  <Table.Td className={classes.num}>{u.username}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{u.displayName}</Text>
                      {u.id === session.user?.id && (
                        <Badge size="xs" variant="outline" color="gray">
                          {t('admin.users.you')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={ROLE_COLORS[u.role]}>
                      {enumLabel('role', u.role)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={u.active ? 'green' : 'gray'}>
                      {u.active ? t('admin.state.active') : t('admin.state.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {locked && u.lockedUntil !== null ? (
                      <Text size="sm" c="red.7">
                        {t('admin.users.lockedUntil', { time: formatDateTime(u.lockedUntil, tz).slice(5) })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('admin.users.notLocked')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {locked && (
                        <Button size="compact-sm" variant="light" color="red" leftSection={<IconLockOpen size={14} />} loading={unlock.isPending && unlock.variables.id === u.id} onClick={() => unlock.mutate({ id: u.id, unlock: true })}>
                          {t('admin.users.unlock')}
                        </Button>
                      )}
                      <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setDialog({ kind: 'edit', user: u })}>
                        {t('admin.users.edit')}
                      </Button>
                      <Button size="compact-sm" variant="subtle" leftSection={<IconKey size={14} />} onClick={() => setDialog({ kind: 'reset', user: u })}>
                        {t('admin.users.resetPassword')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" px="md" py={8} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          {t('admin.users.count', { count: rows.length, active: activeCount })}
        </Text>
      </Card>

      <Card withBorder radius="md">
        <Text fw={600} size="sm" mb="sm">
          {t('admin.users.rolesTitle')}
        </Text>
        <SimpleGrid cols={4} spacing="md">
          {ROLES.map((role) => (
            <Stack key={role} gap={4}>
              <Badge variant="light" color={ROLE_COLORS[role]} w="fit-content">
                {enumLabel('role', role)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t(`admin.users.roleHelp.${role}`)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Card>

      {dialog?.kind === 'create' && <UserFormModal onClose={close} />}
      {dialog?.kind === 'edit' && <UserFormModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
    </Stack>
  );
}
