/**
 * A petition's petitioners as rows, in the order the register lists them: written at intake and again when a
 * correction (更正) replaces them.
 *
 * @example
 * await insertPetitioners(trx, petitionId, [{ name: '张三', idNumber: '', phone: '', address: '东风村', isRepresentative: false }]);
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';

export interface PetitionerValues {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly isRepresentative: boolean;
}

export async function insertPetitioners(trx: Kysely<Database>, petitionId: number, petitioners: readonly PetitionerValues[]): Promise<void> {
  if (petitioners.length === 0) return;
  await trx
    .insertInto('petitioners')
    .values(
      petitioners.map((p, ord) => ({
        petition_id: petitionId,
        ord,
        name: p.name,
        id_number: p.idNumber,
        phone: p.phone,
        address: p.address,
        is_representative: p.isRepresentative ? 1 : 0,
      })),
    )
    .execute();
}
