/**
 * 更正: the registration's fields as they stand, to change what was entered wrongly, with a required reason.
 * Only the fields that differ are sent; the number never changes. Before acceptance the correction applies at
 * once; after it, a correction of the received-at or the category waits for a leader (the core decides and
 * says so). ID numbers and phones are not shown here (they are masked): left alone, they stay as registered.
 * When the core refuses, its message stays in the dialog and nothing changes.
 */
import { useMemo, useState } from 'react';
import { Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { PetitionChanges, PetitionDetail } from '../../../../shared/api';
import { CATEGORIES, CHANNELS, CLAIM_ITEMS, TEXT_LIMITS, type Category, type Channel } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { apiQueryKey, useApiMutation } from '../../platform/query';
import { useQueryClient } from '@tanstack/react-query';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { LimitedTextarea, LimitedTextInput, ReasonField } from '../forms/LimitedText';
import { DateTimeField } from './DateTimeField';
import { fromLocalInput, toLocalInput } from './petition-format';
import type { PetitionDirectory } from './use-directory';

interface PersonValues {
  readonly id: number;
  name: string;
  address: string;
  readonly isRepresentative: boolean;
}

interface Values {
  channel: Channel;
  receivedAt: string;
  peopleCount: number | string;
  category: Category;
  claimItem: string | null;
  topicId: string | null;
  unitId: string | null;
  summary: string;
  request: string;
  factsReasons: string;
  petitioners: PersonValues[];
}

function valuesOf(p: PetitionDetail, tz: string): Values {
  return {
    channel: p.channel,
    receivedAt: toLocalInput(p.receivedAt, tz),
    peopleCount: p.peopleCount,
    category: p.category,
    claimItem: p.claimItem !== null ? String(p.claimItem) : null,
    topicId: p.topicId !== null ? String(p.topicId) : null,
    unitId: p.unitId !== null ? String(p.unitId) : null,
    summary: p.summary,
    request: p.request,
    factsReasons: p.factsReasons,
    petitioners: p.petitioners.map((x) => ({ id: x.id, name: x.name, address: x.address, isRepresentative: x.isRepresentative })),
  };
}

const idOrNull = (v: string | null) => (v === null ? null : Number(v));

/** The fields that differ from the registration, in the shape `petitions.correct` takes. */
function changesOf(before: Values, now: Values, tz: string): PetitionChanges {
  const changes: PetitionChanges = {};
  if (now.channel !== before.channel) changes.channel = now.channel;
  if (now.receivedAt !== before.receivedAt) changes.receivedAt = fromLocalInput(now.receivedAt, tz) ?? Number.NaN;
  if (String(now.peopleCount) !== String(before.peopleCount)) changes.peopleCount = Number(now.peopleCount);
  if (now.category !== before.category) changes.category = now.category;
  if (now.claimItem !== before.claimItem) changes.claimItem = idOrNull(now.claimItem);
  if (now.topicId !== before.topicId) changes.topicId = idOrNull(now.topicId);
  if (now.unitId !== before.unitId) changes.unitId = idOrNull(now.unitId);
  for (const field of ['summary', 'request', 'factsReasons'] as const) {
    if (now[field].trim() !== before[field].trim()) changes[field] = now[field].trim();
  }
  const people = now.petitioners.map((p) => ({ id: p.id, name: p.name.trim(), address: p.address.trim(), isRepresentative: p.isRepresentative }));
  if (people.some((p, i) => p.name !== before.petitioners[i]?.name || p.address !== before.petitioners[i]?.address)) changes.petitioners = people;
  return changes;
}

export function CorrectionModal({ petition, directory, onClose }: { petition: PetitionDetail; directory: PetitionDirectory; onClose: () => void }) {
  const tz = useOfficeTimeZone();
  const client = useQueryClient();
  const initial = useMemo(() => valuesOf(petition, tz), [petition, tz]);
  const [v, setV] = useState<Values>(initial);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));
  const setPerson = (i: number, key: 'name' | 'address', value: string) =>
    setV((old) => ({ ...old, petitioners: old.petitioners.map((p, j) => (j === i ? { ...p, [key]: value } : p)) }));

  const correct = useApiMutation('petitions.correct', {
    onSuccess: (detail) => {
      client.setQueryData(apiQueryKey('petitions.get', { id: detail.id }), detail);
      // A correction that waits for the leader shows as a pending approval on the page.
      const waiting = detail.approvals.some((a) => a.kind === 'correction' && a.status === 'pending');
      notifySaved(waiting ? t('approvals.correction.pending') : t('approvals.correction.applied'));
      onClose();
    },
    onError: (error) => setRefusal(error.message),
  });

  const submit = () => {
    const changes = changesOf(initial, v, tz);
    if (Object.keys(changes).length === 0) return setRefusal(t('approvals.correction.noChange'));
    if (changes.receivedAt !== undefined && Number.isNaN(changes.receivedAt)) return setRefusal(t('petitions.intake.badTime'));
    setRefusal(null);
    correct.mutate({ id: petition.id, reason: reason.trim(), changes });
  };

  const claimData = CLAIM_ITEMS.map((n) => ({ value: String(n), label: enumLabel('claimItem', n) }));
  return (
    <WorkflowActionModal
      title={t('approvals.correction.title')}
      intro={t('approvals.correction.hint')}
      refusal={refusal}
      refusalTitle={t('petitions.actions.refused', { action: t('approvals.correction.button') })}
      submitLabel={t('approvals.correction.submit')}
      pending={correct.isPending}
      size="xl"
      onSubmit={submit}
      onClose={onClose}
    >
      <SimpleGrid cols={4} spacing="sm" verticalSpacing="xs">
        <Select
          label={t('approvals.field.channel')}
          data={CHANNELS.map((c) => ({ value: c, label: enumLabel('channel', c) }))}
          value={v.channel}
          allowDeselect={false}
          onChange={(value) => value && set('channel', value as Channel)}
        />
        <DateTimeField label={t('approvals.field.receivedAt')} value={v.receivedAt} onChange={(value) => set('receivedAt', value)} />
        <NumberInput label={t('approvals.field.peopleCount')} min={1} max={100_000} allowDecimal={false} value={v.peopleCount} onChange={(value) => set('peopleCount', value)} />
        <Select
          label={t('approvals.field.category')}
          data={CATEGORIES.map((c) => ({ value: c, label: enumLabel('category', c) }))}
          value={v.category}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return;
            set('category', value as Category);
            if (value !== 'claim') set('claimItem', null);
          }}
        />
        <Select
          label={t('approvals.field.claimItem')}
          placeholder={t('petitions.intake.claimItemPlaceholder')}
          data={claimData}
          value={v.claimItem}
          disabled={v.category !== 'claim'}
          onChange={(value) => set('claimItem', value)}
          style={{ gridColumn: 'span 2' }}
        />
        <Select label={t('approvals.field.topicId')} placeholder={t('petitions.intake.topicPlaceholder')} data={directory.topics} value={v.topicId} clearable searchable onChange={(value) => set('topicId', value)} />
        <Select label={t('approvals.field.unitId')} placeholder={t('petitions.intake.unitPlaceholder')} data={directory.units} value={v.unitId} clearable searchable onChange={(value) => set('unitId', value)} />
      </SimpleGrid>
      {v.petitioners.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('approvals.field.petitioners')}
          </Text>
          {v.petitioners.map((p, i) => (
            <Group key={p.id} gap="xs" wrap="nowrap" grow>
              <TextInput aria-label={t('petitions.intake.rowLabel', { index: i + 1, field: t('petitions.intake.name') })} placeholder={t('petitions.intake.name')} value={p.name} onChange={(e) => setPerson(i, 'name', e.currentTarget.value)} />
              <TextInput aria-label={t('petitions.intake.rowLabel', { index: i + 1, field: t('petitions.intake.address') })} placeholder={t('petitions.intake.address')} value={p.address} onChange={(e) => setPerson(i, 'address', e.currentTarget.value)} />
            </Group>
          ))}
          <Text size="xs" c="dimmed">
            {t('approvals.correction.idKept')}
          </Text>
        </Stack>
      )}
      <LimitedTextInput label={t('approvals.field.summary')} limit={TEXT_LIMITS.summary} value={v.summary} onChange={(e) => set('summary', e.currentTarget.value)} />
      <SimpleGrid cols={2} spacing="sm">
        <LimitedTextarea label={t('approvals.field.request')} limit={TEXT_LIMITS.request} autosize minRows={1} maxRows={4} value={v.request} onChange={(e) => set('request', e.currentTarget.value)} />
        <LimitedTextarea label={t('approvals.field.factsReasons')} limit={TEXT_LIMITS.factsReasons} autosize minRows={1} maxRows={4} value={v.factsReasons} onChange={(e) => set('factsReasons', e.currentTarget.value)} />
      </SimpleGrid>
      <ReasonField label={t('approvals.correction.reason')} placeholder={t('approvals.correction.reasonPlaceholder')} value={reason} onChange={setReason} />
    </WorkflowActionModal>
  );
}
