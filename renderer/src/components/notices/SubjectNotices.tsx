/**
 * The notices drafted from one record, for that record's page: number (or "draft"), kind, status, each a link
 * to the notice. Nothing is shown while there are none.
 */
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { NoticeSummary } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { AnchorLink } from '../../platform/links';
import { useApiQuery } from '../../platform/query';
import { NoticeStatusBadge } from './NoticeStatusBadge';

export function SubjectNotices({ subjectType, subjectId }: { subjectType: NoticeSummary['subjectType']; subjectId: number }) {
  const query = useApiQuery('notices.list', { subjectType, subjectId, pageSize: 50 });
  const rows = query.data?.rows ?? [];
  if (rows.length === 0) return null;
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={t('notices.title')} data-testid="subject-notices">
      <Title order={5} mb={6}>
        {t('notices.title')}
      </Title>
      <Stack gap={4}>
        {rows.map((n) => (
          <Group key={n.id} gap="xs" wrap="nowrap" justify="space-between">
            <AnchorLink to="/notices/$id" params={{ id: n.id }} size="sm" truncate>
              {`${t(`notices.kinds.${n.kind}`)} ${n.docNumber ?? ''}`}
            </AnchorLink>
            <NoticeStatusBadge status={n.status} superseded={n.supersededById !== null} />
          </Group>
        ))}
      </Stack>
      <Text size="xs" c="dimmed" mt={4}>
        {t('notices.archive.total', { count: query.data?.total ?? 0 })}
      </Text>
    </Card>
  );
}
