/**
 * '#/approvals': the leaders' inbox (待审批). Every request a clerk made — extensions, voids, late corrections,
 * warning lifts, reports — waits here, oldest first, until a leader approves or returns it in their own
 * session. Others see the same list without the buttons, to follow their requests. 已审批 shows what was
 * decided, newest first.
 */
import { useState } from 'react';
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { t } from '../../../../shared/i18n';
import { useSession } from '../../platform/session';
import { useApiQuery } from '../../platform/query';
import { PageHeader } from '../../components/layout/PageHeader';
import { QueryPending } from '../../components/QueryPending';
import { ApprovalList } from '../../components/approvals/SubjectApprovals';

type Tab = 'pending' | 'decided';

export function ApprovalsPage() {
  const session = useSession();
  const [tab, setTab] = useState<Tab>('pending');
  const list = useApiQuery('approvals.list', { status: tab === 'pending' ? 'pending' : null, pageSize: 200 });
  const canDecide = session.may('approvals.approve');
  const rows = (list.data?.rows ?? []).filter((a) => tab === 'pending' || a.status !== 'pending');

  let body;
  if (!list.data) {
    body = <QueryPending error={list.error} message={(message) => t('approvals.inbox.loadFailed', { message })} />;
  } else if (rows.length === 0) {
    body = (
      <Text c="dimmed" size="sm" py="lg" ta="center" data-testid="approvals-empty">
        {t(tab === 'pending' ? 'approvals.inbox.empty' : 'approvals.inbox.emptyDecided')}
      </Text>
    );
  } else {
    body = (
      <div style={{ maxWidth: 900 }}>
        <ApprovalList approvals={rows} />
      </div>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('approvals.inbox.title')} subtitle={canDecide ? undefined : t('approvals.inbox.leaderOnlyHint')}>
        <Group gap="sm">
          {list.data && (
            <Text size="sm" c="dimmed">
              {t('approvals.inbox.total', { count: rows.length })}
            </Text>
          )}
          <SegmentedControl
            value={tab}
            onChange={(value) => setTab(value as Tab)}
            data={[
              { value: 'pending', label: t('approvals.inbox.pending') },
              { value: 'decided', label: t('approvals.inbox.decided') },
            ]}
          />
        </Group>
      </PageHeader>
      {body}
    </Stack>
  );
}
