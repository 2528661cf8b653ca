/**
 * '#/petitions/import': bringing the office's existing ledger in. The clerk picks the file, checks which column is
 * which and what the office's words mean, sees the preview with every refused row and why (downloadable to fix),
 * then imports the rest as one batch; the same day the batch can be undone.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, FileButton, Group, Progress, ScrollArea, Select, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { LedgerImport, LedgerImportInput, LedgerPreview } from '../../../../shared/api';
import { CHANNELS, LEDGER_FIELDS, type Channel, type LedgerField } from '../../../../shared/enums';
import { enumLabel, t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../platform/clock';
import { ButtonLink } from '../../platform/links';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { api } from '../../platform/api-client';
import { PageHeader } from '../../components/layout/PageHeader';
import { BackLink } from '../../components/layout/BackLink';
import { ConfirmModal } from '../../components/layout/ConfirmModal';
import { downloadBase64 } from '../../components/notices/download';
import { readFileBase64 } from '../../components/petitions/petition-format';
import { usePetitionDirectory } from '../../components/petitions/use-directory';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NO_FIELD = '';

type Columns = Partial<Record<LedgerField, number | null>>;
interface Words {
  readonly channel: Record<string, Channel>;
  readonly topic: Record<string, number | null>;
}

function ColumnsCard({ preview, onChange }: { preview: LedgerPreview; onChange: (index: number, field: LedgerField | null) => void }) {
  const options = [{ value: NO_FIELD, label: t('ledger.import.noField') }, ...LEDGER_FIELDS.map((f) => ({ value: f, label: t(`ledger.field.${f}`) }))];
  return (
    <Card withBorder padding="md">
      <Title order={5}>{t('ledger.import.columnsTitle')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('ledger.import.columnsIntro')} {t('ledger.import.sheet', { sheet: preview.sheetName, row: preview.headerRow })}
      </Text>
      <Table striped withTableBorder data-testid="ledger-columns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('ledger.import.columnHead')}</Table.Th>
            <Table.Th w={160}>{t('ledger.import.header')}</Table.Th>
            <Table.Th w={200}>{t('ledger.import.fieldFor')}</Table.Th>
            <Table.Th>{t('ledger.import.samples')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.columns.map((c) => (
            <Table.Tr key={c.index} data-testid="ledger-column">
              <Table.Td>{t('ledger.import.column', { index: c.index })}</Table.Td>
              <Table.Td fw={600}>{c.header}</Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={t('ledger.import.fieldFor') + ' ' + c.header}
                  data={options}
                  value={c.field ?? NO_FIELD}
                  allowDeselect={false}
                  onChange={(v) => onChange(c.index, v ? (v as LedgerField) : null)}
                />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {c.samples.join('｜')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function WordsCard({ preview, words, onChange }: { preview: LedgerPreview; words: Words; onChange: (words: Words) => void }) {
  const directory = usePetitionDirectory();
  const channelOptions = CHANNELS.map((c) => ({ value: c, label: enumLabel('channel', c) }));
  const topicOptions = [{ value: NO_FIELD, label: t('ledger.import.noTopic') }, ...directory.topics];
  return (
    <Card withBorder padding="md">
      <Title order={5}>{t('ledger.import.wordsTitle')}</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('ledger.import.wordsIntro')}
      </Text>
      <Group align="flex-start" grow>
        <WordTable
          testId="ledger-channel-words"
          title={t('ledger.import.channelWords')}
          words={preview.channelWords.map((w) => ({ word: w.word, count: w.count, value: w.channel }))}
          placeholder={t('ledger.import.unknown')}
          options={channelOptions}
          onPick={(word, v) => v && onChange({ ...words, channel: { ...words.channel, [word]: v as Channel } })}
        />
        <WordTable
          testId="ledger-topic-words"
          title={t('ledger.import.topicWords')}
          words={preview.topicWords.map((w) => ({ word: w.word, count: w.count, value: w.topicId === null ? NO_FIELD : String(w.topicId) }))}
          options={topicOptions}
          onPick={(word, v) => onChange({ ...words, topic: { ...words.topic, [word]: v ? Number(v) : null } })}
        />
      </Group>
    </Card>
  );
}

/** The office's own words found in one column, how often, and the app's value each means (a channel, a topic). */
function WordTable(props: {
  testId: string;
  title: string;
  words: readonly { word: string; count: number; value: string | null }[];
  placeholder?: string;
  options: readonly { value: string; label: string }[];
  onPick: (word: string, value: string | null) => void;
}) {
  return (
    <Table withTableBorder data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{props.title}</Table.Th>
          <Table.Th w={60}>{t('ledger.import.count')}</Table.Th>
          <Table.Th w={150}>{t('ledger.import.meaning')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.words.map((w) => (
          <Table.Tr key={w.word}>
            <Table.Td>{w.word}</Table.Td>
            <Table.Td>{w.count}</Table.Td>
            <Table.Td>
              <Select
                size="xs"
                aria-label={`${props.title} ${w.word}`}
                placeholder={props.placeholder}
                data={props.options}
                value={w.value}
                allowDeselect={false}
                onChange={(v) => props.onPick(w.word, v)}
                error={w.value === null}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RowsTable({ rows, testId, withReason }: { rows: LedgerPreview['sample']; testId: string; withReason: boolean }) {
  return (
    <ScrollArea.Autosize mah={300}>
      <Table striped withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>{t('ledger.import.row')}</Table.Th>
            <Table.Th w={110}>{t('ledger.field.receivedAt')}</Table.Th>
            <Table.Th w={140}>{t('ledger.field.petitioners')}</Table.Th>
            <Table.Th>{t('ledger.field.summary')}</Table.Th>
            <Table.Th w={withReason ? 420 : 130}>{withReason ? t('ledger.import.reason') : t('ledger.import.verdict')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.rowNumber} data-testid={`${testId}-row`}>
              <Table.Td>{r.rowNumber}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.receivedDate}</Table.Td>
              <Table.Td>{r.petitioners}</Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={1}>
                  {r.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={withReason ? 'red.8' : undefined}>
                  {withReason ? r.reason : t(`ledger.verdict.${r.verdict}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

/** Rows written so far by the import of `fileName`, as the core pushes it; null until the first push. */
function useImportProgress(fileName: string): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(
    () =>
      api.onEvent((e) => {
        if (e.type === 'ledger.progress' && e.fileName === fileName) setProgress({ done: e.done, total: e.total });
      }),
    [fileName],
  );
  return progress;
}

function ImportProgress({ fileName, count }: { fileName: string; count: number }) {
  const progress = useImportProgress(fileName);
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  return (
    <Stack gap={4} data-testid="ledger-progress">
      <Text size="sm">
        {percent === null ? t('ledger.import.importing', { count }) : t('ledger.import.progress', { done: progress?.done ?? 0, total: progress?.total ?? count, percent })}
      </Text>
      <Progress value={percent ?? 100} animated striped={percent === null} aria-label={t('ledger.import.progressLabel')} />
    </Stack>
  );
}

function PreviewStep(props: { preview: LedgerPreview; fileName: string; importing: boolean; onImport: () => void; onBack: () => void }) {
  const { preview } = props;
  const c = preview.counts;
  const importing = c.closed + c.open;
  return (
    <Stack gap="md">
      <Alert color={c.refused + c.duplicate > 0 ? 'yellow' : 'blue'} variant="light" data-testid="ledger-counts">
        {t('ledger.import.countsTitle', { ...c, importing })}
      </Alert>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="xs">
          <Title order={5}>{t('ledger.import.rejectedTitle', { count: preview.rejected.length })}</Title>
          {preview.rejectedXlsxBase64 !== '' && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} />}
              onClick={() => downloadBase64(preview.rejectedXlsxBase64, t('ledger.import.rejectedFile'), XLSX_TYPE)}
            >
              {t('ledger.import.downloadRejected')}
            </Button>
          )}
        </Group>
        {preview.rejected.length === 0 ? <Text size="sm">{t('ledger.import.rejectedNone')}</Text> : <RowsTable rows={preview.rejected} testId="ledger-rejected" withReason />}
      </Card>
      <Card withBorder padding="md">
        <Title order={5} mb="xs">
          {t('ledger.import.sampleTitle')}
        </Title>
        <RowsTable rows={preview.sample} testId="ledger-sample" withReason={false} />
      </Card>
      {props.importing && <ImportProgress fileName={props.fileName} count={importing} />}
      <Group justify="space-between">
        <Button variant="default" onClick={props.onBack} disabled={props.importing}>
          {t('ledger.import.back')}
        </Button>
        <Button onClick={props.onImport} loading={props.importing} disabled={importing === 0}>
          {t('ledger.import.confirm', { count: importing })}
        </Button>
      </Group>
    </Stack>
  );
}

function DoneStep({ batch, onUndo, undoing }: { batch: LedgerImport; onUndo: () => void; undoing: boolean }) {
  return (
    <Stack gap="md">
      <Alert color={batch.voidedAt === null ? 'green' : 'gray'} variant="light" title={t('ledger.import.doneTitle')} data-testid="ledger-done">
        {batch.voidedAt === null ? t('ledger.import.done', { imported: batch.imported, closed: batch.closed, refused: batch.refused, overdue: batch.overdue }) : t('ledger.import.undone')}
      </Alert>
      <Group>
        <ButtonLink to="/petitions">{t('ledger.import.toList')}</ButtonLink>
        {batch.canUndo && (
          <Button color="red" variant="light" onClick={onUndo} loading={undoing}>
            {t('ledger.import.undo')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The recent batches; one imported today can be undone from here too. */
function History({ onUndo }: { onUndo: (batch: LedgerImport) => void }) {
  const tz = useOfficeTimeZone();
  const list = useApiQuery('ledger.imports.list', {});
  const rows = list.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card withBorder padding="md">
      <Title order={5} mb="xs">
        {t('ledger.import.history')}
      </Title>
      <Stack gap={4}>
        {rows.map((b) => (
          <Group key={b.id} gap="sm" data-testid="ledger-history-row">
            <Text size="sm" c={b.voidedAt === null ? undefined : 'dimmed'}>
              {t('ledger.import.historyLine', { at: formatDateTime(b.createdAt, tz), user: b.createdByName, file: b.fileName, imported: b.imported })}
              {b.voidedAt !== null && ` ${t('ledger.import.historyUndone')}`}
            </Text>
            {b.canUndo && (
              <Button size="compact-xs" color="red" variant="subtle" onClick={() => onUndo(b)}>
                {t('ledger.import.undo')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

export function LedgerImportPage() {
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [columns, setColumns] = useState<Columns>({});
  const [words, setWords] = useState<Words>({ channel: {}, topic: {} });
  const [step, setStep] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [batch, setBatch] = useState<LedgerImport | null>(null);
  const [confirmUndo, setConfirmUndo] = useState(false);
  const preview = useApiMutation('ledger.imports.preview', { onError: (e) => setError(e.message) });
  const create = useApiMutation('ledger.imports.create', {
    onSuccess: (b) => {
      setBatch(b);
      setStep(3);
    },
    onError: (e) => setError(e.message),
  });
  const undo = useApiMutation('ledger.imports.remove', {
    onSuccess: (b) => {
      setBatch(b);
      setConfirmUndo(false);
    },
  });

  const input = (f: { name: string; base64: string }, c: Columns, w: Words): LedgerImportInput => ({ fileName: f.name, dataBase64: f.base64, columns: c, words: w });
  const run = (f: { name: string; base64: string }, c: Columns, w: Words, next: number) => {
    setError(null);
    preview.mutate(input(f, c, w), { onSuccess: () => setStep(next) });
  };

  const pick = (picked: File | null) => {
    if (!picked) return;
    void readFileBase64(picked).then((base64) => {
      const f = { name: picked.name, base64 };
      setFile(f);
      setColumns({});
      setWords({ channel: {}, topic: {} });
      run(f, {}, { channel: {}, topic: {} }, 1);
    });
  };

  const setColumn = (index: number, field: LedgerField | null) => {
    if (!file || !preview.data) return;
    const next: Columns = { ...columns };
    const current = preview.data.columns.find((c) => c.index === index)?.field;
    if (current) next[current] = null;
    if (field) next[field] = index;
    setColumns(next);
    run(file, next, words, 1);
  };
  const setWordMap = (w: Words) => {
    if (!file) return;
    setWords(w);
    run(file, columns, w, 1);
  };

  return (
    <Stack gap="md" maw={1200}>
      <BackLink to={{ to: '/petitions' }}>{t('petitions.list.title')}</BackLink>
      <PageHeader title={t('ledger.import.title')} subtitle={t('ledger.import.intro')} />
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('ledger.import.stepFile')} />
        <Stepper.Step label={t('ledger.import.stepMapping')} />
        <Stepper.Step label={t('ledger.import.stepPreview')} />
        <Stepper.Step label={t('ledger.import.stepDone')} />
      </Stepper>
      {error && (
        <Alert color="red" variant="light" role="alert" data-testid="ledger-error">
          {error}
        </Alert>
      )}
      {step < 3 && (
        <Group gap="sm">
          <FileButton onChange={pick} accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(p) => (
              <Button {...p} variant={file ? 'default' : 'filled'} leftSection={<IconUpload size={16} />} data-testid="ledger-file">
                {t('ledger.import.file')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Group gap={4}>
              <IconFileSpreadsheet size={16} color="var(--mantine-color-gray-6)" />
              <Text size="sm">{file.name}</Text>
            </Group>
          )}
          {preview.isPending && <Text size="sm" c="dimmed">{t('ledger.import.reading')}</Text>}
        </Group>
      )}
      {step === 0 && (
        <History
          onUndo={(b) => {
            setBatch(b);
            setConfirmUndo(true);
          }}
        />
      )}
      {step === 1 && preview.data && file && (
        <Stack gap="md">
          <ColumnsCard preview={preview.data} onChange={setColumn} />
          <WordsCard preview={preview.data} words={words} onChange={setWordMap} />
          <Group justify="flex-end">
            <Button onClick={() => run(file, columns, words, 2)} loading={preview.isPending}>
              {t('ledger.import.next')}
            </Button>
          </Group>
        </Stack>
      )}
      {step === 2 && preview.data && file && (
        <PreviewStep preview={preview.data} fileName={file?.name ?? ''} importing={create.isPending} onBack={() => setStep(1)} onImport={() => create.mutate(input(file, columns, words))} />
      )}
      {step === 3 && batch && <DoneStep batch={batch} onUndo={() => setConfirmUndo(true)} undoing={undo.isPending} />}
      {confirmUndo && batch && (
        <ConfirmModal
          title={t('ledger.import.undo')}
          body={t('ledger.import.undoConfirm', { count: batch.imported })}
          confirm={t('ledger.import.undo')}
          pending={undo.isPending}
          onConfirm={() => undo.mutate({ id: batch.id })}
          onCancel={() => setConfirmUndo(false)}
        />
      )}
    </Stack>
  );
}
