/**
 * The audit chain's head in short form (record number and the first 8 characters of its hash), printed on duty
 * sheets so paper holds checkpoints: whoever later doubts the audit log compares the mark with its record.
 *
 * @example
 * <AuditHeadMark head={handover.snapshot.auditHead} />   // as it stood when the shift was handed over
 * <AuditHeadMark />                                       // as it stands now
 */
import { Text, Tooltip } from '@mantine/core';
import type { AuditHead } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { useApiQuery } from '../../platform/query';

export function auditHeadText(head: AuditHead | null | undefined): string {
  return head ? t('security.audit.headValue', { id: head.id, hash: head.hash.slice(0, 8) }) : t('security.audit.headNone');
}

export function AuditHeadMark({ head }: { head?: AuditHead | null }) {
  const current = useApiQuery('audit.head.get', head === undefined ? {} : null);
  const shown = head === undefined ? current.data : head;
  return (
    <Tooltip label={t('security.audit.headHint')}>
      <Text size="xs" c="dimmed" data-testid="audit-head" style={{ fontFamily: 'monospace' }}>
        {t('security.audit.head')}：{auditHeadText(shown)}
      </Text>
    </Tooltip>
  );
}
