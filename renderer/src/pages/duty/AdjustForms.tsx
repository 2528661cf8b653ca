import { useEffect, useMemo, useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateField } from '../../components/forms/DateField';
import { fromLocalInput, toLocalInput } from '../../components/petitions/petition-format';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { z } from 'zod';
import { contract, type DutyRole, type Rotation, type Segment } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, type ApiFailure } from '../../platform/query';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { chosenId } from '../../components/forms/form-fields';
import { monthDayLabel, rangeLabel, weekdayOfDateLabel } from '../../components/duty/duty-format';
import { roleByKey, type Option } from './duty-data';
import { peopleOf, shiftWindow, shiftsOf, type DayPlan } from './month-model';

export interface AdjustContext {
  readonly date: string;
  readonly plan: DayPlan;
  readonly roles: readonly DutyRole[];
  readonly rotations: readonly Rotation[];
  readonly userOptions: readonly Option[];
  readonly roleOptions: readonly Option[];
  readonly segments: readonly Segment[];
  readonly tz: string;
  /** Shifts that have started are history: never offered for a swap. */
  readonly now: number;
}

function defaultRoleId(ctx: AdjustContext): number {
  return (roleByKey(ctx.roles, 'officer') ?? ctx.roles[0])?.id ?? 0;
}

/** The role's shift that day and the person the rotation put in it (for day/night, the day shift's). */
function shiftDefaults(ctx: AdjustContext, roleId: number) {
  const holder = peopleOf(ctx.plan.byRole.get(roleId) ?? []).find((p) => p.source !== 'extra');
  const w = holder ? personWindow(ctx, roleId, String(holder.userId)) : shiftWindow(ctx.date, roleId, ctx.plan, ctx.rotations, ctx.tz);
  return { ...fromNowOn(ctx, w), holder: holder ? String(holder.userId) : null };
}

/** A window as the form's values; a shift already running is changed from this minute on (its past is history). */
function fromNowOn(ctx: AdjustContext, w: { start: number; end: number }): { start: string; end: string } {
  const thisMinute = Math.floor(ctx.now / 60_000) * 60_000;
  const start = w.start < thisMinute && thisMinute < w.end ? thisMinute : w.start;
  return { start: toLocalInput(start, ctx.tz), end: toLocalInput(w.end, ctx.tz) };
}

/** The part of that day's shift one person holds; the whole shift when they hold none of it. */
function personWindow(ctx: AdjustContext, roleId: number, userId: string | null): { start: number; end: number } {
  const own = (ctx.plan.byRole.get(roleId) ?? []).filter((s) => String(s.userId) === userId && s.source !== 'extra');
  if (own.length === 0) return shiftWindow(ctx.date, roleId, ctx.plan, ctx.rotations, ctx.tz);
  return { start: Math.min(...own.map((s) => s.start)), end: Math.max(...own.map((s) => s.end)) };
}

function windowValues(ctx: AdjustContext, roleId: string, userId: string | null) {
  return fromNowOn(ctx, personWindow(ctx, Number(roleId), userId));
}

/** A date field's value ('2026-03-05 08:00:00') as the instant it names in the office's zone. */
function localTime(timeZone: string) {
  return z.string().transform((v, ctx) => {
    const at = fromLocalInput(v, timeZone);
    if (at === null) {
      ctx.addIssue({ code: 'custom', message: t('duty.adjust.badTime') });
      return z.NEVER;
    }
    return at;
  });
}

const overrideInput = contract['duty.overrides.create'].input.shape;
const swapInput = contract['duty.swap'].input.shape;
const filled = z.string().min(1);
const samePerson = t('duty.adjust.samePerson');

/** Who covers whom, from when to when, and why: the override's input, with the two people told apart. */
function overrideSchema(timeZone: string) {
  return z
    .object({ roleId: chosenId, replacedUserId: chosenId, userId: chosenId, startAt: localTime(timeZone), endAt: localTime(timeZone), reason: overrideInput.reason.pipe(filled) })
    .refine((v) => v.userId !== v.replacedUserId, { path: ['userId'], error: samePerson });
}

/** Two people and the shift each gives up; the second shift is one of that person's, chosen from a list. */
function swapSchema(timeZone: string) {
  return z
    .object({ roleId: chosenId, userA: chosenId, startA: localTime(timeZone), endA: localTime(timeZone), userB: chosenId, shiftB: z.string(), reason: swapInput.reason.pipe(filled) })
    .refine((v) => v.userB !== v.userA, { path: ['userB'], error: samePerson });
}

function extraSchema(timeZone: string) {
  return z.object({ roleId: chosenId, userId: chosenId, startAt: localTime(timeZone), endAt: localTime(timeZone), reason: overrideInput.reason.pipe(filled) });
}

const PERSON_WORDS = { messages: { userId: t('duty.adjust.pickPerson'), userA: t('duty.adjust.pickPerson'), userB: t('duty.adjust.pickPerson'), replacedUserId: t('duty.adjust.pickReplaced'), shiftB: t('duty.adjust.pickShift'), reason: t('duty.adjust.reasonRequired') } };

/** Shows a core error next to its field when the form has one, else as a notification. */
function showError<T extends Record<string, unknown>>(form: UseFormReturnType<T>, error: ApiFailure, rename: Record<string, string> = {}) {
  if (applyErrors(form, error, { rename }) !== null) notifyError(error);
}

function TimeRangeInputs<T extends Record<string, unknown>>({ form, startField, endField }: { form: UseFormReturnType<T>; startField: string; endField: string }) {
  const field = (path: string, label: string) => (
    <DateField
      withTime
      required
      name={path}
      label={label}
      value={String(form.getValues()[path] ?? '')}
      onChange={(v) => form.setFieldValue(path, v as never)}
      error={form.errors[path]}
    />
  );
  return (
    <Group grow gap="xs" align="flex-start">
      {field(startField, t('duty.adjust.start'))}
      {field(endField, t('duty.adjust.end'))}
    </Group>
  );
}

/**
 * The day's plan can arrive after a form opened (a push refetches it, or the cache held an older one): while no one
 * is chosen (`chosen` is null), who holds the shift and its window are filled in as soon as the plan names them.
 */
function useHolderOnceKnown(ctx: AdjustContext, roleId: string, chosen: string | null, fill: (d: ReturnType<typeof shiftDefaults>) => void) {
  const d = shiftDefaults(ctx, Number(roleId));
  useEffect(() => {
    if (chosen === null && d.holder !== null) fill(d);
    // Only a newly known holder matters; fill is a new function each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen, d.holder]);
}

/** 替班: someone covers another person's shift (or part of it). */
export function OverrideForm({ ctx }: { ctx: AdjustContext }) {
  const roleId = defaultRoleId(ctx);
  const d = shiftDefaults(ctx, roleId);
  const [schema] = useState(() => overrideSchema(ctx.tz));
  const form = useForm({
    initialValues: { roleId: String(roleId), replacedUserId: d.holder, userId: null as string | null, startAt: d.start, endAt: d.end, reason: '' },
    validate: contractResolver(schema, PERSON_WORDS),
  });
  const create = useApiMutation('duty.overrides.create', {
    onSuccess: () => {
      notifySaved(t('duty.adjust.overrideSaved'));
      form.setValues({ userId: null, reason: '' });
    },
    onError: (error) => showError(form, error),
  });
  const changeRole = (value: string | null) => {
    if (!value) return;
    const nd = shiftDefaults(ctx, Number(value));
    form.setValues({ roleId: value, replacedUserId: nd.holder, startAt: nd.start, endAt: nd.end });
  };
  useHolderOnceKnown(ctx, form.values.roleId, form.values.replacedUserId, (nd) => form.setValues({ replacedUserId: nd.holder, startAt: nd.start, endAt: nd.end }));
  const submit = form.onSubmit((values) => create.mutate(parsedInput(schema, values)));
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" data-testid="duty-override-form">
        <Group grow gap="xs">
          <Select label={t('duty.adjust.role')} data={ctx.roleOptions as Option[]} allowDeselect={false} {...form.getInputProps('roleId')} onChange={changeRole} />
          <Select
            label={t('duty.adjust.replaced')}
            data={ctx.userOptions as Option[]}
            searchable
            required
            {...form.getInputProps('replacedUserId')}
            onChange={(value) => {
              const w = windowValues(ctx, form.values.roleId, value);
              form.setValues({ replacedUserId: value, startAt: w.start, endAt: w.end });
            }}
          />
        </Group>
        <Select
          label={t('duty.adjust.replacement')}
          placeholder={t('duty.adjust.pickPerson')}
          data={ctx.userOptions.filter((o) => o.value !== form.values.replacedUserId)}
          searchable
          required
          {...form.getInputProps('userId')}
        />
        <TimeRangeInputs form={form} startField="startAt" endField="endAt" />
        <TextInput label={t('duty.adjust.reason')} placeholder={t('duty.adjust.reasonPlaceholder')} required {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('duty.adjust.saveOverride')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 换班: two people trade shifts; each covers the other's. */
export function SwapForm({ ctx }: { ctx: AdjustContext }) {
  const roleId = defaultRoleId(ctx);
  const d = shiftDefaults(ctx, roleId);
  const [schema] = useState(() => swapSchema(ctx.tz));
  const form = useForm({
    initialValues: { roleId: String(roleId), userA: d.holder, startA: d.start, endA: d.end, userB: null as string | null, shiftB: null as string | null, reason: '' },
    validate: contractResolver(schema, PERSON_WORDS),
  });
  const swap = useApiMutation('duty.swap', {
    onSuccess: () => {
      notifySaved(t('duty.adjust.swapSaved'));
      form.setValues({ userB: null, shiftB: null, reason: '' });
    },
    onError: (error) => showError(form, error, { startB: 'shiftB', endB: 'shiftB' }),
  });
  useHolderOnceKnown(ctx, form.values.roleId, form.values.userA, (nd) => form.setValues({ userA: nd.holder, startA: nd.start, endA: nd.end }));
  const v = form.values;
  const startA = fromLocalInput(v.startA, ctx.tz);
  const endA = fromLocalInput(v.endA, ctx.tz);
  const shiftOptions = useMemo<Option[]>(() => {
    if (v.userB === null) return [];
    return shiftsOf(Number(v.userB), Number(v.roleId), ctx.segments)
      .filter((s) => s.start >= ctx.now)
      .filter((s) => startA === null || endA === null || s.end <= startA || s.start >= endA)
      .map((s) => {
        const day = localDateOf(s.start, ctx.tz);
        return { value: `${s.start}-${s.end}`, label: `${monthDayLabel(day)} ${weekdayOfDateLabel(day)} ${rangeLabel(s.start, s.end, day, ctx.tz)}` };
      });
  }, [v.userB, v.roleId, ctx.segments, ctx.tz, ctx.now, startA, endA]);

  const changeRole = (value: string | null) => {
    if (!value) return;
    const nd = shiftDefaults(ctx, Number(value));
    form.setValues({ roleId: value, userA: nd.holder, startA: nd.start, endA: nd.end, userB: null, shiftB: null });
  };
  const changeUserB = (value: string | null) => {
    const options = value === null ? [] : shiftsOf(Number(value), Number(v.roleId), ctx.segments).filter((s) => s.start >= ctx.now && (startA === null || s.start >= startA));
    const first = options[0];
    form.setValues({ userB: value, shiftB: first ? `${first.start}-${first.end}` : null });
  };
  const submit = form.onSubmit((values) => {
    const input = parsedInput(schema, values);
    const [startB = 0, endB = 0] = input.shiftB.split('-').map(Number);
    swap.mutate({ roleId: input.roleId, userA: input.userA, startA: input.startA, endA: input.endA, userB: input.userB, startB, endB, reason: input.reason });
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" data-testid="duty-swap-form">
        <Group grow gap="xs">
          <Select label={t('duty.adjust.role')} data={ctx.roleOptions as Option[]} allowDeselect={false} {...form.getInputProps('roleId')} onChange={changeRole} />
          <Select
            label={t('duty.adjust.personA')}
            data={ctx.userOptions as Option[]}
            searchable
            required
            {...form.getInputProps('userA')}
            onChange={(value) => {
              const w = windowValues(ctx, form.values.roleId, value);
              form.setValues({ userA: value, startA: w.start, endA: w.end, userB: null, shiftB: null });
            }}
          />
        </Group>
        <TimeRangeInputs form={form} startField="startA" endField="endA" />
        <Select
          label={t('duty.adjust.personB')}
          placeholder={t('duty.adjust.pickPerson')}
          data={ctx.userOptions.filter((o) => o.value !== v.userA)}
          searchable
          required
          {...form.getInputProps('userB')}
          onChange={changeUserB}
        />
        <Select
          label={t('duty.adjust.shiftB')}
          placeholder={v.userB === null ? t('duty.adjust.pickPersonFirst') : shiftOptions.length === 0 ? t('duty.adjust.noShifts') : t('duty.adjust.pickShift')}
          data={shiftOptions}
          disabled={shiftOptions.length === 0}
          required
          {...form.getInputProps('shiftB')}
        />
        <Text size="xs" c="dimmed">
          {t('duty.adjust.swapHint')}
        </Text>
        <TextInput label={t('duty.adjust.reason')} placeholder={t('duty.adjust.reasonPlaceholder')} required {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" loading={swap.isPending}>
            {t('duty.adjust.saveSwap')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 加班: an extra person on top of whoever the rotations put on duty (e.g. during a sensitive period). */
export function ExtraForm({ ctx }: { ctx: AdjustContext }) {
  const roleId = defaultRoleId(ctx);
  const d = shiftDefaults(ctx, roleId);
  const [schema] = useState(() => extraSchema(ctx.tz));
  const form = useForm({
    initialValues: { roleId: String(roleId), userId: null as string | null, startAt: d.start, endAt: d.end, reason: '' },
    validate: contractResolver(schema, PERSON_WORDS),
  });
  const create = useApiMutation('duty.overrides.create', {
    onSuccess: () => {
      notifySaved(t('duty.adjust.extraSaved'));
      form.setValues({ userId: null, reason: '' });
    },
    onError: (error) => showError(form, error),
  });
  const onDuty = new Set((ctx.plan.byRole.get(Number(form.values.roleId)) ?? []).map((s) => String(s.userId)));
  const changeRole = (value: string | null) => {
    if (!value) return;
    const nd = shiftDefaults(ctx, Number(value));
    form.setValues({ roleId: value, startAt: nd.start, endAt: nd.end });
  };
  const submit = form.onSubmit((values) => create.mutate({ ...parsedInput(schema, values), replacedUserId: null, extra: true }));
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" data-testid="duty-extra-form">
        <Group grow gap="xs">
          <Select label={t('duty.adjust.role')} data={ctx.roleOptions as Option[]} allowDeselect={false} {...form.getInputProps('roleId')} onChange={changeRole} />
          <Select
            label={t('duty.adjust.extraPerson')}
            placeholder={t('duty.adjust.pickPerson')}
            data={ctx.userOptions.filter((o) => !onDuty.has(o.value))}
            searchable
            required
            {...form.getInputProps('userId')}
          />
        </Group>
        <TimeRangeInputs form={form} startField="startAt" endField="endAt" />
        <TextInput label={t('duty.adjust.reason')} placeholder={t('duty.adjust.extraReasonPlaceholder')} required {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('duty.adjust.saveExtra')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The day's shifts that have started, as choices: "值班员 08:00–次日08:00 钱值班". */
function startedShiftOptions(ctx: AdjustContext): Option[] {
  const roleName = new Map(ctx.roles.map((r) => [r.id, r.name]));
  return [...ctx.plan.byRole.values()]
    .flat()
    .filter((s) => s.start < ctx.now)
    .sort((a, b) => a.roleId - b.roleId || a.start - b.start)
    .map((s) => ({ value: `${s.roleId}:${s.start}:${s.end}:${s.userId}`, label: `${roleName.get(s.roleId) ?? ''} ${rangeLabel(s.start, s.end, ctx.date, ctx.tz)} ${s.userName}` }));
}

const correctionSchema = z.object({ shift: filled, actualUserId: chosenId, reason: contract['duty.corrections.create'].input.shape.reason.pipe(filled) });

/**
 * 值班更正: who actually served a shift that has started, when it was not the person on the roster. The roster
 * stays as it was; the correction is a reasoned entry in the duty log.
 */
export function CorrectionForm({ ctx }: { ctx: AdjustContext }) {
  const options = startedShiftOptions(ctx);
  const form = useForm({
    initialValues: { shift: options[0]?.value ?? null, actualUserId: null as string | null, reason: '' },
    validate: contractResolver(correctionSchema, { messages: { shift: t('duty.correction.pickShift'), actualUserId: t('duty.adjust.pickPerson'), reason: t('duty.adjust.reasonRequired') } }),
  });
  const create = useApiMutation('duty.corrections.create', {
    onSuccess: () => {
      notifySaved(t('duty.correction.saved'));
      form.setValues({ actualUserId: null, reason: '' });
    },
    onError: (error) => showError(form, error, { startAt: 'shift', endAt: 'shift', roleId: 'shift' }),
  });
  // The day's plan and the clock may arrive after the drawer opens: until a shift is chosen, offer the first one.
  const firstShift = options[0]?.value ?? null;
  const chosenShift = form.values.shift;
  const offered = options.some((o) => o.value === chosenShift);
  useEffect(() => {
    if (!offered && firstShift !== null) form.setFieldValue('shift', firstShift);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- form is a stable handle
  }, [offered, firstShift]);
  const scheduled = form.values.shift?.split(':')[3] ?? null;
  const submit = form.onSubmit((values) => {
    const input = parsedInput(correctionSchema, values);
    const [roleId = 0, startAt = 0, endAt = 0, scheduledUserId = 0] = input.shift.split(':').map(Number);
    create.mutate({ roleId, startAt, endAt, scheduledUserId, actualUserId: input.actualUserId, reason: input.reason });
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="xs" data-testid="duty-correction-form">
        <Select label={t('duty.correction.shift')} data={options} allowDeselect={false} required {...form.getInputProps('shift')} />
        <Select
          label={t('duty.correction.actual')}
          placeholder={t('duty.adjust.pickPerson')}
          data={ctx.userOptions.filter((o) => o.value !== scheduled)}
          searchable
          required
          {...form.getInputProps('actualUserId')}
        />
        <TextInput label={t('duty.adjust.reason')} placeholder={t('duty.correction.reasonPlaceholder')} required {...form.getInputProps('reason')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('duty.correction.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
