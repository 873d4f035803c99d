import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { parseCsv } from '../../server/lib/csv'
import { decryptText } from '../../server/lib/crypto'
import type { SessionUser } from '../../server/services/auth'
import { signatureKeys } from '../../server/services/duplicates'
import { importCsvFile, runningImportStatus } from '../../server/services/import'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let orgA: { id: string; name: string; slug: string }
let orgB: { id: string; name: string; slug: string }
let submitterA: SessionUser
let submitterB: SessionUser
let facilitator: SessionUser

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  orgA = await makeOrganization(db, 'Pico Union Housing')
  orgB = await makeOrganization(db, 'Pacoima Day Labor')
  submitterA = await makeUser(db, 'submitter', orgA.id)
  submitterB = await makeUser(db, 'submitter', orgB.id)
  facilitator = await makeUser(db, 'facilitator')
})
afterAll(() => close())

const file = (text: string) => new TextEncoder().encode(text)
const countFor = async (organizationId: string) =>
  Number((await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId).executeTakeFirstOrThrow()).n)

const GOOD =
  'Testimonio,Mes,Área,Lugar,Agencias,Se puede citar\n' +
  '"Me llamo Ana Torres, mi teléfono es 323-555-0101. Los agentes con máscaras llegaron a la escuela,\ny el LAPD solo miró.",7/2025,Hollenbeck,Escuela,"ICE; LAPD",sí\n' +
  '\n' +
  'Agents in an unmarked van took a man from the car wash.,2025-08,rampart,workplace,Border Patrol,no\n'

const WITH_ERRORS = 'Testimony,Month,Area\nok one,2025-07,hollenbeck\n,2025-07,rampart\nok three,2025-13,narnia\nok four,,\n'

describe('CSV import: preview', () => {
  it('guesses the columns and shows each row error with its row, field and key', async () => {
    const caller = callerFor(db, env, submitterA)
    const { id, rows } = await caller.import.upload({ fileName: 'session.csv', content: file(WITH_ERRORS) })
    expect(rows).toBe(4)
    const preview = await caller.import.preview({ id })
    expect(preview.organizationName).toBe(orgA.name)
    expect(preview.mapping).toEqual({ text: 0, incidentMonth: 1, area: 2 })
    expect(preview.validCount).toBe(2)
    expect(preview.errorRowCount).toBe(2)
    expect(preview.errors).toEqual([
      { row: 3, field: 'text', message: 'errors.required' },
      { row: 4, field: 'incidentMonth', message: 'errors.month' },
      { row: 4, field: 'area', message: 'errors.choose' },
    ])
    // A mapping chosen by the user wins over the guess; without the text column nothing can be imported.
    const remapped = await caller.import.preview({ id, mapping: { text: 0 } })
    expect(remapped.errors.map((e) => e.row)).toEqual([3])
    expect((await caller.import.preview({ id, mapping: { incidentMonth: 1 } })).mappingError).toBe('errors.importMapText')
  })

  it('shows the sample as it will be stored: redacted', async () => {
    const caller = callerFor(db, env, submitterA)
    const { id } = await caller.import.upload({ fileName: 'good.csv', content: file(GOOD) })
    const preview = await caller.import.preview({ id })
    expect(preview.errors).toEqual([])
    expect(preview.sample[0]!.text).toContain('[PHONE]')
    expect(preview.sample[0]!.text).not.toContain('555-0101')
    expect(preview.sample.map((s) => s.row)).toEqual([2, 4])
  })

  it('refuses files that are not CSV, empty, or have an unclosed quote, with a key', async () => {
    const caller = callerFor(db, env, submitterA)
    await expect(caller.import.upload({ fileName: 'book.xlsx', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]) })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.importNotCsv' })
    await expect(caller.import.upload({ fileName: 'empty.csv', content: file('Testimony\n\n') })).rejects.toMatchObject({ message: 'errors.importEmpty' })
    await expect(caller.import.upload({ fileName: 'q.csv', content: file('Testimony\n"open\n') })).rejects.toMatchObject({ message: 'errors.importUnclosedQuote' })
  })

  it('reads a Windows-1252 file as such: "niño" stays "niño"', async () => {
    const caller = callerFor(db, env, submitterA)
    const bytes = Buffer.from('Testimonio,Lugar\nEl niño lloró en el parque,Parque\n', 'latin1')
    const { id, encoding } = await caller.import.upload({ fileName: 'excel.csv', content: bytes })
    expect(encoding).toBe('windows-1252')
    const before = await countFor(orgA.id)
    await caller.import.commit({ id, mapping: { text: 0, setting: 1 } })
    const row = await db.selectFrom('submissions').selectAll().where('organization_id', '=', orgA.id).orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(await countFor(orgA.id)).toBe(before + 1)
    expect(decryptText(row.text_original_enc!, env.encryptionKey)).toBe('El niño lloró en el parque')
    expect(row.setting).toBe('park')
  })
})

describe('CSV import: commit', () => {
  it('stores every row through intake (language, redaction, encryption) and audits one entry without text', async () => {
    const caller = callerFor(db, env, submitterA)
    const { id } = await caller.import.upload({ fileName: 'good.csv', content: file(GOOD) })
    const before = await countFor(orgA.id)
    const result = await caller.import.commit({ id, mapping: (await caller.import.preview({ id })).mapping })
    expect(result).toMatchObject({ count: 2, skipped: 0, organizationId: orgA.id })
    expect(await countFor(orgA.id)).toBe(before + 2)

    const rows = await db.selectFrom('submissions').selectAll().where('organization_id', '=', orgA.id).where('text_redacted', 'like', '%máscaras%').execute()
    expect(rows).toHaveLength(1)
    const row = rows[0]!
    expect(row.language).toBe('es')
    expect(row.text_redacted).toContain('[PHONE]')
    expect(row.text_redacted).not.toContain('Ana Torres')
    expect(decryptText(row.text_original_enc!, env.encryptionKey)).toContain('Ana Torres')
    expect(decryptText(row.text_original_enc!, env.encryptionKey)).toContain('escuela,\ny el LAPD')
    expect(row).toMatchObject({ incident_month: '2025-07', area: 'hollenbeck', setting: 'school', agencies: ['ice', 'lapd'], consent_quote: true, submitted_by: submitterA.id })

    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'import.commit').where('actor_user_id', '=', submitterA.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ rows: 2, organizationId: orgA.id, fileName: 'good.csv' })
    expect(JSON.stringify(audit.details)).not.toContain('Ana')

    // The upload is gone with the commit; a second commit finds nothing.
    await expect(caller.import.preview({ id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors.importGone' })
    await expect(caller.import.commit({ id, mapping: { text: 0 } })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(await caller.import.status({ id })).toMatchObject({ state: 'done', percent: 100, count: 2 })
  })

  it('indexes imported rows for near-duplicates like form submissions, so a later copy is flagged', async () => {
    const story = 'Agents in grey vests stopped every street vendor on the corner by the laundromat and asked each of them for papers before noon'
    const caller = callerFor(db, env, submitterA)
    const { id } = await caller.import.upload({ fileName: 'dup.csv', content: file(`Testimony\n"${story}."\n"Otro relato distinto sobre la clínica y las familias que ya no van a sus citas."\n`) })
    await caller.import.commit({ id, mapping: { text: 0 } })
    const imported = await db.selectFrom('submissions').select(['id', 'text_redacted']).where('organization_id', '=', orgA.id).where('text_redacted', 'like', 'Agents in grey vests%').executeTakeFirstOrThrow()
    const signature = await db.selectFrom('submission_signatures').select('lsh_keys').where('submission_id', '=', imported.id).executeTakeFirstOrThrow()
    expect(signature.lsh_keys).toEqual(signatureKeys(imported.text_redacted!))

    const copy = await caller.submission.create({ text: `${story}!`, agencies: [], consentQuote: false, consentContact: false })
    const flagged = await db.selectFrom('submissions').select('duplicate_of_id').where('id', '=', copy.id).executeTakeFirstOrThrow()
    expect(flagged.duplicate_of_id).toBe(imported.id)
  })

  it('refuses a file with any row error and stores nothing; "only valid rows" stores the valid ones', async () => {
    const caller = callerFor(db, env, submitterA)
    const { id } = await caller.import.upload({ fileName: 'mixed.csv', content: file(WITH_ERRORS) })
    const before = await countFor(orgA.id)
    const mapping = { text: 0, incidentMonth: 1, area: 2 }
    await expect(caller.import.commit({ id, mapping })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.importHasErrors' })
    expect(await countFor(orgA.id)).toBe(before)
    const result = await caller.import.commit({ id, mapping, skipInvalid: true })
    expect(result).toMatchObject({ count: 2, skipped: 2 })
    expect(await countFor(orgA.id)).toBe(before + 2)
  })

  // 1,200 rows are prepared in process, then inserted; 2,400 on worker threads while the first are inserted.
  it.each([
    { total: 1200, poison: 1100 },
    { total: 2400, poison: 2300 },
  ])('leaves the database untouched when a failure happens in the middle of the inserts ($total rows)', async ({ total, poison }) => {
    const rows = Array.from({ length: total }, (_, i) => `Testimony number ${i}${i === poison ? ' POISON' : ''} about agents at the park.`)
    const caller = callerFor(db, env, submitterB)
    const { id } = await caller.import.upload({ fileName: 'big.csv', content: file('Testimony\n' + rows.join('\n')) })
    const before = await countFor(orgB.id)
    const auditBefore = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    // A trigger that fails on the signature of a row near the end: most rows have already gone in by then.
    await sql`create function fail_on_poison() returns trigger language plpgsql as $$ begin if exists (select 1 from submissions where id = new.submission_id and text_redacted like '%POISON%') then raise exception 'injected failure'; end if; return new; end $$`.execute(db)
    await sql`create trigger fail_on_poison before insert on submission_signatures for each row execute function fail_on_poison()`.execute(db)
    try {
      await expect(caller.import.commit({ id, mapping: { text: 0 } })).rejects.toThrow()
    } finally {
      await sql`drop trigger fail_on_poison on submission_signatures`.execute(db)
      await sql`drop function fail_on_poison()`.execute(db)
    }
    expect(await countFor(orgB.id)).toBe(before)
    const auditAfter = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n))
    expect(await caller.import.status({ id })).toMatchObject({ state: 'failed' })
    // The upload is still there: once the cause is fixed, the same import goes through.
    expect((await caller.import.commit({ id, mapping: { text: 0 } })).count).toBe(total)
    expect(await countFor(orgB.id)).toBe(before + total)
  }, 120_000)
})

describe('CSV import: progress while the commit runs', () => {
  it('answers the session that started a commit from memory while the inserts hold the connection, and no one else', async () => {
    const sessionId = 'a'.repeat(64)
    const caller = callerFor(db, env, submitterB, { sessionId })
    const rows = Array.from({ length: 6000 }, (_, i) => `Testimony ${i}: agents came to the car wash on Figueroa and my cousin ran.`)
    const { id } = await caller.import.upload({ fileName: 'progress.csv', content: file('Testimony\n' + rows.join('\n')) })
    expect(runningImportStatus(id, sessionId)).toBeNull() // nothing running yet
    const commit = caller.import.commit({ id, mapping: { text: 0 } })
    const seen: { phase: string; percent: number; done: number }[] = []
    // While the commit runs, the database is not asked: this loop never awaits a query.
    let finished = false
    void commit.finally(() => (finished = true)).catch(() => {})
    while (!finished) {
      const status = runningImportStatus(id, sessionId)
      if (status) {
        expect(status.state).toBe('running')
        expect(runningImportStatus(id, 'b'.repeat(64))).toBeNull() // another session
        seen.push(status)
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    // Above 50 % some rows are saved: the answers kept coming while the transaction was inserting.
    expect(seen.some((s) => s.percent > 50 && s.percent < 100)).toBe(true)
    expect(seen.every((s) => s.done <= 6000)).toBe(true)
    expect((await commit).count).toBe(6000)
    // Finished: the usual procedure answers (with the database), not the shortcut.
    expect(runningImportStatus(id, sessionId)).toBeNull()
    expect(await caller.import.status({ id })).toMatchObject({ state: 'done', percent: 100 })
  }, 120_000)
})

describe('CSV import: who may import where', () => {
  it('keeps submitters in their own organization and uploads private to their uploader', async () => {
    await expect(callerFor(db, env, submitterA).import.upload({ fileName: 'x.csv', content: file(GOOD), organizationId: orgB.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const { id } = await callerFor(db, env, submitterA).import.upload({ fileName: 'x.csv', content: file(GOOD), organizationId: orgA.id })
    for (const other of [submitterB, facilitator]) {
      await expect(callerFor(db, env, other).import.preview({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(callerFor(db, env, other).import.commit({ id, mapping: { text: 0 } })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      await expect(callerFor(db, env, other).import.errorRows({ id, mapping: { text: 0 } })).rejects.toMatchObject({ code: 'NOT_FOUND' })
      expect(await callerFor(db, env, other).import.status({ id })).toMatchObject({ state: 'idle' })
    }
  })

  it('lets facilitators import into the organization they choose, and only one that exists', async () => {
    const caller = callerFor(db, env, facilitator)
    await expect(caller.import.upload({ fileName: 'x.csv', content: file(GOOD) })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'errors.organizationRequired' })
    await expect(caller.import.upload({ fileName: 'x.csv', content: file(GOOD), organizationId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ message: 'errors.organizationRequired' })
    const beforeA = await countFor(orgA.id)
    const beforeB = await countFor(orgB.id)
    const { id } = await caller.import.upload({ fileName: 'x.csv', content: file(GOOD), organizationId: orgB.id })
    await caller.import.commit({ id, mapping: (await caller.import.preview({ id })).mapping })
    expect(await countFor(orgB.id)).toBe(beforeB + 2)
    expect(await countFor(orgA.id)).toBe(beforeA)
    const mine = await callerFor(db, env, submitterA).submission.mine({ pageSize: 100 })
    expect(mine.items.every((s) => s.organizationId === orgA.id)).toBe(true)
  })

  it('refuses other roles, anonymous callers, and mutations without CSRF', async () => {
    for (const role of ['commission', 'admin'] as const) {
      const caller = callerFor(db, env, await makeUser(db, role))
      await expect(caller.import.upload({ fileName: 'x.csv', content: file(GOOD), organizationId: orgA.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.import.preview({ id: 'a'.repeat(24) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.import.commit({ id: 'a'.repeat(24), mapping: { text: 0 } })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.import.status({ id: 'a'.repeat(24) })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(callerFor(db, env, null).import.preview({ id: 'a'.repeat(24) })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    const noCsrf = callerFor(db, env, submitterA, { csrf: false })
    await expect(noCsrf.import.upload({ fileName: 'x.csv', content: file(GOOD) })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'errors.csrf' })
    await expect(noCsrf.import.commit({ id: 'a'.repeat(24), mapping: { text: 0 } })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'errors.csrf' })
  })

  it('forgets uploads after they expire', async () => {
    const now = new Date()
    const { id } = await callerFor(db, env, submitterA, { now }).import.upload({ fileName: 'x.csv', content: file(GOOD) })
    const later = new Date(now.getTime() + 2 * 60 * 60 * 1000)
    await expect(callerFor(db, env, submitterA, { now: later }).import.preview({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('CSV import: rows with errors as a CSV', () => {
  it('gives back only the rows with errors, as they were, with an error column in the user language', async () => {
    const caller = callerFor(db, env, submitterA)
    const { id } = await caller.import.upload({ fileName: 'mixed.csv', content: file(WITH_ERRORS) })
    const mapping = { text: 0, incidentMonth: 1, area: 2 }
    const english = await caller.import.errorRows({ id, mapping })
    expect(english.fileName).toBe('mixed-errors.csv')
    expect(english.rowCount).toBe(2)
    const records = parseCsv(english.csv.replace(/^\uFEFF/, '')).map((r) => r.cells)
    expect(records[0]).toEqual(['Testimony', 'Month', 'Area', 'error'])
    expect(records[1]).toEqual(['', '2025-07', 'rampart', 'Row 3: Testimony: This field is required.'])
    expect(records[2]![3]).toContain('Row 4: Month:')
    expect(records[2]![3]).toContain('LAPD Area: Choose one of the options.')
    const spanish = await caller.import.errorRows({ id, mapping, locale: 'es' })
    expect(spanish.csv).toContain('Fila 3: Testimonio: Este campo es obligatorio.')
  })

  it('writes uploaded cells formula-safe in the error rows, as the report CSVs do (issue 13, finding 7)', async () => {
    const caller = callerFor(db, env, submitterA)
    const hostile = 'Testimony,Month,Area\n"=cmd|\' /C calc\'!A0",2025-13,@SUM(1+1)\n+1+1,-2+3,\tx\n'
    const { id } = await caller.import.upload({ fileName: 'hostile.csv', content: file(hostile) })
    const { csv, rowCount } = await caller.import.errorRows({ id, mapping: { text: 0, incidentMonth: 1, area: 2 } })
    expect(rowCount).toBe(2)
    const records = parseCsv(csv.replace(/^\uFEFF/, '')).map((r) => r.cells)
    expect(records[1]!.slice(0, 3)).toEqual(["'=cmd|' /C calc'!A0", '2025-13', "'@SUM(1+1)"])
    expect(records[2]!.slice(0, 2)).toEqual(["'+1+1", "'-2+3"])
    for (const cell of records.flat()) expect(cell).not.toMatch(/^\s*[=+\-@]/)
  })
})

describe('CSV import from the command line', () => {
  it('refuses a bad file with its errors and leaves the database unchanged', async () => {
    const before = await countFor(orgA.id)
    const result = await importCsvFile(db, env, { organizationSlug: orgA.slug, fileName: 'mixed.csv', content: file(WITH_ERRORS) })
    expect(result).toMatchObject({ ok: false, reason: 'errors.importHasErrors' })
    expect(!result.ok && result.errors.map((e) => e.row)).toEqual([3, 4, 4])
    expect(await importCsvFile(db, env, { organizationSlug: 'no-such-org', fileName: 'x.csv', content: file(GOOD) })).toMatchObject({ ok: false, reason: 'errors.organizationRequired' })
    expect(await countFor(orgA.id)).toBe(before)
    expect(await importCsvFile(db, env, { organizationSlug: orgA.slug, fileName: 'good.csv', content: file(GOOD) })).toMatchObject({ ok: true, count: 2 })
    expect(await countFor(orgA.id)).toBe(before + 2)
  })

  it('prepares large files on worker threads with the same result as in process', async () => {
    const org = await makeOrganization(db, 'Large File Org')
    const lines = Array.from({ length: 2400 }, (_, i) => `"Testimony ${i}: my name is Maria Lopez and my phone is 213-555-${String(1000 + (i % 9000)).padStart(4, '0')}.",${(i % 12) + 1}/2025`)
    const result = await importCsvFile(db, env, { organizationSlug: org.slug, fileName: 'large.csv', content: file(`Testimony,Month\n${lines.join('\n')}\n`) })
    expect(result).toMatchObject({ ok: true, count: 2400 })
    const rows = await db
      .selectFrom('submissions as s')
      .leftJoin('submission_signatures as sig', 'sig.submission_id', 's.id')
      .select(['s.text_redacted', 's.text_original_enc', 's.incident_month', 'sig.lsh_keys'])
      .where('s.organization_id', '=', org.id)
      .execute()
    expect(rows).toHaveLength(2400)
    for (const row of rows) {
      const original = decryptText(row.text_original_enc!, env.encryptionKey)
      const n = Number(/^Testimony (\d+):/.exec(original)![1])
      // Each stored row is its own input: redacted text, original and month belong together.
      expect(row.text_redacted).toMatch(new RegExp(`^Testimony ${n}: `))
      expect(row.text_redacted).not.toContain('213-555')
      expect(row.incident_month).toBe(`2025-${String((n % 12) + 1).padStart(2, '0')}`)
      expect(row.lsh_keys).toEqual(signatureKeys(row.text_redacted!))
    }
  }, 120_000)
})
