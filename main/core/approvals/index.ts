export { requestApproval, pendingApproval, settleApproval, settlePendingApproval, returnPendingApprovals, type ApprovalRequest, type ApprovalPayload, type ApprovalRow } from './requests';
export { listApprovals, approvalsFor, getApproval } from './queries';
export { decideApproval } from './decide';
