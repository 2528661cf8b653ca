import { useState } from 'react';
import { Alert, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Unit } from '../../../../shared/api';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/enums';
import { enumLabel, t } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifySaved } from '../../app/use-api';
import { applyErrors } from './form-errors';
import { FormButtons } from '../../components/FormButtons';

/** Adds a unit, or (with `unit`) edits one. The core checks the phone and refuses a duplicate name. */
export function UnitModal({ unit, defaultKind, onClose }: { unit?: Unit; defaultKind: UnitKind; onClose: (changed: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: unit?.name ?? '',
      kind: unit?.kind ?? defaultKind,
      liaisonName: unit?.liaisonName ?? '',
      liaisonPhone: unit?.liaisonPhone ?? '',
    },
    validate: { name: (v) => (v.trim() ? null : t('errors.generic.required', { field: t('admin.units.name') })) },
  });

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setFormError(null);
    const values = {
      name: v.name.trim(),
      kind: v.kind,
      liaisonName: v.liaisonName.trim(),
      liaisonPhone: v.liaisonPhone.trim(),
      active: unit?.active ?? true,
    };
    const r = unit ? await api.call('units.update', { id: unit.id, ...values }) : await api.call('units.create', values);
    setBusy(false);
    if (!r.ok) {
      setFormError(applyErrors(form, r.error));
      return;
    }
    notifySaved(t(unit ? 'admin.units.saved' : 'admin.units.created', { name: r.value.name }));
    onClose(true);
  });

  return (
    <Modal opened onClose={() => onClose(false)} title={unit ? t('admin.units.editTitle', { name: unit.name }) : t('admin.units.createTitle')} size={580} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t('admin.units.name')} placeholder={t('admin.units.namePlaceholder')} required maxLength={60} data-autofocus {...form.getInputProps('name')} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('admin.units.kind')}
            </Text>
            <SegmentedControl
              aria-label={t('admin.units.kind')}
              fullWidth
              data={UNIT_KINDS.map((k) => ({ value: k, label: enumLabel('unitKind', k) }))}
              value={form.getValues().kind}
              onChange={(v) => form.setFieldValue('kind', v as UnitKind)}
            />
          </Stack>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('admin.units.liaisonName')} description={t('admin.units.liaisonNameHint')} maxLength={30} {...form.getInputProps('liaisonName')} />
            <TextInput label={t('admin.units.liaisonPhone')} description={t('admin.units.liaisonPhoneHint')} maxLength={30} inputMode="tel" {...form.getInputProps('liaisonPhone')} />
          </SimpleGrid>
          <FormButtons onCancel={() => onClose(false)} busy={busy} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
