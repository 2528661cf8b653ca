/**
 * '#/warnings/settings' (administrators): the warning rule table, read top to bottom (the first rule whose
 * conditions all hold gives the suggested level), with editing, adding, switching off and reordering; and
 * the feedback hours per level and the default supervision hours. Every change is audited by the core.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, Center, Group, Loader, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPencil, IconPlus } from '@tabler/icons-react';
import type { ApiEvent, WarningRule, WarningRuleConditions, WarningSettings } from '../../../../shared/api';
import { ESCALATIONS, WARNING_LEVELS, type Escalation, type WarningLevel } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { notifyError, notifySaved, useApiQuery } from '../../app/use-api';
import { LevelBadge } from '../../components/warnings/LevelBadge';
import { LEVEL_COLOR } from '../../components/warnings/warning-format';
import { applyErrors } from '../admin/form-errors';
import { PageHeader } from '../admin/PageHeader';

const reloadOn = (e: ApiEvent) => e.type === 'warnings.changed';
const escalationLabel = (e: Escalation) => t(`warnings.escalation.${e}` as MessageKey);

/** The rule's conditions in words: '集体（5人及以上）· 可能赴：省、全国'. */
function conditionText(c: WarningRuleConditions, threshold: number): string {
  const parts: string[] = [];
  if (c.collectiveEventHappened !== undefined) parts.push(t(c.collectiveEventHappened ? 'warnings.settings.cond.eventYes' : 'warnings.settings.cond.eventNo'));
  if (c.urgent !== undefined) parts.push(t(c.urgent ? 'warnings.settings.cond.urgentYes' : 'warnings.settings.cond.urgentNo'));
  if (c.collective !== undefined) parts.push(t(c.collective ? 'warnings.settings.cond.collective' : 'warnings.settings.cond.individual', { threshold }));
  if (c.escalationIn !== undefined) parts.push(t('warnings.settings.cond.escalation', { levels: c.escalationIn.map(escalationLabel).join('、') }));
  if (c.minPeople !== undefined) parts.push(t('warnings.settings.cond.minPeople', { count: c.minPeople }));
  return parts.length > 0 ? parts.join(' · ') : t('warnings.settings.cond.always');
}

type Tri = 'any' | 'yes' | 'no';
const toTri = (b: boolean | undefined): Tri => (b === undefined ? 'any' : b ? 'yes' : 'no');
const fromTri = (v: Tri): boolean | undefined => (v === 'any' ? undefined : v === 'yes');

interface RuleValues {
  level: WarningLevel;
  description: string;
  event: Tri;
  urgent: Tri;
  collective: Tri;
  escalationIn: string[];
  minPeople: number | string;
  active: boolean;
}

function RuleModal({ rule, onClose, onSaved }: { rule: WarningRule | null; onClose: () => void; onSaved: () => void }) {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const c = rule?.conditions ?? {};
  const form = useForm<RuleValues>({
    initialValues: {
      level: rule?.level ?? 'blue',
      description: rule?.description ?? '',
      event: toTri(c.collectiveEventHappened),
      urgent: toTri(c.urgent),
      collective: toTri(c.collective),
      escalationIn: [...(c.escalationIn ?? [])],
      minPeople: c.minPeople ?? '',
      active: rule?.active ?? true,
    },
    validate: {
      description: (v) => (v.trim() ? null : t('errors.generic.required', { field: t('warnings.settings.description') })),
      minPeople: (v) => (v === '' || (Number.isInteger(v) && Number(v) >= 1) ? null : t('warnings.settings.minPeopleInvalid')),
    },
  });
  const tri = (yes: MessageKey, no: MessageKey) => [
    { value: 'any', label: t('warnings.settings.any') },
    { value: 'yes', label: t(yes) },
    { value: 'no', label: t(no) },
  ];

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setFormError(null);
    const conditions: WarningRuleConditions = {
      collectiveEventHappened: fromTri(v.event),
      urgent: fromTri(v.urgent),
      collective: fromTri(v.collective),
      escalationIn: v.escalationIn.length > 0 ? (v.escalationIn as Escalation[]) : undefined,
      minPeople: v.minPeople === '' ? undefined : Number(v.minPeople),
    };
    const input = { level: v.level, description: v.description.trim(), conditions, active: v.active };
    const r = rule ? await api.call('warnings.rules.update', { id: rule.id, ...input }) : await api.call('warnings.rules.create', input);
    setBusy(false);
    if (!r.ok) {
      setFormError(applyErrors(form, r.error));
      return;
    }
    notifySaved(t('warnings.settings.ruleSaved'));
    onSaved();
  });

  return (
    <Modal opened onClose={onClose} title={rule ? t('warnings.settings.editRule') : t('warnings.settings.addRule')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="rule-level-label">
              {t('warnings.settings.level')}
            </Text>
            <SegmentedControl
              aria-labelledby="rule-level-label"
              data={WARNING_LEVELS.map((l) => ({ value: l, label: enumLabel('warningLevel', l) }))}
              color={LEVEL_COLOR[form.values.level]}
              w={300}
              {...form.getInputProps('level')}
            />
          </Stack>
          <TextInput label={t('warnings.settings.description')} placeholder={t('warnings.settings.descriptionPlaceholder')} withAsterisk maxLength={100} {...form.getInputProps('description')} />
          <Text size="sm" fw={500}>
            {t('warnings.settings.conditions')}
          </Text>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('warnings.settings.conditionsHint')}
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            <Select label={t('warnings.settings.event')} data={tri('warnings.settings.cond.eventYes', 'warnings.settings.cond.eventNo')} allowDeselect={false} {...form.getInputProps('event')} />
            <Select label={t('warnings.settings.urgent')} data={tri('warnings.settings.cond.urgentYes', 'warnings.settings.cond.urgentNo')} allowDeselect={false} {...form.getInputProps('urgent')} />
            <Select
              label={t('warnings.settings.collective')}
              data={[
                { value: 'any', label: t('warnings.settings.any') },
                { value: 'yes', label: t('warnings.settings.collectiveYes') },
                { value: 'no', label: t('warnings.settings.collectiveNo') },
              ]}
              allowDeselect={false}
              {...form.getInputProps('collective')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <MultiSelect
              label={t('warnings.settings.escalationIn')}
              placeholder={t('warnings.settings.any')}
              data={ESCALATIONS.map((e) => ({ value: e, label: escalationLabel(e) }))}
              clearable
              {...form.getInputProps('escalationIn')}
            />
            <NumberInput label={t('warnings.settings.minPeople')} placeholder={t('warnings.settings.any')} min={1} allowDecimal={false} allowNegative={false} {...form.getInputProps('minPeople')} />
          </SimpleGrid>
          <Switch label={t('warnings.settings.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={16} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RuleTable({ rules, threshold, onEdit, reload }: { rules: readonly WarningRule[]; threshold: number; onEdit: (r: WarningRule) => void; reload: () => void }) {
  const move = async (index: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    const r = await api.call('warnings.rules.reorder', { ids });
    if (!r.ok) notifyError(r.error);
    else reload();
  };
  const toggle = async (rule: WarningRule, active: boolean) => {
    const r = await api.call('warnings.rules.update', { id: rule.id, level: rule.level, description: rule.description, conditions: rule.conditions, active });
    if (!r.ok) notifyError(r.error);
    else reload();
  };
  return (
    <Table verticalSpacing={6} striped highlightOnHover data-testid="rule-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={56}>{t('warnings.settings.order')}</Table.Th>
          <Table.Th w={96}>{t('warnings.settings.level')}</Table.Th>
          <Table.Th>{t('warnings.settings.description')}</Table.Th>
          <Table.Th>{t('warnings.settings.conditions')}</Table.Th>
          <Table.Th w={72}>{t('warnings.settings.active')}</Table.Th>
          <Table.Th w={120}>{t('common.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((rule, i) => (
          <Table.Tr key={rule.id} style={{ opacity: rule.active ? 1 : 0.55 }} data-testid="rule-row">
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td>
              <LevelBadge level={rule.level} size="sm" />
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{rule.description}</Text>
                {!rule.builtIn && (
                  <Badge size="xs" variant="light" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                    {t('warnings.settings.custom')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {conditionText(rule.conditions, threshold)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Switch size="sm" checked={rule.active} aria-label={t('warnings.settings.activeLabel', { rule: rule.description })} onChange={(e) => void toggle(rule, e.currentTarget.checked)} />
            </Table.Td>
            <Table.Td>
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={t('warnings.settings.moveUp')} disabled={i === 0} onClick={() => void move(i, -1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={t('warnings.settings.moveDown')} disabled={i === rules.length - 1} onClick={() => void move(i, 1)}>
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={t('warnings.settings.editLabel', { rule: rule.description })} onClick={() => onEdit(rule)}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface HoursValues {
  red: number | string;
  yellow: number | string;
  blue: number | string;
  supervision: number | string;
}

const validHours = (v: number | string) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 720 ? null : t('errors.warnings.hoursRange'));

function HoursForm({ initial }: { initial: WarningSettings }) {
  const [busy, setBusy] = useState(false);
  const form = useForm<HoursValues>({
    initialValues: { ...initial.feedbackHours, supervision: initial.supervisionHours },
    validate: { red: validHours, yellow: validHours, blue: validHours, supervision: validHours },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    const r = await api.call('warnings.settings.update', {
      feedbackHours: { red: Number(v.red), yellow: Number(v.yellow), blue: Number(v.blue) },
      supervisionHours: Number(v.supervision),
    });
    setBusy(false);
    if (!r.ok) {
      const message = applyErrors(form, r.error, { 'feedbackHours.red': 'red', 'feedbackHours.yellow': 'yellow', 'feedbackHours.blue': 'blue', supervisionHours: 'supervision' });
      if (message) notifyError({ ...r.error, message });
      return;
    }
    notifySaved(t('warnings.settings.hoursSaved'));
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={4} spacing="sm">
          {WARNING_LEVELS.map((l) => (
            <NumberInput
              key={l}
              label={t('warnings.settings.feedbackHours', { level: enumLabel('warningLevel', l) })}
              suffix={t('warnings.settings.hoursSuffix')}
              min={1}
              max={720}
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(l)}
            />
          ))}
          <NumberInput label={t('warnings.settings.supervisionHours')} suffix={t('warnings.settings.hoursSuffix')} min={1} max={720} clampBehavior="none" allowDecimal={false} allowNegative={false} {...form.getInputProps('supervision')} />
        </SimpleGrid>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('warnings.settings.hoursHint')}
          </Text>
          <Button type="submit" loading={busy} leftSection={<IconDeviceFloppy size={16} />}>
            {t('warnings.settings.saveHours')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function WarningSettingsPage() {
  const session = useSession();
  const rules = useApiQuery('warnings.rules.list', {}, { reloadOn });
  const settings = useApiQuery('warnings.settings.get', {});
  const [editing, setEditing] = useState<WarningRule | 'new' | null>(null);
  if (!session.can('admin')) {
    return (
      <Alert color="orange" variant="light">
        {t('warnings.settings.adminOnly')}
      </Alert>
    );
  }
  const threshold = session.office?.collectiveThreshold ?? 5;
  return (
    <Stack gap="sm">
      <PageHeader title={t('warnings.settings.title')} subtitle={t('warnings.settings.subtitle', { threshold })}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('warnings.settings.addRule')}
        </Button>
      </PageHeader>
      <Card withBorder radius="md" padding="sm">
        <Title order={5} mb="xs">
          {t('warnings.settings.rulesSection')}
        </Title>
        {rules.data ? (
          <RuleTable rules={rules.data} threshold={threshold} onEdit={setEditing} reload={rules.reload} />
        ) : (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        )}
      </Card>
      <Card withBorder radius="md" padding="sm">
        <Title order={5} mb="xs">
          {t('warnings.settings.hoursSection')}
        </Title>
        {settings.data ? (
          <HoursForm key={JSON.stringify(settings.data)} initial={settings.data} />
        ) : (
          <Center py="md">
            <Loader size="sm" />
          </Center>
        )}
      </Card>
      {editing !== null && (
        <RuleModal
          rule={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
    </Stack>
  );
}
