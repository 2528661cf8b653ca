/** The office marks a report 瞒报 or 漏报 when it learnt of the event from another source, with an explanation. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ApiError, ReportDetail } from '../../../../shared/api';
import { REPORT_FLAGS, type ReportFlag } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifySaved } from '../../app/use-api';

const NONE = 'none';

export function FlagReportModal({ report, onClose, onDone }: { report: ReportDetail; onClose: () => void; onDone: (r: ReportDetail) => void }) {
  const [flag, setFlag] = useState<string>(report.flag ?? 'concealed');
  const [note, setNote] = useState(report.flagNote);
  const [error, setError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const value = flag === NONE ? null : (flag as ReportFlag);
    if (value !== null && !note.trim()) {
      setError(t('reports.flag.noteRequired'));
      return;
    }
    setBusy(true);
    setRefusal(null);
    const r = await api.call('reports.flag', { id: report.id, flag: value, note: note.trim() });
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error);
      if (r.error.fields?.note) setError(r.error.fields.note);
      return;
    }
    notifySaved(t('reports.flag.saved'));
    onDone(r.value);
  };

  return (
    <Modal opened onClose={onClose} title={t('reports.flag.title')} centered size="lg" styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('reports.flag.intro')}
        </Text>
        {refusal && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {refusal.message}
          </Alert>
        )}
        <Radio.Group label={t('reports.flag.kind')} value={flag} onChange={setFlag} withAsterisk>
          <Group gap="lg" mt={4}>
            {REPORT_FLAGS.map((f) => (
              <Radio key={f} value={f} label={enumLabel('reportFlag', f)} />
            ))}
            {report.flag && <Radio value={NONE} label={t('reports.flag.none')} />}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('reports.flag.note')}
          placeholder={t('reports.flag.notePlaceholder')}
          withAsterisk={flag !== NONE}
          autosize
          minRows={3}
          maxRows={8}
          value={note}
          error={error}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(undefined);
          }}
          data-autofocus
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('reports.actions.cancel')}
          </Button>
          <Button color="grape" loading={busy} onClick={() => void save()}>
            {t('reports.flag.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
