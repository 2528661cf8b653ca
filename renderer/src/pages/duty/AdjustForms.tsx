import { useMemo, useState } from 'react';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { ApiError, DutyRole, Rotation, Segment } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { localDateOf, parseLocalDateTime } from '../../../../shared/time';
import { api } from '../../api/client';
import { fieldErrors, notifyError, notifySaved } from '../../app/use-api';
import { monthDayLabel, rangeLabel, toLocalInput, weekdayOfDateLabel } from '../../components/duty/duty-format';
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
}

function defaultRoleId(ctx: AdjustContext): number {
  return (roleByKey(ctx.roles, 'officer') ?? ctx.roles[0])?.id ?? 0;
}

/** The role's shift that day and the person the rotation put in it (for day/night, the day shift's). */
function shiftDefaults(ctx: AdjustContext, roleId: number) {
  const holder = peopleOf(ctx.plan.byRole.get(roleId) ?? []).find((p) => p.source !== 'extra');
  const w = holder ? personWindow(ctx, roleId, String(holder.userId)) : shiftWindow(ctx.date, roleId, ctx.plan, ctx.rotations, ctx.tz);
  return { start: toLocalInput(w.start, ctx.tz), end: toLocalInput(w.end, ctx.tz), holder: holder ? String(holder.userId) : null };
}

/** The part of that day's shift one person holds; the whole shift when they hold none of it. */
function personWindow(ctx: AdjustContext, roleId: number, userId: string | null): { start: number; end: number } {
  const own = (ctx.plan.byRole.get(roleId) ?? []).filter((s) => String(s.userId) === userId && s.source !== 'extra');
  if (own.length === 0) return shiftWindow(ctx.date, roleId, ctx.plan, ctx.rotations, ctx.tz);
  return { start: Math.min(...own.map((s) => s.start)), end: Math.max(...own.map((s) => s.end)) };
}

function windowValues(ctx: AdjustContext, roleId: string, userId: string | null) {
  const w = personWindow(ctx, Number(roleId), userId);
  return { start: toLocalInput(w.start, ctx.tz), end: toLocalInput(w.end, ctx.tz) };
}

const required = (message: string) => (v: unknown) => (v === null || v === '' ? message : null);

/** Shows a core error next to its field when the form has one, else as a notification. */
function showError<T extends Record<string, unknown>>(form: UseFormReturnType<T>, error: ApiError, rename: Record<string, string> = {}) {
  const fields = Object.entries(fieldErrors(error)).map(([k, v]) => [rename[k] ?? k, v] as const).filter(([k]) => k in form.values);
  if (fields.length > 0) form.setErrors(Object.fromEntries(fields));
  else notifyError(error);
}

function TimeRangeInputs<T extends Record<string, unknown>>({ form, startField, endField }: { form: UseFormReturnType<T>; startField: string; endField: string }) {
  return (
    <Group grow gap="xs">
      <TextInput type="datetime-local" label={t('duty.adjust.start')} required {...form.getInputProps(startField)} />
      <TextInput type="datetime-local" label={t('duty.adjust.end')} required {...form.getInputProps(endField)} />
    </Group>
  );
}

function parseRange(tz: string, start: string, end: string): { start: number; end: number } | { error: 'start' | 'end' } {
  const s = parseLocalDateTime(start, tz);
  if (s === null) return { error: 'start' };
  const e = parseLocalDateTime(end, tz);
  if (e === null) return { error: 'end' };
  return { start: s, end: e };
}

/** 替班: someone covers another person's shift (or part of it). */
export function OverrideForm({ ctx }: { ctx: AdjustContext }) {
  const roleId = defaultRoleId(ctx);
  const d = shiftDefaults(ctx, roleId);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { roleId: String(roleId), replacedUserId: d.holder, userId: null as string | null, startAt: d.start, endAt: d.end, reason: '' },
    validate: {
      replacedUserId: required(t('duty.adjust.pickReplaced')),
      userId: (v, values) => (v === null ? t('duty.adjust.pickPerson') : v === values.replacedUserId ? t('duty.adjust.samePerson') : null),
      reason: required(t('duty.adjust.reasonRequired')),
    },
  });
  const changeRole = (value: string | null) => {
    if (!value) return;
    const nd = shiftDefaults(ctx, Number(value));
    form.setValues({ roleId: value, replacedUserId: nd.holder, startAt: nd.start, endAt: nd.end });
  };
  const submit = form.onSubmit(async (v) => {
    const range = parseRange(ctx.tz, v.startAt, v.endAt);
    if ('error' in range) return form.setFieldError(range.error === 'start' ? 'startAt' : 'endAt', t('duty.adjust.badTime'));
    setBusy(true);
    const r = await api.call('duty.overrides.create', {
      roleId: Number(v.roleId),
      userId: Number(v.userId),
      replacedUserId: v.replacedUserId ? Number(v.replacedUserId) : null,
      startAt: range.start,
      endAt: range.end,
      reason: v.reason,
    });
    setBusy(false);
    if (!r.ok) return showError(form, r.error);
    notifySaved(t('duty.adjust.overrideSaved'));
    form.setValues({ userId: null, reason: '' });
  });
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
          <Button type="submit" loading={busy}>
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
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { roleId: String(roleId), userA: d.holder, startA: d.start, endA: d.end, userB: null as string | null, shiftB: null as string | null, reason: '' },
    validate: {
      userA: required(t('duty.adjust.pickPerson')),
      userB: (v, values) => (v === null ? t('duty.adjust.pickPerson') : v === values.userA ? t('duty.adjust.samePerson') : null),
      shiftB: required(t('duty.adjust.pickShift')),
      reason: required(t('duty.adjust.reasonRequired')),
    },
  });
  const v = form.values;
  const startA = parseLocalDateTime(v.startA, ctx.tz);
  const endA = parseLocalDateTime(v.endA, ctx.tz);
  const shiftOptions = useMemo<Option[]>(() => {
    if (v.userB === null) return [];
    return shiftsOf(Number(v.userB), Number(v.roleId), ctx.segments)
      .filter((s) => startA === null || endA === null || s.end <= startA || s.start >= endA)
      .map((s) => {
        const day = localDateOf(s.start, ctx.tz);
        return { value: `${s.start}-${s.end}`, label: `${monthDayLabel(day)} ${weekdayOfDateLabel(day)} ${rangeLabel(s.start, s.end, day, ctx.tz)}` };
      });
  }, [v.userB, v.roleId, ctx.segments, ctx.tz, startA, endA]);

  const changeRole = (value: string | null) => {
    if (!value) return;
    const nd = shiftDefaults(ctx, Number(value));
    form.setValues({ roleId: value, userA: nd.holder, startA: nd.start, endA: nd.end, userB: null, shiftB: null });
  };
  const changeUserB = (value: string | null) => {
    const options = value === null ? [] : shiftsOf(Number(value), Number(v.roleId), ctx.segments).filter((s) => startA === null || s.start >= startA);
    const first = options[0];
    form.setValues({ userB: value, shiftB: first ? `${first.start}-${first.end}` : null });
  };
  const submit = form.onSubmit(async (values) => {
    const range = parseRange(ctx.tz, values.startA, values.endA);
    if ('error' in range) return form.setFieldError(range.error === 'start' ? 'startA' : 'endA', t('duty.adjust.badTime'));
    const [startB = 0, endB = 0] = (values.shiftB ?? '').split('-').map(Number);
    setBusy(true);
    const r = await api.call('duty.swap', {
      roleId: Number(values.roleId),
      userA: Number(values.userA),
      startA: range.start,
      endA: range.end,
      userB: Number(values.userB),
      startB,
      endB,
      reason: values.reason,
    });
    setBusy(false);
    if (!r.ok) return showError(form, r.error, { startB: 'shiftB', endB: 'shiftB' });
    notifySaved(t('duty.adjust.swapSaved'));
    form.setValues({ userB: null, shiftB: null, reason: '' });
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
          <Button type="submit" loading={busy}>
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
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { roleId: String(roleId), userId: null as string | null, startAt: d.start, endAt: d.end, reason: '' },
    validate: { userId: required(t('duty.adjust.pickPerson')), reason: required(t('duty.adjust.reasonRequired')) },
  });
  const onDuty = new Set((ctx.plan.byRole.get(Number(form.values.roleId)) ?? []).map((s) => String(s.userId)));
  const changeRole = (value: string | null) => {
    if (!value) return;
    const nd = shiftDefaults(ctx, Number(value));
    form.setValues({ roleId: value, startAt: nd.start, endAt: nd.end });
  };
  const submit = form.onSubmit(async (v) => {
    const range = parseRange(ctx.tz, v.startAt, v.endAt);
    if ('error' in range) return form.setFieldError(range.error === 'start' ? 'startAt' : 'endAt', t('duty.adjust.badTime'));
    setBusy(true);
    const r = await api.call('duty.overrides.create', { roleId: Number(v.roleId), userId: Number(v.userId), replacedUserId: null, startAt: range.start, endAt: range.end, reason: v.reason, extra: true });
    setBusy(false);
    if (!r.ok) return showError(form, r.error);
    notifySaved(t('duty.adjust.extraSaved'));
    form.setValues({ userId: null, reason: '' });
  });
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
          <Button type="submit" loading={busy}>
            {t('duty.adjust.saveExtra')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
