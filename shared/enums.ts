/** Domain vocabularies shared by the core and the UI. Labels live in the i18n catalog under the same keys. */

export const ROLES = ['clerk', 'duty_officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['village', 'community', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CHANNELS = ['letter', 'visit', 'call', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = ['suggestion', 'accusation', 'claim'] as const;
export type Category = (typeof CATEGORIES)[number];

/** 申诉求决类 items (Art. 31): only item 6 gets the 60-day handling period and a 信访处理意见书. */
export const CLAIM_ITEMS = [1, 2, 3, 4, 5, 6] as const;
export type ClaimItem = (typeof CLAIM_ITEMS)[number];
export const HANDLING_CLAIM_ITEM: ClaimItem = 6;

export const PETITION_STATUSES = [
  'registered',
  'forwarded',
  'assigned',
  'accepted',
  'not_accepted',
  'in_handling',
  'extended',
  'replied',
  'review_requested',
  'reviewed',
  'rereview_requested',
  'rereviewed',
  'closed',
  'withdrawn',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const TERMINAL_STATUSES: readonly PetitionStatus[] = ['closed', 'withdrawn'];

export const PETITION_ACTIONS = [
  'forward',
  'assign',
  'accept',
  'reject',
  'start_handling',
  'extend',
  'reply',
  'request_review',
  'review',
  'request_rereview',
  'rereview',
  'close',
  'withdraw',
] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

export const DECISIONS = ['support', 'explain', 'not_support'] as const;
export type Decision = (typeof DECISIONS)[number];

export const MEDIATION_KINDS = ['people', 'administrative', 'judicial'] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];

export const MEDIATION_OUTCOMES = ['agreed', 'partly', 'failed', 'ongoing'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

export const DEADLINE_KINDS = [
  'forward',
  'acceptance_notice',
  'objection',
  'handling',
  'review_request_window',
  'review',
  'rereview_request_window',
  'rereview',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['open', 'met', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const PERIOD_UNITS = ['calendar_days', 'working_days'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export const DEFAULT_TOPICS = [
  '征地拆迁',
  '劳动社保',
  '农村农业',
  '城乡建设',
  '环境保护',
  '医疗卫生',
  '教育',
  '民政',
  '涉法涉诉',
  '其他',
] as const;

export const MAX_REPRESENTATIVES = 5;
export const DEFAULT_COLLECTIVE_THRESHOLD = 5;
export const DEFAULT_NUMBER_FORMAT = '信〔{year}〕{seq:4}号';
