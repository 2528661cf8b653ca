/**
 * '#/admin/backups': where the data lives and how it is kept safe. The settings (another drive or a USB stick, the
 * daily time, encryption with the office's backup password, which is then offered for printing), the status (last
 * verified backup, the next one, a failure, files moved to quarantine at start, the last restore), 立即备份, and
 * the backups of a folder, each of which can be checked and restored (RestoreModal).
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Code, Grid, Group, Modal, PasswordInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCloudUpload, IconDeviceFloppy, IconFolder, IconPrinter, IconShieldCheck } from '@tabler/icons-react';
import type { BackupStatus } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { officeNow, useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { applyErrors } from '../../components/forms/form-errors';
import { PageHeader } from '../../components/layout/PageHeader';
import { QueryPending } from '../../components/QueryPending';
import { printPasswordSheet, type PasswordSheet } from './password-sheet';
import { RestoreModal } from './RestoreModal';
import { BackupWarning } from '../../components/backups/BackupWarning';
import { formatFileSize as formatSize } from '../../components/petitions/petition-format';

interface SettingsValues {
  targetDir: string;
  timeOfDay: string;
  encryption: 'on' | 'off';
  password: string;
  passwordRepeat: string;
  acknowledged: boolean;
}

function SettingsCard({ status }: { status: BackupStatus }) {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const [formError, setFormError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<PasswordSheet | null>(null);
  const passwordSet = status.encryption === 'on';
  const form = useForm<SettingsValues>({
    initialValues: {
      targetDir: status.targetDir ?? '',
      timeOfDay: status.timeOfDay,
      encryption: status.encryption === 'off' ? 'off' : 'on',
      password: '',
      passwordRepeat: '',
      acknowledged: false,
    },
    validate: {
      targetDir: (v) => (v.trim() ? null : t('errors.backup.noTarget')),
      timeOfDay: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : t('errors.backup.badTime')),
      password: (v, all) => (all.encryption === 'on' && !passwordSet && !v ? t('errors.backup.passwordNeeded') : null),
      passwordRepeat: (v, all) => (all.encryption === 'on' && all.password && v !== all.password ? t('backups.passwordMismatch') : null),
      acknowledged: (v, all) => (all.encryption === 'on' && all.password && !v ? t('backups.passwordAcknowledgeNeeded') : null),
    },
  });
  const save = useApiMutation('backups.settings.update', {
    onSuccess: (next, input) => {
      notifySaved(t('backups.saved'));
      if (input.password) {
        setSheet({
          office: session.office?.name ?? '',
          setAt: formatDateTime(officeNow(), tz),
          setBy: session.user?.displayName ?? '',
          password: input.password,
          folder: next.targetDir ?? '',
        });
      }
      form.setValues({ password: '', passwordRepeat: '', acknowledged: false });
      form.resetDirty();
    },
    onError: (error) => setFormError(applyErrors(form, error)),
  });
  const v = form.getValues();
  const submit = form.onSubmit((values) => {
    setFormError(null);
    save.mutate({
      targetDir: values.targetDir.trim(),
      timeOfDay: values.timeOfDay,
      encryption: values.encryption,
      password: values.encryption === 'on' && values.password ? values.password : null,
    });
  });

  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={5}>{t('backups.settingsCard')}</Title>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t('backups.targetDir')} description={t('backups.targetDirHint')} maxLength={500} {...form.getInputProps('targetDir')} />
          {status.sameDrive && (
            <Text size="xs" c="orange.8" data-testid="backup-same-drive">
              {t('backups.sameDrive')}
            </Text>
          )}
          <TextInput label={t('backups.timeOfDay')} description={t('backups.timeOfDayHint')} maxLength={5} w={320} {...form.getInputProps('timeOfDay')} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('backups.encryption')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'on', label: t('backups.encryptionOn') },
                { value: 'off', label: t('backups.encryptionOff') },
              ]}
              {...form.getInputProps('encryption')}
            />
          </Stack>
          {v.encryption === 'off' ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('backups.encryptionOffWarning')}
            </Alert>
          ) : (
            <>
              <Group grow align="flex-start">
                <PasswordInput label={t('backups.password')} placeholder={passwordSet ? t('backups.passwordKept') : undefined} maxLength={128} {...form.getInputProps('password')} />
                <PasswordInput label={t('backups.passwordRepeat')} maxLength={128} {...form.getInputProps('passwordRepeat')} />
              </Group>
              {v.password && (
                <Alert color="red" variant="light" title={t('backups.passwordWarningTitle')} data-testid="backup-password-warning">
                  <Stack gap="xs">
                    <Text size="sm">{t('backups.passwordWarning')}</Text>
                    <Checkbox label={t('backups.passwordAcknowledge')} {...form.getInputProps('acknowledged', { type: 'checkbox' })} />
                  </Stack>
                </Alert>
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} />}>
              {t('backups.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={sheet !== null} onClose={() => setSheet(null)} title={t('backups.printTitle')} size="md">
        <Stack gap="md">
          <Text size="sm">{t('backups.printIntro')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSheet(null)}>
              {t('backups.printDone')}
            </Button>
            <Button leftSection={<IconPrinter size={16} />} onClick={() => sheet && printPasswordSheet(sheet)}>
              {t('backups.printButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function StatusCard({ status }: { status: BackupStatus }) {
  const tz = useOfficeTimeZone();
  const backupNow = useApiMutation('backups.create', { onSuccess: (r) => notifySaved(t('backups.backupDone', { folder: r.folder })) });
  const dismiss = useApiMutation('backups.quarantine.dismiss');
  const last = status.lastVerified;
  const q = status.quarantine;
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="xs">
        <Group gap={8}>
          <IconShieldCheck size={18} color="var(--mantine-color-green-7)" />
          <Title order={5}>{t('backups.status.title')}</Title>
        </Group>
        <BackupWarning status={status} />
        <Text size="sm" data-testid="backup-last-verified">
          {t('backups.status.lastVerified')}：
          {last
            ? `${formatDateTime(last.at, tz)} · ${enumLabel('backupKind', last.kind)} · ${last.encrypted ? t('backups.status.encrypted') : t('backups.status.notEncrypted')} · ${formatSize(last.bytes)}`
            : t('backups.status.never')}
        </Text>
        {last && <Code style={{ wordBreak: 'break-all' }}>{last.folder}</Code>}
        {status.nextAt !== null && (
          <Text size="sm" data-testid="backup-next">
            {t('backups.status.next')}：{formatDateTime(status.nextAt, tz)}
          </Text>
        )}
        {status.lastFailure && (
          <Text size="sm" c="red.8">
            {t('backups.status.lastFailure')}：{formatDateTime(status.lastFailure.at, tz)} {status.lastFailure.message}
          </Text>
        )}
        {status.lastRestore && (
          <Text size="xs" c="dimmed" data-testid="backup-last-restore">
            {t('backups.lastRestore', {
              at: formatDateTime(status.lastRestore.at, tz),
              created: formatDateTime(status.lastRestore.backupCreatedAt, tz),
              by: status.lastRestore.by,
              safety: status.lastRestore.safetyCopy ?? '—',
            })}
          </Text>
        )}
        {q && (
          <Alert color="orange" variant="light" title={t('backups.quarantine.title')} data-testid="quarantine-report">
            <Stack gap={6}>
              <Text size="sm">{t('backups.quarantine.body', { fromTemp: q.fromTemp, unreferenced: q.unreferenced, folder: q.folder ?? '—' })}</Text>
              {q.missing > 0 && <Text size="sm">{t('backups.quarantine.missing', { missing: q.missing })}</Text>}
              <Group>
                <Button size="xs" variant="default" loading={dismiss.isPending} onClick={() => dismiss.mutate({})}>
                  {t('backups.quarantine.dismiss')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            leftSection={<IconCloudUpload size={16} />}
            loading={backupNow.isPending || status.running !== null}
            disabled={status.warning === 'not_configured' || !status.targetPresent}
            onClick={() => backupNow.mutate({ targetDir: null })}
          >
            {t('backups.backupNow')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function DataFolderCard({ status }: { status: BackupStatus }) {
  return (
    <Card withBorder radius="md" padding="lg" bg="gray.0">
      <Stack gap="xs">
        <Group gap={8}>
          <IconFolder size={18} color="var(--mantine-color-yellow-7)" />
          <Title order={5}>{t('backups.dataCard')}</Title>
        </Group>
        <Text size="sm">{t('backups.dataInEffect')}</Text>
        <Code data-testid="data-dir" style={{ wordBreak: 'break-all' }}>
          {status.dataDir}
        </Code>
        <Text size="xs" c="dimmed">
          {t(status.store === 'postgres' ? 'backups.dataContentsPostgres' : 'backups.dataContents')}
        </Text>
        <Text size="xs" c="orange.8">
          {t('backups.keepSafe')}
        </Text>
      </Stack>
    </Card>
  );
}

function ListCard({ status }: { status: BackupStatus }) {
  const tz = useOfficeTimeZone();
  const [typed, setTyped] = useState('');
  const [folder, setFolder] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ folder: string; encrypted: boolean; createdAt: number } | null>(null);
  const list = useApiQuery('backups.list', { folder }, { enabled: folder !== null || status.targetPresent });
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Title order={5}>{t('backups.listCard')}</Title>
        <Group align="flex-end">
          <TextInput
            label={t('backups.listFolder')}
            description={t('backups.listFolderHint')}
            placeholder={status.targetDir ?? ''}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={() => setFolder(typed.trim() || null)}>
            {t('backups.listShow')}
          </Button>
        </Group>
        {list.error && (
          <Alert color="red" variant="light">
            {list.error.message}
          </Alert>
        )}
        {list.data &&
          (list.data.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('backups.listEmpty')}
              </Text>
            ) : (
              <Table striped highlightOnHover data-testid="backup-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('backups.colTime')}</Table.Th>
                    <Table.Th>{t('backups.colKind')}</Table.Th>
                    <Table.Th>{t('backups.colEncrypted')}</Table.Th>
                    <Table.Th>{t('backups.colSize')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((b) => (
                    <Table.Tr key={b.folder} data-testid="backup-row">
                      <Table.Td>{formatDateTime(b.createdAt, tz)}</Table.Td>
                      <Table.Td>{enumLabel('backupKind', b.kind)}</Table.Td>
                      <Table.Td>{b.encrypted ? t('backups.yes') : t('backups.no')}</Table.Td>
                      <Table.Td>{formatSize(b.bytes)}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => setPicked({ folder: b.folder, encrypted: b.encrypted, createdAt: b.createdAt })}>
                          {t('backups.restore')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
      </Stack>
      {picked && <RestoreModal backup={picked} onClose={() => setPicked(null)} />}
    </Card>
  );
}

export function BackupsPage() {
  const status = useApiQuery('backups.status.get', {});
  return (
    <Stack gap="md">
      <PageHeader title={t('backups.title')} subtitle={t(status.data?.store === 'postgres' ? 'backups.subtitlePostgres' : 'backups.subtitle')} />
      {!status.data ? (
        <QueryPending error={status.error} message={(detail) => detail} />
      ) : (
        <Loaded s={status.data} />
      )}
    </Stack>
  );
}

function Loaded({ s }: { s: BackupStatus }) {
  return (
          <Grid gap="md" align="flex-start">
            <Grid.Col span={7}>
              <Stack gap="md">
                <SettingsCard status={s} />
                <ListCard status={s} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={5}>
              <Stack gap="md">
                <StatusCard status={s} />
                <DataFolderCard status={s} />
              </Stack>
            </Grid.Col>
          </Grid>
  );
}
