/** The administrator's pages are shown to those who may do what the page is for; anyone else is told so. */
import type { ReactNode } from 'react';
import { Alert, Center, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ProcedureName } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { ButtonLink } from '../../platform/links';
import { useSession } from '../../platform/session';

export function AdminOnly({ procedure, children }: { procedure: ProcedureName; children: ReactNode }) {
  const session = useSession();
  if (session.may(procedure)) return children;
  return (
    <Center mih={420}>
      <Alert color="orange" variant="light" icon={<IconLock size={22} />} title={t('admin.adminOnly.title')} maw={560} data-testid="admin-only">
        <Stack gap="md" align="flex-start">
          <Text size="sm">{t('admin.adminOnly.body')}</Text>
          <ButtonLink to="/" variant="default" size="xs">
            {t('admin.adminOnly.back')}
          </ButtonLink>
        </Stack>
      </Alert>
    </Center>
  );
}
