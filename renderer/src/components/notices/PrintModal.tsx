/**
 * Printing a signed notice. Inside Electron the main process prints the frozen HTML on the printer and with the
 * copies chosen here; in browser mode the preview frame opens the browser's print window. Either way the print
 * is recorded in the archive (who, when, how many copies).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contract, type NoticeDetail } from '../../../../shared/api';
import type { PrinterInfo } from '../../../../shared/bridge';
import { t } from '../../../../shared/i18n';
import { desktopPrinting } from '../../platform/api-client';
import { invalidateAfterWrite } from '../../platform/invalidation';
import { notifySaved } from '../../platform/notify';
import { ApiFailure, callApi } from '../../platform/query';
import { contractResolver } from '../forms/contract-resolver';

const printForm = contract['notices.prints.create'].input.pick({ copies: true });

export function PrintModal({ notice, printFrame, onClose, onDone }: { notice: NoticeDetail; printFrame: () => void; onClose: () => void; onDone: () => void }) {
  const desktop = desktopPrinting();
  const client = useQueryClient();
  const [printers, setPrinters] = useState<readonly PrinterInfo[]>([]);
  const [printer, setPrinter] = useState<string | null>(null);
  const form = useForm({ initialValues: { copies: 1 as number | string }, validate: contractResolver(printForm, { messages: { copies: t('notices.print.copiesRange') } }) });

  useEffect(() => {
    if (!desktop) return;
    void desktop.listPrinters().then((list) => {
      setPrinters(list);
      setPrinter(list.find((p) => p.isDefault)?.name ?? null);
    });
    // The bridge does not change while the page lives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Inside Electron the shell prints on the chosen printer; in the browser the preview frame prints and the
  // core records it. Either way the print lands in the archive.
  const print = useMutation<unknown, ApiFailure, number>({
    mutationFn: async (copies) => {
      if (!desktop) {
        printFrame();
        return callApi('notices.prints.create', { id: notice.id, copies, format: 'paper' });
      }
      const r = await desktop.printNotice(notice.id, copies, printer);
      if (!r.ok) throw new ApiFailure(r.error);
      return r.value;
    },
    onSuccess: () => {
      invalidateAfterWrite(client, 'notices.prints.create');
      notifySaved(t('notices.detail.printed'));
      onDone();
    },
  });

  const submit = form.onSubmit((v) => print.mutate(Number(v.copies)));

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
        <NumberInput label={t('notices.print.copies')} min={1} max={99} w={160} {...form.getInputProps('copies')} />
        {!desktop && (
          <Text size="xs" c="dimmed">
            {t('notices.print.browserHint')}
          </Text>
        )}
        {print.error && (
          <Alert color="red" variant="light">
            {t('notices.print.failed', { message: print.error.message })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('notices.detail.cancel')}
          </Button>
          <Button loading={print.isPending} onClick={() => submit()}>
            {t('notices.print.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
