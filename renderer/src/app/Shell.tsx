import { useState, type ReactNode } from 'react';
import { AppShell, Badge, Group, Menu, Modal, ScrollArea, Stack, Text, Title, Button, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey } from '@tabler/icons-react';
import { linkOptions, useLocation } from '@tanstack/react-router';
import type { ProcedureName } from '../../../shared/api';
import { t, enumLabel, type MessageKey } from '../../../shared/i18n';
import { api } from '../platform/api-client';
import { NavItemLink } from '../platform/links';
import { useApiQuery } from '../platform/query';
import { useSession } from '../platform/session';
import { PasswordForm } from '../components/account/PasswordForm';
import { AlarmBanner } from '../components/alarms/AlarmBanner';
import { AuditBanner } from '../components/audit/AuditBanner';

interface NavItem {
  readonly link: { readonly to: string };
  readonly label: MessageKey;
  /** Shown to those who may call this procedure: what the screen is for. */
  readonly may?: ProcedureName;
  readonly exact?: boolean;
}

const MAIN_NAV = [
  { link: linkOptions({ to: '/' }), label: 'common.nav.home', exact: true },
  { link: linkOptions({ to: '/petitions/new' }), label: 'common.nav.intake', may: 'petitions.create', exact: true },
  { link: linkOptions({ to: '/petitions' }), label: 'common.nav.petitions' },
  { link: linkOptions({ to: '/approvals' }), label: 'approvals.inbox.title' },
  { link: linkOptions({ to: '/alarms' }), label: 'common.nav.alarms' },
  { link: linkOptions({ to: '/warnings' }), label: 'common.nav.warnings' },
  { link: linkOptions({ to: '/reports' }), label: 'common.nav.reports' },
  { link: linkOptions({ to: '/zero-reports' }), label: 'common.nav.zeroReports' },
  { link: linkOptions({ to: '/notices' }), label: 'common.nav.notices' },
  { link: linkOptions({ to: '/stats' }), label: 'common.nav.stats' },
  { link: linkOptions({ to: '/duty' }), label: 'common.nav.duty' },
  { link: linkOptions({ to: '/handover' }), label: 'common.nav.handover' },
] as const satisfies readonly NavItem[];

const ADMIN_NAV = [
  { link: linkOptions({ to: '/admin/users' }), label: 'common.nav.users', may: 'users.create' },
  { link: linkOptions({ to: '/admin/units' }), label: 'common.nav.units', may: 'units.create' },
  { link: linkOptions({ to: '/admin/topics' }), label: 'common.nav.topics', may: 'topics.create' },
  { link: linkOptions({ to: '/admin/calendar' }), label: 'common.nav.calendar', may: 'calendar.import' },
  { link: linkOptions({ to: '/admin/office' }), label: 'common.nav.office', may: 'office.update' },
  { link: linkOptions({ to: '/admin/backups' }), label: 'common.nav.backups', may: 'backups.settings.update' },
  { link: linkOptions({ to: '/admin/audit' }), label: 'common.nav.audit', may: 'audit.list' },
] as const satisfies readonly NavItem[];

function isActive(item: NavItem, path: string): boolean {
  const target = item.link.to;
  if (item.exact) return path === target;
  if (path === '/petitions/new') return false;
  return path === target || path.startsWith(`${target}/`);
}

export function Shell({ children }: { children: ReactNode }) {
  const session = useSession();
  const path = useLocation({ select: (l) => l.pathname });
  const visible = (item: NavItem) => item.may === undefined || session.may(item.may);
  const adminItems = ADMIN_NAV.filter(visible);
  const [passwordOpen, setPasswordOpen] = useState(false);
  // A leader sees at a glance how many requests wait for them (the list refreshes on 'approvals.changed').
  const pending = useApiQuery('approvals.list', session.may('approvals.approve') ? { status: 'pending', pageSize: 1 } : null);
  const waiting = pending.data?.total ?? 0;
  const countOf = (item: NavItem) =>
    item.link.to === '/approvals' && waiting > 0 ? (
      <Badge size="sm" color="orange" circle data-testid="pending-approvals" aria-label={t('approvals.inbox.total', { count: waiting })}>
        {waiting}
      </Badge>
    ) : undefined;
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
                {t(api.isServerMode() ? 'server.badge' : 'common.browserMode')}
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
              <NavItemLink key={item.link.to} {...item.link} label={t(item.label)} active={isActive(item, path)} rightSection={countOf(item)} py={4} />
            ))}
            {adminItems.length > 0 && (
              <>
                <Text size="xs" c="dimmed" mt="sm" mb={2} px="sm">
                  {t('common.nav.admin')}
                </Text>
                {adminItems.map((item) => (
                  <NavItemLink key={item.link.to} {...item.link} label={t(item.label)} active={isActive(item, path)} py={4} />
                ))}
              </>
            )}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <Modal opened={passwordOpen} onClose={() => setPasswordOpen(false)} title={t('admin.office.passwordCard')} size="lg">
        <PasswordForm onDone={() => setPasswordOpen(false)} />
      </Modal>
      {/* An admin typed this account's password: its owner chooses their own before anything else (issue 12). */}
      <Modal
        opened={session.user?.mustChangePassword === true}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        title={t('security.password.forcedTitle')}
        size="lg"
      >
        <Stack gap="sm">
          <Text size="sm">{t('security.password.forcedBody')}</Text>
          <PasswordForm />
        </Stack>
      </Modal>
      <AppShell.Main>
        <AuditBanner />
        <AlarmBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
