import { useState } from 'react';
import { Alert, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { unitInputSchema, type Unit } from '../../../../shared/api';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/enums';
import { enumLabel, t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { FormButtons } from '../../components/FormButtons';
import { DateField } from '../../components/forms/DateField';

const unitForm = unitInputSchema.omit({ active: true });

/** Adds a unit, or (with `unit`) edits one. The core checks the phone and refuses a duplicate name. */
export function UnitModal({ unit, defaultKind, onClose }: { unit?: Unit; defaultKind: UnitKind; onClose: (changed: boolean) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: unit?.name ?? '',
      kind: unit?.kind ?? defaultKind,
      liaisonName: unit?.liaisonName ?? '',
      liaisonPhone: unit?.liaisonPhone ?? '',
      // Empty for a new unit: the core takes the day it is added.
      effectiveFrom: unit?.effectiveFrom ?? '',
    },
    validate: contractResolver(unitForm, {
      labels: { name: t('admin.units.name'), liaisonName: t('admin.units.liaisonName'), liaisonPhone: t('admin.units.liaisonPhone') },
    }),
  });
  const handlers = {
    onSuccess: (saved: Unit) => {
      notifySaved(t(unit ? 'admin.units.saved' : 'admin.units.created', { name: saved.name }));
      onClose(true);
    },
    onError: (error: Parameters<typeof applyErrors>[1]) => setFormError(applyErrors(form, error)),
  };
  const create = useApiMutation('units.create', handlers);
  const update = useApiMutation('units.update', handlers);

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const values = { ...parsedInput(unitForm, v), effectiveFrom: v.effectiveFrom || undefined, active: unit?.active ?? true };
    if (unit) update.mutate({ id: unit.id, ...values });
    else create.mutate(values);
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
          <DateField
            label={t('admin.units.effectiveFrom')}
            description={unit && unit.effectiveFrom === null ? `${t('admin.units.effectiveFromHint')}（${t('admin.units.effectiveFromUnknown')}）` : t('admin.units.effectiveFromHint')}
            w={260}
            value={form.getValues().effectiveFrom}
            onChange={(v) => form.setFieldValue('effectiveFrom', v)}
            error={form.errors.effectiveFrom}
          />
          <FormButtons onCancel={() => onClose(false)} pending={create.isPending || update.isPending} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
