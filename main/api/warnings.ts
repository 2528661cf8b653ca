/** Handlers for the warnings procedures of the contract (shared/api/warnings.ts). */
import type { Core } from '../core/context';
import type { warningsContract } from '../../shared/api';
import { addWarningFeedback, changeWarningLevel, getWarning, getWarningSettings, issueWarning, liftWarning, linkWarning, listWarningRules, listWarnings, reorderWarningRules, saveWarningRule, saveWarningSettings, suggestWarningLevel, superviseWarning } from '../core/warnings';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function warningsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof warningsContract> {
  const { db } = core;
  return {
    'warnings.rules.list': () => listWarningRules(db),
    'warnings.rules.create': (input, ctx) => saveWarningRule(core, signedIn(ctx), input),
    'warnings.rules.update': (input, ctx) => saveWarningRule(core, signedIn(ctx), input),
    'warnings.rules.reorder': (input, ctx) => reorderWarningRules(core, signedIn(ctx), input.ids),
    'warnings.settings.get': () => getWarningSettings(db),
    'warnings.settings.update': (input, ctx) => saveWarningSettings(core, signedIn(ctx), input),
    'warnings.suggestion.get': (input) => suggestWarningLevel(db, input),
    'warnings.issue': async (input, ctx) => getWarning(db, await issueWarning(core, signedIn(ctx), input), core.clock.now()),
    'warnings.list': (input) => listWarnings(db, input, core.clock.now()),
    'warnings.get': (input) => getWarning(db, input.id, core.clock.now()),
    'warnings.feedback.create': async (input, ctx) => {
      await addWarningFeedback(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.supervise': async (input, ctx) => {
      await superviseWarning(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.changeLevel': async (input, ctx) => {
      await changeWarningLevel(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.lift': async (input, ctx) => {
      await liftWarning(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.link': async (input, ctx) => {
      await linkWarning(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
  };
}
