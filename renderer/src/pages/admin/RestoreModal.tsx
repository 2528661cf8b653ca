/**
 * Restoring one backup: its password (when encrypted), a check that opens it as a restore would and says what
 * it holds (date, office, counts) or what is wrong with it, then — once it checked out — the warning that the
 * current data is replaced (a safety copy of it is made first) and the restore. The app restarts on the
 * backup's data and everyone signs in again; the session ends by itself when the core answers the next call.
 */
import { useState } from 'react';
import { Alert, Button, Code, Group, List, Modal, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconRestore, IconShieldCheck } from '@tabler/icons-react';
import type { BackupCheck } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../platform/clock';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';

/** The counts the admin recognises, in the order of the desk's pages (tables as the manifest names them). */
const SHOWN_COUNTS = [
  ['petitions', 'backups.counts.petitions'],
  ['info_reports', 'backups.counts.reports'],
  ['warnings', 'backups.counts.warnings'],
  ['notices', 'backups.counts.notices'],
  ['attachments', 'backups.counts.attachments'],
  ['users', 'backups.counts.users'],
  ['audit', 'backups.counts.audit'],
] as const;

function Holds({ check }: { check: BackupCheck }) {
  const tz = useOfficeTimeZone();
  const s = check.summary;
  if (!s) return null;
  return (
    <Stack gap={6} data-testid="restore-holds">
      <Text size="sm" fw={600}>
        {t('backups.dialog.holds')}
      </Text>
      <SimpleGrid cols={2} spacing={4} verticalSpacing={2}>
        <Text size="sm">
          {t('backups.dialog.createdAt')}：{formatDateTime(s.createdAt, tz)}
        </Text>
        <Text size="sm">
          {t('backups.dialog.office')}：{s.officeName}
        </Text>
        {SHOWN_COUNTS.filter(([table]) => s.counts[table] !== undefined).map(([table, label]) => (
          <Text size="sm" key={table} data-testid={`restore-count-${table}`}>
            {t(label)}：{s.counts[table]}
          </Text>
        ))}
        <Text size="sm">
          {t('backups.dialog.version')}：{s.appVersion}
        </Text>
      </SimpleGrid>
    </Stack>
  );
}

export function RestoreModal({ backup, onClose }: { backup: { folder: string; encrypted: boolean; createdAt: number }; onClose: () => void }) {
  const tz = useOfficeTimeZone();
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<BackupCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verify = useApiMutation('backups.verify', {
    onSuccess: (r) => setCheck(r),
    onError: (e) => setError(e.fields?.password ?? e.fields?.folder ?? e.message),
  });
  const restore = useApiMutation('backups.restore', {
    onSuccess: () => notifySaved(t('backups.dialog.restarted')),
    onError: (e) => setError(e.fields?.password ?? e.fields?.folder ?? e.message),
  });
  const input = { folder: backup.folder, password: backup.encrypted ? password : null };

  return (
    <Modal opened onClose={onClose} title={t('backups.dialog.title')} size="lg" closeOnClickOutside={!restore.isPending}>
      <Stack gap="sm">
        <Text size="sm">
          {t('backups.dialog.backup')}：{formatDateTime(backup.createdAt, tz)}
        </Text>
        <Code style={{ wordBreak: 'break-all' }}>{backup.folder}</Code>
        {backup.encrypted && (
          <PasswordInput
            label={t('backups.password')}
            description={t('backups.dialog.passwordHint')}
            value={password}
            maxLength={128}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setCheck(null);
            }}
          />
        )}
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {check && !check.restorable && (
          <Alert color="red" variant="light" title={t('backups.dialog.problems')} data-testid="restore-problems">
            <List size="sm">
              {check.problems.map((p) => (
                <List.Item key={`${p.code}:${p.message}`}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {check?.restorable && (
          <>
            <Group gap={6}>
              <IconShieldCheck size={18} color="var(--mantine-color-green-7)" />
              <Text size="sm" c="green.8" fw={600} data-testid="restore-verified">
                {t('backups.dialog.verified')}
              </Text>
            </Group>
            {check.problems.length > 0 && (
              <Alert color="orange" variant="light" title={t('backups.dialog.problems')}>
                <List size="sm">
                  {check.problems.map((p) => (
                    <List.Item key={`${p.code}:${p.message}`}>{p.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Holds check={check} />
            <Alert color="orange" variant="light">
              {t('backups.dialog.replaceWarning')}
            </Alert>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={restore.isPending}>
            {t('common.cancel')}
          </Button>
          {check?.restorable ? (
            <Button
              color="red"
              leftSection={<IconRestore size={16} />}
              loading={restore.isPending}
              onClick={() => {
                setError(null);
                restore.mutate(input);
              }}
            >
              {restore.isPending ? t('backups.dialog.restarting') : t('backups.dialog.confirm')}
            </Button>
          ) : (
            <Button
              leftSection={<IconShieldCheck size={16} />}
              loading={verify.isPending}
              onClick={() => {
                setError(null);
                verify.mutate(input);
              }}
            >
              {verify.isPending ? t('backups.dialog.verifying') : t('backups.dialog.verify')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
