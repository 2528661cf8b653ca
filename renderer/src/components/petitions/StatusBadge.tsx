import { Badge, type BadgeProps } from '@mantine/core';
import { enumLabel } from '../../../../shared/i18n';
import type { PetitionStatus } from '../../../../shared/enums';

/** Open work is blue, waiting on the petitioner is violet, a delay is orange, finished work is green or grey. */
const STATUS_COLORS: Readonly<Record<PetitionStatus, string>> = {
  registered: 'blue',
  forwarded: 'cyan',
  assigned: 'cyan',
  accepted: 'indigo',
  not_accepted: 'gray',
  in_handling: 'indigo',
  extended: 'orange',
  replied: 'teal',
  review_requested: 'grape',
  reviewed: 'teal',
  rereview_requested: 'grape',
  rereviewed: 'teal',
  closed: 'green',
  withdrawn: 'gray',
  voided: 'dark',
};

export function StatusBadge({ status, ...props }: { status: PetitionStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" data-testid="status-badge" {...props}>
      {enumLabel('status', status)}
    </Badge>
  );
}
