/** '#/admin/units': villages, communities and departments, each with its liaison cadre (信息联络人). */
import { Fragment, useState } from 'react';
import { Badge, Button, Card, Group, SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { IconBuildingCommunity, IconPencil, IconPlus } from '@tabler/icons-react';
import type { Unit } from '../../../../shared/api';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/enums';
import { enumLabel, t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { ConfirmModal } from '../../components/layout/ConfirmModal';
import { PageHeader } from '../../components/layout/PageHeader';
import { UnitModal } from './UnitModal';
import classes from './admin.module.css';

type Filter = 'all' | UnitKind;
type Dialog = { kind: 'create' } | { kind: 'edit'; unit: Unit } | { kind: 'deactivate'; unit: Unit } | null;

const KIND_COLORS: Readonly<Record<UnitKind, string>> = { village: 'green', community: 'cyan', department: 'indigo' };

export function UnitsPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const units = useApiQuery('units.list', { includeInactive: true });
  const all = units.data ?? [];
  const listed = all.filter((u) => showInactive || u.active);
  const kinds = UNIT_KINDS.filter((k) => filter === 'all' || filter === k);
  const countOf = (k: UnitKind) => listed.filter((u) => u.kind === k).length;

  const update = useApiMutation('units.update', {
    onSuccess: (unit) => {
      notifySaved(t(unit.active ? 'admin.units.activated' : 'admin.units.deactivated', { name: unit.name }));
      setDialog(null);
    },
  });
  const setActive = (unit: Unit, active: boolean) => update.mutate({ ...unit, effectiveFrom: unit.effectiveFrom ?? undefined, active });
  const close = () => setDialog(null);

  const rows = kinds.map((kind) => {
    const inKind = listed.filter((u) => u.kind === kind);
    if (inKind.length === 0) return null;
    return (
      <Fragment key={kind}>
        {filter === 'all' && (
          <Table.Tr bg="gray.0">
            <Table.Td colSpan={5} py={6}>
              <Text size="xs" fw={700} c="dimmed">
                {t('admin.units.group', { kind: enumLabel('unitKind', kind), count: inKind.length })}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {inKind.map((u) => (
          <Table.Tr key={u.id} data-testid="unit-row" c={u.active ? undefined : 'dimmed'}>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Badge size="sm" variant="light" color={KIND_COLORS[u.kind]} w={44}>
                  {enumLabel('unitKind', u.kind)}
                </Badge>
                <Text size="sm" fw={500}>
                  {u.name}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td>{u.liaisonName || <Text span size="sm" c="orange.7">{t('admin.units.noLiaison')}</Text>}</Table.Td>
            <Table.Td className={classes.num}>{u.liaisonPhone || '—'}</Table.Td>
            <Table.Td>
              <Badge variant="dot" color={u.active ? 'green' : 'gray'}>
                {u.active ? t('admin.state.active') : t('admin.state.inactive')}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setDialog({ kind: 'edit', unit: u })}>
                  {t('admin.units.edit')}
                </Button>
                {u.active ? (
                  <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setDialog({ kind: 'deactivate', unit: u })}>
                    {t('admin.state.deactivate')}
                  </Button>
                ) : (
                  <Button size="compact-sm" variant="subtle" color="green" onClick={() => setActive(u, true)}>
                    {t('admin.state.activate')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Fragment>
    );
  });
  const empty = rows.every((r) => r === null);

  return (
    <Stack gap="md">
      <PageHeader title={t('admin.units.title')} subtitle={t('admin.units.subtitle')}>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
          {t('admin.units.add')}
        </Button>
      </PageHeader>

      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('admin.units.filterAria')}
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: `${t('admin.units.all')}（${listed.length}）` },
            ...UNIT_KINDS.map((k) => ({ value: k, label: `${enumLabel('unitKind', k)}（${countOf(k)}）` })),
          ]}
        />
        <Switch label={t('admin.state.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
      </Group>

      <Card withBorder radius="md" padding={0}>
        <Table verticalSpacing={8} horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.units.colName')}</Table.Th>
              <Table.Th w={200}>{t('admin.units.colLiaison')}</Table.Th>
              <Table.Th w={200}>{t('admin.units.colPhone')}</Table.Th>
              <Table.Th w={110}>{t('admin.units.colStatus')}</Table.Th>
              <Table.Th w={190} ta="right">
                {t('common.actions')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows}</Table.Tbody>
        </Table>
        {empty && !units.isPending && (
          <Stack align="center" gap={6} py={48}>
            <IconBuildingCommunity size={36} color="var(--mantine-color-gray-5)" />
            <Text size="sm" c="dimmed">
              {all.length === 0 ? t('admin.units.empty') : t('admin.units.emptyFiltered')}
            </Text>
          </Stack>
        )}
      </Card>

      {dialog?.kind === 'create' && <UnitModal defaultKind={filter === 'all' ? 'village' : filter} onClose={close} />}
      {dialog?.kind === 'edit' && <UnitModal unit={dialog.unit} defaultKind={dialog.unit.kind} onClose={close} />}
      {dialog?.kind === 'deactivate' && (
        <ConfirmModal
          title={t('admin.units.deactivateTitle')}
          body={t('admin.units.deactivateBody', { name: dialog.unit.name })}
          confirm={t('admin.state.deactivate')}
          pending={update.isPending}
          onConfirm={() => setActive(dialog.unit, false)}
          onCancel={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}
