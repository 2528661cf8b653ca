/** A petition's attachments with size and SHA-256 (short; the full value on hover), and adding more. */
import { Button, FileButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconFile, IconPaperclip } from '@tabler/icons-react';
import type { PetitionDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { acceptFiles } from './AttachmentPicker';
import { formatFileSize, readFileBase64, shortHash } from './petition-format';

type Attachment = PetitionDetail['attachments'][number];

export function AttachmentsPanel({ petitionId, attachments, canAdd }: { petitionId: number; attachments: readonly Attachment[]; canAdd: boolean }) {
  const upload = useApiMutation('petitions.attachments.create', {
    onSuccess: (_attachment, { fileName }) => notifySaved(t('petitions.detail.attachmentAdded', { name: fileName })),
  });

  // One file after another; a refused one is reported and the rest still go.
  const add = async (picked: File[]) => {
    for (const file of acceptFiles(picked)) {
      await upload.mutateAsync({ id: petitionId, fileName: file.name, dataBase64: await readFileBase64(file) }).catch(() => undefined);
    }
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
            <Button {...props} size="xs" variant="default" loading={upload.isPending} leftSection={<IconPaperclip size={14} />} style={{ alignSelf: 'flex-start' }}>
              {t('petitions.detail.addAttachment')}
            </Button>
          )}
        </FileButton>
      )}
    </Stack>
  );
}
