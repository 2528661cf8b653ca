/**
 * The petitioners table of the intake form: one row per person, with an instant GB 11643 check of the ID
 * number, the 代表 checkbox (at most five; further boxes are disabled), and quick ways to add rows for a
 * collective visit. The core re-validates everything on save.
 */
import { Fragment, useState, type ReactNode } from 'react';
import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconCircleCheck, IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { t, type MessageKey } from '../../../../shared/i18n';
import { checkIdNumber } from '../../../../shared/id-number';
import { MAX_REPRESENTATIVES } from '../../../../shared/enums';

export interface PetitionerRow {
  /** React's key for the row; never sent to the core. */
  readonly key: string;
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  isRepresentative: boolean;
}

let nextKey = 1;
export function emptyPetitioner(): PetitionerRow {
  return { key: `p${nextKey++}`, name: '', idNumber: '', phone: '', address: '', isRepresentative: false };
}

export function isBlankRow(row: PetitionerRow): boolean {
  return !row.name.trim() && !row.idNumber.trim() && !row.phone.trim() && !row.address.trim() && !row.isRepresentative;
}

/** The instant message for an ID number, or null while it is still being typed or when it is fine. */
export function idNumberProblem(raw: string, index: number, today: string, finished: boolean): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (value.length < 18 && !finished) return null;
  const check = checkIdNumber(value, today);
  if (check.ok) return null;
  return t(`errors.idNumber.${check.problem}` as MessageKey, { index });
}

interface EditorValues {
  petitioners: PetitionerRow[];
}

export function PetitionerRowsEditor<T extends EditorValues>({
  form,
  today,
  collective,
  collectiveThreshold,
  peopleCount,
}: {
  form: UseFormReturnType<T>;
  /** The office's date: an ID number cannot carry a later birth date. */
  today: string;
  /** True when the visit counts as collective and must elect representatives. */
  collective: boolean;
  collectiveThreshold: number;
  /** The number-of-people field, placed after the rows so the tab order follows the table. */
  peopleCount: ReactNode;
}) {
  const rows = form.values.petitioners;
  const [blurred, setBlurred] = useState<ReadonlySet<string>>(new Set());
  const [batch, setBatch] = useState<number | string>(5);
  const reps = rows.filter((r) => r.isRepresentative).length;
  const full = reps >= MAX_REPRESENTATIVES;
  const batchCount = Math.min(100, Math.max(1, Math.round(Number(batch)) || 1));
  // The form's type is generic here; the list paths are the same for every form that has petitioners.
  const f = form as unknown as UseFormReturnType<EditorValues>;
  const listError = form.errors.petitioners;

  const addRows = (count: number) => {
    const added = Array.from({ length: count }, emptyPetitioner);
    f.setFieldValue('petitioners', [...rows, ...added]);
    // Focus the first new name field once React has rendered it.
    requestAnimationFrame(() => {
      const first = added[0];
      if (first) document.querySelector<HTMLInputElement>(`[data-row="${first.key}"] input[data-field="name"]`)?.focus();
    });
  };

  return (
    <>
      {collective && (
        <Alert color={reps === 0 ? 'orange' : 'blue'} variant="light" icon={<IconInfoCircle size={18} />} py="xs" mb="xs" data-testid="collective-notice">
          {t('petitions.intake.collectiveNotice', { threshold: collectiveThreshold, max: MAX_REPRESENTATIVES, count: reps })}
        </Alert>
      )}
      {typeof listError === 'string' && (
        <Alert color="red" variant="light" py="xs" mb="xs" role="alert">
          {listError}
        </Alert>
      )}
      <Table verticalSpacing={4} horizontalSpacing={6} withRowBorders={false} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44} style={{ whiteSpace: 'nowrap' }}>
              {t('petitions.intake.rowNumber')}
            </Table.Th>
            <Table.Th w={130}>{t('petitions.intake.name')}</Table.Th>
            {/* Wide enough for all 18 characters beside the ✓ at 1366 px: the 18th is the check digit. */}
            <Table.Th w={224}>{t('petitions.intake.idNumber')}</Table.Th>
            <Table.Th w={132}>{t('petitions.intake.phone')}</Table.Th>
            <Table.Th>{t('petitions.intake.address')}</Table.Th>
            <Table.Th w={48} ta="center">
              {t('petitions.intake.representative')}
            </Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => {
            const index = i + 1;
            const path = `petitioners.${i}`;
            const instant = idNumberProblem(row.idNumber, index, today, blurred.has(row.key));
            const idOk = row.idNumber.trim().length === 18 && instant === null && checkIdNumber(row.idNumber, today).ok;
            const label = (field: string) => t('petitions.intake.rowLabel', { index, field });
            // A message under a narrow cell would wrap into a column of characters: each row's messages go
            // on one line under the whole row, and the fields are outlined in red and point to it.
            const messageId = `petitioner-${row.key}-errors`;
            const messages: string[] = [];
            const cell = (field: 'name' | 'idNumber' | 'phone' | 'address', local: string | null = null) => {
              const props = f.getInputProps(`${path}.${field}`);
              const message = (typeof props.error === 'string' ? props.error : null) ?? local;
              if (message) messages.push(message);
              return { ...props, error: message !== null, 'aria-describedby': message ? messageId : undefined };
            };
            const nameProps = cell('name');
            const idProps = cell('idNumber', instant);
            const phoneProps = cell('phone');
            const addressProps = cell('address');
            return (
              <Fragment key={row.key}>
                <Table.Tr data-row={row.key} data-testid="petitioner-row" style={{ verticalAlign: 'top' }}>
                  <Table.Td pt={10}>
                    <Text size="sm" c="dimmed" ta="center">
                      {index}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="sm" aria-label={label(t('petitions.intake.name'))} data-field="name" autoFocus={i === 0} {...nameProps} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="sm"
                      aria-label={label(t('petitions.intake.idNumber'))}
                      maxLength={18}
                      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
                      rightSectionWidth={26}
                      rightSection={idOk ? <IconCircleCheck size={16} color="var(--mantine-color-green-6)" aria-label={t('petitions.intake.idOk')} /> : null}
                      {...idProps}
                      onChange={(e) => f.setFieldValue(`${path}.idNumber`, e.currentTarget.value.toUpperCase())}
                      onBlur={() => setBlurred((prev) => new Set(prev).add(row.key))}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="sm" aria-label={label(t('petitions.intake.phone'))} inputMode="tel" {...phoneProps} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="sm" aria-label={label(t('petitions.intake.address'))} {...addressProps} />
                  </Table.Td>
                  <Table.Td>
                    <Group justify="center" pt={8}>
                      <Checkbox
                        aria-label={label(t('petitions.intake.representative'))}
                        disabled={full && !row.isRepresentative}
                        {...f.getInputProps(`${path}.isRepresentative`, { type: 'checkbox' })}
                      />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {rows.length > 1 && (
                      <Tooltip label={t('petitions.intake.removeRow', { index })}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          mt={4}
                          aria-label={t('petitions.intake.removeRow', { index })}
                          onClick={() => f.removeListItem('petitioners', i)}
                          tabIndex={-1}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
                {messages.length > 0 && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={6} pt={0}>
                      <Text id={messageId} size="xs" c="red.7" data-testid="petitioner-error">
                        {messages.join('；')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => addRows(1)}>
            {t('petitions.intake.addRow')}
          </Button>
          <NumberInput
            size="xs"
            w={64}
            min={1}
            max={100}
            value={batch}
            onChange={setBatch}
            aria-label={t('petitions.intake.rowsToAdd')}
            hideControls
            onKeyDown={(e) => {
              // Enter here means "add these rows", not "next field".
              if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
              e.preventDefault();
              e.stopPropagation();
              addRows(batchCount);
            }}
          />
          <Button variant="default" size="xs" onClick={() => addRows(batchCount)}>
            {t('petitions.intake.addRows', { count: batchCount })}
          </Button>
        </Group>
        <Group gap="lg" wrap="nowrap">
          {peopleCount}
          <Text size="sm" c={full ? 'orange.8' : 'dimmed'} data-testid="rep-count" style={{ whiteSpace: 'nowrap' }}>
            {full ? t('petitions.intake.repFull', { max: MAX_REPRESENTATIVES }) : t('petitions.intake.repCount', { count: reps, max: MAX_REPRESENTATIVES })}
          </Text>
        </Group>
      </Group>
    </>
  );
}
