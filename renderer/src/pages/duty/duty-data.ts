/**
 * Data most duty screens share: duty roles, rotations and the people who can be put on duty (cached once for
 * all of them, and fresh after every roster change).
 *
 * @example
 * const { roles, rotations, people, userOptions } = useDutyData();
 */
import { useMemo } from 'react';
import type { DutyRole, User } from '../../../../shared/api';
import { enumLabel } from '../../../../shared/i18n';
import { useApiQuery } from '../../platform/query';

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function personLabel(u: Pick<User, 'displayName' | 'role'>): string {
  return `${u.displayName}（${enumLabel('role', u.role)}）`;
}

/** Leaders and officers first: they are who duty rosters are made of. */
const ROLE_ORDER: Record<User['role'], number> = { leader: 0, duty_officer: 1, clerk: 2, admin: 3 };

export function useDutyData() {
  const roles = useApiQuery('duty.roles.list', {});
  const rotations = useApiQuery('duty.rotations.list', {});
  const users = useApiQuery('users.list', {});
  const people = useMemo(
    () => (users.data ?? []).filter((u) => u.active).sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.id - b.id),
    [users.data],
  );
  const userOptions = useMemo<Option[]>(() => people.map((u) => ({ value: String(u.id), label: personLabel(u) })), [people]);
  const roleOptions = useMemo<Option[]>(() => (roles.data ?? []).map((r) => ({ value: String(r.id), label: r.name })), [roles.data]);
  return {
    roles: roles.data ?? [],
    rotations: rotations.data ?? [],
    users: users.data ?? [],
    people,
    userOptions,
    roleOptions,
  };
}

export function roleByKey(roles: readonly DutyRole[], key: string): DutyRole | undefined {
  return roles.find((r) => r.key === key);
}

/** Leader first, officer second, then custom roles in the order they were made. */
export function sortRoles(roles: readonly DutyRole[]): DutyRole[] {
  const rank = (r: DutyRole) => (r.key === 'leader' ? 0 : r.key === 'officer' ? 1 : 2);
  return [...roles].sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}
