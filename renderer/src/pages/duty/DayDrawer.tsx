import { useState } from 'react';
import { Alert, Badge, Button, Divider, Drawer, Group, Popover, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { DutyOverride, DutyRole, Rotation, Segment, User } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { localDateOf } from '../../../../shared/time';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { gapLabel, monthDayLabel, rangeLabel, sourceTag, weekdayOfDateLabel } from '../../components/duty/duty-format';
import { CorrectionForm, ExtraForm, OverrideForm, SwapForm, type AdjustContext } from './AdjustForms';
import type { Option } from './duty-data';
import type { DayPlan } from './month-model';

function CancelOverride({ override }: { override: DutyOverride }) {
  const [opened, setOpened] = useState(false);
  const remove = useApiMutation('duty.overrides.remove', {
    onSuccess: () => notifySaved(t('duty.day.cancelled')),
    onSettled: () => setOpened(false),
  });
  const what = t(override.kind === 'swap' ? 'duty.day.cancelSwapQuestion' : override.kind === 'extra' ? 'duty.day.cancelExtraQuestion' : 'duty.day.cancelOverrideQuestion');
  return (
    <Popover opened={opened} onChange={setOpened} position="left" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setOpened((o) => !o)}>
          {t('duty.day.cancel')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={220}>
          <Text size="sm">{what}</Text>
          <Group gap="xs" justify="flex-end">
            <Button size="compact-sm" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="compact-sm" color="red" loading={remove.isPending} onClick={() => remove.mutate({ id: override.id })}>
              {t('duty.day.confirmCancel')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function SegmentRow({ seg, date, override, canPlan, tz, now }: { seg: Segment; date: string; override: DutyOverride | undefined; canPlan: boolean; tz: string; now: number }) {
  const tag = sourceTag(seg.source);
  let note = '';
  if (override?.replacedUserName && override.kind !== 'extra') {
    note = t(override.kind === 'swap' ? 'duty.day.swapsWith' : 'duty.day.replaces', { name: override.replacedUserName });
  }
  if (override?.reason) note = note ? `${note}：${override.reason}` : override.reason;
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="duty-segment">
      <Text size="sm" c="dimmed" w={132} style={{ flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
        {rangeLabel(seg.start, seg.end, date, tz)}
      </Text>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600}>
            {seg.userName}
          </Text>
          {tag && (
            <Badge size="xs" color={tag.color} variant="filled" radius="sm" px={4}>
              {tag.label}
            </Badge>
          )}
        </Group>
        {note && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {note}
          </Text>
        )}
      </Stack>
      {/* What has been served stays: only a change still running or ahead can be cancelled. */}
      {canPlan && override && seg.end > now && <CancelOverride override={override} />}
    </Group>
  );
}

type AdjustKind = 'override' | 'swap' | 'extra';

export interface DayDrawerProps {
  readonly date: string | null;
  readonly plan: DayPlan | undefined;
  readonly roles: readonly DutyRole[];
  readonly rotations: readonly Rotation[];
  readonly people: readonly User[];
  readonly userOptions: readonly Option[];
  readonly roleOptions: readonly Option[];
  readonly segments: readonly Segment[];
  readonly overrides: readonly DutyOverride[];
  readonly canPlan: boolean;
  onClose(): void;
}

/** One day's shifts by role, with the overrides that shaped them, and (for leaders) 替班 / 换班 / 加班. */
export function DayDrawer(props: DayDrawerProps) {
  const { date, plan, roles, overrides, canPlan, onClose } = props;
  const tz = useOfficeTimeZone();
  const now = useNow(30_000);
  const [kind, setKind] = useState<AdjustKind>('override');
  // A day before today is duty history: no cover, swap or extra shift can change it.
  const past = date !== null && date < localDateOf(now, tz);
  const shown = roles.filter((r) => r.key === 'leader' || r.key === 'officer' || plan?.byRole.has(r.id) || plan?.gaps.some((g) => g.roleId === r.id));
  const ctx: AdjustContext | null = date && plan ? { ...props, date, plan, tz, now } : null;

  return (
    <Drawer
      opened={date !== null}
      onClose={onClose}
      position="right"
      size={460}
      title={
        date && (
          <Group gap="xs">
            <Title order={4}>{t('duty.day.title', { date: monthDayLabel(date), weekday: weekdayOfDateLabel(date) })}</Title>
            {plan?.sensitive.map((p) => (
              <Badge key={p.id} color="orange" variant="light" radius="sm">
                {t('duty.day.sensitive', { name: p.name })}
              </Badge>
            ))}
          </Group>
        )
      }
    >
      {date && plan && (
        <Stack gap="md" data-testid="duty-day-drawer">
          {shown.map((role) => {
            const segs = plan.byRole.get(role.id) ?? [];
            const gaps = plan.gaps.filter((g) => g.roleId === role.id);
            return (
              <Stack key={role.id} gap={6}>
                <Text size="sm" fw={700} c="gray.8">
                  {role.name}
                </Text>
                {segs.map((s) => (
                  <SegmentRow key={`${s.userId}-${s.start}`} seg={s} date={date} override={overrides.find((o) => o.id === s.overrideId)} canPlan={canPlan} tz={tz} now={now} />
                ))}
                {gaps.map((g) => (
                  <Group key={g.start} gap="xs" wrap="nowrap">
                    <Text size="sm" c="red.7" w={132} style={{ flex: 'none' }}>
                      {rangeLabel(g.start, g.end, date, tz)}
                    </Text>
                    <Text size="sm" c="red.7" fw={700}>
                      {t('duty.gap.nobody')}（{gapLabel(role)}）
                    </Text>
                  </Group>
                ))}
                {segs.length === 0 && gaps.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('duty.day.noneThatDay')}
                  </Text>
                )}
              </Stack>
            );
          })}
          <Divider />
          {past ? (
            <Stack gap="sm">
              <Alert color="gray" variant="light" py={8} data-testid="duty-day-past">
                <Text size="sm">{t('duty.day.pastDay')}</Text>
              </Alert>
              {canPlan && ctx && (
                <>
                  <Title order={5}>{t('duty.correction.title')}</Title>
                  <CorrectionForm key={`c-${date}`} ctx={ctx} />
                </>
              )}
            </Stack>
          ) : canPlan && ctx ? (
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={5}>{t('duty.adjust.title')}</Title>
                <SegmentedControl
                  size="xs"
                  value={kind}
                  onChange={(v) => setKind(v as AdjustKind)}
                  data={[
                    { value: 'override', label: t('duty.adjust.override') },
                    { value: 'swap', label: t('duty.adjust.swap') },
                    { value: 'extra', label: t('duty.adjust.extra') },
                  ]}
                />
              </Group>
              {kind === 'override' && <OverrideForm key={`o-${date}`} ctx={ctx} />}
              {kind === 'swap' && <SwapForm key={`s-${date}`} ctx={ctx} />}
              {kind === 'extra' && <ExtraForm key={`e-${date}`} ctx={ctx} />}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('duty.day.leadersOnly')}
            </Text>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
