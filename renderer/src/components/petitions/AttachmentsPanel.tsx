/**
 * A petition's attachments with size and SHA-256 (short; the full value on hover): each opens in the viewer or
 * downloads under its original name, and one added by mistake is removed with a reason (the file is kept and
 * the row says who removed it and why). Adding more goes file by file.
 */
import { useState } from 'react';
import { ActionIcon, Button, FileButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconEye, IconFile, IconPaperclip, IconTrash } from '@tabler/icons-react';
import type { Attachment } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, type ApiFailure } from '../../platform/query';
import { WorkflowActionModal } from '../workflow/WorkflowActionModal';
import { ReasonField } from '../forms/LimitedText';
import { acceptFiles } from './AttachmentPicker';
import { AttachmentViewer, downloadAttachment } from './AttachmentViewer';
import { formatFileSize, readFileBase64, shortHash } from './petition-format';

function RemoveDialog({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const remove = useApiMutation('petitions.attachments.remove', {
    onSuccess: () => {
      notifySaved(t('attachments.removed', { name: attachment.fileName, reason: reason.trim() }));
      onClose();
    },
    onError: (error) => setRefusal(error.message),
  });
  return (
    <WorkflowActionModal
      title={t('attachments.removeTitle', { name: attachment.fileName })}
      intro={t('attachments.removeHint')}
      refusal={refusal}
      submitLabel={t('attachments.removeSubmit')}
      submitColor="red"
      pending={remove.isPending}
      onSubmit={() => remove.mutate({ id: attachment.id, reason: reason.trim() })}
      onClose={onClose}
    >
      <ReasonField label={t('attachments.removeReason')} placeholder={t('attachments.removeReasonPlaceholder')} value={reason} onChange={setReason} />
    </WorkflowActionModal>
  );
}

function AttachmentRow({ attachment: a, canRemove, onView, onRemove }: { attachment: Attachment; canRemove: boolean; onView: () => void; onRemove: () => void }) {
  const removed = a.removedAt !== null;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="attachment" aria-label={a.fileName}>
      <IconFile size={16} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0, marginTop: 2 }} />
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" truncate title={a.fileName} td={removed ? 'line-through' : undefined} c={removed ? 'dimmed' : undefined}>
          {a.fileName}
        </Text>
        <Tooltip label={t('petitions.detail.attachmentHashTitle', { hash: a.sha256 })} multiline w={300} style={{ wordBreak: 'break-all' }}>
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {t('petitions.detail.attachmentMeta', { size: formatFileSize(a.size), hash: shortHash(a.sha256) })}
          </Text>
        </Tooltip>
        {removed && (
          <Text size="xs" c="red" data-testid="attachment-removed">
            {t('attachments.removed', { name: a.removedBy ?? '', reason: a.removalReason })}
          </Text>
        )}
      </Stack>
      {!removed && (
        <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
          {a.view !== 'download' && (
            <Tooltip label={t('attachments.view')}>
              <ActionIcon variant="subtle" size="sm" aria-label={`${t('attachments.view')} ${a.fileName}`} onClick={onView}>
                <IconEye size={15} />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label={t('attachments.download')}>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={`${t('attachments.download')} ${a.fileName}`}
              onClick={() => void downloadAttachment(a).catch((error: ApiFailure) => notifyError(error))}
            >
              <IconDownload size={15} />
            </ActionIcon>
          </Tooltip>
          {canRemove && (
            <Tooltip label={t('attachments.remove')}>
              <ActionIcon variant="subtle" color="red" size="sm" aria-label={`${t('attachments.remove')} ${a.fileName}`} onClick={onRemove}>
                <IconTrash size={15} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      )}
    </Group>
  );
}

export function AttachmentsPanel({ petitionId, attachments, canAdd }: { petitionId: number; attachments: readonly Attachment[]; canAdd: boolean }) {
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
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
        attachments.map((a) => <AttachmentRow key={a.id} attachment={a} canRemove={canAdd} onView={() => setViewing(a)} onRemove={() => setRemoving(a)} />)
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
      {viewing && <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />}
      {removing && <RemoveDialog attachment={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}
