/**
 * Looking up full ID numbers (the repeat check while a clerk types) says whether a person is on file, so it is
 * audited like revealing a number (issue 12, finding 9): one row per look-up that carries a full number, naming
 * the numbers masked (the audit never copies a full number) and the petitions found by them.
 *
 * @example
 * const found = await findRepeatsAudited(core, actor, { idNumbers: ['11010519491231002X'], text: '' });
 */
import type { Actor, Core } from '../context';
import { appendAudit } from '../audit';
import { maskIdNumber, normalizeIdNumber } from '../../../shared/id-number';
import { findPossibleRepeats } from './queries';

export async function findRepeatsAudited(core: Core, actor: Actor, input: Parameters<typeof findPossibleRepeats>[1]) {
  const found = await findPossibleRepeats(core.db, input);
  const full = [...new Set(input.idNumbers.map(normalizeIdNumber).filter((s) => s.length === 18))];
  if (full.length === 0) return found;
  await core.db.transaction().execute((trx) =>
    appendAudit(trx, {
      actor,
      at: core.clock.now(),
      action: 'petitioner.lookup',
      entity: 'petition',
      entityId: found.find((p) => p.reason === 'idNumber')?.id ?? '—',
      after: { idNumbers: full.map(maskIdNumber), foundPetitions: found.filter((p) => p.reason === 'idNumber').map((p) => p.id) },
    }),
  );
  return found;
}
