/**
 * Entering a unit's zero report for one period: "本期无情况", or the unit's information reports of that
 * period. Submitted after the due time it counts as late, and the dialog says so before saving.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, MultiSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconClockExclamation } from '@tabler/icons-react';
import type { ApiError, ZeroReportGrid } from '../../../../shared/api';
import { t, enumLabel } from '../../../../shared/i18n';
import { addDays, startOfLocalDay } from '../../../../shared/time';
import { zeroReportPeriodLabel } from '../../../../shared/zero-report-period';
import { api } from '../../api/client';
import { officeNow, useNow, useOfficeTimeZone } from '../../app/clock';
import { notifySaved, useApiQuery } from '../../app/use-api';
import { DateTimeField } from '../petitions/DateTimeField';
import { fromLocalInput, toLocalInput } from '../petitions/petition-format';
import { durationLabel, limitAtLabel } from './report-format';
import type { ZeroCell } from './ZeroReportGrid';

type Unit = ZeroReportGrid['units'][number];

/** The instants a period covers: a month ('2026-11') or a day ('2026-11-09'). */
function periodRange(period: string, timeZone: string): { from: number; to: number } {
  if (period.length === 7) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    return { from: startOfLocalDay(`${period}-01`, timeZone), to: startOfLocalDay(`${next}-01`, timeZone) };
  }
  return { from: startOfLocalDay(period, timeZone), to: startOfLocalDay(addDays(period, 1), timeZone) };
}

export function ZeroReportSubmitModal({ unit, cell, onClose, onDone }: { unit: Unit; cell: ZeroCell; onClose: () => void; onDone: () => void }) {
  const tz = useOfficeTimeZone();
  const now = useNow(15_000);
  const [initialAt] = useState(() => toLocalInput(officeNow(), tz));
  const [at, setAt] = useState(initialAt);
  const [kind, setKind] = useState<'nothing' | 'reports'>('nothing');
  const [reportIds, setReportIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const range = periodRange(cell.period, tz);
  const reports = useApiQuery('reports.list', { unitId: unit.unitId, reportedFrom: range.from, reportedTo: range.to, pageSize: 200 });
  const options = (reports.data?.rows ?? []).map((r) => ({ value: String(r.id), label: `${r.number} ${r.summary}` }));
  const periodLabel = zeroReportPeriodLabel(cell.period);
  const submittedAt = at !== initialAt ? fromLocalInput(at, tz) : now;
  const lateMs = submittedAt !== null ? submittedAt - cell.dueAt : 0;

  const save = async () => {
    const e: Record<string, string> = {};
    if (fromLocalInput(at, tz) === null) e.submittedAt = t('reports.form.badTime');
    if (kind === 'reports' && reportIds.length === 0) e.reportIds = t('reports.zero.reportsRequired');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    setRefusal(null);
    const r = await api.call('zeroReports.submit', {
      unitId: unit.unitId,
      period: cell.period,
      nothingToReport: kind === 'nothing',
      reportIds: kind === 'reports' ? reportIds.map(Number) : [],
      note: note.trim(),
      submittedAt: at !== initialAt ? fromLocalInput(at, tz) : null,
    });
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error);
      setErrors(Object.fromEntries(Object.entries(r.error.fields ?? {})));
      return;
    }
    notifySaved(t('reports.zero.saved', { unit: unit.unitName, period: periodLabel, state: enumLabel('zeroReportState', r.value.state) }));
    onDone();
  };

  return (
    <Modal opened onClose={onClose} title={t('reports.zero.submitTitle')} centered size="lg" styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Text fw={600}>{t('reports.zero.submitFor', { unit: unit.unitName, period: periodLabel })}</Text>
          <Text size="sm" c="dimmed">
            {t('reports.zero.submitDue', { at: limitAtLabel(cell.dueAt, tz) })}
          </Text>
        </Stack>
        {refusal && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('reports.zero.refused')} role="alert">
            {refusal.message}
          </Alert>
        )}
        {lateMs > 0 && (
          <Alert color="orange" variant="light" icon={<IconClockExclamation size={18} />} p="xs" data-testid="zero-late-warning">
            {t('reports.zero.submitLateNow', { duration: durationLabel(lateMs) })}
          </Alert>
        )}
        <Radio.Group label={t('reports.zero.kind')} value={kind} onChange={(v) => setKind(v as 'nothing' | 'reports')} withAsterisk>
          <Group gap="lg" mt={4}>
            <Radio value="nothing" label={t('reports.zero.nothing')} data-autofocus />
            <Radio value="reports" label={t('reports.zero.hasReports')} />
          </Group>
        </Radio.Group>
        {kind === 'reports' &&
          (options.length === 0 && !reports.loading ? (
            <Alert color="gray" variant="light" p="xs">
              {t('reports.zero.noReports')}
            </Alert>
          ) : (
            <MultiSelect
              label={t('reports.zero.reports')}
              placeholder={t('reports.zero.reportsPlaceholder')}
              data={options}
              value={reportIds}
              onChange={setReportIds}
              error={errors.reportIds}
              withAsterisk
            />
          ))}
        {kind === 'reports' && options.length === 0 && errors.reportIds && (
          <Text size="sm" c="red">
            {errors.reportIds}
          </Text>
        )}
        <Textarea label={t('reports.zero.note')} autosize minRows={2} maxRows={5} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <DateTimeField label={t('reports.zero.submittedAt')} description={t('reports.zero.submittedAtHint')} w={260} value={at} error={errors.submittedAt} onChange={setAt} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('reports.zero.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void save()}>
            {t('reports.zero.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
