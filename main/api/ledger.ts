/** Handlers for the ledger procedures of the contract (shared/api/ledger.ts). */
import type { Core } from '../core/context';
import type { ledgerContract } from '../../shared/api';
import { createImport, exportRegister, listImports, previewImport, printPetitionForm, undoImport } from '../core/ledger';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function ledgerHandlers(core: Core, options: HandlerOptions): DomainHandlers<typeof ledgerContract> {
  return {
    'ledger.imports.preview': (input) => previewImport(core, input),
    'ledger.imports.create': (input, ctx) => createImport(core, signedIn(ctx), input),
    'ledger.imports.list': () => listImports(core),
    'ledger.imports.remove': (input, ctx) => undoImport(core, signedIn(ctx), input.id),
    'ledger.register.export': (input, ctx) => exportRegister(core, signedIn(ctx), input, options.makePdf ?? null),
    'ledger.form.print': (input, ctx) => printPetitionForm(core, signedIn(ctx), input, options.makePdf ?? null),
  };
}
