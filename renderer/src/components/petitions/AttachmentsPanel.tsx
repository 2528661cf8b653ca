/** A petition's attachments with size and SHA-256 (short; the full value on hover), and adding more. */
import { useState } from 'react';
import { Button, FileButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconFile, IconPaperclip } from '@tabler/icons-react';
import type { PetitionDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifyError, notifySaved } from '../../app/use-api';
import { acceptFiles } from './AttachmentPicker';
import { formatFileSize, readFileBase64, shortHash } from './petition-format';

type Attachment = PetitionDetail['attachments'][number];

export function AttachmentsPanel({ petitionId, attachments, canAdd }: { petitionId: number; attachments: readonly Attachment[]; canAdd: boolean }) {
  const [busy, setBusy] = useState(false);

  const add = async (picked: File[]) => {
    setBusy(true);
    for (const file of acceptFiles(picked)) {
      const r = await api.call('petitions.attachments.create', { id: petitionId, fileName: file.name, dataBase64: await readFileBase64(file) });
      if (r.ok) notifySaved(t('petitions.detail.attachmentAdded', { name: file.name }));
      else notifyError(r.error);
    }
    setBusy(false);
  };

  return (
    <Stack gap={6}>
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('petitions.detail.noAttachments')}
        </Text>
      ) : (
        attachments.map((a) => (
          <Group key={a.id} gap={6} wrap="nowrap" align="flex-start" data-testid="attachment">
            <IconFile size={16} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" truncate title={a.fileName}>
                {a.fileName}
              </Text>
              <Tooltip label={t('petitions.detail.attachmentHashTitle', { hash: a.sha256 })} multiline w={300} style={{ wordBreak: 'break-all' }}>
                <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('petitions.detail.attachmentMeta', { size: formatFileSize(a.size), hash: shortHash(a.sha256) })}
                </Text>
              </Tooltip>
            </Stack>
          </Group>
        ))
      )}
      {canAdd && (
        <FileButton multiple onChange={(files) => void add(files)}>
          {(props) => (
            <Button {...props} size="xs" variant="default" loading={busy} leftSection={<IconPaperclip size={14} />} style={{ alignSelf: 'flex-start' }}>
              {t('petitions.detail.addAttachment')}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
