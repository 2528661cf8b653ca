/**
 * The live verdict on the report form: which limit applies to the chosen severity, when it ends, how long
 * passed between discovery and report, and whether the report is on time or will be marked 迟报 and by how
 * much, before anything is saved.
 */
import { Alert, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import type { ReportSettings } from '../../../../shared/api';
import type { ReportSeverity } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { FUTURE_TOLERANCE_MS, durationLabel, judgeReport, limitAtLabel, limitRuleLabel } from './report-format';

export function TimeLimitCheck({
  foundAt,
  reportedAt,
  severity,
  settings,
  now,
  timeZone,
}: {
  foundAt: number | null;
  reportedAt: number | null;
  severity: ReportSeverity;
  settings: ReportSettings | null;
  now: number;
  timeZone: string;
}) {
  const rule = settings ? t('reports.check.rule', { severity: enumLabel('reportSeverity', severity), limit: limitRuleLabel(settings.limits[severity]) }) : null;
  let verdict;
  if (!settings || foundAt === null || reportedAt === null) {
    verdict = (
      <Text size="sm" c="dimmed">
        {t('reports.check.waiting')}
      </Text>
    );
  } else if (foundAt > now + FUTURE_TOLERANCE_MS || reportedAt > now + FUTURE_TOLERANCE_MS) {
    const field = foundAt > now + FUTURE_TOLERANCE_MS ? t('reports.form.foundAt') : t('reports.form.reportedAt');
    verdict = (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="limit-verdict">
        {t('reports.check.future', { field })}
      </Alert>
    );
  } else if (foundAt > reportedAt) {
    verdict = (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="limit-verdict">
        {t('reports.check.foundAfterReported')}
      </Alert>
    );
  } else {
    const j = judgeReport(foundAt, reportedAt, severity, settings, timeZone);
    verdict = (
      <Stack gap={6}>
        <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('reports.check.limitAt', { at: limitAtLabel(j.limitAt, timeZone) })}
        </Text>
        <Text size="sm">{t('reports.check.elapsed', { duration: durationLabel(j.elapsedMs) })}</Text>
        {j.lateMs > 0 ? (
          <Alert color="red" variant="filled" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="limit-verdict">
            {t('reports.check.late', { duration: durationLabel(j.lateMs) })}
          </Alert>
        ) : (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} p="xs" data-testid="limit-verdict">
            {j.limitAt - reportedAt >= 60_000 ? t('reports.check.onTimeLeft', { duration: durationLabel(j.limitAt - reportedAt) }) : t('reports.check.onTime')}
          </Alert>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="xs" data-testid="limit-check">
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon variant="light" size="sm" color="gray">
          <IconClockHour4 size={14} />
        </ThemeIcon>
        <Text fw={600} size="sm">
          {t('reports.check.title')}
        </Text>
      </Group>
      {rule && (
        <Text size="sm" fw={500} data-testid="limit-rule">
          {rule}
        </Text>
      )}
      {verdict}
      <Text size="xs" c="dimmed">
        {t('reports.check.settingsLink')}
      </Text>
    </Stack>
  );
}
