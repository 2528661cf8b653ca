/**
 * '#/notices': the archive of every notice — kind, number, title, the record it is based on, status, who signed
 * it and when, and how often it was printed. Waiting-for-sign-off first, then drafts, then the newest.
 */
import { useState } from 'react';
import { Alert, Button, Card, Center, Group, Loader, Pagination, Select, Stack, Table, Text } from '@mantine/core';
import { IconFilePlus, IconSettings } from '@tabler/icons-react';
import { type NoticeSummary } from '../../../../shared/api';
import { NOTICE_KINDS, NOTICE_STATUSES } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../platform/clock';
import { keepPreviousData } from '@tanstack/react-query';
import { AnchorLink, useNavigate } from '../../platform/links';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { PageHeader } from '../../components/layout/PageHeader';
import { NoticeStatusBadge } from '../../components/notices/NoticeStatusBadge';
import { NoticeSettingsModal } from '../../components/notices/NoticeSettingsModal';

const PAGE_SIZE = 50;

function Prints({ n }: { n: NoticeSummary }) {
  if (n.printCount === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('notices.archive.noPrints')}
      </Text>
    );
  }
  return <Text size="sm">{t('notices.archive.printsValue', { count: n.printCount, copies: n.copiesPrinted })}</Text>;
}

export function NoticeArchivePage() {
  const tz = useOfficeTimeZone();
  const session = useSession();
  const navigate = useNavigate();
  const [kind, setKind] = useState<NoticeSummary['kind'] | null>(null);
  const [status, setStatus] = useState<NoticeSummary['status'] | null>(null);
  const [page, setPage] = useState(1);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const query = useApiQuery('notices.list', { kind, status, page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  const rows = query.data?.rows ?? [];
  const filtered = kind !== null || status !== null;

  return (
    <Stack gap="sm">
      <PageHeader title={t('notices.archive.heading')} subtitle={t('notices.archive.description')}>
        {session.may('notices.settings.update') && (
          <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => setSettingsOpen(true)}>
            {t('notices.settings.button')}
          </Button>
        )}
        {session.may('notices.create') && (
          <Button leftSection={<IconFilePlus size={16} />} onClick={() => void navigate({ to: '/notices/new' })}>
            {t('notices.archive.newButton')}
          </Button>
        )}
      </PageHeader>
      <Group gap="sm">
        <Select
          label={t('notices.archive.kindFilter')}
          placeholder={t('notices.archive.allKinds')}
          clearable
          w={200}
          data={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notices.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => {
            setKind(v as NoticeSummary['kind'] | null);
            setPage(1);
          }}
        />
        <Select
          label={t('notices.archive.statusFilter')}
          placeholder={t('notices.archive.allStatuses')}
          clearable
          w={160}
          data={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`notices.status.${s}`) }))}
          value={status}
          onChange={(v) => {
            setStatus(v as NoticeSummary['status'] | null);
            setPage(1);
          }}
        />
      </Group>
      {query.error && (
        <Alert color="red" variant="light">
          {t('notices.archive.loadFailed', { message: query.error.message })}
        </Alert>
      )}
      <Card withBorder padding={0} radius="md">
        {query.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl" size="sm" data-testid="notices-empty">
            {filtered ? t('notices.archive.emptyFiltered') : t('notices.archive.empty')}
          </Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing={6} aria-label={t('notices.archive.heading')} data-testid="notice-archive">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('notices.archive.colNumber')}</Table.Th>
                <Table.Th w={120}>{t('notices.archive.colKind')}</Table.Th>
                <Table.Th>{t('notices.archive.colTitle')}</Table.Th>
                <Table.Th w={150}>{t('notices.archive.colSubject')}</Table.Th>
                <Table.Th w={90}>{t('notices.archive.colStatus')}</Table.Th>
                <Table.Th w={170}>{t('notices.archive.colSigned')}</Table.Th>
                <Table.Th w={130}>{t('notices.archive.colPrints')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((n) => (
                <Table.Tr key={n.id} data-testid="notice-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {n.docNumber ?? (
                      <Text span size="sm" c="dimmed">
                        {t('notices.archive.notNumbered')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`notices.kinds.${n.kind}`)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/notices/$id" params={{ id: n.id }} size="sm" lineClamp={2}>
                      {n.title}
                    </AnchorLink>
                    {n.supersededByNumber && (
                      <Text size="xs" c="red">
                        {t('notices.archive.supersededBy', { number: n.supersededByNumber })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="xs" c="dimmed">
                      {t(`notices.subject.${n.subjectType}`)}
                    </Text>
                    <Text size="sm">{n.subjectLabel}</Text>
                  </Table.Td>
                  <Table.Td>
                    <NoticeStatusBadge status={n.status} superseded={n.supersededById !== null} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {n.signedByName && n.signedAt !== null ? (
                      <>
                        <Text size="sm">{n.signedByName}</Text>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(n.signedAt, tz)}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Prints n={n} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {query.data && query.data.total > PAGE_SIZE && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('notices.archive.total', { count: query.data.total })}
          </Text>
          <Pagination total={Math.ceil(query.data.total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
      {settingsOpen && <NoticeSettingsModal onClose={() => setSettingsOpen(false)} />}
    </Stack>
  );
}
