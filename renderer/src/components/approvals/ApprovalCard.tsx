/**
 * One request as the leader reads it in the inbox (and the requester on the record's page): what kind, about
 * which record, who asked when and why, and what would change (an extension's days, a lift's outcome, each
 * corrected field old → new). A decided one says who decided, when, and the leader's note.
 *
 * @example
 * <ApprovalCard approval={a} actions={<Button>批准</Button>} />
 */
import type { ReactNode } from 'react';
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { Approval, FieldChange } from '../../../../shared/api';
import type { ApprovalStatus } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink } from '../../platform/links';

const STATUS_COLOR: Readonly<Record<ApprovalStatus, string>> = { pending: 'orange', approved: 'green', returned: 'red' };

/** A corrected field's name as the correction dialog calls it. */
export function fieldLabel(field: string): string {
  return t(`approvals.field.${field}` as MessageKey);
}

function SubjectLink({ approval }: { approval: Approval }) {
  const label = approval.subjectNumber || enumLabel('approvalSubject', approval.subjectType);
  switch (approval.subjectType) {
    case 'petition':
      return <AnchorLink to="/petitions/$id" params={{ id: approval.subjectId }} fw={600}>{label}</AnchorLink>;
    case 'warning':
      return <AnchorLink to="/warnings/$id" params={{ id: approval.subjectId }} fw={600}>{label}</AnchorLink>;
    case 'report':
      return <AnchorLink to="/reports/$id" params={{ id: approval.subjectId }} fw={600}>{label}</AnchorLink>;
  }
}

/** A 更正 step of a timeline keeps each changed field old → new, as JSON in its details. */
export function stepChanges(action: string, details: Readonly<Record<string, string | number | null>>): FieldChange[] {
  const raw = details.changes;
  return action === 'correct' && typeof raw === 'string' ? (JSON.parse(raw) as FieldChange[]) : [];
}

/** Old → new for each corrected field, the way the timeline shows a 更正 step. */
export function ChangesTable({ changes }: { changes: Approval['changes'] }) {
  const none = t('approvals.correction.none');
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} data-testid="approval-changes">
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td w={96} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {fieldLabel(c.field)}
            </Table.Td>
            <Table.Td style={{ textDecoration: 'line-through', color: 'var(--mantine-color-dimmed)', wordBreak: 'break-all' }}>{c.from || none}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{c.to || none}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ApprovalCard({ approval, actions }: { approval: Approval; actions?: ReactNode }) {
  const tz = useOfficeTimeZone();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="approval" aria-label={`${enumLabel('approvalKind', approval.kind)} ${approval.subjectNumber}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge variant="light" radius="sm" color="blue" style={{ flexShrink: 0 }}>
              {enumLabel('approvalKind', approval.kind)}
            </Badge>
            <SubjectLink approval={approval} />
            <Text size="sm" truncate>
              {approval.subjectSummary}
            </Text>
          </Group>
          <Badge variant="light" radius="sm" color={STATUS_COLOR[approval.status]} style={{ flexShrink: 0 }} data-testid="approval-status">
            {enumLabel('approvalStatus', approval.status)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('approvals.requested', { name: approval.requestedBy, at: formatDateTime(approval.requestedAt, tz) })}
        </Text>
        {approval.days !== null && <Text size="sm" fw={500}>{t('approvals.days', { days: approval.days })}</Text>}
        {approval.outcome !== null && <Text size="sm">{t('approvals.outcome', { outcome: approval.outcome })}</Text>}
        {approval.reason && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span c="dimmed" size="sm">
              {t('approvals.reason')}：
            </Text>
            {approval.reason}
          </Text>
        )}
        {approval.changes.length > 0 && <ChangesTable changes={approval.changes} />}
        {approval.status !== 'pending' && approval.decidedBy !== null && approval.decidedAt !== null && (
          <Text size="sm" c={approval.status === 'returned' ? 'red' : 'green'} data-testid="approval-decision">
            {t('approvals.decidedLine', { name: approval.decidedBy, at: formatDateTime(approval.decidedAt, tz), status: enumLabel('approvalStatus', approval.status) })}
            {approval.decisionNote ? `：${approval.decisionNote}` : ''}
          </Text>
        )}
        {actions && <Group justify="flex-end" gap="xs">{actions}</Group>}
      </Stack>
    </Card>
  );
}
