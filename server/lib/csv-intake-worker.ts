/**
 * Worker thread for large CSV imports: intake's own preparation (language,
 * redaction, encryption) and the near-duplicate signature of a chunk of rows.
 * Started by csv-intake-pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { SubmissionInput } from '../schemas/submission'
import { prepareImportRow } from '../services/import-row'
import type { Submitter } from '../services/submission'

const env = { encryptionKey: Buffer.from(workerData.key as Uint8Array) }

parentPort!.on('message', (message: { chunk: number; submitter: Submitter; inputs: SubmissionInput[] }) => {
  try {
    const rows = message.inputs.map((input) => prepareImportRow(env, message.submitter, input))
    parentPort!.postMessage({ chunk: message.chunk, rows })
  } catch (error) {
    parentPort!.postMessage({ chunk: message.chunk, error: error instanceof Error ? error.message : String(error) })
  }
})
parentPort!.postMessage({ ready: true })
