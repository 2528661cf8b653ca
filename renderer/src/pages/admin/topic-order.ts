/**
 * Moving a topic up or down: the two swap places and the whole list is renumbered in tens, so later inserts
 * have room. Only topics whose number changes are returned (usually the two that swapped).
 *
 * @example
 * reorderTopics([{ id: 1, sortOrder: 10 }, { id: 2, sortOrder: 20 }], 2, 1) // [{ id: 2, sortOrder: 10 }, { id: 1, sortOrder: 20 }]
 */
export function reorderTopics<T extends { readonly id: number; readonly sortOrder: number }>(all: readonly T[], movingId: number, neighbourId: number): T[] {
  const sorted = [...all].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const from = sorted.findIndex((x) => x.id === movingId);
  const to = sorted.findIndex((x) => x.id === neighbourId);
  const a = sorted[from];
  const b = sorted[to];
  if (!a || !b) return [];
  sorted[from] = b;
  sorted[to] = a;
  return sorted.flatMap((topic, i) => ((i + 1) * 10 === topic.sortOrder ? [] : [{ ...topic, sortOrder: (i + 1) * 10 }]));
}
