/** Handlers for the petitions procedures of the contract (shared/api/petitions.ts). */
import type { Core } from '../core/context';
import type { petitionsContract } from '../../shared/api';
import {
  addAttachment,
  addMediation,
  auditPersonSearch,
  searchesPerson,
  correctPetition,
  createPetition,
  getPetition,
  linkRepeat,
  listPetitions,
  openAttachment,
  removeAttachment,
  requestExtension,
  requestVoid,
  revealPersonal,
  transitionPetition,
} from '../core/petitions';
import { findRepeatsAudited } from '../core/petitions/id-lookup';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function petitionsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof petitionsContract> {
  const { db } = core;
  return {
    'petitions.repeats.list': (input, ctx) => findRepeatsAudited(core, signedIn(ctx), input),
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
    'petitions.attachments.remove': async (input, ctx) => getPetition(db, await removeAttachment(core, signedIn(ctx), input)),
    'petitions.attachments.open': (input, ctx) => openAttachment(core, signedIn(ctx), input),
    'petitions.correct': async (input, ctx) => {
      await correctPetition(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.extension.request': async (input, ctx) => {
      await requestExtension(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.void.request': async (input, ctx) => {
      await requestVoid(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
  };
}
