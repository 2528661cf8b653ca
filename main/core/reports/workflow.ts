/**
 * An information report's way through the office: verified (核实), analysed (研判, with an initial handling
 * opinion), approved by a leader (审核) or returned (退回) to be corrected and resubmitted, forwarded up (报送上级). Anything else is refused with a message that
 * lists what is possible; new facts after forwarding come as a follow-up report (续报), not an edit.
 *
 * @example
 * nextReportStatus('submitted', 'verify') // 'verified'
 * allowedReportActions('analysed')        // ['approve']
 */
import { REPORT_ACTIONS, type ReportAction, type ReportStatus } from '../../../shared/enums';

export const REPORT_TRANSITIONS: Readonly<Record<ReportAction, { readonly from: ReportStatus; readonly to: ReportStatus }>> = {
  verify: { from: 'submitted', to: 'verified' },
  analyse: { from: 'verified', to: 'analysed' },
  approve: { from: 'analysed', to: 'approved' },
  forward: { from: 'approved', to: 'forwarded' },
  // Returned by the leader (退回), corrected, and sent back for approval.
  resubmit: { from: 'returned', to: 'analysed' },
};

export function nextReportStatus(status: ReportStatus, action: ReportAction): ReportStatus | null {
  const t = REPORT_TRANSITIONS[action];
  return t.from === status ? t.to : null;
}

export function allowedReportActions(status: ReportStatus): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => nextReportStatus(status, a) !== null);
}

/** A report can be corrected (更正) until a leader approves it; after that, new facts come as a 续报. */
export function isReportCorrectable(status: ReportStatus): boolean {
  return status !== 'approved' && status !== 'forwarded';
}

export function isReportFinished(status: ReportStatus): boolean {
  return allowedReportActions(status).length === 0;
}
