/**
 * The tables as the application sees them. Migrations never import this file. Every enum column has its union
 * from shared/enums (the one list of each vocabulary), so reading a row needs no cast and writing a stray value
 * does not compile.
 *
 * Columns stay snake_case and each query maps its rows to the contract's camelCase by hand. Kysely's
 * CamelCasePlugin was measured against that (issue 10): the same petition reads, same SQL, one process,
 * alternating, the plugin cost 27–35% more per list page of 50 rows (about 0.13–0.2 ms) and nothing on the
 * detail page or the repeat check beyond noise, and the 100,000-row bench did not get faster. It would not
 * remove the mapping either (masks, 0/1 to booleans, JSON columns, joined names), and raw sql`` fragments are
 * not renamed by it, so every query would be rewritten for no gain.
 */
import type { Generated } from 'kysely';
import type {
  AlarmKind,
  ApprovalKind,
  ApprovalStatus,
  ApprovalSubject,
  AlarmLogNote,
  AlarmLogStep,
  AlarmRecordStatus,
  Category,
  Channel,
  DeadlineKind,
  DeadlineStatus,
  DeadlineSubject,
  DeadlineUnit,
  Decision,
  DutyLogKind,
  Escalation,
  HandoverStatus,
  MediationKind,
  MediationOutcome,
  NoticeFormat,
  NoticeKind,
  NoticePrintFormat,
  NoticeStatus,
  NoticeSubject,
  OverrideKind,
  PetitionStatus,
  PetitionStepAction,
  ReportFlag,
  ReportSeverity,
  ReportStatus,
  ReportStepAction,
  ReportType,
  Role,
  ShiftPattern,
  UnitKind,
  Urgency,
  VerificationResult,
  WarningEventKind,
  WarningLevel,
  WarningLinkType,
  WarningStatus,
  ZeroReportPeriodKind,
} from '../../shared/enums';

export interface OfficeTable {
  id: number;
  name: string;
  township: string;
  time_zone: string;
  number_format: string;
  collective_threshold: number;
  prealarm_days: string;
  created_at: number;
  /** Days a session lives at most, however busy (0007). */
  session_max_days: Generated<number>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
  created_at: number;
  /** 1 when the account was created or its password reset by an admin: the next login must choose a new one (0007). */
  must_change_password: Generated<number>;
}

export interface UnitTable {
  id: Generated<number>;
  name: string;
  kind: UnitKind;
  liaison_name: string;
  liaison_phone: string;
  active: number;
  /** The first day the unit is expected to send zero reports ('YYYY-MM-DD'); NULL: every period (0009). */
  effective_from: string | null;
}

export interface TopicTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
  active: number;
}

export interface AuditTable {
  id: Generated<number>;
  at: number;
  user_id: number | null;
  user_name: string;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** The network address the row's request came from (migration 0016); null for the desktop window, the system, older rows. */
  address: string | null;
}

export interface PetitionTable {
  id: Generated<number>;
  /** '' for the office's own; the township's name on a record imported from its file (migration 0017). */
  township: Generated<string>;
  number: string;
  year: number;
  seq: number;
  channel: Channel;
  received_at: number;
  people_count: number;
  category: Category;
  claim_item: number | null;
  topic_id: number | null;
  unit_id: number | null;
  summary: string;
  request: string;
  facts_reasons: string;
  status: PetitionStatus;
  repeat_of_id: number | null;
  responsible_unit_id: number | null;
  lead_leader_id: number | null;
  decision: Decision | null;
  extended_days: number;
  anonymous: number;
  first_petitioner: string;
  first_id_number: string;
  next_due_at: number | null;
  next_due_kind: DeadlineKind | null;
  created_by: number;
  created_at: number;
  updated_at: number;
  /** Why it was voided (作废), '' while it stands; the row and its number stay. */
  void_reason: Generated<string>;
  voided_at: number | null;
  /** The office's own number in the ledger it was imported from (序号/编号), kept as written. */
  ledger_number?: string | null;
  /** The ledger import batch that brought it, if any. */
  import_id?: number | null;
}

export interface PetitionerTable {
  id: Generated<number>;
  petition_id: number;
  ord: number;
  name: string;
  id_number: string;
  phone: string;
  address: string;
  is_representative: number;
}

export interface PetitionStepTable {
  id: Generated<number>;
  petition_id: number;
  at: number;
  user_id: number;
  action: PetitionStepAction;
  from_status: PetitionStatus | null;
  to_status: PetitionStatus;
  note: string;
  details_json: string;
}

export interface MediationTable {
  id: Generated<number>;
  petition_id: number;
  kind: MediationKind;
  at: number;
  outcome: MediationOutcome;
  note: string;
  user_id: number;
}

export interface AttachmentTable {
  id: Generated<number>;
  petition_id: number;
  file_name: string;
  stored_name: string;
  size: number;
  sha256: string;
  added_at: number;
  added_by: number;
  /** Removed by mistake: the file stays in the data folder; the row says who removed it and why. */
  removed_at: number | null;
  removed_by: number | null;
  removal_reason: Generated<string>;
}

/** A request for a leader's approval, given or returned in the leader's own session (migration 0006). */
export interface ApprovalTable {
  id: Generated<number>;
  kind: ApprovalKind;
  subject_type: ApprovalSubject;
  subject_id: number;
  status: ApprovalStatus;
  reason: string;
  payload_json: string;
  requested_by: number;
  requested_at: number;
  decided_by: number | null;
  decided_at: number | null;
  decision_note: string;
  deadline_id: number | null;
}

export interface DeadlineTable {
  id: Generated<number>;
  subject_type: DeadlineSubject;
  subject_id: number;
  kind: DeadlineKind;
  office_duty: number;
  start_date: string;
  unit: DeadlineUnit;
  days: number;
  extension_days: number;
  article: string;
  due_date: string;
  due_at: number;
  explanation_json: string;
  calendar_version: number;
  status: DeadlineStatus;
  met_at: number | null;
  created_at: number;
}

export interface CalendarDayTable {
  date: string;
  year: number;
  is_off_day: number;
  name: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
}

export interface DutyRoleTable {
  id: Generated<number>;
  key: string;
  name: string;
  built_in: number;
}

export interface RotationTable {
  id: Generated<number>;
  name: string;
  role_id: number;
  pattern: ShiftPattern;
  handoff_hour: number;
  night_hour: number;
  weekday: number;
  shifts_per_person: number;
  start_date: string;
  end_date: string | null;
  sensitive_only: number;
  active: number;
  created_at: number;
}

export interface RotationMemberTable {
  rotation_id: number;
  ord: number;
  user_id: number;
}

export interface DutyOverrideTable {
  id: Generated<number>;
  kind: OverrideKind;
  role_id: number;
  user_id: number;
  replaced_user_id: number | null;
  start_at: number;
  end_at: number;
  swap_group: string | null;
  reason: string;
  cancelled: number;
  created_by: number;
  created_at: number;
}

export interface SensitivePeriodTable {
  id: Generated<number>;
  name: string;
  start_date: string;
  end_date: string;
  note: string;
  cancelled: number;
  created_at: number;
  /** Daily zero reports are expected from this day ('YYYY-MM-DD'), never before the day it was added (0009). */
  reports_from: string | null;
}

export interface DutyLogTable {
  id: Generated<number>;
  at: number;
  user_id: number;
  kind: DutyLogKind;
  content: string;
  created_at: number;
}

export interface HandoverTable {
  id: Generated<number>;
  from_user_id: number;
  to_user_id: number | null;
  started_at: number;
  confirmed_at: number | null;
  period_from: number;
  notes: string;
  snapshot_json: string;
  status: HandoverStatus;
}

export interface AlarmTable {
  id: Generated<number>;
  deadline_id: number;
  kind: AlarmKind;
  days_before: number;
  fire_at: number;
  status: AlarmRecordStatus;
  fired_at: number | null;
  late_ms: number;
  policy_json: string | null;
  level: number;
  next_step_at: number | null;
  recipients_json: string;
  no_one_on_duty: number;
  acknowledged_by: number | null;
  acknowledged_at: number | null;
  snoozed_until: number | null;
  snooze_reason: string | null;
  closed_at: number | null;
  created_at: number;
  /** What the person who acknowledged wrote; the reason when they were not one of its recipients. */
  ack_note: Generated<string>;
  /** 1 when acknowledged by someone it was not addressed to (migration 0006). */
  ack_for_others: Generated<number>;
}

export interface AlarmLogTable {
  id: Generated<number>;
  alarm_id: number;
  at: number;
  step: AlarmLogStep;
  user_ids_json: string;
  /** What a person wrote (an acknowledgement's remark), or a note from before 0005 kept as it was. */
  note: string;
  /** A note the system wrote, worded by the i18n catalog (alarmLogNoteText); null for none. */
  note_code: AlarmLogNote | null;
  /** The note's parameters, and on a ring step `lateMinutes` when it rang late. */
  note_params_json: string;
}

export interface InfoReportTable {
  id: Generated<number>;
  /** '' for the office's own; the township's name on a record imported from its file (migration 0017). */
  township: Generated<string>;
  number: string;
  year: number;
  seq: number;
  unit_id: number;
  parent_id: number | null;
  root_id: number | null;
  follow_seq: number;
  type: ReportType;
  severity: ReportSeverity;
  found_at: number;
  reported_at: number;
  limit_at: number;
  late_ms: number;
  place: string;
  people_count: number;
  summary: string;
  content: string;
  demands: string;
  status: ReportStatus;
  verification: VerificationResult | null;
  verification_note: string;
  nature: string;
  urgency: Urgency | null;
  opinion: string;
  approved_by: number | null;
  approved_at: number | null;
  forward_to: string;
  forwarded_at: number | null;
  petition_id: number | null;
  flag: ReportFlag | null;
  flag_note: string;
  flagged_at: number | null;
  created_by: number;
  created_at: number;
  updated_at: number;
}

export interface ReportStepTable {
  id: Generated<number>;
  report_id: number;
  at: number;
  user_id: number;
  action: ReportStepAction;
  from_status: ReportStatus | null;
  to_status: ReportStatus;
  note: string;
  details_json: string;
}

export interface WarningRuleTable {
  id: Generated<number>;
  ord: number;
  level: WarningLevel;
  description: string;
  conditions_json: string;
  active: number;
  built_in: number;
}

export interface WarningTable {
  id: Generated<number>;
  /** '' for the office's own; the township's name on a record imported from its file (migration 0017). */
  township: Generated<string>;
  number: string;
  year: number;
  seq: number;
  title: string;
  unit_id: number;
  people_count: number;
  grievance: string;
  escalation: Escalation;
  collective_event: number;
  urgent: number;
  suggested_level: WarningLevel;
  suggested_rule_id: number | null;
  suggested_rule_text: string;
  level: WarningLevel;
  override_reason: string;
  responsible_unit_id: number;
  lead_leader_id: number;
  resolution_steps_json: string;
  status: WarningStatus;
  issued_at: number;
  issued_by: number;
  next_due_at: number | null;
  next_due_kind: DeadlineKind | null;
  lifted_at: number | null;
  lift_outcome: string;
  lift_approved_by: number | null;
  created_at: number;
  updated_at: number;
}

export interface WarningLinkTable {
  warning_id: number;
  link_type: WarningLinkType;
  subject_id: number;
  created_at: number;
}

export interface WarningEventTable {
  id: Generated<number>;
  warning_id: number;
  at: number;
  kind: WarningEventKind;
  user_id: number;
  note: string;
  source: string;
  from_level: WarningLevel | null;
  to_level: WarningLevel | null;
  due_at: number | null;
  approver_id: number | null;
  details_json: string;
}

export interface ZeroReportTable {
  id: Generated<number>;
  unit_id: number;
  period: string;
  period_kind: ZeroReportPeriodKind;
  due_at: number;
  submitted_at: number | null;
  nothing_to_report: number;
  report_ids_json: string;
  note: string;
  submitted_by: number | null;
  created_at: number;
}

export interface NoticeTable {
  id: Generated<number>;
  /** '' for the office's own; the township's name on a record imported from its file (migration 0017). */
  township: Generated<string>;
  kind: NoticeKind;
  format: NoticeFormat;
  subject_type: NoticeSubject;
  subject_id: number | null;
  subject_month: string | null;
  status: NoticeStatus;
  title: string;
  addressee: string;
  addressee_unit_id: number | null;
  body_json: string;
  note: string;
  copy_to_json: string;
  withheld_json: string;
  doc_number: string | null;
  year: number | null;
  seq: number | null;
  supersedes_id: number | null;
  superseded_by: number | null;
  created_by: number;
  created_at: number;
  updated_at: number;
  submitted_by: number | null;
  submitted_at: number | null;
  signed_by: number | null;
  signed_at: number | null;
  frozen_html: string | null;
  sha256: string | null;
}

export interface NoticeSequenceTable {
  kind: NoticeKind;
  year: number;
  last_seq: number;
}

export interface NoticePrintTable {
  id: Generated<number>;
  notice_id: number;
  at: number;
  user_id: number;
  copies: number;
  format: NoticePrintFormat;
  sha256: string;
}

export interface LedgerImportTable {
  id: Generated<number>;
  file_name: string;
  sheet_name: string;
  imported: number;
  refused: number;
  closed: number;
  overdue: number;
  created_by: number;
  created_at: number;
  voided_by: number | null;
  voided_at: number | null;
}

/** The highest office number a year has given to petitions that no longer exist (an undone import). */
export interface RetiredPetitionNumberTable {
  year: number;
  max_seq: number;
}

/**
 * The statistics' summaries (migration 0015), kept by triggers: a month is the office's local 'YYYY-MM' ('' outside
 * 1950–2149), and a unit or topic of 0 means none. `met`: 2 an office deadline met late, 1 met in time, 0 none met.
 */
export interface StatsMonthTable {
  start_at: number;
  month: string;
}
export interface StatsPetitionTable {
  petition_id: number;
  month: string;
  unit_id: number;
  topic_id: number;
  met: 0 | 1 | 2;
  /** When the first open office deadline is due; NULL when none is open. */
  open_due: number | null;
}
export interface StatsPetitionUnitTable {
  month: string;
  unit_id: number;
  met: 0 | 1 | 2;
  n: number;
}
export interface StatsPetitionTopicTable {
  month: string;
  topic_id: number;
  n: number;
}
export interface StatsReportTable {
  month: string;
  unit_id: number;
  type: ReportType;
  /** '' when the report carries no flag. */
  flag: ReportFlag | '';
  late: 0 | 1;
  in_time: 0 | 1;
  n: number;
}
export interface StatsWarningTable {
  month: string;
  unit_id: number;
  level: WarningLevel;
  n: number;
}

/** One imported township file (migration 0017): what it held and how its audit chain verified at import. */
export interface TownshipImportTable {
  id: Generated<number>;
  township: string;
  file_sha256: string;
  file_name: string;
  office_uid: string;
  office_name: string;
  imported_at: number;
  counts_json: string;
  audit_rows: number;
  audit_head_id: number;
  audit_head_hash: string;
  /** The township's key id (as its meta held it): names the key the chain verified under, without revealing it. */
  audit_key_id: string;
}

/** An imported township's audit chain, row for row as it wrote it (ids and hashes its own). */
export interface TownshipAuditTable extends Omit<AuditTable, 'id'> {
  township: string;
  id: number;
}

export interface Database {
  office: OfficeTable;
  users: UserTable;
  units: UnitTable;
  topics: TopicTable;
  audit: AuditTable;
  petitions: PetitionTable;
  petitioners: PetitionerTable;
  petition_steps: PetitionStepTable;
  mediations: MediationTable;
  attachments: AttachmentTable;
  deadlines: DeadlineTable;
  calendar_days: CalendarDayTable;
  meta: MetaTable;
  sessions: SessionTable;
  duty_roles: DutyRoleTable;
  rotations: RotationTable;
  rotation_members: RotationMemberTable;
  duty_overrides: DutyOverrideTable;
  sensitive_periods: SensitivePeriodTable;
  duty_log: DutyLogTable;
  handovers: HandoverTable;
  alarms: AlarmTable;
  alarm_log: AlarmLogTable;
  info_reports: InfoReportTable;
  report_steps: ReportStepTable;
  warning_rules: WarningRuleTable;
  warnings: WarningTable;
  warning_links: WarningLinkTable;
  warning_events: WarningEventTable;
  zero_reports: ZeroReportTable;
  notices: NoticeTable;
  notice_sequences: NoticeSequenceTable;
  notice_prints: NoticePrintTable;
  approvals: ApprovalTable;
  ledger_imports: LedgerImportTable;
  retired_petition_numbers: RetiredPetitionNumberTable;
  stats_months: StatsMonthTable;
  stats_petitions: StatsPetitionTable;
  stats_petition_units: StatsPetitionUnitTable;
  stats_petition_topics: StatsPetitionTopicTable;
  stats_reports: StatsReportTable;
  stats_warnings: StatsWarningTable;
  township_imports: TownshipImportTable;
  township_audit: TownshipAuditTable;
}
