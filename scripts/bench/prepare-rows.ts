/**
 * The cost of preparing one import row (language, redaction, encryption,
 * near-duplicate signature: prepareImportRow), on the rows bench:import writes
 * (demo testimony cycled with the same suffixes, optional fields filled as the
 * demo fills them). Printed by `npm run bench:redact -- --prepare`, so that a
 * change to the redactor can be weighed against the 50,000-row import.
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { generateDemoTestimonies } from '../../server/demo/testimonies'
import type { SubmissionInput } from '../../server/schemas/submission'
import { prepareImportRow } from '../../server/services/import-row'
import { redact } from '../../server/analysis/redact'

const SUFFIXES = ['', ' This was in the morning.', ' Pasó en la tarde.', ' My neighbor saw it too.', ' Mis hijos estaban conmigo.', ' It happened again the next week.']

export function importBenchInputs(count: number): SubmissionInput[] {
  const base = generateDemoTestimonies({ count: 2000, seed: 4242 })
  return Array.from({ length: count }, (_, i) => {
    const d = base[i % base.length]!
    return {
      text: d.text + SUFFIXES[i % SUFFIXES.length] + (i >= base.length ? ` (${Math.floor(i / base.length)})` : ''),
      agencies: d.agencies,
      cityResponse: d.cityResponse ?? undefined,
      guidanceWanted: d.guidanceWanted ?? undefined,
      consentQuote: d.consentQuote,
      consentContact: d.consentContact,
    } as SubmissionInput
  })
}

/** Per round: µs per row of wall time and of process CPU time (steadier on a shared machine). */
export type PrepareFigures = { rows: number; rounds: number[]; redactRounds: number[]; cpuRounds: number[]; redactCpuRounds: number[] }

/** µs per row of prepareImportRow, and of redact() alone on the same fields, over `rounds` passes (after a warm-up). */
export function measurePrepare(count = 10_000, rounds = 3): PrepareFigures {
  const inputs = importBenchInputs(count)
  const env = { encryptionKey: randomBytes(32) }
  const submitter = { userId: null, organizationId: '00000000-0000-4000-8000-000000000001' }
  for (const input of inputs.slice(0, 1000)) prepareImportRow(env, submitter, input)
  const out: PrepareFigures = { rows: count, rounds: [], redactRounds: [], cpuRounds: [], redactCpuRounds: [] }
  const cpuMicros = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since)
    return used.user + used.system
  }
  for (let r = 0; r < rounds; r++) {
    let t = performance.now()
    let cpu = process.cpuUsage()
    for (const input of inputs) prepareImportRow(env, submitter, input)
    out.rounds.push(((performance.now() - t) * 1000) / count)
    out.cpuRounds.push(cpuMicros(cpu) / count)
    t = performance.now()
    cpu = process.cpuUsage()
    for (const input of inputs) {
      redact(input.text)
      if (input.cityResponse) redact(input.cityResponse)
      if (input.guidanceWanted) redact(input.guidanceWanted)
    }
    out.redactRounds.push(((performance.now() - t) * 1000) / count)
    out.redactCpuRounds.push(cpuMicros(cpu) / count)
  }
  return out
}
