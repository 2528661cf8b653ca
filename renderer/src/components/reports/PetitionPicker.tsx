/**
 * Finds a petition by number or by words of its summary (the core's full-text search) and picks it.
 *
 * @example
 * <PetitionPicker label="关联信访事项" value={petitionId} onChange={setPetitionId} />
 */
import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { t } from '../../../../shared/i18n';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../platform/query';

export function PetitionPicker({
  label,
  value,
  onChange,
  error,
  initial,
  autoFocus,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  /** The petition already linked, so it shows before any search. */
  initial?: { id: number; number: string; summary: string } | null;
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const list = useApiQuery('petitions.list', { query: query.trim(), pageSize: 20 }, { placeholderData: keepPreviousData });
  const data = useMemo(() => {
    const rows = (list.data?.rows ?? []).map((p) => ({ value: String(p.id), label: `${p.number} ${p.summary}` }));
    if (initial && !rows.some((r) => r.value === String(initial.id))) rows.unshift({ value: String(initial.id), label: `${initial.number} ${initial.summary}` });
    return rows;
  }, [list.data, initial]);
  return (
    <Select
      label={label}
      placeholder={t('reports.form.petitionPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      openOnFocus={false}
      // The core already searched; the box shows what it found for the words typed.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('reports.link.nothingFound')}
      error={error}
      data-autofocus={autoFocus ? true : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
