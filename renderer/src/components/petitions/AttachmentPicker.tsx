/**
 * Files picked at intake, before the petition exists: listed with name and size, and saved with the petition
 * in one transaction. A type the office does not take, or a file over the limit, is refused at once with the
 * rule named (the core checks the same, and the content too).
 */
import { ActionIcon, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconFile, IconPaperclip, IconX } from '@tabler/icons-react';
import { ATTACHMENT_EXTENSIONS } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { notifyError } from '../../platform/notify';
import { formatFileSize } from './petition-format';

/** The core's limit for one attachment (main/core/petitions/attachments.ts). */
export const MAX_ATTACHMENT_MB = 20;

/** What one registration may carry in all: its request to the core is at most 40 MB, base64 included. */
export const MAX_INTAKE_FILES_MB = 28;

const ALLOWED = ATTACHMENT_EXTENSIONS.join('、');

function allowedType(file: File): boolean {
  const dot = file.name.lastIndexOf('.');
  return dot > 0 && (ATTACHMENT_EXTENSIONS as readonly string[]).includes(file.name.slice(dot + 1).toLowerCase());
}

export function tooLarge(file: File): boolean {
  return file.size > MAX_ATTACHMENT_MB * 1024 * 1024;
}

/** Refuses files over the limit with a message, and returns the rest. */
export function acceptFiles(files: readonly File[]): File[] {
  const ok: File[] = [];
  for (const file of files) {
    if (!allowedType(file)) notifyError({ message: t('errors.attachments.badType', { name: file.name, allowed: ALLOWED }) });
    else if (tooLarge(file)) notifyError({ message: t('petitions.intake.fileTooLarge', { name: file.name, max: MAX_ATTACHMENT_MB }) });
    else ok.push(file);
  }
  return ok;
}

export function AttachmentPicker({ files, onChange }: { files: readonly File[]; onChange: (files: File[]) => void }) {
  return (
    <Stack gap={6}>
      <Group gap="sm" wrap="nowrap">
        <FileButton multiple accept={ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',')} onChange={(picked) => onChange([...files, ...acceptFiles(picked)])}>
          {(props) => (
            <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />}>
              {t('petitions.intake.chooseFiles')}
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          {t('attachments.allowed', { types: ALLOWED, max: MAX_ATTACHMENT_MB })}
        </Text>
      </Group>
      {files.length > 0 && (
        <Stack gap={2}>
          {files.map((file, i) => (
            <Group key={`${file.name}-${i}`} gap={6} wrap="nowrap" data-testid="pending-attachment">
              <IconFile size={14} color="var(--mantine-color-gray-6)" />
              <Text size="sm" truncate maw={420}>
                {file.name}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatFileSize(file.size)}
              </Text>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                aria-label={t('petitions.intake.removeFile', { name: file.name })}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                <IconX size={14} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
