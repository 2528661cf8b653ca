/**
 * Requests for a leader's approval as a list a leader can decide from (批准 / 退回 on each pending one; others
 * see the list without the buttons): the inbox shows all of them, a record's page its own (pending first,
 * then decided), so the clerk sees what waits and why a request came back.
 */
import { useState } from 'react';
import { Button, Stack } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import type { Approval } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { useSession } from '../../platform/session';
import { Section } from '../DetailParts';
import { ApprovalCard } from './ApprovalCard';
import { DecideDialog, type Decision } from './DecideDialog';

export function ApprovalList({ approvals }: { approvals: readonly Approval[] }) {
  const session = useSession();
  const [deciding, setDeciding] = useState<{ approval: Approval; decision: Decision } | null>(null);
  const canDecide = session.may('approvals.approve');
  return (
    <Stack gap="xs">
      {approvals.map((a) => (
        <ApprovalCard
          key={a.id}
          approval={a}
          actions={
            canDecide && a.status === 'pending' ? (
              <>
                <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={() => setDeciding({ approval: a, decision: 'return' })}>
                  {t('approvals.return')}
                </Button>
                <Button size="xs" color="green" leftSection={<IconCheck size={14} />} onClick={() => setDeciding({ approval: a, decision: 'approve' })}>
                  {t('approvals.approve')}
                </Button>
              </>
            ) : undefined
          }
        />
      ))}
      {deciding && <DecideDialog key={deciding.approval.id} approval={deciding.approval} decision={deciding.decision} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

export function SubjectApprovals({ approvals }: { approvals: readonly Approval[] }) {
  if (approvals.length === 0) return null;
  return (
    <Section title={t('approvals.panel.title')} testId="approvals-section">
      <ApprovalList approvals={approvals} />
    </Section>
  );
}
