/** Handlers for the zero-reports procedures of the contract (shared/api/zero-reports.ts). */
import type { Core } from '../core/context';
import type { zeroReportsContract } from '../../shared/api';
import { getZeroReportSettings, saveZeroReportSettings, submitZeroReport, submitZeroReportsBulk, zeroReportGrid } from '../core/zero-reports';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function zeroReportsHandlers(core: Core, _options: HandlerOptions): DomainHandlers<typeof zeroReportsContract> {
  const { db } = core;
  return {
    'zeroReports.settings.get': () => getZeroReportSettings(db),
    'zeroReports.settings.update': (input, ctx) => saveZeroReportSettings(core, signedIn(ctx), input),
    'zeroReports.grid.get': (input) => zeroReportGrid(db, input.month, core.clock.now()),
    'zeroReports.submit': (input, ctx) => submitZeroReport(core, signedIn(ctx), input),
    'zeroReports.submitBulk': (input, ctx) => submitZeroReportsBulk(core, signedIn(ctx), input),
  };
}
