/** The tables as the application sees them. Migrations never import this file. */
import type { Generated } from 'kysely';

export interface OfficeTable {
  id: number;
  name: string;
  township: string;
  time_zone: string;
  number_format: string;
  collective_threshold: number;
  prealarm_days: string;
  created_at: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
  created_at: number;
}

export interface UnitTable {
  id: Generated<number>;
  name: string;
  kind: string;
  liaison_name: string;
  liaison_phone: string;
  active: number;
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
}

export interface PetitionTable {
  id: Generated<number>;
  number: string;
  year: number;
  seq: number;
  channel: string;
  received_at: number;
  people_count: number;
  category: string;
  claim_item: number | null;
  topic_id: number | null;
  unit_id: number | null;
  summary: string;
  request: string;
  facts_reasons: string;
  status: string;
  repeat_of_id: number | null;
  responsible_unit_id: number | null;
  lead_leader_id: number | null;
  decision: string | null;
  extended_days: number;
  anonymous: number;
  first_petitioner: string;
  first_id_number: string;
  next_due_at: number | null;
  next_due_kind: string | null;
  created_by: number;
  created_at: number;
  updated_at: number;
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
  action: string;
  from_status: string | null;
  to_status: string;
  note: string;
  details_json: string;
}

export interface MediationTable {
  id: Generated<number>;
  petition_id: number;
  kind: string;
  at: number;
  outcome: string;
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
}

export interface DeadlineTable {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  kind: string;
  office_duty: number;
  start_date: string;
  unit: string;
  days: number;
  extension_days: number;
  article: string;
  due_date: string;
  due_at: number;
  explanation_json: string;
  calendar_version: number;
  status: string;
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
  pattern: string;
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
  kind: string;
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
}

export interface DutyLogTable {
  id: Generated<number>;
  at: number;
  user_id: number;
  kind: string;
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
  status: string;
}

export interface AlarmTable {
  id: Generated<number>;
  deadline_id: number;
  kind: string;
  days_before: number;
  fire_at: number;
  status: string;
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
}

export interface AlarmLogTable {
  id: Generated<number>;
  alarm_id: number;
  at: number;
  step: string;
  user_ids_json: string;
  note: string;
}

export interface InfoReportTable {
  id: Generated<number>;
  number: string;
  year: number;
  seq: number;
  unit_id: number;
  parent_id: number | null;
  root_id: number | null;
  follow_seq: number;
  type: string;
  severity: string;
  found_at: number;
  reported_at: number;
  limit_at: number;
  late_ms: number;
  place: string;
  people_count: number;
  summary: string;
  content: string;
  demands: string;
  status: string;
  verification: string | null;
  verification_note: string;
  nature: string;
  urgency: string | null;
  opinion: string;
  approved_by: number | null;
  approved_at: number | null;
  forward_to: string;
  forwarded_at: number | null;
  petition_id: number | null;
  flag: string | null;
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
  action: string;
  from_status: string | null;
  to_status: string;
  note: string;
  details_json: string;
}

export interface WarningRuleTable {
  id: Generated<number>;
  ord: number;
  level: string;
  description: string;
  conditions_json: string;
  active: number;
  built_in: number;
}

export interface WarningTable {
  id: Generated<number>;
  number: string;
  year: number;
  seq: number;
  title: string;
  unit_id: number;
  people_count: number;
  grievance: string;
  escalation: string;
  collective_event: number;
  urgent: number;
  suggested_level: string;
  suggested_rule_id: number | null;
  suggested_rule_text: string;
  level: string;
  override_reason: string;
  responsible_unit_id: number;
  lead_leader_id: number;
  resolution_steps_json: string;
  status: string;
  issued_at: number;
  issued_by: number;
  next_due_at: number | null;
  next_due_kind: string | null;
  lifted_at: number | null;
  lift_outcome: string;
  lift_approved_by: number | null;
  created_at: number;
  updated_at: number;
}

export interface WarningLinkTable {
  warning_id: number;
  link_type: string;
  subject_id: number;
  created_at: number;
}

export interface WarningEventTable {
  id: Generated<number>;
  warning_id: number;
  at: number;
  kind: string;
  user_id: number;
  note: string;
  source: string;
  from_level: string | null;
  to_level: string | null;
  due_at: number | null;
  approver_id: number | null;
  details_json: string;
}

export interface ZeroReportTable {
  id: Generated<number>;
  unit_id: number;
  period: string;
  period_kind: string;
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
  kind: string;
  format: string;
  subject_type: string;
  subject_id: number | null;
  subject_month: string | null;
  status: string;
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
  kind: string;
  year: number;
  last_seq: number;
}

export interface NoticePrintTable {
  id: Generated<number>;
  notice_id: number;
  at: number;
  user_id: number;
  copies: number;
  format: string;
  sha256: string;
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
}
