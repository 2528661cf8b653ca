/**
 * Every deadline of a petition with its countdown, and under each a "计算说明" that shows how the core
 * worked the date out: start day (not counted), the rule and its article, any extension, the nominal end,
 * a move off a rest day, the rest days skipped and make-up days counted, a recomputation after a correction
 * (更正), and a warning when the holiday
 * calendar of a year the period touches has not been imported.
 */
import { useState } from 'react';
import { Alert, Badge, Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import type { Deadline } from '../../../../shared/api';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { formatChineseDate, formatDateTime, weekdayOf } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { DeadlineBadge } from '../DeadlineBadge';
import { Fact } from '../DetailParts';
import { fieldLabel } from '../approvals/ApprovalCard';

function shortDate(date: string): string {
  const weekday = t(`petitions.deadlines.weekdays.${weekdayOf(date)}` as MessageKey);
  return t('petitions.deadlines.shortDate', { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)), weekday });
}

/** The explanation's lines are small, in a narrow column under the deadline. */
const SMALL = { size: 'xs', labelWidth: 80 } as const;

export function DeadlineExplanation({ deadline }: { deadline: Deadline }) {
  const e = deadline.explanation;
  const fixed = e.unit === 'fixed';
  return (
    <Stack gap={4} data-testid="deadline-explanation">
      {!fixed && <Fact {...SMALL} label={t('petitions.deadlines.start')}>{t('petitions.deadlines.startValue', { date: formatChineseDate(deadline.startDate) })}</Fact>}
      <Fact {...SMALL} label={t('petitions.deadlines.rule')}>
        {fixed ? t('petitions.deadlines.ruleFixed') : t('petitions.deadlines.ruleValue', { days: e.days, unit: enumLabel('periodUnit', e.unit) })}
      </Fact>
      <Fact {...SMALL} label={t('petitions.deadlines.article')}>{e.article}</Fact>
      {e.extensionDays > 0 && <Fact {...SMALL} label={t('petitions.deadlines.extension')}>{t('petitions.deadlines.extensionValue', { days: e.extensionDays })}</Fact>}
      {!fixed && <Fact {...SMALL} label={t('petitions.deadlines.nominalEnd')}>{formatChineseDate(e.nominalEndDate)}</Fact>}
      {e.shiftedFrom !== null && (
        <Fact {...SMALL} label={t('petitions.deadlines.shifted')}>
          {t('petitions.deadlines.shiftedValue', { from: formatChineseDate(e.shiftedFrom), to: formatChineseDate(deadline.dueDate) })}
        </Fact>
      )}
      {e.skipped.length > 0 && (
        <Fact {...SMALL} label={t('petitions.deadlines.skipped')}>
          <Group gap={4}>
            {e.skipped.map((s) => (
              <Badge key={s.date} size="xs" radius="sm" variant="light" color={s.reason === 'holiday' ? 'red' : 'gray'} tt="none">
                {shortDate(s.date)} {s.reason === 'holiday' ? s.name : t('petitions.deadlines.weekend')}
              </Badge>
            ))}
          </Group>
        </Fact>
      )}
      {e.makeUpDays.length > 0 && (
        <Fact {...SMALL} label={t('petitions.deadlines.makeUp')}>
          <Group gap={4}>
            {e.makeUpDays.map((d) => (
              <Badge key={d.date} size="xs" radius="sm" variant="light" color="blue" tt="none">
                {shortDate(d.date)} {d.name}
              </Badge>
            ))}
          </Group>
        </Fact>
      )}
      {e.correction && (
        <Fact {...SMALL} label={enumLabel('action', 'correct')}>
          <Text span size="xs" data-testid="deadline-corrected">
            {t('approvals.deadlineCorrected', { fields: e.correction.fields.map(fieldLabel).join('、'), from: formatChineseDate(e.correction.fromStartDate) })}
          </Text>
        </Fact>
      )}
      <Fact {...SMALL} label={t('petitions.deadlines.endDate')}>{t('petitions.deadlines.endDateValue', { date: formatChineseDate(deadline.dueDate) })}</Fact>
      {e.uncoveredYears.length > 0 && (
        <Alert color="orange" variant="light" p={6} mt={2} icon={<IconAlertTriangle size={14} />} styles={{ message: { fontSize: 'var(--mantine-font-size-xs)' } }}>
          {t('petitions.deadlines.uncovered', { years: e.uncoveredYears.join('、') })}
        </Alert>
      )}
      <Text size="10px" c="dimmed">
        {t('petitions.deadlines.calendarVersion', { version: e.calendarVersion })}
      </Text>
    </Stack>
  );
}

function StateBadge({ deadline }: { deadline: Deadline }) {
  const now = useNow();
  // A petitioner's window that has run out is not the office being late: grey, not red.
  if (deadline.status === 'open' && !deadline.officeDuty && deadline.dueAt <= now) {
    return (
      <Badge color="gray" variant="light" radius="sm" data-testid="deadline-state">
        {t('petitions.deadlines.windowClosed')}
      </Badge>
    );
  }
  if (deadline.status === 'open') return <DeadlineBadge dueAt={deadline.dueAt} kind={deadline.kind} />;
  return (
    <Badge color={deadline.status === 'met' ? 'teal' : 'gray'} variant="outline" radius="sm" data-testid="deadline-state">
      {enumLabel('deadlineStatus', deadline.status)}
    </Badge>
  );
}

function DeadlineItem({ deadline }: { deadline: Deadline }) {
  const tz = useOfficeTimeZone();
  const [open, setOpen] = useState(false);
  const label = enumLabel('deadlineKind', deadline.kind);
  const closed = deadline.status !== 'open';
  return (
    <Box
      component="li"
      aria-label={label}
      data-testid="deadline-item"
      data-kind={deadline.kind}
      py={8}
      style={{ listStyle: 'none', borderTop: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} c={closed ? 'dimmed' : undefined}>
              {label}
            </Text>
            {!deadline.officeDuty && (
              <Badge size="xs" variant="light" color="grape" radius="sm" style={{ flexShrink: 0 }}>
                {t('petitions.deadlines.petitionerWindow')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" data-testid="deadline-due">
            {t('petitions.deadlines.due', { date: formatChineseDate(deadline.dueDate) })}
            {deadline.metAt !== null && deadline.status === 'met' ? ` · ${t('petitions.deadlines.metAt', { at: formatDateTime(deadline.metAt, tz) })}` : ''}
          </Text>
        </Stack>
        <Box style={{ flexShrink: 0 }}>
          <StateBadge deadline={deadline} />
        </Box>
      </Group>
      <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} mt={2} c="blue.7" fz="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
        {open ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
        {t('petitions.deadlines.explain')}
      </UnstyledButton>
      {open && (
        <Box mt={4} p={8} bg="gray.0" style={{ borderRadius: 4 }}>
          <DeadlineExplanation deadline={deadline} />
        </Box>
      )}
    </Box>
  );
}

/** Open deadlines first (soonest at the top), then those met or cancelled. */
export function DeadlinesPanel({ deadlines }: { deadlines: readonly Deadline[] }) {
  const sorted = [...deadlines].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open') || a.dueAt - b.dueAt);
  if (sorted.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('petitions.detail.noDeadlines')}
      </Text>
    );
  }
  return (
    <Box component="ul" m={0} p={0} aria-label={t('petitions.detail.deadlinesSection')}>
      {sorted.map((d) => (
        <DeadlineItem key={d.id} deadline={d} />
      ))}
    </Box>
  );
}
