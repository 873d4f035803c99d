import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { isApertiumAvailable, translate } from '../../server/lib/apertium'
import { translatePending, type Translator } from '../../server/services/translation'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let submitter: SessionUser
let facilitator: SessionUser

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  submitter = await makeUser(db, 'submitter', (await makeOrganization(db)).id)
  facilitator = await makeUser(db, 'facilitator')
})
afterAll(() => close())

const base = { agencies: [], consentQuote: false, consentContact: false }
const seen: { texts: string[]; pair: string }[] = []
const fake: Translator = async (texts, pair) => {
  seen.push({ texts, pair })
  return texts.map((text) => `${pair}: ${text}`)
}

describe('machine translation of redacted testimony', () => {
  it('translates Spanish to English and English to Spanish from the redacted text, once', async () => {
    const es = await callerFor(db, env, submitter).submission.create({ ...base, text: 'Me llamo Lucía Gómez y los agentes estaban en la escuela.' })
    const en = await callerFor(db, env, submitter).submission.create({ ...base, text: 'The agents were at the park with masks.' })
    expect(await translatePending(db, fake)).toBe(2)
    const spanish = await callerFor(db, env, facilitator).submission.byId({ id: es.id })
    expect(spanish.translationEn).toMatch(/^spa-eng: Me llamo \[NAME\]/)
    expect(spanish.translationEn).not.toContain('Lucía')
    expect((await callerFor(db, env, facilitator).submission.byId({ id: en.id })).translationEs).toBe('eng-spa: The agents were at the park with masks.')
    expect(seen.flatMap((s) => s.texts).join(' ')).not.toContain('Lucía')
    // Nothing left to do: a second run translates nothing.
    expect(await translatePending(db, fake)).toBe(0)
  })

  it('leaves withdrawn testimony alone', async () => {
    const created = await callerFor(db, env, submitter).submission.create({ ...base, text: 'Los policías no hicieron nada cuando llegó la migra.' })
    await callerFor(db, env, submitter).submission.withdraw({ code: created.receiptCode })
    expect(await translatePending(db, fake)).toBe(0)
  })

  it.skipIf(!isApertiumAvailable('spa-eng'))('works with Debian’s Apertium when installed', async () => {
    const created = await callerFor(db, env, submitter).submission.create({ ...base, text: 'Los agentes detuvieron a mi vecino frente a la escuela.' })
    expect(await translatePending(db, (texts, pair) => translate(texts, pair))).toBeGreaterThanOrEqual(1)
    const row = await callerFor(db, env, facilitator).submission.byId({ id: created.id })
    expect(row.translationEn?.toLowerCase()).toContain('school')
  })
})
