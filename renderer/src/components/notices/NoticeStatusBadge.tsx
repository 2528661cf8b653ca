import { Badge } from '@mantine/core';
import type { NoticeSummary } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';

const COLORS: Readonly<Record<NoticeSummary['status'], string>> = { draft: 'gray', submitted: 'orange', signed: 'blue', printed: 'green' };

/** The notice's state; a superseded notice says so instead, since its own state no longer matters. */
export function NoticeStatusBadge({ status, superseded = false, size = 'sm' }: { status: NoticeSummary['status']; superseded?: boolean; size?: 'sm' | 'lg' }) {
  return (
    <Badge color={superseded ? 'red' : COLORS[status]} variant="light" radius="sm" size={size} data-testid="notice-status">
      {superseded ? t('notices.detail.supersededShort') : t(`notices.status.${status}`)}
    </Badge>
  );
}
