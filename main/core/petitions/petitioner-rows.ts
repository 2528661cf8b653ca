/**
 * A petition's petitioners as rows, in the order the register lists them: written at intake and again when a
 * correction (更正) replaces them.
 *
 * @example
 * await insertPetitioners(trx, petitionId, [{ name: '张三', idNumber: '', phone: '', address: '东风村', isRepresentative: false }]);
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db';
import { chunksOf } from '../../db/chunks';

export interface PetitionerValues {
  readonly name: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly address: string;
  readonly isRepresentative: boolean;
}

export async function insertPetitioners(trx: Kysely<Database>, petitionId: number, petitioners: readonly PetitionerValues[]): Promise<void> {
  await insertPetitionersOf(trx, [{ petitionId, petitioners }]);
}

/** The petitioners of many petitions at once (a ledger import), in a few statements. */
export async function insertPetitionersOf(
  trx: Kysely<Database>,
  petitions: readonly { readonly petitionId: number; readonly petitioners: readonly PetitionerValues[] }[],
): Promise<void> {
  const rows = petitions.flatMap(({ petitionId, petitioners }) =>
    petitioners.map((p, ord) => ({
      petition_id: petitionId,
      ord,
      name: p.name,
      id_number: p.idNumber,
      phone: p.phone,
      address: p.address,
      is_representative: p.isRepresentative ? 1 : 0,
    })),
  );
  for (const part of chunksOf(rows)) await trx.insertInto('petitioners').values(part).execute();
}
