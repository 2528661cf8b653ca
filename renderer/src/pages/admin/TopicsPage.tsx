/** '#/admin/topics': the topics (事项分类) offered at registration — order, add, rename, deactivate. */
import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Grid, Group, List, NumberInput, Stack, Switch, Table, Text, TextInput, Tooltip, Modal, Alert } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus } from '@tabler/icons-react';
import { topicInputSchema, type Topic } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiBatch, useApiMutation, useApiQuery, type ApiFailure } from '../../platform/query';
import { contractResolver, parsedInput } from '../../components/forms/contract-resolver';
import { applyErrors } from '../../components/forms/form-errors';
import { PageHeader } from '../../components/layout/PageHeader';
import { reorderTopics } from './topic-order';
import classes from './admin.module.css';
import { FormButtons } from '../../components/FormButtons';

type Dialog = { kind: 'create' } | { kind: 'edit'; topic: Topic } | null;

/** A topic's name and place in the list; the sort order is a whole number. */
const topicForm = topicInputSchema.pick({ name: true }).extend({ sortOrder: topicInputSchema.shape.sortOrder.unwrap() });

export function TopicsPage() {
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const topics = useApiQuery('topics.list', { includeInactive: true });
  const all = topics.data ?? [];
  const shown = all.filter((x) => showInactive || x.active);
  const nextOrder = all.reduce((max, x) => Math.max(max, x.sortOrder), 0) + 10;

  const activation = useApiMutation('topics.update', {
    onSuccess: (topic) => notifySaved(t(topic.active ? 'admin.topics.activated' : 'admin.topics.deactivated', { name: topic.name })),
  });
  // Moving a topic renumbers it and its neighbour (and any ties) one save after another; a refusal stops there.
  const reorder = useApiBatch('topics.update');
  const moving = reorder.isPending;

  const move = (topic: Topic, direction: -1 | 1) => {
    const index = shown.findIndex((x) => x.id === topic.id);
    const neighbour = shown[index + direction];
    if (!neighbour) return;
    reorder.mutate(reorderTopics(all, topic.id, neighbour.id));
  };

  const close = () => setDialog(null);

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
                          <ActionIcon variant="subtle" color="gray" className={classes.quietIcon} aria-label={`${t('admin.topics.moveUp')}：${topic.name}`} disabled={i === 0 || moving} onClick={() => move(topic, -1)}>
                            <IconArrowUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('admin.topics.moveDown')} withArrow>
                          <ActionIcon variant="subtle" color="gray" className={classes.quietIcon} aria-label={`${t('admin.topics.moveDown')}：${topic.name}`} disabled={i === shown.length - 1 || moving} onClick={() => move(topic, 1)}>
                            <IconArrowDown size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setDialog({ kind: 'edit', topic })}>
                          {t('admin.topics.rename')}
                        </Button>
                        {topic.active ? (
                          <Button size="compact-sm" variant="subtle" color="gray" onClick={() => activation.mutate({ ...topic, active: false })}>
                            {t('admin.state.deactivate')}
                          </Button>
                        ) : (
                          <Button size="compact-sm" variant="subtle" color="green" onClick={() => activation.mutate({ ...topic, active: true })}>
                            {t('admin.state.activate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {shown.length === 0 && !topics.isPending && (
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

function TopicModal({ topic, nextOrder, onClose }: { topic: Topic | undefined; nextOrder: number; onClose: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: topic?.name ?? '', sortOrder: (topic?.sortOrder ?? nextOrder) as number | string },
    validate: contractResolver(topicForm, { labels: { name: t('admin.topics.name'), sortOrder: t('admin.topics.sortOrder') } }),
  });
  const handlers = {
    onSuccess: (saved: Topic) => {
      notifySaved(t(topic ? 'admin.topics.saved' : 'admin.topics.created', { name: saved.name }));
      onClose();
    },
    onError: (error: ApiFailure) => setFormError(applyErrors(form, error)),
  };
  const create = useApiMutation('topics.create', handlers);
  const update = useApiMutation('topics.update', handlers);
  const submit = form.onSubmit((v) => {
    setFormError(null);
    const values = { ...parsedInput(topicForm, v), active: topic?.active ?? true };
    if (topic) update.mutate({ id: topic.id, ...values });
    else create.mutate(values);
  });
  return (
    <Modal opened onClose={onClose} title={topic ? t('admin.topics.editTitle', { name: topic.name }) : t('admin.topics.createTitle')} size={440} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t('admin.topics.name')} placeholder={t('admin.topics.namePlaceholder')} required maxLength={30} data-autofocus {...form.getInputProps('name')} />
          <NumberInput label={t('admin.topics.sortOrder')} description={t('admin.topics.sortOrderHint')} allowDecimal={false} min={0} max={100000} w={200} {...form.getInputProps('sortOrder')} />
          <FormButtons onCancel={onClose} pending={create.isPending || update.isPending} mt="xs" />
        </Stack>
      </form>
    </Modal>
  );
}
