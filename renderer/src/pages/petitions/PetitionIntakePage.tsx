/**
 * '#/petitions/new': registering a petition, built for fast keyboard entry. Enter moves to the next field
 * (it never submits half a form), Ctrl+Enter or 保存登记 saves. Repeat petitions are looked up while the
 * clerk types. The core validates again on save and its messages land on the exact fields.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  CloseButton,
  Grid,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCopy, IconDeviceFloppy } from '@tabler/icons-react';
import { CATEGORIES, CHANNELS, CLAIM_ITEMS, DEFAULT_COLLECTIVE_THRESHOLD, type Category, type Channel } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { checkIdNumber } from '../../../../shared/id-number';
import { localDateOf } from '../../../../shared/time';
import { api } from '../../api/client';
import { clockReady, officeNow, officeTimeZone, useNow, useOfficeTimeZone } from '../../app/clock';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { fieldErrors, notifyError, notifySaved } from '../../app/use-api';
import { AttachmentPicker } from '../../components/petitions/AttachmentPicker';
import { DateTimeField } from '../../components/petitions/DateTimeField';
import { DuplicatePanel, usePossibleRepeats, type PossibleRepeat } from '../../components/petitions/DuplicatePanel';
import { PetitionerRowsEditor, emptyPetitioner, isBlankRow, type PetitionerRow } from '../../components/petitions/PetitionerRowsEditor';
import { fromLocalInput, readFileBase64, toLocalInput } from '../../components/petitions/petition-format';
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

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card withBorder padding="sm" radius="md" component="section">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={5}>{title}</Title>
        {extra}
      </Group>
      {children}
    </Card>
  );
}

export function PetitionIntakePage() {
  const session = useSession();
  const tz = useOfficeTimeZone();
  const now = useNow(60_000);
  const today = localDateOf(now, tz);
  const threshold = session.office?.collectiveThreshold ?? DEFAULT_COLLECTIVE_THRESHOLD;
  const directory = usePetitionDirectory();
  const formRef = useRef<HTMLFormElement>(null);
  const busyRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [repeatOf, setRepeatOf] = useState<PossibleRepeat | null>(null);
  const receivedEdited = useRef(false);
  const peopleEdited = useRef(false);

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

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    if (fromLocalInput(v.receivedAt, tz) === null) errors.receivedAt = t('petitions.intake.badTime');
    const used = usedRows(v.petitioners);
    if (used.length === 0) errors['petitioners.0.name'] = t('petitions.intake.nameRequired', { index: 1 });
    used.forEach((p, i) => {
      if (!p.name.trim()) errors[`petitioners.${i}.name`] = t('petitions.intake.nameRequired', { index: i + 1 });
    });
    if (!v.category) errors.category = t('petitions.intake.categoryRequired');
    if (v.category === 'claim' && !v.claimItem) errors.claimItem = t('errors.petitions.claimItemRequired');
    if (!v.summary.trim()) errors.summary = t('petitions.intake.summaryRequired');
    if (!v.request.trim()) errors.request = t('petitions.intake.requestRequired');
    return errors;
  };

  const uploadFiles = async (id: number) => {
    for (const file of files) {
      const dataBase64 = await readFileBase64(file);
      const r = await api.call('petitions.attachments.create', { id, fileName: file.name, dataBase64 });
      if (!r.ok) notifyError({ ...r.error, message: t('petitions.intake.attachmentFailed', { name: file.name, message: r.error.message }) });
    }
  };

  const submit = async () => {
    if (busyRef.current) return;
    const errors = validate();
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      notifyError({ code: 'invalid_input', message: Object.values(errors)[0] ?? t('petitions.intake.fixFields') });
      focusFirstError(formRef.current);
      return;
    }
    busyRef.current = true;
    setBusy(true);
    const r = await api.call('petitions.create', {
      channel: v.channel,
      receivedAt: fromLocalInput(v.receivedAt, tz) ?? officeNow(),
      petitioners: usedRows(v.petitioners).map((p) => ({
        name: p.name.trim(),
        idNumber: p.idNumber.trim(),
        phone: p.phone.trim(),
        address: p.address.trim(),
        isRepresentative: p.isRepresentative,
      })),
      peopleCount: Math.max(1, Math.round(people)),
      category: v.category as Category,
      claimItem: v.category === 'claim' && v.claimItem ? Number(v.claimItem) : null,
      topicId: v.topicId ? Number(v.topicId) : null,
      unitId: v.unitId ? Number(v.unitId) : null,
      summary: v.summary.trim(),
      request: v.request.trim(),
      factsReasons: v.factsReasons.trim(),
      repeatOfId: repeatOf?.id ?? null,
    });
    if (!r.ok) {
      busyRef.current = false;
      setBusy(false);
      form.setErrors(fieldErrors(r.error));
      notifyError(r.error);
      focusFirstError(formRef.current);
      return;
    }
    notifySaved(t('petitions.intake.saved', { number: r.value.number }));
    await uploadFiles(r.value.id);
    busyRef.current = false;
    navigate(`/petitions/${r.value.id}`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      void submit();
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
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <Stack gap={SECTION_GAP}>
              <Section title={t('petitions.intake.sourceSection')}>
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

              <Section title={t('petitions.intake.petitionersSection')}>
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

              <Section title={t('petitions.intake.classificationSection')}>
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

              <Section title={t('petitions.intake.contentSection')}>
                <Stack gap="xs">
                  <TextInput
                    label={t('petitions.intake.summary')}
                    placeholder={t('petitions.intake.summaryPlaceholder')}
                    withAsterisk
                    maxLength={200}
                    {...form.getInputProps('summary')}
                  />
                  <Textarea
                    label={t('petitions.intake.request')}
                    placeholder={t('petitions.intake.requestPlaceholder')}
                    withAsterisk
                    autosize
                    minRows={2}
                    maxRows={8}
                    maxLength={4000}
                    {...form.getInputProps('request')}
                  />
                  <Textarea
                    label={t('petitions.intake.factsReasons')}
                    placeholder={t('petitions.intake.factsPlaceholder')}
                    autosize
                    minRows={3}
                    maxRows={14}
                    {...form.getInputProps('factsReasons')}
                  />
                </Stack>
              </Section>

              <Section title={t('petitions.intake.attachmentsSection')}>
                <AttachmentPicker files={files} onChange={setFiles} />
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
                    <Button variant="default" onClick={() => navigate('/petitions')}>
                      {t('petitions.intake.cancel')}
                    </Button>
                    <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={16} />}>
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
