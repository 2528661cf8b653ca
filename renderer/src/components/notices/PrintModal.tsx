/**
 * Printing a signed notice. Inside Electron the main process prints the frozen HTML on the printer and with the
 * copies chosen here; in browser mode the preview frame opens the browser's print window. Either way the print
 * is recorded in the archive (who, when, how many copies).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { NoticeDetail } from '../../../../shared/api';
import type { PrinterInfo } from '../../../../shared/bridge';
import { t } from '../../../../shared/i18n';
import { api, desktopPrinting } from '../../api/client';
import { notifySaved } from '../../app/use-api';

export function PrintModal({ notice, printFrame, onClose, onDone }: { notice: NoticeDetail; printFrame: () => void; onClose: () => void; onDone: () => void }) {
  const desktop = desktopPrinting();
  const [copies, setCopies] = useState<number | string>(1);
  const [printers, setPrinters] = useState<readonly PrinterInfo[]>([]);
  const [printer, setPrinter] = useState<string | null>(null);
  const [copiesError, setCopiesError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!desktop) return;
    void desktop.listPrinters().then((list) => {
      setPrinters(list);
      setPrinter(list.find((p) => p.isDefault)?.name ?? null);
    });
    // The bridge does not change while the page lives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const print = async () => {
    const n = typeof copies === 'number' ? copies : Number(copies);
    if (!Number.isInteger(n) || n < 1 || n > 99) {
      setCopiesError(t('notices.print.copiesRange'));
      return;
    }
    setCopiesError(null);
    setBusy(true);
    let r;
    if (desktop) {
      r = await desktop.printNotice(notice.id, n, printer);
    } else {
      printFrame();
      r = await api.call('notices.prints.create', { id: notice.id, copies: n, format: 'paper' });
    }
    setBusy(false);
    if (!r.ok) {
      setError(t('notices.print.failed', { message: r.error.message }));
      return;
    }
    notifySaved(t('notices.detail.printed'));
    onDone();
  };

  return (
    <Modal opened onClose={onClose} title={t('notices.print.title')} size={440} centered>
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {notice.docNumber} {notice.title}
        </Text>
        {desktop && (
          <Select
            label={t('notices.print.printer')}
            placeholder={t('notices.print.defaultPrinter')}
            clearable
            data={printers.map((p) => ({ value: p.name, label: p.displayName }))}
            value={printer}
            onChange={setPrinter}
          />
        )}
        <NumberInput label={t('notices.print.copies')} min={1} max={99} value={copies} onChange={setCopies} error={copiesError} w={160} />
        {!desktop && (
          <Text size="xs" c="dimmed">
            {t('notices.print.browserHint')}
          </Text>
        )}
        {error && (
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
