/** The small coloured labels the report screens share: severity, status, lateness and the office's marks. */
import { Badge, type BadgeProps } from '@mantine/core';
import type { ReportFlag, ReportSeverity, ReportStatus } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { durationLabel } from './report-format';

type Props = Omit<BadgeProps, 'color' | 'children'>;

/** 重大 red, 重要 orange, 一般 blue: the order in which the office must act. */
const SEVERITY_COLORS: Readonly<Record<ReportSeverity, string>> = { major: 'red', important: 'orange', general: 'blue' };

const STATUS_COLORS: Readonly<Record<ReportStatus, string>> = {
  submitted: 'blue',
  verified: 'cyan',
  analysed: 'indigo',
  approved: 'teal',
  forwarded: 'green',
  returned: 'orange',
};

export function SeverityBadge({ severity, ...props }: { severity: ReportSeverity } & Props) {
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="filled" radius="sm" data-testid="severity-badge" {...props}>
      {enumLabel('reportSeverity', severity)}
    </Badge>
  );
}

export function ReportStatusBadge({ status, ...props }: { status: ReportStatus } & Props) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" data-testid="report-status" {...props}>
      {enumLabel('reportStatus', status)}
    </Badge>
  );
}

/** 按时 in green, or 迟报 with how late in red. */
export function LatenessBadge({ lateMs, ...props }: { lateMs: number } & Props) {
  return lateMs > 0 ? (
    <Badge color="red" variant="light" radius="sm" data-testid="lateness" {...props}>
      {t('reports.limit.lateBy', { duration: durationLabel(lateMs) })}
    </Badge>
  ) : (
    <Badge color="green" variant="light" radius="sm" data-testid="lateness" {...props}>
      {t('reports.limit.onTime')}
    </Badge>
  );
}

export function FlagBadge({ flag, ...props }: { flag: ReportFlag } & Props) {
  return (
    <Badge color="grape" variant="filled" radius="sm" data-testid="flag-badge" {...props}>
      {enumLabel('reportFlag', flag)}
    </Badge>
  );
}
