/**
 * A red banner on every page for admins while the audit chain does not verify (at start, daily, or when asked):
 * a break is never only in a log file. It follows the core's 'audit.verified' push.
 */
import { Alert, Group, Text } from '@mantine/core';
import { IconShieldX } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';
import { AnchorLink } from '../../platform/links';
import { useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';

export function AuditBanner() {
  const session = useSession();
  const status = useApiQuery('audit.status.get', session.may('audit.status.get') ? {} : null);
  const broken = status.data && !status.data.ok ? status.data : null;
  if (!broken) return null;
  return (
    <Alert color="red" variant="filled" mb="sm" icon={<IconShieldX size={20} />} title={t('security.audit.bannerTitle')} role="alert" data-testid="audit-banner">
      <Group justify="space-between" wrap="nowrap" align="flex-end">
        <Text size="sm" c="white">
          {t('security.audit.banner', { id: broken.brokenAt ?? '—', reason: broken.reason ? t(`security.audit.reason.${broken.reason}`) : '' })}
        </Text>
        <AnchorLink to="/admin/audit" c="white" fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t('security.audit.bannerOpen')}
        </AnchorLink>
      </Group>
    </Alert>
  );
}
