import { TRPCError } from '@trpc/server'
import { createI18n } from '../../app/i18n/i18n'
import type { Db } from '../../db/client'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { Env } from '../env'
import { CsvError, parseCsvBytes, toCsv, type CsvEncoding, type CsvRecord } from '../lib/csv'
import { guessMapping, IMPORT_FIELDS, validateRecords, type ColumnMapping, type RowError, type ValidRow } from '../lib/csv-mapping'
import { decryptText, encryptText, randomToken } from '../lib/crypto'
import { startIntakeWorkers, type IntakeWorkers } from '../lib/csv-intake-pool'
import { appendAudit } from '../repositories/audit'
import { deleteExpiredImports, deleteImport, findImport, findImportProgress, insertImport, insertSignatureRows, insertSubmissionRows, saveImportProgress } from '../repositories/import'
import { IMPORT_MAX_ROWS, type ImportCommitInput, type ImportErrorRowsInput, type ImportPreviewInput, type ImportUploadInput } from '../schemas/import'
import type { Role } from '../schemas/reference'
import type { SubmissionInput } from '../schemas/submission'
import { prepareImportRow, type ImportRow } from './import-row'
import { prepareIntake } from './submission'

/**
 * CSV import: upload (kept encrypted, server-side, for its uploader) → column
 * mapping and preview with per-row errors → commit, all or nothing.
 * See docs/decisions/040-csv-import.md.
 */

export type Importer = { id: string; role: Role; organizationId: string | null }

/** An upload waits this long for its commit, then it is deleted. */
export const IMPORT_TTL_MS = 60 * 60 * 1000
/** Rows per INSERT … SELECT FROM unnest(…): one array parameter per column, whatever the count. */
const INSERT_BATCH = 1000
/**
 * With worker threads, the transaction begins once this share of the rows is
 * prepared, and the rest are inserted as they come while the workers go on.
 * The inserts (one thread: PGlite's) are the longer part, so starting them
 * halfway costs little: the workers finish the second half on the spare core
 * long before the inserts catch up. Starting at once would save a few seconds,
 * but the transaction holds PGlite's only connection: other users' requests
 * wait until it commits (the uploader's progress bar does not: see
 * runningImportStatus), so it is kept as short as the overlap allows.
 */
const SAVE_FROM_SHARE = 0.5
/** Rows redacted between two yields to the event loop, so status requests are answered during a commit. */
const PREPARE_CHUNK = 200
/** From this many rows, worker threads prepare the rows (bundling and starting them costs about half a second). */
const PARALLEL_MIN_ROWS = 2000
const PREVIEW_ERRORS = 200
const PREVIEW_SAMPLE = 5

/** Workers for a large import, started before validation so that they load meanwhile; null for a small one. */
function workersFor(env: Pick<Env, 'encryptionKey'>, rows: number): IntakeWorkers | null {
  return rows >= PARALLEL_MIN_ROWS ? startIntakeWorkers(env.encryptionKey, rows) : null
}

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message })

// ---------------------------------------------------------------------------
// Progress of running commits: in memory for this process (the one running the
// commit answers from it, even while PGlite's single connection is busy), and
// copied at most twice a second (and at each milestone) to the upload's row, so
// that a status poll that reaches another app process behind a proxy can answer
// too (decision 090).

export type ImportProgress = {
  userId: string
  state: 'running' | 'done' | 'failed'
  prepared: number
  saved: number
  total: number
  count: number
  updatedAt: number
}

const globalForImports = globalThis as unknown as { __vocesImportProgress?: Map<string, ImportProgress>; __vocesImportSessions?: Map<string, string> }
const progressById = (globalForImports.__vocesImportProgress ??= new Map())
/** The session (sha-256 id) that started each commit running in this process: never stored, never published. */
const sessionByCommit = (globalForImports.__vocesImportSessions ??= new Map())

function setProgress(id: string, progress: ImportProgress) {
  const now = Date.now()
  for (const [key, value] of progressById) if (now - value.updatedAt > IMPORT_TTL_MS) progressById.delete(key)
  progressById.set(id, { ...progress, updatedAt: now })
}

/** A copy in the database older than this belongs to a commit whose process died. */
const STORED_PROGRESS_STALE_MS = 2 * 60_000
const PUBLISH_EVERY_MS = 500

/**
 * Copies a commit's progress to its upload's row: at most twice a second, one write at
 * a time, never waited for (a failed write only leaves other processes less informed).
 */
function progressPublisher(db: Db, id: string) {
  let lastWrite = 0
  let writing = false
  let next: ImportProgress | null = null
  const write = (progress: ImportProgress) => {
    writing = true
    lastWrite = Date.now()
    saveImportProgress(db, id, { ...progress, updatedAt: lastWrite })
      .catch(() => {})
      .finally(() => {
        writing = false
        if (next) {
          const queued = next
          next = null
          write(queued)
        }
      })
  }
  return (progress: ImportProgress, force = false) => {
    if (!force && Date.now() - lastWrite < PUBLISH_EVERY_MS) return
    if (writing) next = progress
    else write(progress)
  }
}

/**
 * A running commit's progress for the session that started it, from this
 * process's memory without any database call, or null (another session, a
 * finished commit, a commit in another process: ask importStatus). While a
 * large commit inserts, its transaction holds PGlite's only connection, so a
 * poll that first looked up its session in the database would wait until the
 * commit ends and the bar would stand still. The session id is the sha-256 of
 * the cookie's token, as stored in `sessions`; a session ended meanwhile can
 * still follow the commit it started, and nothing else.
 */
export function runningImportStatus(id: string, sessionId: string) {
  const local = progressById.get(id)
  if (local?.state !== 'running' || sessionByCommit.get(id) !== sessionId) return null
  return statusOf(local)
}

/** Progress of a commit as a share of the work: preparing (redaction on worker threads) and saving take about as long. */
export async function importStatus(db: Db, user: { id: string }, id: string) {
  const local = progressById.get(id)
  if (local?.userId === user.id) return statusOf(local)
  // Another process may be running the commit: it copies its progress to the upload's row.
  const stored = (await findImportProgress(db, { id, userId: user.id })) as ImportProgress | null
  if (stored && stored.userId === user.id && Date.now() - stored.updatedAt < STORED_PROGRESS_STALE_MS) return statusOf(stored)
  return { state: 'idle' as const, percent: 0, done: 0, total: 0, count: 0 }
}

/** What a running commit is doing: preparing rows (on worker threads for large files), or saving the last of them. */
function phaseOf({ prepared, total }: Pick<ImportProgress, 'prepared' | 'total'>): 'preparing' | 'saving' {
  return total > 0 && prepared >= total ? 'saving' : 'preparing'
}

function statusOf(progress: ImportProgress) {
  const { prepared, saved, total } = progress
  const phase = progress.state === 'done' ? ('done' as const) : phaseOf(progress)
  const percent = total === 0 ? 0 : Math.floor(((prepared + saved) / (2 * total)) * 100)
  return { state: progress.state, phase, percent: progress.state === 'done' ? 100 : Math.min(99, percent), done: prepared, total, count: progress.count }
}

// ---------------------------------------------------------------------------

/** Reads the file once to refuse what cannot be imported at all, then keeps it encrypted until commit. */
export async function uploadImport(db: Db, env: Pick<Env, 'encryptionKey'>, user: Importer, input: ImportUploadInput, now: Date) {
  const organizationId = await targetOrganization(db, user, input.organizationId)
  const parsed = readFile(input.content)
  await deleteExpiredImports(db, now)
  const id = randomToken(18)
  await insertImport(db, {
    id,
    user_id: user.id,
    organization_id: organizationId,
    file_name: input.fileName,
    // Stored as parsed records: the encoding is detected and the file parsed once, here.
    content_enc: encryptText(JSON.stringify({ encoding: parsed.encoding, text: parsed.text }), env.encryptionKey),
    expires_at: new Date(now.getTime() + IMPORT_TTL_MS),
  })
  return { id, rows: parsed.records.length - 1, encoding: parsed.encoding }
}

async function targetOrganization(db: Db, user: Importer, requested: string | undefined): Promise<string> {
  if (user.role === 'submitter') {
    if (!user.organizationId || (requested && requested !== user.organizationId)) throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' })
    return user.organizationId
  }
  if (!requested) throw badRequest('errors.organizationRequired')
  const org = await db.selectFrom('organizations').select('id').where('id', '=', requested).executeTakeFirst()
  if (!org) throw badRequest('errors.organizationRequired')
  return org.id
}

function readFile(content: Uint8Array): { encoding: CsvEncoding; text: string; records: CsvRecord[] } {
  try {
    const { encoding, records } = parseCsvBytes(content)
    checkRecords(records)
    return { encoding, records, text: recordsText(records) }
  } catch (error) {
    if (error instanceof CsvError) throw badRequest(error.key)
    throw error
  }
}

function checkRecords(records: CsvRecord[]) {
  if (records.length < 2) throw new CsvError('errors.importEmpty')
  if (records.length - 1 > IMPORT_MAX_ROWS) throw new CsvError('errors.importTooManyRows')
}

/** The records as JSON text (row numbers kept), so later steps need not re-parse or re-detect. */
function recordsText(records: CsvRecord[]): string {
  return JSON.stringify(records.map((r) => [r.row, r.cells]))
}

type LoadedImport = {
  id: string
  fileName: string
  organizationId: string
  organizationName: string
  encoding: CsvEncoding
  headers: string[]
  records: CsvRecord[]
}

async function loadImport(db: Db, env: Pick<Env, 'encryptionKey'>, user: Importer, id: string, now: Date): Promise<LoadedImport> {
  const row = await findImport(db, { id, userId: user.id, now })
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.importGone' })
  const stored = JSON.parse(decryptText(row.content_enc, env.encryptionKey)) as { encoding: CsvEncoding; text: string }
  const all = (JSON.parse(stored.text) as [number, string[]][]).map(([r, cells]) => ({ row: r, cells }))
  return {
    id: row.id,
    fileName: row.file_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    encoding: stored.encoding,
    headers: all[0]!.cells.map((h) => h.trim()),
    records: all.slice(1),
  }
}

function validate(loaded: LoadedImport, mapping: ColumnMapping) {
  if (mapping.text === undefined) throw badRequest('errors.importMapText')
  for (const index of Object.values(mapping)) if (index !== undefined && index >= loaded.headers.length) throw badRequest('errors.importMapColumn')
  return validateRecords(loaded.records, mapping, loaded.headers.length)
}

export type PreviewRow = {
  row: number
  text: string
  language: string
  incidentMonth: string | null
  area: string | null
  setting: string | null
  agencies: string[]
  consentQuote: boolean
  consentContact: boolean
}

/** The mapping step's data: the columns, the mapping in use, and what each row would become. */
export async function previewImport(db: Db, env: Pick<Env, 'encryptionKey'>, user: Importer, input: ImportPreviewInput, now: Date) {
  const loaded = await loadImport(db, env, user, input.id, now)
  const mapping = input.mapping ?? guessMapping(loaded.headers)
  const base = {
    id: loaded.id,
    fileName: loaded.fileName,
    organizationName: loaded.organizationName,
    encoding: loaded.encoding,
    headers: loaded.headers,
    mapping,
    totalRows: loaded.records.length,
  }
  if (mapping.text === undefined) {
    return { ...base, mappingError: 'errors.importMapText', validCount: 0, errorRowCount: 0, errors: [] as RowError[], sample: [] as PreviewRow[] }
  }
  const { valid, errors } = validate(loaded, mapping)
  return {
    ...base,
    mappingError: null,
    validCount: valid.length,
    errorRowCount: new Set(errors.map((e) => e.row)).size,
    errors: errors.slice(0, PREVIEW_ERRORS),
    // The sample goes through intake's own preparation, so it shows what will be stored: redacted.
    sample: valid.slice(0, PREVIEW_SAMPLE).map(({ row, input }): PreviewRow => {
      const prepared = prepareIntake(env, { userId: user.id, organizationId: loaded.organizationId }, input)
      return { row, text: prepared.text_redacted ?? '', language: prepared.language, incidentMonth: input.incidentMonth ?? null, area: input.area ?? null, setting: input.setting ?? null, agencies: input.agencies, consentQuote: input.consentQuote, consentContact: input.consentContact }
    }),
  }
}

/**
 * The rows with errors, as they were uploaded, plus a last column saying what
 * is wrong in the user's language: fixed in a spreadsheet, they can be uploaded again.
 */
export async function errorRowsCsv(db: Db, env: Pick<Env, 'encryptionKey'>, user: Importer, input: ImportErrorRowsInput, now: Date) {
  const loaded = await loadImport(db, env, user, input.id, now)
  const { errors } = validate(loaded, input.mapping)
  const byRow = new Map<number, RowError[]>()
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e])
  const { t } = createI18n(input.locale)
  const describe = (e: RowError) => `${t('import.errorRow')} ${e.row}: ${t('import.errorDescription', { field: t(`import.field.${e.field}`), message: t(e.message) })}`
  const width = loaded.headers.length
  const fit = (cells: string[]) => [...cells.slice(0, width), ...Array<string>(Math.max(0, width - cells.length)).fill('')]
  const rows = loaded.records.filter((r) => byRow.has(r.row)).map((r) => [...fit(r.cells), byRow.get(r.row)!.map(describe).join('; ')])
  const base = loaded.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'import'
  return { fileName: `${base}-errors.csv`, rowCount: rows.length, csv: toCsv([[...loaded.headers, t('import.errorColumn')], ...rows]) }
}

/** Stores every valid row of an upload, all or nothing; the upload is deleted in the same transaction. */
export async function commitImport(db: Db, env: Pick<Env, 'encryptionKey'>, user: Importer, input: ImportCommitInput, now: Date, sessionId: string | null = null) {
  const previous = progressById.get(input.id)
  if (previous?.state === 'running' && previous.userId === user.id) throw new TRPCError({ code: 'CONFLICT', message: 'errors.importRunning' })
  // Claimed before the first await, so a second click in this process is refused at once.
  setProgress(input.id, { userId: user.id, state: 'running', prepared: 0, saved: 0, total: 0, count: 0, updatedAt: 0 })
  let loaded: LoadedImport
  let checked: ReturnType<typeof validate>
  let workers: IntakeWorkers | null = null
  try {
    loaded = await loadImport(db, env, user, input.id, now)
    workers = workersFor(env, loaded.records.length)
    checked = validate(loaded, input.mapping)
    if (checked.errors.length > 0 && !input.skipInvalid) throw badRequest('errors.importHasErrors')
    if (checked.valid.length === 0) throw badRequest('errors.importNothingValid')
  } catch (error) {
    if (previous) progressById.set(input.id, previous)
    else progressById.delete(input.id)
    await workers?.close()
    throw error
  }
  const { valid, errors } = checked
  const skipped = new Set(errors.map((e) => e.row)).size
  const progress: ImportProgress = { userId: user.id, state: 'running', prepared: 0, saved: 0, total: valid.length, count: 0, updatedAt: 0 }
  const publish = progressPublisher(db, input.id)
  setProgress(input.id, progress)
  if (sessionId) sessionByCommit.set(input.id, sessionId)
  publish(progress, true)
  // Publishing is forced at each milestone (the first rows saved, preparation ended), so that
  // another process sees the bar move even when the whole commit takes a second or two.
  const milestoneOf = (now: ImportProgress) => `${phaseOf(now)}/${now.saved > 0}`
  let lastMilestone = milestoneOf(progress)
  try {
    const count = await storeRows(db, env, { actorUserId: user.id, organizationId: loaded.organizationId, fileName: loaded.fileName, skippedRows: skipped }, valid, {
      workers,
      onProgress: ({ prepared, saved }) => {
        const now = { ...progress, prepared, saved }
        setProgress(input.id, now)
        const milestone = milestoneOf(now)
        publish(now, milestone !== lastMilestone)
        lastMilestone = milestone
      },
      // Across processes too, only one commit of an upload can succeed: the other finds it gone and rolls back.
      alsoInTransaction: async (trx) => {
        if (!(await deleteImport(trx, loaded.id))) throw new TRPCError({ code: 'CONFLICT', message: 'errors.importGone' })
      },
    })
    setProgress(input.id, { ...progress, state: 'done', prepared: count, saved: count, count })
    return { count, skipped, organizationId: loaded.organizationId, organizationName: loaded.organizationName }
  } catch (error) {
    setProgress(input.id, { ...progress, state: 'failed' })
    publish({ ...progress, state: 'failed' }, true)
    throw error
  } finally {
    sessionByCommit.delete(input.id)
    await workers?.close()
  }
}

type ImportTarget = { actorUserId: string | null; organizationId: string; fileName: string; skippedRows: number }

/**
 * Stores the rows in one transaction, or nothing. Redaction and encryption
 * (intake's preparation) are most of the CPU time. In process (small files)
 * they run first, outside the transaction, so PGlite's one connection stays
 * free meanwhile; on worker threads (large files) the transaction begins when
 * half the rows are prepared, and the rest are inserted as they come, in file
 * order, while the workers go on. The rows,
 * their near-duplicate signatures and one audit entry (counts, organization,
 * file name: never text) commit together.
 */
export async function storeRows(
  db: Db,
  env: Pick<Env, 'encryptionKey'>,
  target: ImportTarget,
  valid: ValidRow[],
  options: {
    /** Worker threads already started for this import (see workersFor); without them the rows are prepared in process. */
    workers?: IntakeWorkers | null
    onProgress?: (progress: { prepared: number; saved: number }) => void
    alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>
  } = {},
): Promise<number> {
  const { workers, onProgress = () => {}, alsoInTransaction = async () => {} } = options
  const submitter = { userId: target.actorUserId, organizationId: target.organizationId }
  const inputs = valid.map((v) => v.input)
  const parallel = workers ? await workers.prepare(submitter, inputs) : null
  const chunks = (parallel ?? prepareRows(env, submitter, inputs))[Symbol.asyncIterator]()
  // With worker threads, saving begins once SAVE_FROM_SHARE of the rows are prepared.
  const saveFrom = parallel ? Math.ceil(valid.length * SAVE_FROM_SHARE) : valid.length
  const pending: ImportRow[] = []
  let prepared = 0
  let saved = 0
  const takeChunk = async () => {
    const next = await chunks.next()
    if (next.done) return false
    pending.push(...next.value)
    prepared += next.value.length
    onProgress({ prepared, saved })
    return true
  }
  while (prepared < saveFrom && (await takeChunk()));
  await db.transaction().execute(async (trx) => {
    const insert = async (batch: ImportRow[]) => {
      await insertSubmissionRows(trx, batch.map((r) => r.submission))
      // Indexed like form submissions, so that later ones are compared with these.
      await insertSignatureRows(trx, batch.map((r) => ({ submissionId: r.submission.id, keys: r.signature })))
      saved += batch.length
      onProgress({ prepared, saved })
      // PGlite runs each statement synchronously: let the workers' replies in, so they get their next chunks.
      await new Promise((resolve) => setImmediate(resolve))
    }
    let more = true
    while (more || pending.length > 0) {
      while (pending.length >= INSERT_BATCH || (!more && pending.length > 0)) await insert(pending.splice(0, INSERT_BATCH))
      if (more) more = await takeChunk()
    }
    await appendAudit(trx, {
      actorUserId: target.actorUserId,
      action: 'import.commit',
      targetType: 'organization',
      targetId: target.organizationId,
      details: { rows: saved, skippedRows: target.skippedRows, organizationId: target.organizationId, fileName: target.fileName },
    })
    await alsoInTransaction(trx)
  })
  return saved
}

export type FileImportResult =
  | { ok: true; count: number; skipped: number; encoding: CsvEncoding; mapping: ColumnMapping }
  | { ok: false; reason: string; errors: RowError[]; mapping: ColumnMapping | null }

/**
 * The command-line import (scripts/import-csv.ts, scripts/bench-import.ts): the
 * same decoding, mapping (guessed from the header names), validation and
 * storage as the browser flow, in one step, with no user.
 */
export async function importCsvFile(
  db: Db,
  env: Pick<Env, 'encryptionKey'>,
  options: {
    organizationSlug: string
    fileName: string
    content: Uint8Array
    skipInvalid?: boolean
    onProgress?: (progress: { prepared: number; saved: number; total: number }) => void
  },
): Promise<FileImportResult> {
  const org = await db.selectFrom('organizations').select('id').where('slug', '=', options.organizationSlug).executeTakeFirst()
  if (!org) return { ok: false, reason: 'errors.organizationRequired', errors: [], mapping: null }
  let parsed: { encoding: CsvEncoding; records: CsvRecord[] }
  try {
    parsed = parseCsvBytes(options.content)
    checkRecords(parsed.records)
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, reason: error.key, errors: [], mapping: null }
    throw error
  }
  const headers = parsed.records[0]!.cells.map((h) => h.trim())
  const mapping = guessMapping(headers)
  if (mapping.text === undefined) return { ok: false, reason: 'errors.importMapText', errors: [], mapping }
  const workers = workersFor(env, parsed.records.length - 1)
  try {
    const { valid, errors } = validateRecords(parsed.records.slice(1), mapping, headers.length)
    if (errors.length > 0 && !options.skipInvalid) return { ok: false, reason: 'errors.importHasErrors', errors, mapping }
    if (valid.length === 0) return { ok: false, reason: 'errors.importNothingValid', errors, mapping }
    const skipped = new Set(errors.map((e) => e.row)).size
    const count = await storeRows(db, env, { actorUserId: null, organizationId: org.id, fileName: options.fileName, skippedRows: skipped }, valid, {
      workers,
      onProgress: (progress) => options.onProgress?.({ ...progress, total: valid.length }),
    })
    return { ok: true, count, skipped, encoding: parsed.encoding, mapping }
  } finally {
    await workers?.close()
  }
}

/** Intake's own preparation (language, redaction, encryption) and the signature of each row, in process, yielding to the event loop between chunks. */
async function* prepareRows(env: Pick<Env, 'encryptionKey'>, submitter: { userId: string | null; organizationId: string }, inputs: SubmissionInput[]): AsyncGenerator<ImportRow[]> {
  for (let start = 0; start < inputs.length; start += PREPARE_CHUNK) {
    yield inputs.slice(start, start + PREPARE_CHUNK).map((input) => prepareImportRow(env, submitter, input))
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/** The field names a preview offers, in form order. */
export { IMPORT_FIELDS }
