import { useState, type ReactNode } from 'react';
import { AppShell, Badge, Group, Menu, Modal, NavLink, ScrollArea, Stack, Text, Title, Button, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey } from '@tabler/icons-react';
import { PasswordForm } from '../components/account/PasswordForm';
import { t, enumLabel, type MessageKey } from '../../../shared/i18n';
import type { Role } from '../../../shared/enums';
import { useSession } from './session';
import { href, useRoute } from './router';
import { api } from '../api/client';
import { AlarmBanner } from '../components/alarms/AlarmBanner';

interface NavItem {
  readonly path: string;
  readonly label: MessageKey;
  readonly roles?: readonly Role[];
  readonly exact?: boolean;
}

const MAIN_NAV: readonly NavItem[] = [
  { path: '/', label: 'common.nav.home', exact: true },
  { path: '/petitions/new', label: 'common.nav.intake', roles: ['clerk', 'leader'], exact: true },
  { path: '/petitions', label: 'common.nav.petitions' },
  { path: '/alarms', label: 'common.nav.alarms' },
  { path: '/warnings', label: 'common.nav.warnings' },
  { path: '/reports', label: 'common.nav.reports' },
  { path: '/zero-reports', label: 'common.nav.zeroReports' },
  { path: '/notices', label: 'common.nav.notices' },
  { path: '/stats', label: 'common.nav.stats' },
  { path: '/duty', label: 'common.nav.duty' },
  { path: '/handover', label: 'common.nav.handover' },
];

const ADMIN_NAV: readonly NavItem[] = [
  { path: '/admin/users', label: 'common.nav.users' },
  { path: '/admin/units', label: 'common.nav.units' },
  { path: '/admin/topics', label: 'common.nav.topics' },
  { path: '/admin/calendar', label: 'common.nav.calendar' },
  { path: '/admin/office', label: 'common.nav.office' },
  { path: '/admin/audit', label: 'common.nav.audit' },
];

function isActive(item: NavItem, path: string): boolean {
  if (item.exact) return path === item.path;
  if (path === '/petitions/new') return false;
  return path === item.path || path.startsWith(`${item.path}/`);
}

export function Shell({ children }: { children: ReactNode }) {
  const session = useSession();
  const route = useRoute();
  const visible = (item: NavItem) => !item.roles || session.can(...item.roles);
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 188, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={4} c="red.9">
              {t('common.appName')}
            </Title>
            <Text size="sm" c="dimmed">
              {session.office?.name}
            </Text>
            {api.isBrowserMode() && (
              <Badge variant="outline" color="gray" size="sm">
                {t('common.browserMode')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('common.accountMenu')}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" data-testid="current-user">
                      {session.user?.displayName}（{session.user ? enumLabel('role', session.user.role) : ''}）
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setPasswordOpen(true)}>
                  {t('admin.office.changePassword')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button variant="subtle" size="xs" onClick={() => void session.signOut()}>
              {t('common.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <Stack gap={2}>
            {MAIN_NAV.filter(visible).map((item) => (
              <NavLink key={item.path} href={href(item.path)} label={t(item.label)} active={isActive(item, route.path)} py={4} />
            ))}
            {session.can('admin') && (
              <>
                <Text size="xs" c="dimmed" mt="sm" mb={2} px="sm">
                  {t('common.nav.admin')}
                </Text>
                {ADMIN_NAV.map((item) => (
                  <NavLink key={item.path} href={href(item.path)} label={t(item.label)} active={isActive(item, route.path)} py={4} />
                ))}
              </>
            )}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <Modal opened={passwordOpen} onClose={() => setPasswordOpen(false)} title={t('admin.office.passwordCard')} size="lg">
        <PasswordForm onDone={() => setPasswordOpen(false)} />
      </Modal>
      <AppShell.Main>
        <AlarmBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
