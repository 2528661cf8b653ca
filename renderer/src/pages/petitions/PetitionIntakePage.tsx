/**
 * '#/petitions/new': registering a petition, built for fast keyboard entry. Enter moves to the next field
 * (it never submits half a form), Ctrl+Enter or 保存登记 saves. Repeat petitions are looked up while the
 * clerk types. The core validates again on save and its messages land on the exact fields.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  CloseButton,
  Grid,
  Group,
  NumberInput,
  Progress,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCopy, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { petitionInputSchema, petitionerInputSchema, type PetitionInput } from '../../../../shared/api';
import { CATEGORIES, CHANNELS, CLAIM_ITEMS, DEFAULT_COLLECTIVE_THRESHOLD, TEXT_LIMITS, type Category, type Channel } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { checkIdNumber } from '../../../../shared/id-number';
import { localDateOf } from '../../../../shared/time';
import { clockReady, officeNow, officeTimeZone, useNow, useOfficeTimeZone } from '../../platform/clock';
import { invalidateAfterWrite } from '../../platform/invalidation';
import { useNavigate } from '../../platform/links';
import { notifyError, notifySaved } from '../../platform/notify';
import { callApi, type ApiFailure } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { optionalChosenId, typedTime } from '../../components/forms/form-fields';
import { Section } from '../../components/DetailParts';
import { AttachmentPicker, MAX_INTAKE_FILES_MB } from '../../components/petitions/AttachmentPicker';
import { LimitedTextarea, LimitedTextInput } from '../../components/forms/LimitedText';
import { DateTimeField } from '../../components/petitions/DateTimeField';
import { DuplicatePanel, usePossibleRepeats, type PossibleRepeat } from '../../components/petitions/DuplicatePanel';
import { PetitionerRowsEditor, emptyPetitioner, idNumberProblem, isBlankRow, type PetitionerRow } from '../../components/petitions/PetitionerRowsEditor';
import { readFileBase64, toLocalInput } from '../../components/petitions/petition-format';
import { usePetitionDirectory } from '../../components/petitions/use-directory';

interface IntakeValues {
  channel: Channel;
  receivedAt: string;
  petitioners: PetitionerRow[];
  peopleCount: number | string;
  category: Category | '';
  claimItem: string | null;
  topicId: string | null;
  unitId: string | null;
  summary: string;
  request: string;
  factsReasons: string;
}

const SECTION_GAP = 'sm';

/** Inputs that Enter moves between; comboboxes, checkboxes and radios keep their own Enter behaviour. */
const FIELD_SELECTOR = 'input:not([type=hidden]):not([type=file]):not([type=checkbox]):not([type=radio]):not([disabled]), textarea:not([disabled])';

/** The next field after `current`, treating a multi-part field (a date and time) as one. */
function focusNextField(container: HTMLElement, current: HTMLElement): void {
  const fields = [...container.querySelectorAll<HTMLElement>(FIELD_SELECTOR)].filter((el) => el.offsetParent !== null);
  const group = current.closest('[data-field-group]');
  const next = fields.slice(fields.indexOf(current) + 1).find((el) => !group || !group.contains(el));
  next?.focus();
}

/**
 * The rows up to the last one with anything typed in it. Empty rows at the end are unused space; an empty
 * row in between is sent, so the core's "第N位信访人" matches the number the clerk sees.
 */
function usedRows(rows: readonly PetitionerRow[]): PetitionerRow[] {
  let last = rows.length;
  while (last > 0 && isBlankRow(rows[last - 1] as PetitionerRow)) last--;
  return rows.slice(0, last);
}

function focusFirstError(container: HTMLElement | null): void {
  requestAnimationFrame(() => container?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

const shape = petitionInputSchema.shape;

/**
 * The petition as the clerk types it, checked with the contract's rules: the rows up to the last one used,
 * each with a name and (when given) an ID number that passes GB 11643, the same check the core makes; the
 * choices as select values and the time as typed. Its output is the input of `petitions.create`.
 */
function intakeSchema(timeZone: string, today: string) {
  const rows = z
    .array(petitionerInputSchema.extend({ key: z.string() }))
    .transform((all) => usedRows(all).map(({ key: _key, ...row }) => row))
    .superRefine((used, ctx) => {
      if (used.length === 0) ctx.addIssue({ code: 'custom', path: [0, 'name'], message: t('petitions.intake.nameRequired', { index: 1 }) });
      used.forEach((p, i) => {
        if (!p.name.trim()) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: t('petitions.intake.nameRequired', { index: i + 1 }) });
        const problem = idNumberProblem(p.idNumber, i + 1, today, true);
        if (problem) ctx.addIssue({ code: 'custom', path: [i, 'idNumber'], message: problem });
      });
    });
  return petitionInputSchema
    .pick({ channel: true, category: true, summary: true, request: true, factsReasons: true, peopleCount: true })
    .extend({
      receivedAt: typedTime(timeZone, t('petitions.intake.badTime')),
      petitioners: rows,
      claimItem: optionalChosenId.pipe(shape.claimItem.unwrap()),
      topicId: optionalChosenId,
      unitId: optionalChosenId,
    })
    .refine((v) => v.category !== 'claim' || v.claimItem !== null, { path: ['claimItem'], error: t('errors.petitions.claimItemRequired') });
}

export function PetitionIntakePage() {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const now = useNow(60_000);
  const today = localDateOf(now, tz);
  const threshold = session.office?.collectiveThreshold ?? DEFAULT_COLLECTIVE_THRESHOLD;
  const directory = usePetitionDirectory();
  const navigate = useNavigate();
  const client = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [repeatOf, setRepeatOf] = useState<PossibleRepeat | null>(null);
  const receivedEdited = useRef(false);
  const peopleEdited = useRef(false);
  const schema = useMemo(() => intakeSchema(tz, today), [tz, today]);

  const form = useForm<IntakeValues>({
    initialValues: {
      channel: 'visit',
      receivedAt: toLocalInput(officeNow(), tz),
      petitioners: [emptyPetitioner()],
      peopleCount: 1,
      category: '',
      claimItem: null,
      topicId: null,
      unitId: null,
      summary: '',
      request: '',
      factsReasons: '',
    },
    validate: contractResolver(schema, {
      labels: { summary: t('petitions.intake.summary'), request: t('petitions.intake.request'), factsReasons: t('petitions.intake.factsReasons'), peopleCount: t('petitions.intake.peopleCount') },
      messages: {
        category: t('petitions.intake.categoryRequired'),
        summary: t('petitions.intake.summaryRequired'),
        request: t('petitions.intake.requestRequired'),
      },
    }),
  });
  const v = form.values;

  // "Received at" defaults to now on the office clock, which is known only after the first sync.
  useEffect(() => {
    void clockReady().then(() => {
      if (!receivedEdited.current) form.setFieldValue('receivedAt', toLocalInput(officeNow(), officeTimeZone()));
    });
    // Once, on opening the form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The number of people follows the rows until the clerk types a number; it is never below the rows.
  const rowCount = v.petitioners.length;
  useEffect(() => {
    const current = Number(form.values.peopleCount) || 0;
    if (!peopleEdited.current || current < rowCount) form.setFieldValue('peopleCount', rowCount);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rowCount]);

  const validIds = v.petitioners.map((p) => p.idNumber.trim()).filter((id) => id.length === 18 && checkIdNumber(id, today).ok);
  const { matches, searching } = usePossibleRepeats(validIds, `${v.summary} ${v.request}`);
  const people = Number(v.peopleCount) || 0;
  const collective = v.channel === 'visit' && people >= threshold;

  // Registering is one step for the clerk: the petition and its files are saved together, all or nothing (a
  // refused file refuses the registration, with the file named, and the form keeps everything). Reading large
  // files shows a progress bar; then the save.
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const register = useMutation<{ id: number; number: string }, ApiFailure, PetitionInput>({
    mutationFn: async (input) => {
      const total = files.reduce((sum, f) => sum + f.size, 0) || 1;
      let done = 0;
      const attachments: { fileName: string; dataBase64: string }[] = [];
      try {
        for (const file of files) {
          const dataBase64 = await readFileBase64(file, (loaded) => setProgress({ name: file.name, percent: Math.round(((done + loaded) / total) * 100) }));
          done += file.size;
          attachments.push({ fileName: file.name, dataBase64 });
        }
        if (files.length > 0) setProgress({ name: '', percent: 100 });
        const created = await callApi('petitions.create', { ...input, attachments });
        notifySaved(t('petitions.intake.saved', { number: created.number }));
        return created;
      } finally {
        setProgress(null);
      }
    },
    onSuccess: (created) => {
      invalidateAfterWrite(client, 'petitions.create');
      void navigate({ to: '/petitions/$id', params: { id: created.id } });
    },
    onError: (error) => {
      applyErrors(form, error);
      notifyError(error);
      focusFirstError(formRef.current);
    },
  });

  const submit = form.onSubmit(
    (values) => {
      if (register.isPending) return;
      const totalMb = files.reduce((sum, f) => sum + f.size, 0) / 1024 / 1024;
      if (totalMb > MAX_INTAKE_FILES_MB) return notifyError({ message: t('attachments.tooMuchAtIntake', { max: MAX_INTAKE_FILES_MB, total: Math.ceil(totalMb) }) });
      const input = parsedInput(schema, values);
      register.mutate({ ...input, repeatOfId: repeatOf?.id ?? null });
    },
    (errors) => {
      notifyError({ message: String(Object.values(errors)[0] ?? t('petitions.intake.fixFields')) });
      focusFirstError(formRef.current);
    },
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    const el = e.target;
    if (!(el instanceof HTMLInputElement) || !formRef.current?.contains(el)) return;
    // A browser submits a form on Enter in any text field: never mid-form here.
    e.preventDefault();
    if (el.getAttribute('role') === 'combobox' || el.type === 'checkbox' || el.type === 'radio') return;
    focusNextField(formRef.current, el);
  };

  const channelData = CHANNELS.map((c) => ({ value: c, label: enumLabel('channel', c) }));
  const claimData = CLAIM_ITEMS.map((n) => ({ value: String(n), label: enumLabel('claimItem', n) }));

  return (
    <div onKeyDown={onKeyDown}>
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('petitions.intake.title')}</Title>
      </Group>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={9}>
          <form
            ref={formRef}
            noValidate
            onSubmit={submit}
          >
            <Stack gap={SECTION_GAP}>
              <Section titleGap="xs" title={t('petitions.intake.sourceSection')}>
                <Group align="flex-start" gap="lg" wrap="nowrap">
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="channel-label">
                      {t('petitions.intake.channel')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="channel-label"
                      data={channelData}
                      value={v.channel}
                      onChange={(value) => form.setFieldValue('channel', value as Channel)}
                      w={280}
                    />
                  </Stack>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <DateTimeField
                      label={t('petitions.intake.receivedAt')}
                      description={t('petitions.intake.receivedAtHint')}
                      w={300}
                      value={v.receivedAt}
                      error={form.errors.receivedAt}
                      onChange={(value) => {
                        receivedEdited.current = true;
                        form.setFieldValue('receivedAt', value);
                      }}
                    />
                    <Button
                      variant="default"
                      mt={44}
                      size="sm"
                      tabIndex={-1}
                      onClick={() => {
                        receivedEdited.current = false;
                        form.setFieldValue('receivedAt', toLocalInput(officeNow(), tz));
                      }}
                    >
                      {t('petitions.intake.now')}
                    </Button>
                  </Group>
                </Group>
              </Section>

              <Section titleGap="xs" title={t('petitions.intake.petitionersSection')}>
                <PetitionerRowsEditor
                  form={form}
                  today={today}
                  collective={collective}
                  collectiveThreshold={threshold}
                  peopleCount={
                    <Group gap={8} wrap="nowrap">
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {t('petitions.intake.peopleCount')}
                      </Text>
                      <NumberInput
                        size="xs"
                        w={76}
                        min={1}
                        max={100000}
                        allowDecimal={false}
                        aria-label={t('petitions.intake.peopleCount')}
                        {...form.getInputProps('peopleCount')}
                        onChange={(value) => {
                          peopleEdited.current = true;
                          form.setFieldValue('peopleCount', value);
                        }}
                      />
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('petitions.intake.peopleCountHint')}
                      </Text>
                    </Group>
                  }
                />
              </Section>

              <Section titleGap="xs" title={t('petitions.intake.classificationSection')}>
                <Stack gap="xs">
                  <Radio.Group
                    label={t('petitions.intake.category')}
                    withAsterisk
                    {...form.getInputProps('category')}
                    onChange={(value) => {
                      form.setFieldValue('category', value as Category);
                      if (value !== 'claim') form.setFieldValue('claimItem', null);
                    }}
                  >
                    <Group gap="lg" mt={4}>
                      {CATEGORIES.map((c) => (
                        <Radio key={c} value={c} label={enumLabel('category', c)} />
                      ))}
                    </Group>
                  </Radio.Group>
                  {v.category === 'claim' && (
                    <Select
                      label={t('petitions.intake.claimItem')}
                      placeholder={t('petitions.intake.claimItemPlaceholder')}
                      description={t('petitions.intake.claimItemHint')}
                      data={claimData}
                      withAsterisk
                      allowDeselect={false}
                      comboboxProps={{ width: 'target' }}
                      {...form.getInputProps('claimItem')}
                    />
                  )}
                  <Group grow gap="sm" align="flex-start">
                    <Select
                      label={t('petitions.intake.topic')}
                      placeholder={t('petitions.intake.topicPlaceholder')}
                      data={directory.topics}
                      searchable
                      clearable
                      {...form.getInputProps('topicId')}
                    />
                    <Select
                      label={t('petitions.intake.unit')}
                      placeholder={t('petitions.intake.unitPlaceholder')}
                      data={directory.units}
                      searchable
                      clearable
                      {...form.getInputProps('unitId')}
                    />
                  </Group>
                </Stack>
              </Section>

              <Section titleGap="xs" title={t('petitions.intake.contentSection')}>
                <Stack gap="xs">
                  <LimitedTextInput
                    label={t('petitions.intake.summary')}
                    placeholder={t('petitions.intake.summaryPlaceholder')}
                    withAsterisk
                    limit={TEXT_LIMITS.summary}
                    counterTestId="summary-counter"
                    {...form.getInputProps('summary')}
                  />
                  <LimitedTextarea
                    label={t('petitions.intake.request')}
                    placeholder={t('petitions.intake.requestPlaceholder')}
                    withAsterisk
                    autosize
                    minRows={2}
                    maxRows={8}
                    limit={TEXT_LIMITS.request}
                    counterTestId="request-counter"
                    {...form.getInputProps('request')}
                  />
                  <LimitedTextarea
                    label={t('petitions.intake.factsReasons')}
                    placeholder={t('petitions.intake.factsPlaceholder')}
                    autosize
                    minRows={3}
                    maxRows={14}
                    limit={TEXT_LIMITS.factsReasons}
                    counterTestId="facts-counter"
                    {...form.getInputProps('factsReasons')}
                  />
                </Stack>
              </Section>

              <Section titleGap="xs" title={t('petitions.intake.attachmentsSection')}>
                <AttachmentPicker files={files} onChange={setFiles} />
                {progress && (
                  <Stack gap={2} mt="xs" data-testid="upload-progress">
                    <Text size="xs" c="dimmed">
                      {progress.name ? t('attachments.reading', { name: progress.name, percent: progress.percent }) : t('attachments.saving')}
                    </Text>
                    <Progress value={progress.percent} animated={!progress.name} striped={!progress.name} aria-label={t('attachments.saving')} />
                  </Stack>
                )}
              </Section>

              <Card
                withBorder
                padding="sm"
                radius="md"
                style={{ position: 'sticky', bottom: 0, zIndex: 3, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    {repeatOf ? (
                      <Alert color="orange" variant="light" py={4} px="sm" icon={<IconCopy size={16} />} data-testid="repeat-of">
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm">{t('petitions.intake.repeatOf', { number: repeatOf.number })}</Text>
                          <CloseButton size="sm" aria-label={t('petitions.intake.clearRepeat')} onClick={() => setRepeatOf(null)} />
                        </Group>
                      </Alert>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('petitions.intake.shortcutHint')}
                      </Text>
                    )}
                  </Group>
                  <Group gap="sm" wrap="nowrap">
                    <Button variant="default" onClick={() => void navigate({ to: '/petitions' })}>
                      {t('petitions.intake.cancel')}
                    </Button>
                    <Button type="submit" loading={register.isPending} leftSection={<IconDeviceFloppy size={16} />}>
                      {t('petitions.intake.save')}
                    </Button>
                  </Group>
                </Group>
              </Card>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={3} style={{ position: 'sticky', top: 68 }}>
          <DuplicatePanel matches={matches} searching={searching} repeatOfId={repeatOf?.id ?? null} onMark={setRepeatOf} />
        </Grid.Col>
      </Grid>
    </div>
  );
}
