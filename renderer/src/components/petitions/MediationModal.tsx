/** Adding a mediation entry (人民调解 / 行政调解 / 司法调解) to a petition while it is being handled. */
import { useState, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ApiError, PetitionDetail } from '../../../../shared/api';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES, type MediationKind, type MediationOutcome } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { officeNow, useOfficeTimeZone } from '../../app/clock';
import { notifySaved } from '../../app/use-api';
import { DateTimeField } from './DateTimeField';
import { fromLocalInput, toLocalInput } from './petition-format';

export function MediationModal({ petition, onClose, onDone }: { petition: PetitionDetail; onClose: () => void; onDone: (detail: PetitionDetail) => void }) {
  const tz = useOfficeTimeZone();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const form = useForm({
    initialValues: { kind: 'people' as MediationKind, outcome: 'ongoing' as MediationOutcome, at: initialAt, note: '' },
  });

  const submit = async () => {
    if (busy) return;
    const v = form.values;
    // Untouched, the time is the moment of saving, so the entry sorts after the steps taken before it.
    const at = v.at === initialAt ? officeNow() : fromLocalInput(v.at, tz);
    if (at === null) return form.setFieldError('at', t('petitions.intake.badTime'));
    setBusy(true);
    const r = await api.call('petitions.mediations.create', { id: petition.id, kind: v.kind, outcome: v.outcome, at, note: v.note.trim() });
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error);
      const fields = Object.entries(r.error.fields ?? {}).filter(([k]) => k in v);
      form.setErrors(Object.fromEntries(fields.map(([k, m]) => [k, m === r.error.message ? true : m])));
      return;
    }
    notifySaved(t('petitions.mediation.saved'));
    onDone(r.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
    } else if (e.target instanceof HTMLInputElement) {
      e.preventDefault();
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('petitions.mediation.title')} centered size="lg" styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm" onKeyDown={onKeyDown}>
          {refusal && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
              {refusal.message}
            </Alert>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mediation-kind">
              {t('petitions.mediation.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="mediation-kind"
              data={MEDIATION_KINDS.map((k) => ({ value: k, label: enumLabel('mediationKind', k) }))}
              value={form.values.kind}
              onChange={(k) => form.setFieldValue('kind', k as MediationKind)}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mediation-outcome">
              {t('petitions.mediation.outcome')}
            </Text>
            <SegmentedControl
              aria-labelledby="mediation-outcome"
              data={MEDIATION_OUTCOMES.map((o) => ({ value: o, label: enumLabel('mediationOutcome', o) }))}
              value={form.values.outcome}
              onChange={(o) => form.setFieldValue('outcome', o as MediationOutcome)}
            />
          </Stack>
          <Textarea
            label={t('petitions.mediation.note')}
            placeholder={t('petitions.mediation.notePlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <DateTimeField label={t('petitions.mediation.at')} w={260} value={form.values.at} error={form.errors.at} onChange={(value) => form.setFieldValue('at', value)} />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('petitions.actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('petitions.mediation.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
