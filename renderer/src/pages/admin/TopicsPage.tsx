/** '#/admin/topics': the topics (事项分类) offered at registration — order, add, rename, deactivate. */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Grid, Group, List, NumberInput, Stack, Switch, Table, Text, TextInput, Tooltip, Modal, Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '@tabler/icons-react';
import type { Topic } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { api } from '../../api/client';
import { notifyError, notifySaved, useApiQuery } from '../../app/use-api';
import { applyErrors } from './form-errors';
import { PageHeader } from './PageHeader';
import { reorderTopics } from './topic-order';
import classes from './admin.module.css';
import { FormButtons } from '../../components/FormButtons';

type Dialog = { kind: 'create' } | { kind: 'edit'; topic: Topic } | null;

export function TopicsPage() {
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [moving, setMoving] = useState(false);
  const topics = useApiQuery('topics.list', { includeInactive: true });
  const all = topics.data ?? [];
  const shown = all.filter((x) => showInactive || x.active);
  const nextOrder = all.reduce((max, x) => Math.max(max, x.sortOrder), 0) + 10;

  const save = async (topic: Topic): Promise<boolean> => {
    const r = await api.call('topics.update', topic);
    if (!r.ok) notifyError(r.error);
    return r.ok;
  };

  const setActive = async (topic: Topic, active: boolean) => {
    if (await save({ ...topic, active })) {
      notifySaved(t(active ? 'admin.topics.activated' : 'admin.topics.deactivated', { name: topic.name }));
      topics.reload();
    }
  };

  const move = async (topic: Topic, direction: -1 | 1) => {
    const index = shown.findIndex((x) => x.id === topic.id);
    const neighbour = shown[index + direction];
    if (!neighbour) return;
    setMoving(true);
    for (const changed of reorderTopics(all, topic.id, neighbour.id)) {
      if (!(await save(changed))) break;
    }
    setMoving(false);
    topics.reload();
  };

  const close = (changed: boolean) => {
    setDialog(null);
    if (changed) topics.reload();
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('admin.topics.title')} subtitle={t('admin.topics.subtitle')}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
          {t('admin.topics.add')}
        </Button>
      </PageHeader>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={8}>
          <Card withBorder radius="md" padding={0}>
            <Table verticalSpacing={6} horizontalSpacing="md" highlightOnHover>
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th w={90}>{t('admin.topics.colOrder')}</Table.Th>
                  <Table.Th>{t('admin.topics.colName')}</Table.Th>
                  <Table.Th w={100}>{t('admin.topics.colStatus')}</Table.Th>
                  <Table.Th w={250} ta="right">
                    {t('common.actions')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((topic, i) => (
                  <Table.Tr key={topic.id} data-testid="topic-row" c={topic.active ? undefined : 'dimmed'}>
                    <Table.Td className={classes.num} c="dimmed">
                      {topic.sortOrder}
                    </Table.Td>
                    <Table.Td fw={500}>{topic.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={topic.active ? 'green' : 'gray'}>
                        {topic.active ? t('admin.state.active') : t('admin.state.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('admin.topics.moveUp')} withArrow>
                          <ActionIcon variant="subtle" color="gray" className={classes.quietIcon} aria-label={`${t('admin.topics.moveUp')}：${topic.name}`} disabled={i === 0 || moving} onClick={() => void move(topic, -1)}>
                            <IconArrowUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('admin.topics.moveDown')} withArrow>
                          <ActionIcon variant="subtle" color="gray" className={classes.quietIcon} aria-label={`${t('admin.topics.moveDown')}：${topic.name}`} disabled={i === shown.length - 1 || moving} onClick={() => void move(topic, 1)}>
                            <IconArrowDown size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setDialog({ kind: 'edit', topic })}>
                          {t('admin.topics.rename')}
                        </Button>
                        {topic.active ? (
                          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => void setActive(topic, false)}>
                            {t('admin.state.deactivate')}
                          </Button>
                        ) : (
                          <Button size="compact-sm" variant="subtle" color="green" onClick={() => void setActive(topic, true)}>
                            {t('admin.state.activate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {shown.length === 0 && !topics.loading && (
              <Text size="sm" c="dimmed" ta="center" py="xl">
                {t('admin.topics.empty')}
              </Text>
            )}
            <Group justify="space-between" px="md" py={8} style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
              <Text size="xs" c="dimmed">
                {t('admin.topics.count', { count: all.length, active: all.filter((x) => x.active).length })}
              </Text>
              <Switch size="xs" label={t('admin.state.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
            </Group>
          </Card>
        </Grid.Col>
        <Grid.Col span={4}>
          <Card withBorder radius="md">
            <Text fw={600} size="sm" mb="xs">
              {t('admin.topics.helpTitle')}
            </Text>
            <List size="sm" spacing={8} c="dimmed">
              <List.Item>{t('admin.topics.help1')}</List.Item>
              <List.Item>{t('admin.topics.help2')}</List.Item>
              <List.Item>{t('admin.topics.help3')}</List.Item>
              <List.Item>{t('admin.topics.help4')}</List.Item>
            </List>
          </Card>
        </Grid.Col>
      </Grid>
      {dialog && <TopicModal topic={dialog.kind === 'edit' ? dialog.topic : undefined} nextOrder={nextOrder} onClose={close} />}
    </Stack>
  );
}

function TopicModal({ topic, nextOrder, onClose }: { topic: Topic | undefined; nextOrder: number; onClose: (changed: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: topic?.name ?? '', sortOrder: topic?.sortOrder ?? nextOrder },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.generic.required', { field: t('admin.topics.name') })),
      sortOrder: (v) => (Number.isInteger(v) ? null : t('errors.generic.required', { field: t('admin.topics.sortOrder') })),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setFormError(null);
    const values = { name: v.name.trim(), sortOrder: v.sortOrder, active: topic?.active ?? true };
    const r = topic ? await api.call('topics.update', { id: topic.id, ...values }) : await api.call('topics.create', values);
    setBusy(false);
    if (!r.ok) {
      setFormError(applyErrors(form, r.error));
      return;
    }
    notifySaved(t(topic ? 'admin.topics.saved' : 'admin.topics.created', { name: r.value.name }));
    onClose(true);
  });
  return (
    <Modal opened onClose={() => onClose(false)} title={topic ? t('admin.topics.editTitle', { name: topic.name }) : t('admin.topics.createTitle')} size={440} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t('admin.topics.name')} placeholder={t('admin.topics.namePlaceholder')} required maxLength={30} data-autofocus {...form.getInputProps('name')} />
          <NumberInput label={t('admin.topics.sortOrder')} description={t('admin.topics.sortOrderHint')} allowDecimal={false} min={0} max={100000} w={200} {...form.getInputProps('sortOrder')} />
          <FormButtons onCancel={() => onClose(false)} busy={busy} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
