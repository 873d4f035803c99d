/**
 * The background translation job never stores an altered placeholder, whatever translates:
 * a stand-in that mangles placeholders as Apertium did ("[A-NUMBER]" → "[To-NUMBER]") without
 * Apertium, and Debian's Apertium itself when it is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { startTranslationJob } from '../../server/jobs/translation'
import { isApertiumAvailable } from '../../server/lib/apertium'
import type { SessionUser } from '../../server/services/auth'
import type { Translator } from '../../server/services/translation'
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
const mangling: Translator = async (texts) =>
  texts.map((t) => t.replace(/\bA-/g, 'To-').replace(/NAME/g, 'NOMBRE').replace(/ADDRESS/g, 'ALOCUCIÓN').replace(/\bIP\b/g, 'Ip'))

async function translatedBy(translator: Translator | undefined, text: string, column: 'translationEn' | 'translationEs') {
  const created = await callerFor(db, env, submitter).submission.create({ ...base, text })
  const stop = startTranslationJob(db, { translator, intervalMs: 50, log: () => {} })
  try {
    for (let waited = 0; waited < 60_000; waited += 100) {
      const row = await callerFor(db, env, facilitator).submission.byId({ id: created.id })
      if (row[column]) return { redacted: row.text as string, translated: row[column] as string }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('no translation within 60 s')
  } finally {
    stop()
  }
}

const placeholders = (s: string) => s.match(/\[[^\]]*\]/g) ?? []

describe('translation job: placeholders', () => {
  it('stores every placeholder unchanged through a translator that mangles them', async () => {
    const { redacted, translated } = await translatedBy(
      mangling,
      'Mi hermano Julio Pérez, A-123456789, vive en 1234 W Olympic Blvd; desde la IP 10.0.0.7 escribía a los agentes.',
      'translationEn',
    )
    expect(placeholders(redacted)).toEqual(['[NAME]', '[A-NUMBER]', '[ADDRESS]', '[IP]'])
    expect(placeholders(translated)).toEqual(placeholders(redacted))
  })

  it.skipIf(!isApertiumAvailable('spa-eng') || !isApertiumAvailable('eng-spa'))('and through Debian’s Apertium', async () => {
    const { redacted, translated } = await translatedBy(undefined, 'Su número A es A-987654321 y la dirección es 55 Calle Soto, 3A; llamen al 323-555-0147.', 'translationEn')
    expect(placeholders(redacted)).toEqual(['[A-NUMBER]', '[ADDRESS]', '[PHONE]'])
    expect(placeholders(translated)).toEqual(placeholders(redacted))
  })
})
