/** Handlers for the reports procedures of the contract (shared/api/reports.ts). */
import type { Core } from '../core/context';
import type { reportsContract } from '../../shared/api';
import { correctReport, createReport, flagReport, getReport, getReportSettings, linkReportPetition, listReports, saveReportSettings, transitionReport } from '../core/reports';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function reportsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof reportsContract> {
  const { db } = core;
  return {
    'reports.settings.get': () => getReportSettings(db),
    'reports.settings.update': (input, ctx) => saveReportSettings(core, signedIn(ctx), input),
    'reports.create': (input, ctx) => createReport(core, signedIn(ctx), input),
    'reports.list': (input) => listReports(db, input),
    'reports.get': (input) => getReport(db, input.id),
    'reports.transition': async (input, ctx) => {
      await transitionReport(core, signedIn(ctx), input);
      return getReport(db, input.id);
    },
    'reports.correct': async (input, ctx) => {
      await correctReport(core, signedIn(ctx), input);
      return getReport(db, input.id);
    },
    'reports.linkPetition': async (input, ctx) => {
      await linkReportPetition(core, signedIn(ctx), input.id, input.petitionId);
      return getReport(db, input.id);
    },
    'reports.flag': async (input, ctx) => {
      await flagReport(core, signedIn(ctx), input.id, input.flag, input.note);
      return getReport(db, input.id);
    },
  };
}
