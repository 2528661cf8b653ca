/**
 * The pick lists the petition screens share: active units, topics, and the people who may lead a case or
 * approve an extension (leaders and administrators).
 *
 * @example
 * const { units, topics, leaders } = usePetitionDirectory();
 * <Select data={units} … />
 */
import { useMemo } from 'react';
import { enumLabel } from '../../../../shared/i18n';
import type { UnitKind } from '../../../../shared/enums';
import { useApiQuery } from '../../platform/query';

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface OptionGroup {
  readonly group: string;
  readonly items: Option[];
}

export interface PetitionDirectory {
  /** Units grouped by kind (村 / 社区 / 部门), as Mantine's Select takes them. */
  readonly units: OptionGroup[];
  readonly topics: Option[];
  readonly leaders: Option[];
}

const KIND_ORDER: readonly UnitKind[] = ['village', 'community', 'department'];

export function usePetitionDirectory(): PetitionDirectory {
  const units = useApiQuery('units.list', {});
  const topics = useApiQuery('topics.list', {});
  const users = useApiQuery('users.list', {});
  return useMemo(() => {
    const unitRows = (units.data ?? []).filter((u) => u.active);
    return {
      units: KIND_ORDER.map((kind) => ({
        group: enumLabel('unitKind', kind),
        items: unitRows.filter((u) => u.kind === kind).map((u) => ({ value: String(u.id), label: u.name })),
      })).filter((g) => g.items.length > 0),
      topics: [...(topics.data ?? [])]
        .filter((x) => x.active)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((x) => ({ value: String(x.id), label: x.name })),
      leaders: (users.data ?? [])
        .filter((u) => u.active && (u.role === 'leader' || u.role === 'admin'))
        .map((u) => ({ value: String(u.id), label: `${u.displayName}（${enumLabel('role', u.role)}）` })),
    };
  }, [units.data, topics.data, users.data]);
}
