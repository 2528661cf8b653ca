/**
 * '#/warnings/settings' (administrators): the warning rule table, read top to bottom (the first rule whose
 * conditions all hold gives the suggested level), with editing, adding, switching off and reordering; and
 * the feedback hours per level and the default supervision hours. Every change is audited by the core.
 */
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Card, Center, Group, Loader, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPencil, IconPlus } from '@tabler/icons-react';
import { z } from 'zod';
import { warningRuleConditionsSchema, warningRuleInputSchema, warningSettingsSchema, type WarningRule, type WarningRuleConditions, type WarningSettings } from '../../../../shared/api';
import { ESCALATIONS, WARNING_LEVELS, type Escalation, type WarningLevel } from '../../../../shared/enums';
import { t, enumLabel, type MessageKey } from '../../../../shared/i18n';
import { notifyError, notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery, type ApiFailure } from '../../platform/query';
import { useSession } from '../../platform/session';
import { contractResolver } from '../../components/forms/contract-resolver';
import { LevelBadge } from '../../components/warnings/LevelBadge';
import { LEVEL_COLOR } from '../../components/warnings/warning-format';
import { applyErrors } from '../../components/forms/form-errors';
import { PageHeader } from '../../components/layout/PageHeader';

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

/** A rule as the form holds it: the contract's description, and at least so many people, or none (empty). */
const ruleForm = warningRuleInputSchema.pick({ description: true }).extend({
  minPeople: z.union([z.literal(''), warningRuleConditionsSchema.shape.minPeople.unwrap()]),
});

/** A deadline runs from 1 hour to 30 days (the core's bound). */
const hours = warningSettingsSchema.shape.supervisionHours.min(1).max(720);
const hoursForm = z.object({ red: hours, yellow: hours, blue: hours, supervision: hours });

function RuleModal({ rule, onClose, onSaved }: { rule: WarningRule | null; onClose: () => void; onSaved: () => void }) {
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
    validate: contractResolver(ruleForm, { labels: { description: t('warnings.settings.description') }, messages: { minPeople: t('warnings.settings.minPeopleInvalid') } }),
  });
  const handlers = {
    onSuccess: () => {
      notifySaved(t('warnings.settings.ruleSaved'));
      onSaved();
    },
    onError: (error: ApiFailure) => setFormError(applyErrors(form, error)),
  };
  const create = useApiMutation('warnings.rules.create', handlers);
  const update = useApiMutation('warnings.rules.update', handlers);
  const tri = (yes: MessageKey, no: MessageKey) => [
    { value: 'any', label: t('warnings.settings.any') },
    { value: 'yes', label: t(yes) },
    { value: 'no', label: t(no) },
  ];

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const conditions: WarningRuleConditions = {
      collectiveEventHappened: fromTri(v.event),
      urgent: fromTri(v.urgent),
      collective: fromTri(v.collective),
      escalationIn: v.escalationIn.length > 0 ? (v.escalationIn as Escalation[]) : undefined,
      minPeople: v.minPeople === '' ? undefined : Number(v.minPeople),
    };
    const input = { level: v.level, description: v.description.trim(), conditions, active: v.active };
    if (rule) update.mutate({ id: rule.id, ...input });
    else create.mutate(input);
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
            <Button type="submit" loading={create.isPending || update.isPending} leftSection={<IconDeviceFloppy size={16} />}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RuleTable({ rules, threshold, onEdit }: { rules: readonly WarningRule[]; threshold: number; onEdit: (r: WarningRule) => void }) {
  const reorder = useApiMutation('warnings.rules.reorder');
  const update = useApiMutation('warnings.rules.update');
  const move = (index: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate({ ids });
  };
  const toggle = (rule: WarningRule, active: boolean) => update.mutate({ id: rule.id, level: rule.level, description: rule.description, conditions: rule.conditions, active });
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
              <Switch size="sm" checked={rule.active} aria-label={t('warnings.settings.activeLabel', { rule: rule.description })} onChange={(e) => toggle(rule, e.currentTarget.checked)} />
            </Table.Td>
            <Table.Td>
              <Group gap={2} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={t('warnings.settings.moveUp')} disabled={i === 0} onClick={() => move(i, -1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={t('warnings.settings.moveDown')} disabled={i === rules.length - 1} onClick={() => move(i, 1)}>
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

function HoursForm({ initial }: { initial: WarningSettings }) {
  const hoursRange = t('errors.warnings.hoursRange');
  const form = useForm<HoursValues>({
    initialValues: { ...initial.feedbackHours, supervision: initial.supervisionHours },
    validate: contractResolver(hoursForm, { messages: { red: hoursRange, yellow: hoursRange, blue: hoursRange, supervision: hoursRange } }),
  });
  const update = useApiMutation('warnings.settings.update', {
    onSuccess: () => notifySaved(t('warnings.settings.hoursSaved')),
    onError: (error) => {
      const message = applyErrors(form, error, { rename: { 'feedbackHours.red': 'red', 'feedbackHours.yellow': 'yellow', 'feedbackHours.blue': 'blue', supervisionHours: 'supervision' } });
      if (message) notifyError({ message });
    },
  });
  const submit = form.onSubmit((v) =>
    update.mutate({
      feedbackHours: { red: Number(v.red), yellow: Number(v.yellow), blue: Number(v.blue) },
      supervisionHours: Number(v.supervision),
    }),
  );
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
          <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={16} />}>
            {t('warnings.settings.saveHours')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function WarningSettingsPage() {
  const session = useSession();
  const rules = useApiQuery('warnings.rules.list', {});
  const settings = useApiQuery('warnings.settings.get', {});
  const [editing, setEditing] = useState<WarningRule | 'new' | null>(null);
  if (!session.may('warnings.settings.update')) {
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
          <RuleTable rules={rules.data} threshold={threshold} onEdit={setEditing} />
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
          onSaved={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
