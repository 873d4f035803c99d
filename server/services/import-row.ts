import { randomUUID } from 'node:crypto'
import type { Env } from '../env'
import type { SubmissionInput } from '../schemas/submission'
import { signatureKeys } from './duplicates'
import { prepareIntake, type PreparedIntake, type Submitter } from './submission'

/**
 * One CSV row ready to store: intake's own row (language, redaction,
 * encryption, receipt code, as for the form), with its id chosen here so that
 * its near-duplicate signature can be stored beside it in the same
 * transaction. Built in process or on the import's worker threads.
 */
export type ImportRow = { submission: PreparedIntake & { id: string }; signature: string[] }

export function prepareImportRow(env: Pick<Env, 'encryptionKey'>, submitter: Submitter, input: SubmissionInput): ImportRow {
  const submission = { ...prepareIntake(env, submitter, input), id: randomUUID() }
  return { submission, signature: signatureKeys(submission.text_redacted) }
}
