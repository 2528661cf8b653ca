/** '#/admin/audit': the hash-chained audit trail, a page at a time, and a check that the chain is intact. */
import { Fragment, useState } from 'react';
import { Alert, Button, Card, Code, Group, Pagination, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconChevronDown, IconChevronRight, IconCircleCheck, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { keepPreviousData } from '@tanstack/react-query';
import { useOfficeTimeZone } from '../../platform/clock';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { auditActionLabel, auditEntityLabel, prettyJson } from './audit-labels';
import { changedFields } from './audit-diff';
import { PageHeader } from '../../components/layout/PageHeader';
import classes from './admin.module.css';
import { AuditHeadMark } from '../../components/audit/AuditHeadMark';

const PAGE_SIZE = 20;

type Verification = ({ ok: true; checked: number } | { ok: false; checked: number; brokenAt: number }) & { keyAcceptedAt: number | null };

function JsonBlock({ label, json }: { label: string; json: string | null }) {
  const pretty = prettyJson(json);
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      {pretty === null ? (
        <Text size="xs" c="dimmed">
          {t('admin.audit.emptyValue')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={260} type="auto">
          <Code block fz={11}>
            {pretty}
          </Code>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

function Changes({ before, after }: { before: string | null; after: string | null }) {
  const changes = changedFields(before, after);
  if (changes === null) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed">
        {changes.length > 0 ? t('admin.audit.changed') : t('admin.audit.unchanged')}
      </Text>
      {changes.map((c) => (
        <Group key={c.key} gap={8} wrap="nowrap" fz="xs">
          <Code fz={11}>{c.key}</Code>
          <Text size="xs" c="red.8" td="line-through" truncate maw={360}>
            {c.before}
          </Text>
          <IconArrowRight size={12} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
          <Text size="xs" c="green.9" fw={600} truncate maw={360}>
            {c.after}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function VerifyResult({ result }: { result: Verification }) {
  if (result.ok) {
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} data-testid="audit-verify-result" py="xs">
        <Text size="sm" fw={600} c="green.8">
          {t('admin.audit.verifyOk', { count: result.checked })}
        </Text>
        {result.keyAcceptedAt !== null && (
          <Text size="xs" mt={2}>
            {t('admin.audit.verifyKeyAccepted', { id: result.keyAcceptedAt })}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconShieldX size={20} />} data-testid="audit-verify-result" py="xs">
      <Text size="sm" fw={600} c="red.8">
        {t('admin.audit.verifyBroken', { id: result.brokenAt })}
      </Text>
      <Text size="xs" mt={2}>
        {t('admin.audit.verifyBrokenHint', { checked: result.checked })}
      </Text>
    </Alert>
  );
}

export function AuditPage() {
  const tz = useOfficeTimeZone();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [verification, setVerification] = useState<Verification | null>(null);
  const audit = useApiQuery('audit.list', { page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const verify = useApiMutation('audit.verify', {
    onSuccess: (r) =>
      setVerification(
        r.ok || r.brokenAt === null
          ? { ok: true, checked: r.checked, keyAcceptedAt: r.keyAcceptedAt }
          : { ok: false, checked: r.checked, brokenAt: r.brokenAt, keyAcceptedAt: r.keyAcceptedAt },
      ),
  });
  const rows = audit.data?.rows ?? [];
  const total = audit.data?.total ?? 0;

  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });


  return (
    <Stack gap="md">
      <PageHeader title={t('admin.audit.title')} subtitle={t('admin.audit.subtitle')}>
        <Button leftSection={<IconShieldCheck size={16} />} loading={verify.isPending} onClick={() => verify.mutate({})}>
          {t('admin.audit.verify')}
        </Button>
      </PageHeader>
      {/* The head as it stands now, to compare with the marks printed on handover sheets and duty logs. */}
      <AuditHeadMark />
      {verification && <VerifyResult result={verification} />}
      <Card withBorder radius="md" padding={0}>
        <Table verticalSpacing={6} horizontalSpacing="md" layout="fixed">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={70}>#</Table.Th>
              <Table.Th w={150}>{t('admin.audit.colTime')}</Table.Th>
              <Table.Th w={110}>{t('admin.audit.colUser')}</Table.Th>
              <Table.Th w={130}>{t('admin.audit.colAddress')}</Table.Th>
              <Table.Th>{t('admin.audit.colAction')}</Table.Th>
              <Table.Th w={120}>{t('admin.audit.colEntity')}</Table.Th>
              <Table.Th w={130}>{t('admin.audit.colId')}</Table.Th>
              <Table.Th w={110}>{t('admin.audit.colDetail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const expanded = open.has(row.id);
              const hasDetail = row.before !== null || row.after !== null;
              return (
                <Fragment key={row.id}>
                  <Table.Tr data-testid="audit-row" bg={expanded ? 'blue.0' : undefined}>
                    <Table.Td className={classes.num} c="dimmed" fz="xs">
                      {row.id}
                    </Table.Td>
                    <Table.Td fz="sm" className={classes.num} style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(row.at, tz)}
                    </Table.Td>
                    <Table.Td fz="sm">{row.userName}</Table.Td>
                    <Table.Td>
                      {row.address === null ? (
                        <Text size="xs" c="dimmed" title={t('admin.audit.noAddressHint')}>
                          {t('admin.audit.noAddress')}
                        </Text>
                      ) : (
                        <Text size="xs" className={classes.num} truncate title={row.address} data-testid="audit-address">
                          {row.address}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {/* The code stays out of sight (a tooltip for support), the label is what a person reads. */}
                      <Text size="sm" truncate title={row.action}>
                        {auditActionLabel(row.action)}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">{auditEntityLabel(row.entity)}</Table.Td>
                    <Table.Td>
                      <Text size="xs" className={classes.num} truncate title={row.entityId}>
                        {row.entityId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {hasDetail ? (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                          aria-expanded={expanded}
                          aria-label={`${expanded ? t('admin.audit.hideDetail') : t('admin.audit.showDetail')}：${t('admin.audit.detailAria', { id: row.id })}`}
                          onClick={() => toggle(row.id)}
                        >
                          {expanded ? t('admin.audit.hideDetail') : t('admin.audit.showDetail')}
                        </Button>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('admin.audit.noDetail')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr>
                      <Table.Td colSpan={8} bg="gray.0" p={0}>
                        <Stack gap="xs" p="sm" data-testid={`audit-detail-${row.id}`}>
                          <Changes before={row.before} after={row.after} />
                          <SimpleGrid cols={2} spacing="md">
                            <JsonBlock label={t('admin.audit.before')} json={row.before} />
                            <JsonBlock label={t('admin.audit.after')} json={row.after} />
                          </SimpleGrid>
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && !audit.isFetching && (
          <Text size="sm" c="dimmed" ta="center" py="xl">
            {t('admin.audit.empty')}
          </Text>
        )}
        <Group justify="space-between" px="md" py={8} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
          <Text size="xs" c="dimmed">
            {t('admin.audit.total', { count: total })}
          </Text>
          <Pagination size="sm" total={Math.max(1, Math.ceil(total / PAGE_SIZE))} value={page} onChange={setPage} />
        </Group>
      </Card>
    </Stack>
  );
}
