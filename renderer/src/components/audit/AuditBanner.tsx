/**
 * A red banner on every page for admins while the audit chain does not verify (at start, daily, or when asked):
 * a break is never only in a log file. It follows the core's 'audit.verified' push. When the break is this PC's
 * key (lost or replaced), the admin may accept the new key, after a confirmation that says what it means: the
 * acceptance is one audit row, and the records before it can no longer be checked one by one.
 */
import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconShieldX } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';
import { AnchorLink } from '../../platform/links';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { ConfirmModal } from '../layout/ConfirmModal';

function AcceptKey() {
  const [asking, setAsking] = useState(false);
  const head = useApiQuery('audit.head.get', asking ? {} : null);
  const accept = useApiMutation('audit.key.accept', {
    onSuccess: (status) => {
      setAsking(false);
      notifySaved(t('security.audit.keyAccepted', { id: status.keyAcceptedAt ?? '—' }));
    },
  });
  const last = head.data?.id ?? 0;
  return (
    <>
      <Button size="xs" variant="white" color="red" onClick={() => setAsking(true)}>
        {t('security.audit.acceptKey')}
      </Button>
      {asking && (
        <ConfirmModal
          title={t('security.audit.acceptKeyTitle')}
          body={t('security.audit.acceptKeyBody', { id: last + 1, last })}
          confirm={t('security.audit.acceptKeyConfirm')}
          pending={accept.isPending || head.isPending}
          onConfirm={() => accept.mutate({})}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}

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
        <Group gap="sm" wrap="nowrap">
          {broken.reason === 'key' && session.may('audit.key.accept') && <AcceptKey />}
          <AnchorLink to="/admin/audit" c="white" fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('security.audit.bannerOpen')}
          </AnchorLink>
        </Group>
      </Group>
    </Alert>
  );
}
