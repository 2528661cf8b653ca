/**
 * Imports one year's holiday file: picked from disk or pasted. The core checks the whole file first, so a
 * faulty one changes nothing and its message is shown here as the core words it.
 */
import { useState } from 'react';
import { Alert, Button, Code, FileButton, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconFileText, IconUpload } from '@tabler/icons-react';
import type { ProcedureOutput } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { useApiMutation } from '../../platform/query';

export function ImportModal(props: { onClose: () => void; onImported: (result: ProcedureOutput<'calendar.import'>) => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importYear = useApiMutation('calendar.import', { onSuccess: props.onImported, onError: (e) => setError(e.message) });

  const pick = (file: File | null) => {
    if (!file) return;
    setError(null);
    file.text().then(
      (content) => {
        setText(content);
        setFileName(file.name);
      },
      () => setError(t('admin.calendar.fileReadFailed', { name: file.name })),
    );
  };

  const submit = () => {
    if (!text.trim()) {
      setError(t('admin.calendar.fileEmpty'));
      return;
    }
    setError(null);
    importYear.mutate({ fileText: text });
  };

  return (
    <Modal opened onClose={props.onClose} title={t('admin.calendar.importTitle')} size={640} centered>
      <Stack gap="sm">
        <Text size="sm">{t('admin.calendar.importIntro')}</Text>
        {error && (
          <Alert color="red" variant="light" role="alert" data-testid="import-error">
            {error}
          </Alert>
        )}
        <Group gap="sm">
          <FileButton onChange={pick} accept="application/json,.json,.txt">
            {(p) => (
              <Button {...p} variant="default" leftSection={<IconUpload size={16} />}>
                {t('admin.calendar.chooseFile')}
              </Button>
            )}
          </FileButton>
          {fileName && (
            <Group gap={4}>
              <IconFileText size={16} color="var(--mantine-color-gray-6)" />
              <Text size="sm" c="dimmed">
                {t('admin.calendar.fileChosen', { name: fileName })}
              </Text>
            </Group>
          )}
        </Group>
        <Textarea
          label={t('admin.calendar.pasteLabel')}
          placeholder={t('admin.calendar.pastePlaceholder')}
          autosize
          minRows={5}
          maxRows={9}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFileName(null);
          }}
        />
        <div>
          <Text size="xs" fw={600} c="dimmed" mb={4}>
            {t('admin.calendar.formatTitle')}
          </Text>
          <Code block fz={11}>
            {t('admin.calendar.formatExample')}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            {t('admin.calendar.formatHint')}
          </Text>
        </div>
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={importYear.isPending} onClick={submit} leftSection={<IconUpload size={16} />}>
            {t('admin.calendar.importSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
