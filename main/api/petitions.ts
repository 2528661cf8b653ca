/** Handlers for the petitions procedures of the contract (shared/api/petitions.ts). */
import type { Core } from '../core/context';
import type { petitionsContract } from '../../shared/api';
import { addAttachment, addMediation, auditPersonSearch, createPetition, searchesPerson, findPossibleRepeats, getPetition, linkRepeat, listPetitions, revealPersonal, transitionPetition } from '../core/petitions';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function petitionsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof petitionsContract> {
  const { db } = core;
  return {
    'petitions.repeats.list': (input) => findPossibleRepeats(db, input),
    'petitions.create': (input, ctx) => createPetition(core, signedIn(ctx), input),
    'petitions.list': async (input, ctx) => {
      if (searchesPerson(input.query)) await auditPersonSearch(core, signedIn(ctx), input.query);
      return listPetitions(db, input, core.clock.now());
    },
    'petitions.get': (input) => getPetition(db, input.id),
    'petitions.transition': async (input, ctx) => {
      await transitionPetition(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.mediations.create': async (input, ctx) => {
      await addMediation(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.linkRepeat': async (input, ctx) => {
      await linkRepeat(core, signedIn(ctx), input.id, input.repeatOfId);
      return getPetition(db, input.id);
    },
    'petitions.reveal': (input, ctx) => revealPersonal(core, signedIn(ctx), input.petitionerId),
    'petitions.attachments.create': (input, ctx) => addAttachment(core, signedIn(ctx), input),
  };
}
