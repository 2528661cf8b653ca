/**
 * One statistics section: a title, a chart, and the table of the same figures under it, with an
 * "导出 Excel" button that saves exactly that table (Chinese headers, numeric cells) as .xlsx.
 * The table is described once (columns with a value per row) and drives both the screen and the file.
 *
 * @example
 * <StatTableCard table={{ key: 'month', title: '各月数量', sheetName: '按月份', columns, rows }} rangeLabel="2026年1月至2026年12月">
 *   <BarChart … />
 * </StatTableCard>
 */
import type { ReactNode } from 'react';
import { Button, Card, Group, ScrollArea, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';
import { XLSX_MIME, buildXlsx, downloadBytes, safeFileName, type CellValue } from './xlsx';

export interface StatColumn<R> {
  readonly header: string;
  readonly format?: 'number' | 'percent' | 'text';
  readonly value: (row: R) => CellValue;
}

export interface StatTable<R> {
  /** Names the section in test ids: `stats-table-<key>`. */
  readonly key: string;
  readonly title: string;
  readonly sheetName: string;
  readonly columns: readonly StatColumn<R>[];
  readonly rows: readonly R[];
  /** Adds a 合计 row summing the number columns (rates are left blank: a sum of rates means nothing). */
  readonly totals?: boolean;
  readonly note?: string;
}

export function percentLabel(value: number | null): string {
  return value === null ? t('stats.page.noRate') : `${(value * 100).toFixed(1)}%`;
}

function cellLabel(value: CellValue, format: StatColumn<unknown>['format']): string {
  if (value === null) return format === 'percent' ? t('stats.page.noRate') : '';
  if (format === 'percent' && typeof value === 'number') return percentLabel(value);
  return String(value);
}

/** The rows as cells, with the totals row last when the table asks for one. */
export function tableCells<R>(table: StatTable<R>): CellValue[][] {
  const cells = table.rows.map((r) => table.columns.map((c) => c.value(r)));
  if (!table.totals) return cells;
  const total = table.columns.map((c, i): CellValue => {
    if (i === 0) return t('stats.page.total');
    if (c.format === 'percent' || c.format === 'text') return null;
    return cells.reduce((sum, row) => sum + (typeof row[i] === 'number' ? (row[i] as number) : 0), 0);
  });
  return [...cells, total];
}

export function exportTable<R>(table: StatTable<R>, rangeLabel: string): string {
  const fileName = safeFileName(t('stats.export.fileName', { title: table.title, range: rangeLabel }));
  const bytes = buildXlsx({
    sheetName: table.sheetName,
    columns: table.columns.map((c) => ({ header: c.header, format: c.format ?? 'number' })),
    rows: tableCells(table),
  });
  downloadBytes(bytes, fileName, XLSX_MIME);
  return fileName;
}

export function StatTableCard<R>({ table, rangeLabel, children, maxTableHeight }: { table: StatTable<R>; rangeLabel: string; children?: ReactNode; maxTableHeight?: number }) {
  const cells = tableCells(table);
  const onExport = () => {
    try {
      const file = exportTable(table, rangeLabel);
      notifications.show({ color: 'green', message: t('stats.export.done', { file }), autoClose: 3000 });
    } catch (err) {
      notifications.show({ color: 'red', message: t('stats.export.failed', { message: err instanceof Error ? err.message : String(err) }) });
    }
  };
  const body = (
    <Table striped highlightOnHover withTableBorder withColumnBorders verticalSpacing={4} fz="sm" stickyHeader data-testid={`stats-table-${table.key}`}>
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((c, i) => (
            <Table.Th key={c.header} ta={i === 0 ? 'left' : 'right'} fz="xs" style={{ verticalAlign: 'bottom' }}>
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cells.map((row, ri) => {
          const isTotal = table.totals === true && ri === cells.length - 1;
          return (
            <Table.Tr key={ri} fw={isTotal ? 700 : undefined} data-testid={isTotal ? 'stats-total-row' : 'stats-row'}>
              {row.map((v, ci) => (
                <Table.Td key={ci} ta={ci === 0 ? 'left' : 'right'} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {cellLabel(v, table.columns[ci]?.format)}
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
  return (
    <Card withBorder padding="sm" data-testid={`stats-card-${table.key}`}>
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={700}>{table.title}</Text>
        <Button size="xs" variant="light" color="teal" leftSection={<IconFileSpreadsheet size={16} />} onClick={onExport}>
          {t('stats.export.button')}
        </Button>
      </Group>
      {children}
      {table.rows.length === 0 ? (
        <Text c="dimmed" size="sm" mt="xs">
          {t('stats.page.empty')}
        </Text>
      ) : maxTableHeight ? (
        <ScrollArea.Autosize mah={maxTableHeight} mt="xs">
          {body}
        </ScrollArea.Autosize>
      ) : (
        <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>{body}</div>
      )}
      {table.note && (
        <Text size="xs" c="dimmed" mt={6}>
          {table.note}
        </Text>
      )}
    </Card>
  );
}
