/**
 * Editing a draft's text: title, addressee, the body (paragraphs one per line, tables kept), note and copy-to.
 * The core checks what is saved (the confidentiality rule among it) and its message shows under the body.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { NoticeDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';
import { blocksToRuns, runsToBlocks, type BodyRun } from './body-text';

export function NoticeEditor({ notice, onClose, onSaved }: { notice: NoticeDetail; onClose: () => void; onSaved: () => void }) {
  const [title, setTitle] = useState(notice.title);
  const [addressee, setAddressee] = useState(notice.addressee);
  const [runs, setRuns] = useState<BodyRun[]>(() => blocksToRuns(notice.body));
  const [note, setNote] = useState(notice.note);
  const [copyTo, setCopyTo] = useState(notice.copyTo.join('、'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const update = useApiMutation('notices.update', {
    onSuccess: () => {
      notifySaved(t('notices.detail.saved'));
      onSaved();
    },
    onError: (error) => {
      setErrors({ ...(error.fields ?? {}) });
      setMessage(error.fields ? null : error.message);
    },
  });

  const save = () =>
    update.mutate({
      id: notice.id,
      title,
      addressee,
      body: runsToBlocks(runs),
      note,
      copyTo: copyTo.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean),
    });

  const textRuns = runs.filter((r) => r.kind === 'text').length;
  return (
    <Modal opened onClose={onClose} title={t('notices.editor.title')} size={760} centered>
      <Stack gap="sm">
        <TextInput label={t('notices.editor.docTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <TextInput label={t('notices.editor.addressee')} description={t('notices.editor.addresseeHint')} value={addressee} onChange={(e) => setAddressee(e.currentTarget.value)} error={errors.addressee} />
        {runs.map((run, i) =>
          run.kind === 'table' ? (
            <Text key={i} size="sm" c="dimmed" fs="italic">
              {t('notices.editor.tableKept', { rows: run.block.rows.length })}
            </Text>
          ) : (
            <Textarea
              key={i}
              label={i === 0 || textRuns === 1 ? t('notices.editor.body') : undefined}
              description={i === 0 ? t('notices.editor.bodyHint') : undefined}
              aria-label={t('notices.editor.body')}
              autosize
              minRows={run.text ? 4 : 2}
              maxRows={14}
              value={run.text}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setRuns((all) => all.map((r, j) => (j === i ? { kind: 'text', text } : r)));
              }}
              error={i === runs.findIndex((r) => r.kind === 'text') ? errors.body : undefined}
            />
          ),
        )}
        <Group grow align="flex-start">
          <TextInput label={t('notices.editor.note')} description={t('notices.editor.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <TextInput label={t('notices.editor.copyTo')} description={t('notices.editor.copyToHint')} value={copyTo} onChange={(e) => setCopyTo(e.currentTarget.value)} error={errors.copyTo} />
        </Group>
        {message && (
          <Alert color="red" variant="light">
            {message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('notices.editor.cancel')}
          </Button>
          <Button loading={update.isPending} onClick={save}>
            {t('notices.editor.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
