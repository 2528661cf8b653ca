import { useState } from 'react';
import { Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { z } from 'zod';
import { contract, sensitivePeriodInputSchema, type DutyRole, type Rotation, type SensitivePeriod } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery, type ApiFailure } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { hourLabel, monthDayLabel, weekdayLabel } from '../../components/duty/duty-format';
import { sortRoles, useDutyData } from './duty-data';
import { RotationModal } from './RotationModal';
import { FormButtons } from '../../components/FormButtons';
import { DateField } from '../../components/forms/DateField';

export function patternSummary(r: Rotation): string {
  const base =
    r.pattern === 'daily'
      ? t('duty.rotation.summaryDaily', { hour: hourLabel(r.handoffHour) })
      : r.pattern === 'day_night'
        ? t('duty.rotation.summaryDayNight', { day: hourLabel(r.handoffHour), night: hourLabel(r.nightHour) })
        : t('duty.rotation.summaryWeekly', { weekday: weekdayLabel(r.weekday), hour: hourLabel(r.handoffHour) });
  return r.shiftsPerPerson > 1 ? `${base}${t('duty.rotation.summaryPerPerson', { count: r.shiftsPerPerson })}` : base;
}

function dateRange(from: string, to: string | null): string {
  return to ? `${from} ～ ${to}` : t('duty.rotation.openEnded', { from });
}

function RotationStatus({ r, today }: { r: Rotation; today: string }) {
  return (
    <Group gap={4}>
      {!r.active ? (
        <Badge color="gray" variant="light" radius="sm">
          {t('duty.rotation.statusInactive')}
        </Badge>
      ) : r.endDate !== null && r.endDate < today ? (
        <Badge color="gray" variant="light" radius="sm">
          {t('duty.rotation.statusEnded')}
        </Badge>
      ) : r.startDate > today ? (
        <Badge color="blue" variant="light" radius="sm">
          {t('duty.rotation.statusUpcoming')}
        </Badge>
      ) : (
        <Badge color="green" variant="light" radius="sm">
          {t('duty.rotation.statusActive')}
        </Badge>
      )}
      {r.sensitiveOnly && (
        <Badge color="orange" variant="light" radius="sm">
          {t('duty.rotation.sensitiveOnlyBadge')}
        </Badge>
      )}
    </Group>
  );
}

const roleForm = contract['duty.roles.create'].input;

/** A sensitive period runs from its first day to its last (dates as the date inputs give them). */
const periodForm = sensitivePeriodInputSchema
  .pick({ name: true, note: true })
  .extend({ startDate: z.string().min(1), endDate: z.string().min(1) })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], error: t('duty.rotation.endBeforeStart') });

/** A refusal that names a field of the form goes there; any other is a notification. */
function showRefusal(form: Parameters<typeof applyErrors>[0], error: ApiFailure): void {
  if (applyErrors(form, error) !== null) notifyError(error);
}

function RoleForm({ role, onClose }: { role: DutyRole | null; onClose(): void }) {
  const form = useForm({ initialValues: { name: role?.name ?? '' }, validate: contractResolver(roleForm, { messages: { name: t('duty.roles.nameRequired') } }) });
  const handlers = {
    onSuccess: (saved: DutyRole) => {
      notifySaved(t('duty.roles.saved', { name: saved.name }));
      onClose();
    },
    onError: (error: ApiFailure) => showRefusal(form, error),
  };
  const create = useApiMutation('duty.roles.create', handlers);
  const update = useApiMutation('duty.roles.update', handlers);
  const submit = form.onSubmit((v) => {
    const input = parsedInput(roleForm, v);
    if (role) update.mutate({ id: role.id, ...input });
    else create.mutate(input);
  });
  return (
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('duty.roles.name')} placeholder={t('duty.roles.namePlaceholder')} required data-autofocus {...form.getInputProps('name')} />
          <Text size="xs" c="dimmed">
            {t('duty.roles.hint')}
          </Text>
          <FormButtons onCancel={onClose} pending={create.isPending || update.isPending} />
        </Stack>
      </form>
  );
}

function RoleModal({ editing, onClose }: { editing: DutyRole | 'new' | null; onClose(): void }) {
  const role = editing === 'new' ? null : editing;
  return (
    <Modal opened={editing !== null} onClose={onClose} title={<Text fw={700}>{role ? t('duty.roles.renameTitle') : t('duty.roles.newTitle')}</Text>}>
      {editing !== null && <RoleForm key={role?.id ?? 'new'} role={role} onClose={onClose} />}
    </Modal>
  );
}

function PeriodForm({ period, onClose }: { period: SensitivePeriod | null; onClose(): void }) {
  const form = useForm({
    initialValues: {
      name: period?.name ?? '',
      startDate: period?.startDate ?? '',
      endDate: period?.endDate ?? '',
      note: period?.note ?? '',
      // Empty: from its start, or from today when it is added after its start (the core decides).
      reportsFrom: period && period.reportsFrom !== period.startDate ? period.reportsFrom : '',
    },
    validate: contractResolver(periodForm, { messages: { name: t('duty.periods.nameRequired'), startDate: t('duty.rotation.badDate'), endDate: t('duty.rotation.badDate') } }),
  });
  const handlers = {
    onSuccess: (saved: SensitivePeriod, input: { cancelled?: boolean }) => {
      notifySaved(input.cancelled ? t('duty.periods.removed', { name: saved.name }) : t('duty.periods.saved', { name: saved.name }));
      onClose();
    },
    onError: (error: ApiFailure) => showRefusal(form, error),
  };
  const create = useApiMutation('duty.sensitivePeriods.create', handlers);
  const update = useApiMutation('duty.sensitivePeriods.update', handlers);
  const busy = create.isPending || update.isPending;
  const save = (cancelled: boolean) => {
    const v = form.values;
    const input = { name: v.name.trim(), startDate: v.startDate, endDate: v.endDate, note: v.note, cancelled, reportsFrom: v.reportsFrom || null };
    if (period) update.mutate({ id: period.id, ...input });
    else create.mutate(input);
  };
  return (
      <form onSubmit={form.onSubmit(() => save(false))}>
        <Stack gap="sm">
          <TextInput label={t('duty.periods.name')} placeholder={t('duty.periods.namePlaceholder')} required data-autofocus {...form.getInputProps('name')} />
          <Group grow gap="sm" align="flex-start">
            <DateField label={t('duty.periods.startDate')} required value={form.values.startDate} onChange={(v) => form.setFieldValue('startDate', v)} error={form.errors.startDate} />
            <DateField label={t('duty.periods.endDate')} required value={form.values.endDate} onChange={(v) => form.setFieldValue('endDate', v)} error={form.errors.endDate} />
          </Group>
          <DateField
            label={t('duty.periods.reportsFrom')}
            description={t('duty.periods.reportsFromHint')}
            w={260}
            value={form.values.reportsFrom}
            onChange={(v) => form.setFieldValue('reportsFrom', v)}
            error={form.errors.reportsFrom}
          />
          <Textarea label={t('duty.periods.note')} placeholder={t('duty.periods.notePlaceholder')} autosize minRows={2} maxRows={5} {...form.getInputProps('note')} />
          <Text size="xs" c="dimmed">
            {t('duty.periods.hint')}
          </Text>
          <Group justify="space-between">
            {period ? (
              <Button variant="subtle" color="red" onClick={() => save(true)} disabled={busy}>
                {t('duty.periods.remove')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
  );
}

function PeriodModal({ editing, onClose }: { editing: SensitivePeriod | 'new' | null; onClose(): void }) {
  const period = editing === 'new' ? null : editing;
  return (
    <Modal opened={editing !== null} onClose={onClose} title={<Text fw={700}>{period ? t('duty.periods.editTitle') : t('duty.periods.newTitle')}</Text>}>
      {editing !== null && <PeriodForm key={period?.id ?? 'new'} period={period} onClose={onClose} />}
    </Modal>
  );
}

/** 轮值设置: rotations by duty role, the duty roles themselves, and sensitive periods. */
export function RotationsPage() {
  const session = useSession();
  const canPlan = session.may('duty.rotations.create');
  const mayKeepPeriods = session.may('duty.sensitivePeriods.create');
  const mayKeepRoles = session.may('duty.roles.create');
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const today = localDateOf(now, tz);
  const data = useDutyData();
  const periods = useApiQuery('duty.sensitivePeriods.list', {});
  const [editing, setEditing] = useState<Rotation | 'new' | null>(null);
  const [newForRole, setNewForRole] = useState<number | null>(null);
  const [editingRole, setEditingRole] = useState<DutyRole | 'new' | null>(null);
  const [editingPeriod, setEditingPeriod] = useState<SensitivePeriod | 'new' | null>(null);
  const roles = sortRoles(data.roles);
  const nameOf = (id: number) => data.users.find((u) => u.id === id)?.displayName ?? `#${id}`;
  const startNew = (roleId: number | null) => {
    setNewForRole(roleId);
    setEditing('new');
  };

  return (
    <Grid gap="md" align="flex-start">
      <Grid.Col span={9}>
        <Card withBorder padding="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('duty.rotation.listTitle')}</Title>
            {canPlan && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => startNew(roles.find((r) => r.key === 'officer')?.id ?? null)}>
                {t('duty.rotation.new')}
              </Button>
            )}
          </Group>
          <Stack gap="lg">
            {roles.map((role) => {
              const list = data.rotations.filter((r) => r.roleId === role.id);
              return (
                <Stack key={role.id} gap={6} data-testid={`rotations-${role.key}`}>
                  <Group justify="space-between">
                    <Group gap="xs">
                      <Text fw={700}>{role.name}</Text>
                      <Text size="xs" c="dimmed">
                        {t('duty.rotation.count', { count: list.length })}
                      </Text>
                    </Group>
                    {canPlan && (
                      <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => startNew(role.id)}>
                        {t('duty.rotation.newForRole', { role: role.name })}
                      </Button>
                    )}
                  </Group>
                  {list.length === 0 ? (
                    <Text size="sm" c={role.builtIn ? 'red.7' : 'dimmed'} pl="xs">
                      {role.builtIn ? t('duty.rotation.noneBuiltIn') : t('duty.rotation.none')}
                    </Text>
                  ) : (
                    <Table withTableBorder verticalSpacing={6} horizontalSpacing="sm" fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={130}>{t('duty.rotation.name')}</Table.Th>
                          <Table.Th w={196}>{t('duty.rotation.pattern')}</Table.Th>
                          <Table.Th>{t('duty.rotation.membersColumn')}</Table.Th>
                          <Table.Th w={128}>{t('duty.rotation.period')}</Table.Th>
                          <Table.Th w={140}>{t('duty.rotation.status')}</Table.Th>
                          {canPlan && <Table.Th w={56} />}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {list.map((r) => (
                          <Table.Tr key={r.id} data-testid="rotation-row">
                            <Table.Td fw={600}>{r.name}</Table.Td>
                            <Table.Td>{patternSummary(r)}</Table.Td>
                            <Table.Td>{r.members.map(nameOf).join(' → ')}</Table.Td>
                            <Table.Td c="dimmed">{dateRange(r.startDate, r.endDate)}</Table.Td>
                            <Table.Td>
                              <RotationStatus r={r} today={today} />
                            </Table.Td>
                            {canPlan && (
                              <Table.Td>
                                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(r)} aria-label={t('duty.rotation.editAria', { name: r.name })}>
                                  {t('common.edit')}
                                </Button>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Stack>
              );
            })}
          </Stack>
          {!canPlan && (
            <Text size="xs" c="dimmed" mt="md">
              {t('duty.rotation.readOnly')}
            </Text>
          )}
        </Card>
      </Grid.Col>
      <Grid.Col span={3}>
        <Stack gap="md">
          <Card withBorder padding="md">
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t('duty.periods.title')}</Title>
              {mayKeepPeriods && (
                <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditingPeriod('new')} data-testid="periods-add">
                  {t('duty.periods.add')}
                </Button>
              )}
            </Group>
            {(periods.data ?? []).length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('duty.periods.none')}
              </Text>
            ) : (
              <Stack gap={6}>
                {(periods.data ?? []).map((p) => {
                  const current = p.startDate <= today && today <= p.endDate;
                  return (
                    <Group key={p.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="sensitive-period">
                      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                        <Group gap={6}>
                          <Text size="sm" fw={600}>
                            {p.name}
                          </Text>
                          {current && (
                            <Badge size="xs" color="orange" radius="sm">
                              {t('duty.periods.current')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {monthDayLabel(p.startDate)} – {monthDayLabel(p.endDate)}
                          {p.startDate.slice(0, 4) !== today.slice(0, 4) && `（${p.startDate.slice(0, 4)}）`}
                          {p.note && ` · ${p.note}`}
                        </Text>
                        {p.reportsFrom > p.startDate && (
                          <Text size="xs" c="orange.8" data-testid="period-reports-from">
                            {t('duty.periods.reportsFromShown', { date: monthDayLabel(p.reportsFrom) })}
                          </Text>
                        )}
                      </Stack>
                      {mayKeepPeriods && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditingPeriod(p)}>
                          {t('common.edit')}
                        </Button>
                      )}
                    </Group>
                  );
                })}
              </Stack>
            )}
          </Card>
          <Card withBorder padding="md">
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t('duty.roles.title')}</Title>
              {mayKeepRoles && (
                <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditingRole('new')}>
                  {t('duty.roles.add')}
                </Button>
              )}
            </Group>
            <Stack gap={4}>
              {roles.map((r) => (
                <Group key={r.id} justify="space-between" wrap="nowrap">
                  <Group gap={6}>
                    <Text size="sm">{r.name}</Text>
                    {r.builtIn && (
                      <Badge size="xs" variant="light" color="gray" radius="sm">
                        {t('duty.roles.builtIn')}
                      </Badge>
                    )}
                  </Group>
                  {mayKeepRoles && !r.builtIn && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditingRole(r)}>
                      {t('duty.roles.rename')}
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
            <Text size="xs" c="dimmed" mt="xs">
              {t('duty.roles.explain')}
            </Text>
          </Card>
        </Stack>
      </Grid.Col>
      <RotationModal
        editing={editing}
        defaultRoleId={newForRole}
        roles={roles}
        people={data.people}
        users={data.users}
        today={today}
        onClose={() => setEditing(null)}
      />
      <RoleModal editing={editingRole} onClose={() => setEditingRole(null)} />
      <PeriodModal editing={editingPeriod} onClose={() => setEditingPeriod(null)} />
    </Grid>
  );
}
