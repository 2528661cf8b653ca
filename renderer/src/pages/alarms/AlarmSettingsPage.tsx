/** '#/alarms/settings' (administrators): when an unacknowledged alarm escalates and repeats, and when pre-alarms ring. */
import type { ReactNode } from 'react';
import { z } from 'zod';
import { Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { alarmSettingsSchema, type AlarmSettings } from '../../../../shared/api';
import { DEADLINE_KINDS, type DeadlineKind } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { ButtonLink } from '../../platform/links';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver } from '../../components/forms/contract-resolver';
import { formatPrealarmDays, parsePrealarmDays } from './prealarm-days';
import { SchedulerCard } from './SchedulerCard';

/** Kinds that ring no pre-alarms unless set for the kind itself (main/core/alarms NO_DEFAULT_PREALARMS). */
const NO_DEFAULT_PREALARMS: ReadonlySet<DeadlineKind> = new Set(['zero_report']);
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: t('alarms.settings.hourOption', { hour: h }) }));

interface KindDraft {
  readonly custom: boolean;
  readonly days: string;
}

interface Draft {
  readonly ackMinutes: number | string;
  readonly repeatMinutes: number | string;
  readonly prealarmHour: string;
  readonly defaultDays: string;
  readonly kinds: Record<DeadlineKind, KindDraft>;
}

function toDraft(s: AlarmSettings): Draft {
  const kinds = Object.fromEntries(
    DEADLINE_KINDS.map((k) => {
      const own = s.prealarmDays[k];
      return [k, { custom: own !== undefined, days: own ? formatPrealarmDays(own) : '' }];
    }),
  ) as Record<DeadlineKind, KindDraft>;
  return {
    ackMinutes: s.ackMinutes,
    repeatMinutes: s.repeatMinutes,
    prealarmHour: String(s.prealarmHour),
    defaultDays: formatPrealarmDays(s.prealarmDays.default ?? []),
    kinds,
  };
}

/** How long the core lets an alarm wait before it escalates or repeats (main/core/alarms). */
const MAX_MINUTES = 240;

const minutes = alarmSettingsSchema.shape.ackMinutes.min(1).max(MAX_MINUTES);
const daysText = z.string().refine((v) => parsePrealarmDays(v) !== null, { error: t('alarms.settings.daysInvalid') });

/** The settings as the page holds them: minutes as typed, pre-alarm days as text ('3、1、0'), per kind only when set. */
const draftSchema = z.object({
  ackMinutes: minutes,
  repeatMinutes: minutes,
  defaultDays: daysText,
  kinds: z.record(
    z.string(),
    z.object({ custom: z.boolean(), days: z.string() }).refine((k) => !k.custom || parsePrealarmDays(k.days) !== null, { path: ['days'], error: t('alarms.settings.daysInvalid') }),
  ),
});

/** Server field names (`prealarmDays.handling`) to this form's (`kinds.handling.days`). */
function formField(serverField: string): string {
  if (serverField === 'prealarmDays.default') return 'defaultDays';
  if (serverField.startsWith('prealarmDays.')) return `kinds.${serverField.slice('prealarmDays.'.length)}.days`;
  return serverField;
}

function FlowTitle({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" fw={600}>
      {children}
    </Text>
  );
}

/** What the two numbers mean, drawn as the steps an unacknowledged alarm goes through. */
function EscalationFlow({ ack, repeat }: { ack: number | string; repeat: number | string }) {
  return (
    <Timeline bulletSize={14} lineWidth={2} active={2} color="red" mt={6} aria-label={t('alarms.settings.flowTitle')}>
      <Timeline.Item title={<FlowTitle>{t('alarms.settings.flowFired')}</FlowTitle>}>
        <Text size="xs" c="dimmed">
          {t('alarms.settings.flowFiredHint')}
        </Text>
      </Timeline.Item>
      <Timeline.Item title={<FlowTitle>{t('alarms.settings.flowEscalated', { ack })}</FlowTitle>}>
        <Text size="xs" c="dimmed">
          {t('alarms.settings.flowEscalatedHint')}
        </Text>
      </Timeline.Item>
      <Timeline.Item title={<FlowTitle>{t('alarms.settings.flowRepeated', { repeat })}</FlowTitle>}>
        <Text size="xs" c="dimmed">
          {t('alarms.settings.flowRepeatedHint')}
        </Text>
      </Timeline.Item>
    </Timeline>
  );
}

function SettingsForm({ initial }: { initial: AlarmSettings }) {
  const form = useForm<Draft>({
    initialValues: toDraft(initial),
    validate: contractResolver(draftSchema, { messages: { ackMinutes: t('alarms.settings.minutesInvalid'), repeatMinutes: t('alarms.settings.minutesInvalid') } }),
  });
  const update = useApiMutation('alarms.settings.update', {
    onSuccess: (saved) => {
      form.setValues(toDraft(saved));
      form.resetDirty(toDraft(saved));
      notifySaved(t('alarms.settings.saved'));
    },
    onError: (error) => {
      if (error.fields) form.setErrors(Object.fromEntries(Object.entries(error.fields).map(([f, m]) => [formField(f), m])));
      notifyError(error);
    },
  });
  const v = form.getValues();
  const defaultText = formatPrealarmDays(parsePrealarmDays(v.defaultDays) ?? []) || t('alarms.settings.none');

  const submit = form.onSubmit(
    (values) => {
      const prealarmDays: Record<string, number[]> = {};
      // Keys this screen does not know (a kind added later) are kept as they were.
      for (const [k, days] of Object.entries(initial.prealarmDays)) {
        if (!(DEADLINE_KINDS as readonly string[]).includes(k)) prealarmDays[k] = [...days];
      }
      prealarmDays.default = parsePrealarmDays(values.defaultDays) ?? [];
      for (const k of DEADLINE_KINDS) {
        const kind = values.kinds[k];
        if (kind.custom) prealarmDays[k] = parsePrealarmDays(kind.days) ?? [];
      }
      update.mutate({
        ackMinutes: Number(values.ackMinutes),
        repeatMinutes: Number(values.repeatMinutes),
        prealarmHour: Number(values.prealarmHour),
        prealarmDays,
      });
    },
    // The red fields say what is wrong; bring the first one into view (it may be far down the kinds table).
    () =>
      requestAnimationFrame(() => {
        const first = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
        first?.scrollIntoView({ block: 'center' });
        first?.focus();
      }),
  );

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3}>{t('alarms.settings.title')}</Title>
          <Group gap="sm">
            <ButtonLink to="/alarms" variant="default" leftSection={<IconArrowLeft size={16} />}>
              {t('alarms.settings.back')}
            </ButtonLink>
            <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={16} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
        <SchedulerCard />
        <SimpleGrid cols={2} spacing="md">
          <Card withBorder radius="md">
            <Title order={5} mb="sm">
              {t('alarms.settings.escalation')}
            </Title>
            <Group align="flex-start" wrap="nowrap" gap="xl">
              <Stack gap="sm" w={300} style={{ flexShrink: 0 }}>
                <NumberInput label={t('alarms.settings.ackMinutes')} description={t('alarms.settings.ackMinutesHint')} min={1} max={240} allowDecimal={false} {...form.getInputProps('ackMinutes')} />
                <NumberInput label={t('alarms.settings.repeatMinutes')} description={t('alarms.settings.repeatMinutesHint')} min={1} max={240} allowDecimal={false} {...form.getInputProps('repeatMinutes')} />
              </Stack>
              <EscalationFlow ack={v.ackMinutes} repeat={v.repeatMinutes} />
            </Group>
          </Card>
          <Card withBorder radius="md">
            <Title order={5} mb="sm">
              {t('alarms.settings.prealarm')}
            </Title>
            <Stack gap="sm">
              <Group grow align="flex-start">
                <Select label={t('alarms.settings.prealarmHour')} description={t('alarms.settings.prealarmHourHint')} data={HOURS} allowDeselect={false} {...form.getInputProps('prealarmHour')} />
                <TextInput label={t('alarms.settings.defaultDays')} description={t('alarms.settings.daysHint')} placeholder={t('alarms.settings.none')} {...form.getInputProps('defaultDays')} />
              </Group>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <IconInfoCircle size={16} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0, marginTop: 2 }} />
                <Text size="xs" c="dimmed">
                  {t('alarms.settings.example', { hour: v.prealarmHour })}
                </Text>
              </Group>
            </Stack>
          </Card>
        </SimpleGrid>
        <Card withBorder radius="md" padding={0}>
          <Stack gap={2} p="md" pb="xs">
            <Title order={5}>{t('alarms.settings.perKind')}</Title>
            <Text size="sm" c="dimmed">
              {t('alarms.settings.perKindHint')}
            </Text>
          </Stack>
          <Table verticalSpacing={6} data-testid="prealarm-kinds">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th w={260}>{t('alarms.settings.colKind')}</Table.Th>
                <Table.Th w={110}>{t('alarms.settings.colCustom')}</Table.Th>
                <Table.Th>{t('alarms.settings.colDays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {DEADLINE_KINDS.map((k) => {
                const kind = v.kinds[k];
                const label = enumLabel('deadlineKind', k);
                const inherited = NO_DEFAULT_PREALARMS.has(k) ? t('alarms.settings.zeroReportDefault') : t('alarms.settings.followsDefault', { days: defaultText });
                return (
                  <Table.Tr key={k}>
                    <Table.Td>
                      <Text size="sm">{label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch aria-label={`${label}：${t('alarms.settings.colCustom')}`} {...form.getInputProps(`kinds.${k}.custom`, { type: 'checkbox' })} />
                    </Table.Td>
                    <Table.Td>
                      {kind.custom ? (
                        <TextInput size="xs" maw={360} aria-label={`${label}：${t('alarms.settings.colDays')}`} placeholder={t('alarms.settings.none')} {...form.getInputProps(`kinds.${k}.days`)} />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {inherited}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
    </form>
  );
}

export function AlarmSettingsPage() {
  const session = useSession();
  const settings = useApiQuery('alarms.settings.get', {});
  if (!session.may('alarms.settings.update')) {
    return (
      <Stack>
        <Title order={3}>{t('alarms.settings.title')}</Title>
        <Alert color="yellow">{t('alarms.settings.adminOnly')}</Alert>
        <ButtonLink to="/alarms" variant="default" w="fit-content" leftSection={<IconArrowLeft size={16} />}>
          {t('alarms.settings.back')}
        </ButtonLink>
      </Stack>
    );
  }
  if (settings.error) return <Alert color="red">{settings.error.message}</Alert>;
  if (!settings.data) return null;
  return <SettingsForm initial={settings.data} />;
}
