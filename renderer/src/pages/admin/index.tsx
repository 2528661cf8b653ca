/** Routes under '#/admin/…': the administrator's pages. Anyone else who opens such a URL is told so. */
import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';
import { href, type Route } from '../../app/router';
import { useSession } from '../../app/session';
import { UsersPage } from './UsersPage';
import { UnitsPage } from './UnitsPage';
import { TopicsPage } from './TopicsPage';
import { CalendarPage } from './CalendarPage';
import { OfficePage } from './OfficePage';
import { AuditPage } from './AuditPage';

function AdminOnly() {
  return (
    <Center mih={420}>
      <Alert color="orange" variant="light" icon={<IconLock size={22} />} title={t('admin.adminOnly.title')} maw={560} data-testid="admin-only">
        <Stack gap="md" align="flex-start">
          <Text size="sm">{t('admin.adminOnly.body')}</Text>
          <Button component="a" href={href('/')} variant="default" size="xs">
            {t('admin.adminOnly.back')}
          </Button>
        </Stack>
      </Alert>
    </Center>
  );
}

export function AdminRoutes({ route }: { route: Route }) {
  const session = useSession();
  if (session.user?.role !== 'admin') return <AdminOnly />;
  switch (route.parts[1]) {
    case 'users':
      return <UsersPage />;
    case 'units':
      return <UnitsPage />;
    case 'topics':
      return <TopicsPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'office':
      return <OfficePage />;
    case 'audit':
      return <AuditPage />;
    default:
      return <Alert color="gray">{t('admin.notFound')}</Alert>;
  }
}
