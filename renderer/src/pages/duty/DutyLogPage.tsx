import { useState } from 'react';
import { Badge, Button, Card, Grid, Group, ScrollArea, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { keepPreviousData } from '@tanstack/react-query';
import { z } from 'zod';
import { contract, type DutyLogEntry } from '../../../../shared/api';
import { DUTY_LOG_KINDS } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { addDays, daysBetween, instantOf, isIsoDate, localDateOf } from '../../../../shared/time';
import { officeNow, useNow, useOfficeTimeZone } from '../../platform/clock';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { AuditHeadMark } from '../../components/audit/AuditHeadMark';
import { monthDayLabel, timeLabel, weekdayOfDateLabel } from '../../components/duty/duty-format';
import { DateField } from '../../components/forms/DateField';
import { fromLocalInput, toLocalInput as toDateFieldValue } from '../../components/petitions/petition-format';

type Kind = (typeof DUTY_LOG_KINDS)[number];

const KIND_COLORS: Record<Kind, string> = { call: 'blue', visit: 'grape', event: 'red', other: 'gray', correction: 'orange' };
/** A correction of past duty is entered on the roster for its shift, with a reason, not as a plain entry. */
const ENTRY_KINDS = DUTY_LOG_KINDS.filter((k) => k !== 'correction');

export function kindLabel(kind: Kind): string {
  return t(`duty.log.kinds.${kind}`);
}

export function KindBadge({ kind }: { kind: Kind }) {
  return (
    <Badge color={KIND_COLORS[kind]} variant="light" radius="sm" miw={48}>
      {kindLabel(kind)}
    </Badge>
  );
}

/** The longest range the core will list at once. */
const MAX_DAYS = 62;

const logInput = contract['duty.log.create'].input.shape;

/** An entry says what happened; its time (a date field's value) is optional: empty means now. */
function logSchema(timeZone: string) {
  return z.object({
    kind: logInput.kind,
    content: logInput.content.pipe(z.string().min(1)),
    at: z.string().transform((v, ctx) => {
      if (!v) return null;
      const at = fromLocalInput(v, timeZone);
      if (at === null) ctx.addIssue({ code: 'custom', message: t('duty.adjust.badTime') });
      return at;
    }),
  });
}

function LogForm() {
  const tz = useOfficeTimeZone();
  const [schema] = useState(() => logSchema(tz));
  const form = useForm({
    initialValues: { kind: 'call' as Kind, at: '', content: '' },
    validate: contractResolver(schema, { messages: { content: t('duty.log.contentRequired') } }),
  });
  const create = useApiMutation('duty.log.create', {
    onSuccess: () => {
      notifySaved(t('duty.log.saved'));
      form.setValues({ at: '', content: '' });
    },
    onError: (error) => {
      if (applyErrors(form, error) !== null) notifyError(error);
    },
  });
  // An empty time means "now" on the office clock, which the core fills in itself.
  const submit = form.onSubmit((values) => create.mutate(parsedInput(schema, values)));
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Title order={5}>{t('duty.log.addTitle')}</Title>
        <SegmentedControl
          fullWidth
          value={form.values.kind}
          onChange={(k) => form.setFieldValue('kind', k as Kind)}
          data={ENTRY_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          aria-label={t('duty.log.kind')}
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <DateField withTime name="at" label={t('duty.log.at')} description={t('duty.log.atHint')} value={form.values.at} onChange={(v) => form.setFieldValue('at', v)} error={form.errors.at} />
          </div>
          <Button variant="default" onClick={() => form.setFieldValue('at', toDateFieldValue(officeNow(), tz))}>
            {t('duty.log.now')}
          </Button>
        </Group>
        <Textarea
          label={t('duty.log.content')}
          placeholder={t('duty.log.contentPlaceholder')}
          autosize
          minRows={5}
          maxRows={10}
          required
          data-autofocus
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
          {...form.getInputProps('content')}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('duty.log.shortcut')}
          </Text>
          <Button type="submit" loading={create.isPending}>
            {t('duty.log.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LogTable({ rows, tz, multiDay }: { rows: readonly DutyLogEntry[]; tz: string; multiDay: boolean }) {
  return (
    <Table striped highlightOnHover verticalSpacing={6} fz="sm" stickyHeader>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={multiDay ? 120 : 64}>{t('duty.log.at')}</Table.Th>
          <Table.Th w={64}>{t('duty.log.kind')}</Table.Th>
          <Table.Th>{t('duty.log.content')}</Table.Th>
          <Table.Th w={90}>{t('duty.log.recorder')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((e) => (
          <Table.Tr key={e.id} data-testid="duty-log-row">
            <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
              {multiDay ? `${monthDayLabel(localDateOf(e.at, tz))} ` : ''}
              {timeLabel(e.at, tz)}
            </Table.Td>
            <Table.Td>
              <KindBadge kind={e.kind} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.content}</Table.Td>
            <Table.Td>{e.userName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 值班记录: quick entry of calls, visits and events on the shift, and the log for a day or range. */
export function DutyLogPage() {
  const session = useSession();
  const canWrite = session.may('duty.log.create');
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const today = localDateOf(now, tz);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const from = range?.from ?? today;
  const to = range?.to ?? today;
  const valid = isIsoDate(from) && isIsoDate(to) && to >= from && daysBetween(from, to) < MAX_DAYS;
  const log = useApiQuery('duty.log.list', valid ? { from: instantOf(from, tz), to: instantOf(addDays(to, 1), tz) } : null, { placeholderData: keepPreviousData });
  const rows = [...(log.data ?? [])].reverse();
  const setDays = (a: string, b: string) => setRange({ from: a, to: b });
  const quick = [
    { label: t('duty.log.today'), from: today, to: today },
    { label: t('duty.log.yesterday'), from: addDays(today, -1), to: addDays(today, -1) },
    { label: t('duty.log.last7'), from: addDays(today, -6), to: today },
  ];
  const title = from === to ? t('duty.log.listTitleDay', { date: monthDayLabel(from), weekday: weekdayOfDateLabel(from) }) : t('duty.log.listTitleRange', { from: monthDayLabel(from), to: monthDayLabel(to) });

  return (
    <Grid gap="md" align="stretch">
      {canWrite && (
        <Grid.Col span={4}>
          <Card withBorder padding="md" h="100%">
            <LogForm />
          </Card>
        </Grid.Col>
      )}
      <Grid.Col span={canWrite ? 8 : 12}>
        <Card withBorder padding="md">
          <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-end">
            <Stack gap={0}>
              <Title order={5}>{title}</Title>
              <Text size="xs" c="dimmed">
                {t('common.total', { count: rows.length })}
              </Text>
              <AuditHeadMark />
            </Stack>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              {quick.map((q) => (
                <Button key={q.label} size="xs" variant={q.from === from && q.to === to ? 'light' : 'default'} onClick={() => setDays(q.from, q.to)}>
                  {q.label}
                </Button>
              ))}
              {/* An incomplete date ('') keeps the range as it was until the whole date is typed. */}
              <DateField size="xs" label={t('duty.log.from')} value={from} onChange={(v) => v && setDays(v, to < v ? v : to)} w={150} />
              <Text size="xs" pb={6}>～</Text>
              <DateField size="xs" label={t('duty.log.to')} value={to} onChange={(v) => v && setDays(from, v)} w={150} />
            </Group>
          </Group>
          {!valid && (
            <Text size="sm" c="red.7">
              {t('duty.log.badRange', { days: MAX_DAYS })}
            </Text>
          )}
          <ScrollArea.Autosize mah="calc(100dvh - 250px)">
            {rows.length === 0 ? (
              <Text c="dimmed" size="sm" py="lg" ta="center">
                {t('duty.log.empty')}
              </Text>
            ) : (
              <LogTable rows={rows} tz={tz} multiDay={from !== to} />
            )}
          </ScrollArea.Autosize>
        </Card>
      </Grid.Col>
    </Grid>
  );
}
