/**
 * Open alarms across the top of every page: how many, the most urgent one, and the buttons to deal with
 * it. It follows the core's pushes, and rings when an alarm fires (or when it first sees one that fired
 * while no window was open, e.g. at start-up after the PC was off).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { Badge, Box, Group, Paper, Text, ThemeIcon, Tooltip, Button } from '@mantine/core';
import { IconAlarmFilled, IconCheck, IconAlarmSnooze, IconVolume, IconVolumeOff, IconListDetails } from '@tabler/icons-react';
import { t, enumLabel } from '../../../../shared/i18n';
import { api } from '../../platform/api-client';
import { useApiQuery } from '../../platform/query';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, ButtonLink } from '../../platform/links';
import { useSession } from '../../platform/session';
import { scaleOfKind, timeLeftText } from '../../../../shared/time-left';
import { alarmChime, type ChimeState } from './alarm-chime';
import { alarmKindLabel, byUrgency, needsAttention, subjectLink } from './alarm-facts';
import { EscalatedMarker, LateMarker, NoOneOnDutyMarker, Recipients } from './AlarmMarkers';
import { useAlarmActions } from './AlarmDialogs';

const OPEN_QUERY = { scope: 'open', pageSize: 200 } as const;

/**
 * One button whose job follows the sound's state. The press decides what the click does: the press itself
 * may unlock audio and turn "enable" into "mute" before the button is released.
 */
function SoundControl() {
  const state = useSyncExternalStore(alarmChime.subscribe, alarmChime.state);
  const pressed = useRef<ChimeState | null>(null);
  if (state === 'muted') {
    return (
      <Tooltip label={t('alarms.banner.mutedHint')}>
        <Text size="xs" c="white" opacity={0.85} style={{ whiteSpace: 'nowrap' }}>
          <IconVolumeOff size={12} style={{ verticalAlign: -2 }} /> {t('alarms.banner.muted')}
        </Text>
      </Tooltip>
    );
  }
  if (state !== 'blocked' && state !== 'ringing') return null;
  const blocked = state === 'blocked';
  return (
    <Button
      size="xs"
      variant={blocked ? 'white' : 'transparent'}
      color={blocked ? 'dark' : undefined}
      c={blocked ? undefined : 'white'}
      leftSection={blocked ? <IconVolume size={14} /> : <IconVolumeOff size={14} />}
      onPointerDown={() => {
        pressed.current = state;
      }}
      onClick={() => {
        const was = pressed.current ?? state; // a keyboard click has no press
        pressed.current = null;
        if (was === 'blocked') void alarmChime.unlock();
        else alarmChime.mute();
      }}
    >
      {blocked ? t('alarms.banner.enableSound') : t('alarms.banner.mute')}
    </Button>
  );
}

export function AlarmBanner() {
  const session = useSession();
  const now = useNow(30_000);
  const tz = useOfficeTimeZone();
  const { data } = useApiQuery('alarms.list', OPEN_QUERY);
  const actions = useAlarmActions();
  const sound = useSyncExternalStore(alarmChime.subscribe, alarmChime.state);
  const chimes = useSyncExternalStore(alarmChime.subscribe, alarmChime.played);
  const waiting = (data?.rows ?? []).filter((a) => needsAttention(a, now)).sort(byUrgency);

  useEffect(() => alarmChime.primeOnFirstGesture(), []);
  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.type === 'alarm.fired') alarmChime.ring();
      }),
    [],
  );
  // Logging out (the banner unmounts) silences the room; the next person to log in hears it again.
  useEffect(() => () => alarmChime.stop(), []);

  const greeted = useRef(false);
  const waitingCount = waiting.length;
  useEffect(() => {
    if (!data) return;
    if (!greeted.current) {
      greeted.current = true;
      if (data.rows.some((a) => a.status === 'fired')) alarmChime.ring();
    }
    if (waitingCount === 0) alarmChime.stop();
  }, [data, waitingCount]);

  const top = waiting[0];
  if (!top) return actions.dialogs;

  const overdueOrDue = top.kind === 'due' || top.dueAt <= now;
  const tone = overdueOrDue ? 'red' : 'orange';

  return (
    <Paper
      component="section"
      role="region"
      aria-label={t('alarms.banner.label')}
      data-testid="alarm-banner"
      data-sound={sound}
      data-chimes={chimes}
      bg={overdueOrDue ? 'red.8' : 'orange.8'}
      c="white"
      radius="md"
      px="md"
      py={10}
      mb="md"
      shadow="sm"
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <ThemeIcon variant="white" color={tone} size={40} radius="xl" style={{ flexShrink: 0 }}>
            <IconAlarmFilled size={24} />
          </ThemeIcon>
          <Box miw={0}>
            <Group gap={8} wrap="nowrap" miw={0}>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                {t('alarms.banner.label')}
              </Text>
              <Badge variant="white" color={tone} radius="sm" style={{ flexShrink: 0 }} data-testid="alarm-banner-count">
                {t('alarms.banner.count', { count: waiting.length })}
              </Badge>
              <AnchorLink {...subjectLink(top)} c="white" fw={700} underline="always" title={t('alarms.banner.caseLink')} style={{ whiteSpace: 'nowrap' }} data-testid="alarm-banner-case">
                {top.subjectNumber || t('alarms.board.noSubject')}
              </AnchorLink>
              <Text fw={500} style={{ whiteSpace: 'nowrap' }}>
                {enumLabel('deadlineKind', top.deadlineKind)}
              </Text>
              <Badge variant="white" color="red" radius="sm" style={{ flexShrink: 0 }} data-testid="alarm-banner-countdown">
                {timeLeftText(top.dueAt, now, tz, scaleOfKind(top.deadlineKind))}
              </Badge>
              <Text size="sm" opacity={0.9} style={{ whiteSpace: 'nowrap' }}>
                {alarmKindLabel(top)}
              </Text>
              <Text size="sm" opacity={0.85} truncate miw={0}>
                {top.subjectSummary}
              </Text>
            </Group>
            <Group gap={8} wrap="nowrap" mt={4} miw={0}>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="alarm-banner-recipients">
                {t('alarms.banner.sentTo', { names: '' })}
                <Recipients alarm={top} meId={session.user?.id} inherit />
              </Text>
              <EscalatedMarker alarm={top} variant="white" size="sm" compact />
              <LateMarker alarm={top} timeZone={tz} variant="white" size="sm" compact />
              <NoOneOnDutyMarker alarm={top} variant="white" color="red" size="sm" compact />
              {waiting.length > 1 && (
                <Text size="sm" opacity={0.9} style={{ whiteSpace: 'nowrap' }}>
                  {t('alarms.banner.more', { count: waiting.length - 1 })}
                </Text>
              )}
            </Group>
          </Box>
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <SoundControl />
          <Button size="sm" variant="white" color={tone} leftSection={<IconCheck size={16} />} onClick={() => actions.acknowledge(top)}>
            {t('alarms.banner.acknowledge')}
          </Button>
          <Button size="sm" variant="outline" color="white" leftSection={<IconAlarmSnooze size={16} />} onClick={() => actions.snooze(top)}>
            {t('alarms.banner.snooze')}
          </Button>
          <ButtonLink to="/alarms" size="sm" variant="subtle" color="white" leftSection={<IconListDetails size={16} />}>
            {t('alarms.banner.viewAll')}
          </ButtonLink>
        </Group>
      </Group>
      {actions.dialogs}
    </Paper>
  );
}
