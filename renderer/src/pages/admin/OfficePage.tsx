/** '#/admin/office': the office's details and numbering, the admin's own password, and where the data lives. */
import { useState } from 'react';
import { z } from 'zod';
import { Alert, Box, Button, Card, Code, Grid, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy, IconFolder, IconKey, IconShieldLock } from '@tabler/icons-react';
import { contract, type Office } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { useNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { previewNumber } from './number-format';
import { PageHeader } from '../../components/layout/PageHeader';
import { timeZoneOptions } from '../../components/office/time-zones';
import { PasswordForm } from '../../components/account/PasswordForm';

const PREVIEW_SEQ = 12;

const officeInput = contract['office.update'].input.shape;

/** Every setting is sent; the number format must say where the sequence number goes. */
const officeForm = z.object({
  name: officeInput.name.unwrap(),
  township: officeInput.township.unwrap(),
  timeZone: officeInput.timeZone.unwrap(),
  numberFormat: officeInput.numberFormat.unwrap().refine((f) => f.includes('{seq'), { error: t('admin.office.previewMissingSeq') }),
  collectiveThreshold: officeInput.collectiveThreshold.unwrap(),
  sessionMaxDays: officeInput.sessionMaxDays.unwrap(),
});

function OfficeForm({ office }: { office: Office }) {
  const now = useNow(60_000);
  const tz = useOfficeTimeZone();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: office.name,
      township: office.township,
      timeZone: office.timeZone,
      numberFormat: office.numberFormat,
      collectiveThreshold: office.collectiveThreshold as number | string,
      sessionMaxDays: office.sessionMaxDays as number | string,
    },
    validate: contractResolver(officeForm, {
      labels: { name: t('admin.office.name'), township: t('admin.office.township'), numberFormat: t('admin.office.numberFormat') },
      messages: { collectiveThreshold: t('admin.office.thresholdRange'), sessionMaxDays: t('security.errors.sessionMaxDays') },
    }),
  });
  // The header's office name and the session's settings follow by themselves (invalidation.ts).
  const update = useApiMutation('office.update', {
    onSuccess: () => {
      form.resetDirty();
      notifySaved(t('admin.office.saved'));
    },
    onError: (error) => setFormError(applyErrors(form, error)),
  });
  const values = form.getValues();
  const preview = previewNumber(values.numberFormat, Number(localDateOf(now, tz).slice(0, 4)), PREVIEW_SEQ);
  const offered = timeZoneOptions();
  const zones = offered.some((z) => z.value === office.timeZone) ? offered : [{ value: office.timeZone, label: office.timeZone }, ...offered];

  const submit = form.onSubmit((v) => {
    setFormError(null);
    update.mutate(parsedInput(officeForm, v));
  });

  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={5}>{t('admin.office.infoCard')}</Title>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('admin.office.name')} required maxLength={60} {...form.getInputProps('name')} />
            <TextInput label={t('admin.office.township')} required maxLength={60} {...form.getInputProps('township')} />
          </SimpleGrid>
          <TextInput label={t('admin.office.numberFormat')} description={t('admin.office.numberFormatHint')} maxLength={40} {...form.getInputProps('numberFormat')} />
          <Box bg="gray.0" p="sm" style={{ borderRadius: 'var(--mantine-radius-sm)', border: '1px solid var(--mantine-color-gray-2)' }}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t('admin.office.preview')}（{t('admin.office.previewExample')}）
              </Text>
              {preview !== null ? (
                <Text fz={20} fw={700} c="red.9" data-testid="number-preview" style={{ fontFamily: 'FangSong, STFangsong, "FangSong_GB2312", serif' }}>
                  {preview}
                </Text>
              ) : (
                <Text size="sm" c="red.7" data-testid="number-preview">
                  {t('admin.office.previewMissingSeq')}
                </Text>
              )}
            </Group>
          </Box>
          <SimpleGrid cols={2} spacing="sm">
            <Select label={t('admin.office.timeZone')} description={t('admin.office.timeZoneHint')} data={zones} allowDeselect={false} {...form.getInputProps('timeZone')} />
            <NumberInput
              label={t('admin.office.threshold')}
              description={t('admin.office.thresholdHint')}
              min={2}
              max={1000}
              allowDecimal={false}
              suffix={t('admin.office.thresholdSuffix')}
              {...form.getInputProps('collectiveThreshold')}
            />
            <NumberInput
              label={t('security.office.sessionMaxDays')}
              description={t('security.office.sessionMaxDaysHint')}
              min={1}
              max={90}
              allowDecimal={false}
              suffix={t('security.office.sessionSuffix')}
              {...form.getInputProps('sessionMaxDays')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={16} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PasswordCard() {
  const session = useSession();
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="xs">
        <Group gap={8}>
          <IconKey size={18} color="var(--mantine-color-blue-6)" />
          <Title order={5}>{t('admin.office.passwordCard')}</Title>
        </Group>
        <Text size="xs" c="dimmed">
          {t('admin.office.passwordFor', { name: session.user?.displayName ?? '', username: session.user?.username ?? '' })}
        </Text>
        <PasswordForm />
      </Stack>
    </Card>
  );
}

function DataFolderCard() {
  return (
    <Card withBorder radius="md" padding="lg" bg="gray.0">
      <Stack gap="xs">
        <Group gap={8}>
          <IconFolder size={18} color="var(--mantine-color-yellow-7)" />
          <Title order={5}>{t('admin.office.dataCard')}</Title>
        </Group>
        <Text size="sm">
          {t('admin.office.dataIntro')}
          <Code ml={4} style={{ whiteSpace: 'nowrap' }}>
            {t('admin.office.dataFiles')}
          </Code>
        </Text>
        <Text size="xs" fw={600} c="dimmed" mt={4}>
          {t('admin.office.dataFolderLabel')}
        </Text>
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" w={120}>
              {t('admin.office.dataWindowsLabel')}
            </Text>
            <Code>{t('admin.office.dataWindows')}</Code>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="dimmed" w={120}>
              {t('admin.office.dataLinuxLabel')}
            </Text>
            <Code>{t('admin.office.dataLinux')}</Code>
          </Group>
        </Stack>
        <Text size="sm">{t('admin.office.backupHow')}</Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconShieldLock size={16} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="xs" c="orange.8">
            {t('admin.office.backupWarning')}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

export function OfficePage() {
  const me = useApiQuery('auth.get', {});
  return (
    <Stack gap="md">
      <PageHeader title={t('admin.office.title')} subtitle={t('admin.office.subtitle')} />
      <Grid gap="md" align="flex-start">
        <Grid.Col span={7}>{me.data ? <OfficeForm office={me.data.office} /> : me.error ? <Alert color="red">{me.error.message}</Alert> : null}</Grid.Col>
        <Grid.Col span={5}>
          <Stack gap="md">
            <PasswordCard />
            <DataFolderCard />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
