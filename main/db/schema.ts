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
}
