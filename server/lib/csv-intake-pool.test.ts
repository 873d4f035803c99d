import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { SubmissionInput } from '../schemas/submission'
import { prepareImportRow } from '../services/import-row'
import { decryptText } from './crypto'
import { startIntakeWorkers } from './csv-intake-pool'

const key = randomBytes(32)
const submitter = { userId: null, organizationId: '00000000-0000-4000-8000-000000000001' }
const inputs: SubmissionInput[] = Array.from({ length: 600 }, (_, i) => ({
  text: i % 2 ? `Testimonio ${i}: me llamo Rosa Elena Díaz, mi número es 323-555-${String(1000 + i).slice(-4)}.` : `Testimony ${i}: my name is Maria Lopez, email maria${i}@example.org.`,
  agencies: ['ice'],
  cityResponse: undefined,
  guidanceWanted: i % 5 === 0 ? 'Que llamen a Juan Pérez al 213-555-0199.' : undefined,
  consentQuote: i % 3 === 0,
  consentContact: false,
}))

describe('import worker threads', () => {
  it('start from the bundled worker and prepare every row, in order, as intake does in process', async () => {
    const workers = startIntakeWorkers(key, inputs.length)
    try {
      const chunks = await workers.prepare(submitter, inputs)
      // null would mean the workers could not start and the import fell back to one thread.
      expect(chunks).not.toBeNull()
      const rows = []
      for await (const chunk of chunks!) rows.push(...chunk)
      expect(rows).toHaveLength(inputs.length)
      rows.forEach((row, i) => {
        const local = prepareImportRow({ encryptionKey: key }, submitter, inputs[i]!)
        expect(row.submission.text_redacted).toBe(local.submission.text_redacted)
        expect(row.submission.language).toBe(local.submission.language)
        expect(row.signature).toEqual(local.signature)
        expect(row.submission.guidance_wanted).toBe(local.submission.guidance_wanted)
        expect(Buffer.isBuffer(row.submission.text_original_enc)).toBe(true)
        expect(decryptText(row.submission.text_original_enc!, key)).toBe(inputs[i]!.text)
      })
    } finally {
      await workers.close()
    }
  }, 60_000)

  it('can be closed before they have started', async () => {
    const workers = startIntakeWorkers(key, inputs.length)
    await workers.close()
    expect(await workers.prepare(submitter, inputs)).toBeNull()
  })
})
