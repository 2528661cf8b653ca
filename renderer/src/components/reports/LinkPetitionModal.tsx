/** Links an information report to the petition about the same matter, or removes the link. */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ApiError, ReportDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifySaved } from '../../app/use-api';
import { PetitionPicker } from './PetitionPicker';

export function LinkPetitionModal({ report, onClose, onDone }: { report: ReportDetail; onClose: () => void; onDone: (r: ReportDetail) => void }) {
  const [value, setValue] = useState<string | null>(report.petition ? String(report.petition.id) : null);
  const [error, setError] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (petitionId: number | null) => {
    setBusy(true);
    setRefusal(null);
    const r = await api.call('reports.linkPetition', { id: report.id, petitionId });
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error);
      return;
    }
    notifySaved(r.value.petition ? t('reports.link.saved', { number: r.value.petition.number }) : t('reports.link.removed'));
    onDone(r.value);
  };

  return (
    <Modal opened onClose={onClose} title={t('reports.link.title')} centered size="lg" styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('reports.link.intro')}
        </Text>
        {refusal && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {refusal.message}
          </Alert>
        )}
        <PetitionPicker
          label={t('reports.link.petition')}
          value={value}
          onChange={(v) => {
            setValue(v);
            setError(undefined);
          }}
          error={error}
          initial={report.petition}
          autoFocus
        />
        <Group justify="space-between" mt="xs">
          <div>
            {report.petition && (
              <Button variant="subtle" color="red" loading={busy} onClick={() => void save(null)}>
                {t('reports.link.remove')}
              </Button>
            )}
          </div>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('reports.actions.cancel')}
            </Button>
            <Button
              loading={busy}
              onClick={() => {
                if (!value) {
                  setError(t('reports.link.required'));
                  return;
                }
                void save(Number(value));
              }}
            >
              {t('reports.link.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
