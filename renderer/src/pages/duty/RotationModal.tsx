import { useState } from 'react';
import { ActionIcon, Badge, Button, Grid, Group, Input, Modal, NumberInput, Paper, ScrollArea, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { DateField } from '../../components/forms/DateField';
import { IconArrowDown, IconArrowUp, IconX } from '@tabler/icons-react';
import { z } from 'zod';
import { rotationInputSchema, type DutyRole, type Rotation, type User } from '../../../../shared/api';
import { SHIFT_PATTERNS } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { isIsoDate } from '../../../../shared/time';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, type ApiFailure } from '../../platform/query';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { chosenId } from '../../components/forms/form-fields';
import { hourLabel, monthDayLabel, weekdayLabel, weekdayOfDateLabel } from '../../components/duty/duty-format';
import { personLabel, type Option } from './duty-data';
import { previewShifts } from './rotation-preview';

type Pattern = (typeof SHIFT_PATTERNS)[number];

const HOURS: Option[] = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: hourLabel(h) }));
/** Monday first, as the office's week runs. */
const WEEKDAYS: Option[] = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: String(d), label: weekdayLabel(d) }));

const shape = rotationInputSchema.shape;
const hour = z.string().transform(Number).pipe(shape.handoffHour.unwrap());
const badDate = t('duty.rotation.badDate');

/** The rotation as the form holds it (hours and weekday as select values, dates as typed); out, the input. */
const rotationForm = rotationInputSchema
  .pick({ name: true, pattern: true, shiftsPerPerson: true, sensitiveOnly: true, active: true })
  .extend({
    roleId: chosenId,
    handoffHour: hour,
    nightHour: hour,
    weekday: z.string().transform(Number).pipe(shape.weekday.unwrap()),
    startDate: z.string().refine(isIsoDate, { error: badDate }),
    endDate: z
      .string()
      .refine((v) => v === '' || isIsoDate(v), { error: badDate })
      .transform((v) => v || null),
    members: shape.members.min(1),
  })
  .refine((v) => v.endDate === null || v.endDate >= v.startDate, { path: ['endDate'], error: t('duty.rotation.endBeforeStart') })
  .refine((v) => v.pattern !== 'day_night' || v.nightHour > v.handoffHour, { path: ['nightHour'], error: t('duty.rotation.nightAfterDay') });

interface Values {
  name: string;
  roleId: string | null;
  pattern: Pattern;
  handoffHour: string;
  nightHour: string;
  weekday: string;
  shiftsPerPerson: number;
  startDate: string;
  endDate: string;
  sensitiveOnly: boolean;
  active: boolean;
  members: number[];
}

function initialValues(rotation: Rotation | null, roleId: number | null, today: string): Values {
  if (rotation) {
    return {
      name: rotation.name,
      roleId: String(rotation.roleId),
      pattern: rotation.pattern,
      handoffHour: String(rotation.handoffHour),
      nightHour: String(rotation.nightHour),
      weekday: String(rotation.weekday),
      shiftsPerPerson: rotation.shiftsPerPerson,
      startDate: rotation.startDate,
      endDate: rotation.endDate ?? '',
      sensitiveOnly: rotation.sensitiveOnly,
      active: rotation.active,
      members: [...rotation.members],
    };
  }
  return {
    name: '',
    roleId: roleId === null ? null : String(roleId),
    pattern: 'daily',
    handoffHour: '8',
    nightHour: '18',
    weekday: '2',
    shiftsPerPerson: 1,
    startDate: today,
    endDate: '',
    sensitiveOnly: false,
    active: true,
    members: [],
  };
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

export interface RotationModalProps {
  /** null: closed; 'new': a new rotation; otherwise the rotation being edited. */
  readonly editing: Rotation | 'new' | null;
  readonly defaultRoleId: number | null;
  readonly roles: readonly DutyRole[];
  readonly people: readonly User[];
  readonly users: readonly User[];
  readonly today: string;
  onClose(): void;
}

function RotationForm({ rotation, defaultRoleId, roles, people, users, today, onClose }: Omit<RotationModalProps, 'editing'> & { rotation: Rotation | null }) {
  const [search, setSearch] = useState('');
  const form = useForm<Values>({
    initialValues: initialValues(rotation, defaultRoleId, today),
    validate: contractResolver(rotationForm, {
      messages: { name: t('duty.rotation.nameRequired'), roleId: t('duty.rotation.roleRequired'), members: t('duty.rotation.membersRequired') },
    }),
  });
  const handlers = {
    onSuccess: (saved: Rotation) => {
      notifySaved(t('duty.rotation.saved', { name: saved.name }));
      onClose();
    },
    onError: (error: ApiFailure) => {
      if (applyErrors(form, error) !== null) notifyError(error);
    },
  };
  const create = useApiMutation('duty.rotations.create', handlers);
  const update = useApiMutation('duty.rotations.update', handlers);
  const v = form.values;
  const nameOf = (id: number) => users.find((u) => u.id === id)?.displayName ?? `#${id}`;
  const addable = people.filter((u) => !v.members.includes(u.id)).map((u) => ({ value: String(u.id), label: personLabel(u) }));
  const preview = previewShifts({ ...v, weekday: Number(v.weekday), endDate: v.endDate || null }, today, v.pattern === 'day_night' ? 8 : 7);

  const submit = form.onSubmit((values) => {
    const input = parsedInput(rotationForm, values);
    if (rotation) update.mutate({ id: rotation.id, ...input });
    else create.mutate(input);
  });

  const hourFields =
    v.pattern === 'daily' ? (
      <Select label={t('duty.rotation.handoffHour')} data={HOURS} allowDeselect={false} {...form.getInputProps('handoffHour')} />
    ) : v.pattern === 'day_night' ? (
      <>
        <Select label={t('duty.rotation.dayStart')} data={HOURS} allowDeselect={false} {...form.getInputProps('handoffHour')} />
        <Select label={t('duty.rotation.nightStart')} data={HOURS} allowDeselect={false} {...form.getInputProps('nightHour')} />
      </>
    ) : (
      <>
        <Select label={t('duty.rotation.weekday')} data={WEEKDAYS} allowDeselect={false} {...form.getInputProps('weekday')} />
        <Select label={t('duty.rotation.startHour')} data={HOURS} allowDeselect={false} {...form.getInputProps('handoffHour')} />
      </>
    );

  return (
    <form onSubmit={submit}>
      <Grid gap="lg">
        <Grid.Col span={6}>
          <Stack gap="sm">
            <TextInput label={t('duty.rotation.name')} placeholder={t('duty.rotation.namePlaceholder')} required data-autofocus {...form.getInputProps('name')} />
            <Select
              label={t('duty.rotation.role')}
              data={roles.map((r) => ({ value: String(r.id), label: r.name }))}
              allowDeselect={false}
              required
              {...form.getInputProps('roleId')}
            />
            <Input.Wrapper label={t('duty.rotation.pattern')} required>
              <SegmentedControl
                fullWidth
                mt={4}
                value={v.pattern}
                onChange={(p) => form.setFieldValue('pattern', p as Pattern)}
                data={SHIFT_PATTERNS.map((p) => ({ value: p, label: t(`duty.pattern.${p}`) }))}
              />
            </Input.Wrapper>
            <Group grow gap="sm" align="flex-start">
              {hourFields}
            </Group>
            <Group grow gap="sm" align="flex-start">
              <DateField label={t('duty.rotation.startDate')} required value={form.values.startDate} onChange={(v) => form.setFieldValue('startDate', v)} error={form.errors.startDate} />
              <DateField
                label={t('duty.rotation.endDate')}
                description={t('duty.rotation.endDateHint')}
                value={form.values.endDate}
                onChange={(v) => form.setFieldValue('endDate', v)}
                error={form.errors.endDate}
              />
            </Group>
            <Group grow gap="sm" align="flex-end">
              <NumberInput label={t('duty.rotation.shiftsPerPerson')} min={1} max={31} allowDecimal={false} {...form.getInputProps('shiftsPerPerson')} />
              <Stack gap={8} pb={4}>
                <Switch label={t('duty.rotation.sensitiveOnly')} {...form.getInputProps('sensitiveOnly', { type: 'checkbox' })} />
                {rotation && <Switch label={t('duty.rotation.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
              </Stack>
            </Group>
            {v.sensitiveOnly && (
              <Text size="xs" c="orange.8">
                {t('duty.rotation.sensitiveOnlyHint')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={6}>
          <Stack gap="sm">
            <Input.Wrapper label={t('duty.rotation.members')} description={t('duty.rotation.membersHint')} error={form.errors.members} required>
              <Paper withBorder p={4} mt={4}>
                <ScrollArea.Autosize mah={190}>
                  {v.members.length === 0 && (
                    <Text size="sm" c="dimmed" p="xs">
                      {t('duty.rotation.noMembers')}
                    </Text>
                  )}
                  {v.members.map((id, i) => (
                    <Group key={id} gap={6} wrap="nowrap" px={4} py={2} data-testid="rotation-member">
                      <Badge size="sm" circle variant="light">
                        {i + 1}
                      </Badge>
                      <Text size="sm" style={{ flex: 1 }}>
                        {nameOf(id)}
                      </Text>
                      <ActionIcon size="sm" variant="subtle" disabled={i === 0} onClick={() => form.setFieldValue('members', move(v.members, i, i - 1))} aria-label={t('duty.rotation.moveUp', { name: nameOf(id) })}>
                        <IconArrowUp size={14} />
                      </ActionIcon>
                      <ActionIcon size="sm" variant="subtle" disabled={i === v.members.length - 1} onClick={() => form.setFieldValue('members', move(v.members, i, i + 1))} aria-label={t('duty.rotation.moveDown', { name: nameOf(id) })}>
                        <IconArrowDown size={14} />
                      </ActionIcon>
                      <ActionIcon size="sm" variant="subtle" color="red" onClick={() => form.setFieldValue('members', v.members.filter((m) => m !== id))} aria-label={t('duty.rotation.remove', { name: nameOf(id) })}>
                        <IconX size={14} />
                      </ActionIcon>
                    </Group>
                  ))}
                </ScrollArea.Autosize>
              </Paper>
            </Input.Wrapper>
            <Select
              aria-label={t('duty.rotation.addMember')}
              placeholder={t('duty.rotation.addMember')}
              data={addable}
              value={null}
              searchable
              searchValue={search}
              onSearchChange={setSearch}
              nothingFoundMessage={t('duty.rotation.nobodyLeft')}
              onChange={(id) => {
                if (id) form.setFieldValue('members', [...v.members, Number(id)]);
                setSearch('');
              }}
            />
            <Paper withBorder p="xs" bg="gray.0">
              <Text size="xs" fw={600} c="gray.7" mb={4}>
                {t('duty.rotation.preview')}
              </Text>
              {preview.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('duty.rotation.previewEmpty')}
                </Text>
              ) : (
                <Stack gap={2} data-testid="rotation-preview">
                  {preview.map((s) => (
                    <Group key={`${s.date}-${s.night}`} gap={8} wrap="nowrap">
                      <Text size="xs" c="dimmed" w={110}>
                        {monthDayLabel(s.date)} {weekdayOfDateLabel(s.date)}
                        {v.pattern === 'day_night' && ` ${t(s.night ? 'duty.rotation.nightShift' : 'duty.rotation.dayShift')}`}
                      </Text>
                      <Text size="xs">{nameOf(s.userId)}</Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending || update.isPending}>
          {t('duty.rotation.save')}
        </Button>
      </Group>
    </form>
  );
}

/** Create or edit a rotation: who takes turns, in what order, on which pattern, from when. */
export function RotationModal(props: RotationModalProps) {
  const { editing, onClose } = props;
  const rotation = editing === 'new' ? null : editing;
  return (
    <Modal opened={editing !== null} onClose={onClose} size={860} title={<Text fw={700}>{rotation ? t('duty.rotation.editTitle', { name: rotation.name }) : t('duty.rotation.newTitle')}</Text>}>
      {editing !== null && <RotationForm key={rotation?.id ?? 'new'} rotation={rotation} {...props} />}
    </Modal>
  );
}
