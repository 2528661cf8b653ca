/**
 * Exporting or printing the register from the petition list: the list's filters and order as they are now, ID
 * numbers masked unless the person ticks full ones (the core audits either way). The print is the PDF the
 * notices' print path makes (browser mode: the local Chromium), opened as a download.
 */
import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import type { PetitionListInput, RegisterExportInput } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { useApiMutation } from '../../platform/query';
import { notifySaved } from '../../platform/notify';
import { downloadBase64 } from '../notices/download';

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

export function RegisterExportModal({ filters, total, onClose }: { filters: PetitionListInput; total: number; onClose: () => void }) {
  const [full, setFull] = useState(false);
  const exporter = useApiMutation('ledger.register.export', {
    onSuccess: (file, input) => {
      downloadBase64(file.base64, file.fileName, TYPES[input.format]);
      notifySaved(t('ledger.register.exported', { count: file.count }));
    },
  });
  const run = (format: RegisterExportInput['format']) => {
    const { page: _page, pageSize: _size, ...rest } = filters;
    exporter.mutate({ ...rest, full, format });
  };
  return (
    <Modal opened onClose={onClose} title={t('ledger.register.exportTitle')} size={480} centered>
      <Stack gap="md">
        <Text size="sm">{t('ledger.register.exportIntro', { count: total })}</Text>
        <Checkbox label={t('ledger.register.full')} checked={full} onChange={(e) => setFull(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" leftSection={<IconPrinter size={16} />} loading={exporter.isPending && exporter.variables.format === 'pdf'} onClick={() => run('pdf')}>
            {t('ledger.register.print')}
          </Button>
          <Button leftSection={<IconFileSpreadsheet size={16} />} loading={exporter.isPending && exporter.variables.format === 'xlsx'} onClick={() => run('xlsx')}>
            {t('ledger.register.exportXlsx')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
