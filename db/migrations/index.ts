import type { Migration } from 'kysely'
import * as foundation from './2026_11_27_130000_foundation'
import * as imports from './2026_11_27_140000_imports'
import * as intakeModeration from './2026_11_27_150000_intake_moderation'
import * as submissionSearch from './2026_11_27_160000_submission_search'
import * as workspace from './2026_11_27_170000_workspace'
import * as dataVersion from './2026_11_27_170100_data_version'
import * as tagging from './2026_11_27_171000_tagging'
import * as auditTarget from './2026_11_27_172000_audit_target'
import * as reports from './2026_11_27_180000_reports'
import * as auditAppendOnly from './2026_11_27_190000_audit_append_only'
import * as importProgress from './2026_11_27_193000_import_progress'
import * as accountAdmin from './2026_12_08_050000_account_admin'
import * as accountSetupOrganizations from './2026_12_08_030000_account_setup_organizations'
import * as reportVersionQuotes from './2026_12_08_020000_report_version_quotes'
import * as themeSummaryApproval from './2026_12_08_020100_theme_summary_approval'
import * as quoteReidReviews from './2026_12_08_020200_quote_reid_reviews'

/**
 * Every migration, by name, in order. Listed statically so the same code runs
 * under tsx, vitest and bundlers (Kysely's FileMigrationProvider uses a native
 * dynamic import that cannot load .ts files). tests/integration/migrations.test.ts
 * checks that every file in this folder is listed.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_27_130000_foundation': foundation,
  '2026_11_27_140000_imports': imports,
  '2026_11_27_150000_intake_moderation': intakeModeration,
  '2026_11_27_160000_submission_search': submissionSearch,
  '2026_11_27_170000_workspace': workspace,
  '2026_11_27_170100_data_version': dataVersion,
  '2026_11_27_171000_tagging': tagging,
  '2026_11_27_172000_audit_target': auditTarget,
  '2026_11_27_180000_reports': reports,
  '2026_11_27_190000_audit_append_only': auditAppendOnly,
  '2026_11_27_193000_import_progress': importProgress,
  '2026_12_08_050000_account_admin': accountAdmin,
  '2026_12_08_030000_account_setup_organizations': accountSetupOrganizations,
  '2026_12_08_020000_report_version_quotes': reportVersionQuotes,
  '2026_12_08_020100_theme_summary_approval': themeSummaryApproval,
  '2026_12_08_020200_quote_reid_reviews': quoteReidReviews,
}
