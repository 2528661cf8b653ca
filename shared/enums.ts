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
  'voided',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const TERMINAL_STATUSES: readonly PetitionStatus[] = ['closed', 'withdrawn', 'voided'];

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

/** What a petition's timeline records: its registration, each workflow action, corrections (更正) and a void (作废). */
export const PETITION_STEP_ACTIONS = ['register', ...PETITION_ACTIONS, 'correct', 'void'] as const;
export type PetitionStepAction = (typeof PETITION_STEP_ACTIONS)[number];

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
  'warning_feedback',
  'supervision',
  'zero_report',
  'approval',
  'import_overdue',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_STATUSES = ['open', 'met', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const PERIOD_UNITS = ['calendar_days', 'working_days'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** How a deadline row was set: a statutory period on the calendar, or a fixed instant (hours after an event, a set day). */
export const DEADLINE_UNITS = [...PERIOD_UNITS, 'fixed'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Why a day is not a working day, as a deadline's explanation names the days it skipped. */
export const REST_REASONS = ['holiday', 'weekend'] as const;
export type RestReason = (typeof REST_REASONS)[number];

/** What a deadline row is about. */
export const DEADLINE_SUBJECTS = ['petition', 'warning', 'zero_report', 'approval', 'ledger_import'] as const;
export type DeadlineSubject = (typeof DEADLINE_SUBJECTS)[number];

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

/** Information reports (信息报告). */
export const REPORT_TYPES = ['dispute', 'collective_sign', 'safety', 'public_security', 'natural_disaster', 'other'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_SEVERITIES = ['major', 'important', 'general'] as const;
export type ReportSeverity = (typeof REPORT_SEVERITIES)[number];

/** 'returned': the leader sent it back (退回) with a reason; it is corrected and resubmitted for approval. */
export const REPORT_STATUSES = ['submitted', 'verified', 'analysed', 'approved', 'forwarded', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['verify', 'analyse', 'approve', 'forward', 'resubmit'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** What a report's timeline records: a first report or a follow-up (续报), each workflow action, a link, a mark. */
export const REPORT_STEP_ACTIONS = ['submit', 'follow_up', ...REPORT_ACTIONS, 'link', 'flag', 'return', 'correct'] as const;
export type ReportStepAction = (typeof REPORT_STEP_ACTIONS)[number];

/** 核实 result: 属实, 部分属实, 不属实. */
export const VERIFICATION_RESULTS = ['true', 'partly', 'false'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

export const URGENCIES = ['extra_urgent', 'urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Set by the office when the event was learnt from another source: 瞒报 (concealed) or 漏报 (missed). */
export const REPORT_FLAGS = ['concealed', 'missed'] as const;
export type ReportFlag = (typeof REPORT_FLAGS)[number];

/** Early warnings (预警): about a matter, never a person. */
export const WARNING_LEVELS = ['red', 'yellow', 'blue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** How far up the matter is likely to be taken. */
export const ESCALATIONS = ['township', 'county', 'city', 'province', 'national'] as const;
export type Escalation = (typeof ESCALATIONS)[number];

export const WARNING_STATUSES = ['active', 'lifted'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export const WARNING_ACTIONS = ['feedback', 'supervise', 'change_level', 'lift'] as const;
export type WarningAction = (typeof WARNING_ACTIONS)[number];

/** What the history of a warning records. */
export const WARNING_EVENT_KINDS = ['issue', ...WARNING_ACTIONS, 'link', 'unlink'] as const;
export type WarningEventKind = (typeof WARNING_EVENT_KINDS)[number];

/** What a warning can be linked to. */
export const WARNING_LINK_TYPES = ['petition', 'report'] as const;
export type WarningLinkType = (typeof WARNING_LINK_TYPES)[number];

/** The resolution steps a warning asks of the responsible unit unless the issuer writes others. */
export const DEFAULT_RESOLUTION_STEPS = ['听取诉求', '核实情况', '调解化解', '答复反馈'] as const;

/** Zero reports (零报告): monthly, and daily inside a sensitive period. */
export const ZERO_REPORT_PERIOD_KINDS = ['monthly', 'daily'] as const;
export type ZeroReportPeriodKind = (typeof ZERO_REPORT_PERIOD_KINDS)[number];

export const ZERO_REPORT_STATES = ['on_time', 'late', 'missing', 'not_due_yet'] as const;
export type ZeroReportState = (typeof ZERO_REPORT_STATES)[number];

export const SHIFT_PATTERNS = ['daily', 'day_night', 'weekly'] as const;
export type ShiftPattern = (typeof SHIFT_PATTERNS)[number];
export const OVERRIDE_KINDS = ['override', 'swap', 'extra'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];
/** 'correction': who actually served a past shift, entered only through duty.corrections.create. */
export const DUTY_LOG_KINDS = ['call', 'visit', 'event', 'other', 'correction'] as const;
export type DutyLogKind = (typeof DUTY_LOG_KINDS)[number];
export const HANDOVER_STATUSES = ['pending', 'confirmed'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** Alarms: a pre-alarm before a deadline, and the due alarm when it runs out. */
export const ALARM_KINDS = ['pre', 'due'] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];
/** The statuses the board shows. */
export const ALARM_STATUSES = ['fired', 'snoozed', 'acknowledged', 'resolved', 'superseded'] as const;
export type AlarmStatus = (typeof ALARM_STATUSES)[number];
/** Every status an alarm row can have: also planned but not yet rung (pending), and dropped unrung (cancelled). */
export const ALARM_RECORD_STATUSES = ['pending', ...ALARM_STATUSES, 'cancelled'] as const;
export type AlarmRecordStatus = (typeof ALARM_RECORD_STATUSES)[number];
/** The steps in which an alarm rings someone (the OS notification and the banner say which). */
export const ALARM_RING_STEPS = ['fired', 'escalated', 'repeated', 'snooze_ended'] as const;
export type AlarmRingStep = (typeof ALARM_RING_STEPS)[number];
/** What an alarm's log records. */
export const ALARM_LOG_STEPS = [...ALARM_RING_STEPS, 'acknowledged', 'snoozed', 'resolved', 'superseded', 'rescheduled'] as const;
export type AlarmLogStep = (typeof ALARM_LOG_STEPS)[number];
/**
 * The notes the system writes in an alarm's log, stored as a code with parameters and worded by the i18n catalog
 * (alarms.logNote.<code>): who was missing from duty when it rang, why it stopped or moved, a snooze's length.
 */
export const ALARM_LOG_NOTES = [
  'no_officer',
  'no_one_on_duty',
  'no_leader',
  'superseded_by_due',
  'deadline_changed',
  'deadline_met',
  'deadline_cancelled',
  'snoozed',
] as const;
export type AlarmLogNote = (typeof ALARM_LOG_NOTES)[number];
export const PETITION_SORTS = ['receivedAt', 'number', 'nextDueAt', 'status'] as const;
export type PetitionSort = (typeof PETITION_SORTS)[number];
/** Notices (文书): the kinds, in the order the office meets them. */
export const NOTICE_KINDS = [
  'warning_report',
  'warning_notice',
  'supervision_notice',
  'assignment_slip',
  'acceptance_notice',
  'non_acceptance_notice',
  'handling_opinion',
  'info_report',
  'info_followup',
  'duty_roster',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_STATUSES = ['draft', 'submitted', 'signed', 'printed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_ACTIONS = ['edit', 'submit', 'return', 'sign', 'print', 'supersede'] as const;
export type NoticeAction = (typeof NOTICE_ACTIONS)[number];
export const NOTICE_SUBJECTS = ['warning', 'petition', 'report', 'duty_month'] as const;
export type NoticeSubject = (typeof NOTICE_SUBJECTS)[number];
/** 公文格式 for documents to units and the county; 信函格式 for letters to petitioners. */
export const NOTICE_FORMATS = ['document', 'letter'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];
export const NOTICE_PRINT_FORMATS = ['pdf', 'paper'] as const;
export type NoticePrintFormat = (typeof NOTICE_PRINT_FORMATS)[number];
/**
 * Why the audit chain does not verify (main/core/audit): a row's own MAC, its link to the row before, a missing id,
 * rows cut off the end, the head kept apart, or a key that is no longer there.
 */
export const AUDIT_BREAKS = ['row', 'link', 'gap', 'truncated', 'head', 'key'] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

/**
 * The book of record (issue 11): what a leader approves in their own session. A request waits (pending) until
 * the leader approves it or returns it with a reason; nothing takes effect before.
 */
export const APPROVAL_KINDS = ['extension', 'void', 'correction', 'warning_lift', 'report'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_STATUSES = ['pending', 'approved', 'returned'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_SUBJECTS = ['petition', 'warning', 'report'] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];

/** A petition's fields a correction (更正) may change; the number never changes. */
export const CORRECTABLE_PETITION_FIELDS = [
  'petitioners',
  'channel',
  'receivedAt',
  'peopleCount',
  'category',
  'claimItem',
  'topicId',
  'unitId',
  'summary',
  'request',
  'factsReasons',
] as const;
export type CorrectablePetitionField = (typeof CORRECTABLE_PETITION_FIELDS)[number];
/** Fields a petition's deadlines are computed from: correcting one recomputes the open deadlines. */
export const DEADLINE_BASIS_FIELDS: readonly CorrectablePetitionField[] = ['receivedAt', 'channel', 'category', 'claimItem'];
/** Fields whose correction after acceptance needs a leader's approval. */
export const LATE_CORRECTION_FIELDS: readonly CorrectablePetitionField[] = ['receivedAt', 'category', 'claimItem'];

/** An information report's fields a correction may change until the report is approved. */
export const CORRECTABLE_REPORT_FIELDS = ['type', 'severity', 'place', 'peopleCount', 'summary', 'content', 'demands'] as const;
export type CorrectableReportField = (typeof CORRECTABLE_REPORT_FIELDS)[number];

/** Attachment types an office keeps (scans, documents, recordings), by extension; each is checked by content too. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'txt', 'mp3', 'wav', 'amr'] as const;
export type AttachmentExtension = (typeof ATTACHMENT_EXTENSIONS)[number];
/** How the viewer shows an attachment: an image (tif converted), a PDF, or nothing (downloaded). */
export const ATTACHMENT_VIEWS = ['image', 'tiff', 'pdf', 'download'] as const;
export type AttachmentView = (typeof ATTACHMENT_VIEWS)[number];

/** Text limits the forms count down and the server enforces, sized for real letters. */
export const TEXT_LIMITS = {
  summary: 200,
  request: 20_000,
  factsReasons: 20_000,
  note: 4000,
  reason: 1000,
} as const;

/**
 * The columns of an office's ledger (台账) the importer understands, in the order the register prints them.
 * `petitioners` holds one or several names (张三、李四等5人); `result` holds 已办结/已答复 or how far handling got.
 */
export const LEDGER_FIELDS = [
  'ledgerNumber',
  'receivedAt',
  'channel',
  'petitioners',
  'idNumber',
  'phone',
  'address',
  'peopleCount',
  'summary',
  'request',
  'topic',
  'responsibleUnit',
  'leadLeader',
  'result',
  'closedAt',
  'note',
] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** What the importer does with one row of a ledger. */
export const LEDGER_ROW_VERDICTS = ['closed', 'open', 'refused', 'duplicate', 'skipped'] as const;
export type LedgerRowVerdict = (typeof LEDGER_ROW_VERDICTS)[number];
/** Why a backup was made: the daily time, closing the app, an admin's click, or just before a migration or a restore. */
export const BACKUP_KINDS = ['scheduled', 'exit', 'manual', 'pre_migration', 'pre_restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
/** What the dashboard says about backups: all well, or the first thing the admin should see to. */
export const BACKUP_WARNINGS = ['none', 'not_configured', 'target_missing', 'stale', 'failed'] as const;
export type BackupWarning = (typeof BACKUP_WARNINGS)[number];
/** Whether backups are encrypted: with the office's password, explicitly not, or not decided yet (no backups run). */
export const BACKUP_ENCRYPTION_STATES = ['on', 'off', 'unset'] as const;
export type BackupEncryptionState = (typeof BACKUP_ENCRYPTION_STATES)[number];
/** Where the office's records are kept: the desk's SQLite file, or the county's PostgreSQL database. */
export const DATA_STORES = ['sqlite', 'postgres'] as const;
export type DataStore = (typeof DATA_STORES)[number];
/**
 * What checking a backup can find. The last two do not stop a restore: the copy is faithful, the data it copied
 * was already like that.
 */
export const BACKUP_PROBLEMS = [
  'manifest_missing',
  'manifest_unreadable',
  'password_required',
  'wrong_password',
  'file_missing',
  'file_changed',
  'integrity',
  'counts_differ',
  'audit_head_differs',
  'attachment_mismatch',
  'schema_newer',
  'store_differs',
  'audit_broken',
  'attachments_missing',
] as const;
export type BackupProblem = (typeof BACKUP_PROBLEMS)[number];

/**
 * What the app is doing while it starts (the start-up screen shows it when opening takes more than a second):
 * the safety backup before migrating, each migration, verifying the audit chain, preparing the rest, then ready.
 */
export const STARTUP_PHASES = ['backup', 'migrate', 'verify', 'prepare', 'ready'] as const;
export type StartupPhase = (typeof STARTUP_PHASES)[number];
