/**
 * Printing a signed notice. Inside Electron the main process prints the frozen HTML with the printer and copies
 * chosen here; in browser mode the preview frame opens the browser's print window. Either way the print is
 * recorded in the archive (who, when, how many copies).
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import type { NoticeDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifySaved } from '../../app/use-api';

export function PrintModal({ notice, printFrame, onClose, onDone }: { notice: NoticeDetail; printFrame: () => void; onClose: () => void; onDone: () => void }) {
  const [copies, setCopies] = useState<number | string>(1);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const print = async () => {
    const n = typeof copies === 'number' ? copies : Number(copies);
    if (!Number.isInteger(n) || n < 1 || n > 99) {
      setError(t('notices.print.copiesRange'));
      return;
    }
    setBusy(true);
    printFrame();
    const r = await api.call('notices.recordPrint', { id: notice.id, copies: n, format: 'paper' });
    setBusy(false);
    if (!r.ok) {
      setError(t('notices.print.failed', { message: r.error.message }));
      return;
    }
    notifySaved(t('notices.detail.printed'));
    onDone();
  };

  return (
    <Modal opened onClose={onClose} title={t('notices.print.title')} size={420} centered>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {notice.docNumber} {notice.title}
        </Text>
        <NumberInput label={t('notices.print.copies')} min={1} max={99} value={copies} onChange={setCopies} error={error} w={160} />
        <Text size="xs" c="dimmed">
          {t('notices.print.browserHint')}
        </Text>
        {error && !error.startsWith(t('notices.print.copiesRange')) && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('notices.detail.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void print()}>
            {t('notices.print.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
