/**
 * The petitions row as intake and the ledger import write it: one place that says which columns a new petition
 * fills and how the lead petitioner's name, ID number and the anonymous mark follow from the petitioners.
 *
 * @example
 * const values = petitionRowValues(input, { number, year, seq, status: 'registered', actorId: actor.id, now });
 * await trx.insertInto('petitions').values(values).returning('id').executeTakeFirstOrThrow();
 */
import type { Insertable } from 'kysely';
import type { PetitionTable } from '../../db';
import type { PetitionStatus } from '../../../shared/enums';
import type { ParsedPetitionInput } from './intake';
import { summaryName } from './names';

export interface PetitionRowFacts {
  readonly number: string;
  readonly year: number;
  readonly seq: number;
  readonly status: PetitionStatus;
  readonly actorId: number;
  readonly now: number;
  readonly responsibleUnitId?: number | null;
  readonly leadLeaderId?: number | null;
  /** Set by a ledger import: the ledger's own number and the batch. */
  readonly ledgerNumber?: string | null;
  readonly importId?: number | null;
}

/**
 * Without a name and address the acceptance notice cannot be sent, and the law does not require it (Art. 23).
 */
export function isAnonymous(petitioners: ParsedPetitionInput['petitioners']): boolean {
  return !petitioners.some((p) => p.name && p.address);
}

export function petitionRowValues(input: ParsedPetitionInput, facts: PetitionRowFacts): Insertable<PetitionTable> {
  const lead = input.petitioners.find((p) => p.isRepresentative) ?? input.petitioners[0];
  return {
    number: facts.number,
    year: facts.year,
    seq: facts.seq,
    channel: input.channel,
    received_at: input.receivedAt,
    people_count: input.peopleCount,
    category: input.category,
    claim_item: input.claimItem,
    topic_id: input.topicId,
    unit_id: input.unitId,
    summary: input.summary,
    request: input.request,
    facts_reasons: input.factsReasons,
    status: facts.status,
    repeat_of_id: input.repeatOfId,
    responsible_unit_id: facts.responsibleUnitId ?? null,
    lead_leader_id: facts.leadLeaderId ?? null,
    decision: null,
    extended_days: 0,
    anonymous: isAnonymous(input.petitioners) ? 1 : 0,
    first_petitioner: lead ? summaryName(lead.name, input.peopleCount) : '',
    first_id_number: lead?.idNumber ?? '',
    next_due_at: null,
    next_due_kind: null,
    created_by: facts.actorId,
    created_at: facts.now,
    updated_at: facts.now,
    ...(facts.ledgerNumber !== undefined ? { ledger_number: facts.ledgerNumber } : {}),
    ...(facts.importId !== undefined ? { import_id: facts.importId } : {}),
  };
}
