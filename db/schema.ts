import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The database as the app sees it: one interface per table, column names in
 * snake_case as in the migrations. Nullable columns are `T | null`, never optional.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type CreatedAt = ColumnType<Date, Date | string | undefined, never>

export interface OrganizationsTable {
  id: Generated<string>
  slug: string
  name: string
  kind: Generated<string>
  is_demo: Generated<boolean>
  created_at: CreatedAt
}

export interface UsersTable {
  id: Generated<string>
  email: string
  display_name: string
  password_hash: string
  role: 'submitter' | 'facilitator' | 'commission' | 'admin'
  organization_id: string | null
  locale: string | null
  is_demo: Generated<boolean>
  disabled_at: Date | null
  created_at: CreatedAt
}

export interface SessionsTable {
  id: string
  user_id: string
  created_at: CreatedAt
  last_seen_at: Timestamp
  expires_at: Date
  revoked_at: Date | null
}

export interface InvitationsTable {
  id: Generated<string>
  token_hash: string
  email: string
  role: UsersTable['role']
  organization_id: string | null
  created_by: string
  created_at: CreatedAt
  expires_at: Date
  accepted_at: Date | null
  accepted_user_id: string | null
}

export interface SubmissionsTable {
  id: Generated<string>
  receipt_code: string
  organization_id: string | null
  submitted_by: string | null
  text_redacted: string | null
  text_original_enc: Buffer | Uint8Array | null
  original_purged_at: Date | null
  language: Generated<string>
  translation_en: string | null
  translation_es: string | null
  incident_month: string | null
  area: string | null
  setting: string | null
  agencies: ColumnType<string[], string[] | undefined, string[]>
  city_response: string | null
  guidance_wanted: string | null
  consent_quote: Generated<boolean>
  consent_contact: Generated<boolean>
  status: ColumnType<'pending' | 'accepted' | 'hidden' | 'merged' | 'withdrawn', string | undefined, string>
  is_demo: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
  withdrawn_at: Date | null
  /** Generated full-text vector of text_redacted; never written. */
  search: ColumnType<string, never, never>
  intake_link_id: string | null
  merged_into_id: string | null
  hidden_reason: HiddenReason | null
  duplicate_of_id: string | null
  duplicate_similarity: number | null
  flagged_at: Date | null
  moderated_at: Date | null
  moderated_by: string | null
}

export type HiddenReason = 'spam' | 'abuse' | 'off-topic' | 'duplicate'

export interface IntakeLinksTable {
  id: Generated<string>
  token_hash: string
  name: string
  organization_id: string | null
  created_by: string | null
  created_at: CreatedAt
  expires_at: Date
  max_submissions: number | null
  closed_at: Date | null
  closed_by: string | null
}

export interface SubmissionSignaturesTable {
  submission_id: string
  lsh_keys: string[]
}

export interface RateLimitsTable {
  key: string
  window_start: Date
  count: Generated<number>
}

export interface TagsTable {
  id: Generated<string>
  parent_id: string | null
  slug: string
  name_en: string
  name_es: string
  description_en: Generated<string>
  description_es: Generated<string>
  color: Generated<string>
  sort_order: Generated<number>
  retired_at: Date | null
  created_at: CreatedAt
}

export interface SubmissionTagsTable {
  id: Generated<string>
  submission_id: string
  tag_id: string
  span_start: number | null
  span_end: number | null
  source: Generated<string>
  created_by: string | null
  created_at: CreatedAt
}

export interface AuditLogTable {
  id: Generated<string>
  at: CreatedAt
  actor_user_id: string | null
  action: string
  target_type: string | null
  target_id: string | null
  details: ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, never>
}

export interface ReportsTable {
  id: Generated<string>
  title: string
  period_start: string
  period_end: string
  status: ColumnType<'draft' | 'published', string | undefined, string>
  version: Generated<number>
  created_by: string | null
  created_at: CreatedAt
  published_at: Date | null
}

export interface Database {
  organizations: OrganizationsTable
  users: UsersTable
  sessions: SessionsTable
  invitations: InvitationsTable
  submissions: SubmissionsTable
  tags: TagsTable
  submission_tags: SubmissionTagsTable
  audit_log: AuditLogTable
  reports: ReportsTable
  intake_links: IntakeLinksTable
  submission_signatures: SubmissionSignaturesTable
  rate_limits: RateLimitsTable
}

export type Organization = Selectable<OrganizationsTable>
export type User = Selectable<UsersTable>
export type NewUser = Insertable<UsersTable>
export type Session = Selectable<SessionsTable>
export type Invitation = Selectable<InvitationsTable>
export type Submission = Selectable<SubmissionsTable>
export type NewSubmission = Insertable<SubmissionsTable>
export type SubmissionUpdate = Updateable<SubmissionsTable>
export type Tag = Selectable<TagsTable>
export type NewTag = Insertable<TagsTable>
export type AuditEntry = Selectable<AuditLogTable>
export type Report = Selectable<ReportsTable>
export type IntakeLink = Selectable<IntakeLinksTable>
