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
  description: Generated<string>
  is_demo: Generated<boolean>
  created_at: CreatedAt
  /** Set while deactivated: its members cannot sign in or submit; its testimony stays. */
  deactivated_at: Date | null
}

/** A one-time link to set one's password: the first administrator's, or a reset. */
export interface AccountSetupsTable {
  id: Generated<string>
  token_hash: string
  user_id: string
  created_at: CreatedAt
  expires_at: Date
  used_at: Date | null
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
  revoked_at: Date | null
  revoked_by: string | null
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
  merged_into_id: string | null
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
  /** Report filters (LAPD bureau or Area, setting, agency, language, organization type); see server/schemas/report.ts. */
  filters: ColumnType<Record<string, string>, string | Record<string, string> | undefined, string | Record<string, string>>
  updated_at: Timestamp
  updated_by: string | null
}

type Json<T> = ColumnType<T, string | T | undefined, string | T>

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'

export interface JobsTable {
  id: Generated<string>
  kind: string
  payload: Json<Record<string, unknown>>
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>
  phase: string | null
  progress: Generated<number>
  attempts: Generated<number>
  max_attempts: Generated<number>
  locked_by: string | null
  lease_until: Date | null
  cancel_requested_at: Date | null
  error: string | null
  created_by: string | null
  created_at: CreatedAt
  started_at: Date | null
  finished_at: Date | null
}

export interface TagModelsTable {
  id: Generated<string>
  job_id: string | null
  created_at: CreatedAt
  taggings_count: number
  method: string
  model: Json<unknown>
  metrics: Json<Record<string, unknown>>
}

export interface TagSuggestionsTable {
  id: Generated<string>
  submission_id: string
  tag_id: string
  model_id: string | null
  confidence: number
  status: ColumnType<'pending' | 'accepted' | 'rejected', 'pending' | 'accepted' | 'rejected' | undefined, 'pending' | 'accepted' | 'rejected'>
  decided_by: string | null
  decided_at: Date | null
  created_at: CreatedAt
}

export interface CodingSamplesTable {
  id: Generated<string>
  name: string
  coder_a: string
  coder_b: string
  seed: number
  filter: Json<Record<string, unknown>>
  created_by: string | null
  created_at: CreatedAt
}

export interface CodingSampleItemsTable {
  sample_id: string
  submission_id: string
  position: number
}

export interface CodingSampleCodingsTable {
  sample_id: string
  submission_id: string
  coder_id: string
  tag_ids: ColumnType<string[], string[] | undefined, string[]>
  coded_at: Timestamp
}

export interface ClusteringRunsTable {
  id: Generated<string>
  job_id: string
  name: string
  filter: Json<Record<string, unknown>>
  k_requested: number | null
  k: number | null
  seed: number
  parent_run_id: string | null
  parent_cluster: number | null
  document_count: number | null
  engine: Json<Record<string, unknown>>
  created_by: string | null
  created_at: CreatedAt
}

export interface RunClustersTable {
  run_id: string
  cluster: number
  size: number
  key_terms: Json<unknown[]>
  language_mix: Json<Record<string, number>>
  representative_ids: ColumnType<string[], string[] | undefined, string[]>
  summary: Generated<string>
}

export interface RunMembersTable {
  run_id: string
  submission_id: string
  cluster: number
  similarity: number
}

export interface ThemesTable {
  id: Generated<string>
  title: string
  summary: Generated<string>
  /** Set when a facilitator writes or explicitly approves the summary (issue 12 §2); null while it is a machine draft. */
  summary_approved_at: Date | null
  summary_approved_by: string | null
  status: ColumnType<'active' | 'merged' | 'archived', 'active' | 'merged' | 'archived' | undefined, 'active' | 'merged' | 'archived'>
  merged_into_id: string | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface ThemeSourcesTable {
  id: Generated<string>
  theme_id: string
  kind: 'cluster' | 'tag' | 'theme' | 'manual'
  run_id: string | null
  cluster: number | null
  tag_id: string | null
  source_theme_id: string | null
  member_count: number
  created_by: string | null
  created_at: CreatedAt
}

export interface ThemeMembersTable {
  theme_id: string
  submission_id: string
  source_id: string | null
  added_by: string | null
  added_at: CreatedAt
}

export interface ThemeQuotesTable {
  id: Generated<string>
  theme_id: string
  submission_id: string
  position: Generated<number>
  translation: string | null
  translation_lang: string | null
  translation_kind: 'machine' | 'human' | null
  created_by: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface ReportThemesTable {
  report_id: string
  theme_id: string
  position: number
  public_summary_en: Generated<string>
  public_summary_es: Generated<string>
  added_by: string | null
  added_at: CreatedAt
}

/** Immutable once written (a trigger refuses UPDATE and DELETE). */
export interface ReportVersionsTable {
  id: Generated<string>
  report_id: string
  version: number
  /** The suppressed snapshot: server/reports/snapshot.ts `ReportSnapshot`. */
  snapshot: ColumnType<unknown, string, never>
  published_by: string | null
  published_at: CreatedAt
}

/**
 * The quotes of a published version (issue 12 §3), out of its snapshot. A
 * trigger refuses DELETE and every UPDATE except blanking the words (text null,
 * translations empty, withdrawn_at set) on withdrawal.
 */
export interface ReportVersionQuotesTable {
  id: Generated<string>
  report_version_id: string
  theme_id: string
  /** 1-based order within the theme. */
  position: number
  submission_id: string | null
  language: string
  text: string | null
  translations: ColumnType<unknown, string | undefined, string>
  withdrawn_at: Date | null
}

/** Facilitators' warnings about a report: a summary repeating 8+ consecutive words of withdrawn testimony. */
export interface ReportWarningsTable {
  id: Generated<string>
  report_id: string
  /** 0 = the draft. */
  version: number
  theme_id: string
  kind: 'withdrawn-words-in-summary'
  field: 'summary' | 'publicSummaryEn' | 'publicSummaryEs'
  created_at: CreatedAt
  resolved_at: Date | null
  resolved_by: string | null
}

/** A facilitator reviewed a flagged quote for re-identification, for one report (issue 12 §4). */
export interface ReportQuoteReviewsTable {
  report_id: string
  theme_id: string
  submission_id: string
  reviewed_by: string | null
  reviewed_at: CreatedAt
}

export interface ReportCommentsTable {
  id: Generated<string>
  report_id: string
  theme_id: string
  parent_id: string | null
  report_version: Generated<number>
  author_id: string | null
  body: string
  created_at: CreatedAt
}

export type GuidanceStatus = 'proposed' | 'adopted' | 'published'

export interface GuidanceItemsTable {
  id: Generated<string>
  text_en: string
  text_es: Generated<string>
  status: ColumnType<GuidanceStatus, GuidanceStatus | undefined, GuidanceStatus>
  /** YYYY-MM-DD: when it was proposed, adopted or published. */
  decided_on: string
  created_by: string | null
  created_at: CreatedAt
  updated_by: string | null
  updated_at: Timestamp
}

export interface GuidanceThemesTable {
  guidance_id: string
  theme_id: string
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
  jobs: JobsTable
  tag_models: TagModelsTable
  tag_suggestions: TagSuggestionsTable
  coding_samples: CodingSamplesTable
  coding_sample_items: CodingSampleItemsTable
  coding_sample_codings: CodingSampleCodingsTable
  clustering_runs: ClusteringRunsTable
  run_clusters: RunClustersTable
  run_members: RunMembersTable
  themes: ThemesTable
  theme_sources: ThemeSourcesTable
  theme_members: ThemeMembersTable
  theme_quotes: ThemeQuotesTable
  report_themes: ReportThemesTable
  report_versions: ReportVersionsTable
  report_version_quotes: ReportVersionQuotesTable
  report_warnings: ReportWarningsTable
  report_quote_reviews: ReportQuoteReviewsTable
  report_comments: ReportCommentsTable
  guidance_items: GuidanceItemsTable
  guidance_themes: GuidanceThemesTable
  account_setups: AccountSetupsTable
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
export type Job = Selectable<JobsTable>
export type ClusteringRun = Selectable<ClusteringRunsTable>
export type Theme = Selectable<ThemesTable>
