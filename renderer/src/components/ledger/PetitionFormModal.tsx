/**
 * Printing one petition's 信访事项登记表 from its page: one A4 page for the petitioner to check and sign at the
 * counter, ID numbers masked unless the person ticks full ones (the core audits either way). The PDF comes from
 * the notices' print path (browser mode: the local Chromium) and is opened as a download.
 */
import { useState } from 'react';
import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';
import { useApiMutation } from '../../platform/query';
import { notifySaved } from '../../platform/notify';
import { downloadBase64 } from '../notices/download';

export function PetitionFormModal({ petitionId, onClose }: { petitionId: number; onClose: () => void }) {
  const [full, setFull] = useState(false);
  const printer = useApiMutation('ledger.form.print', {
    onSuccess: (file) => {
      downloadBase64(file.base64, file.fileName, 'application/pdf');
      notifySaved(t('ledger.form.printed'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('ledger.form.modalTitle')} size={440} centered>
      <Stack gap="md">
        <Text size="sm">{t('ledger.form.intro')}</Text>
        <Checkbox label={t('ledger.register.full')} checked={full} onChange={(e) => setFull(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button leftSection={<IconPrinter size={16} />} loading={printer.isPending} onClick={() => printer.mutate({ id: petitionId, full })}>
            {t('ledger.form.print')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
