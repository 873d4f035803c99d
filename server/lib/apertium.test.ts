import { describe, expect, it } from 'vitest'
import { ENTITY_TYPES, placeholder, redact } from '../analysis/redact'
import { isApertiumAvailable, protectPlaceholders, protectingPlaceholders, restorePlaceholders, translate, type TextTranslator } from './apertium'

const ALL_PLACEHOLDERS = ENTITY_TYPES.map(placeholder)

/**
 * A stand-in for a machine translator that does to placeholders what Apertium did: it translates
 * the words inside the brackets ("[A-NUMBER]" → "[To-NUMBER]", "[NAME]" → "[NOMBRE]") and changes
 * the case of what it does not know. Only what placeholder protection hides from it survives.
 */
const mangling: TextTranslator = async (texts) =>
  texts.map((t) =>
    t
      .replace(/\bA-/g, 'To-')
      .replace(/NAME/g, 'NOMBRE')
      .replace(/ADDRESS/g, 'ALOCUCIÓN')
      .replace(/\[([A-Z]+)\]/g, (_, w: string) => `[${w[0]}${w.slice(1).toLowerCase()}]`)
      .replace(/llegó/g, 'arrived'),
  )

describe('placeholder protection (no Apertium needed)', () => {
  it('swaps every placeholder for a mark and puts it back', () => {
    const text = `Mi hermano ${ALL_PLACEHOLDERS.join(', ')} y [PHONE_NUMBER] [DIRECCIÓN].`
    const { text: guarded, placeholders } = protectPlaceholders(text)
    expect(guarded).not.toMatch(/\[/)
    expect(placeholders).toEqual([...ALL_PLACEHOLDERS, '[PHONE_NUMBER]', '[DIRECCIÓN]'])
    expect(restorePlaceholders(guarded, placeholders)).toBe(text)
  })

  it('reports a mark that was lost, changed or doubled', () => {
    const { text, placeholders } = protectPlaceholders('[NAME] y [A-NUMBER]')
    expect(restorePlaceholders(text.replace('⟦VQP1⟧', ''), placeholders)).toBeNull()
    expect(restorePlaceholders(text.replace('⟦VQP1⟧', '⟦VQP0⟧'), placeholders)).toBeNull()
    expect(restorePlaceholders(text + ' ⟦VQP7⟧', placeholders)).toBeNull()
  })

  it('keeps every placeholder exact through a translator that mangles them', async () => {
    const texts = ALL_PLACEHOLDERS.map((p) => `${p} llegó con ${p}.`)
    expect(await mangling(texts, 'spa-eng')).not.toEqual(texts.map((t) => t.replace('llegó', 'arrived'))) // the stand-in does mangle
    const out = await protectingPlaceholders(mangling)(texts, 'spa-eng')
    expect(out).toEqual(texts.map((t) => t.replace('llegó', 'arrived')))
  })

  it('returns a text untranslated rather than lose a placeholder', async () => {
    const dropping: TextTranslator = async (texts) => texts.map((t) => t.replace(/⟦VQP\d+⟧/g, 'someone'))
    expect(await protectingPlaceholders(dropping)(['[NAME] llegó.', 'Nada que proteger.'], 'spa-eng')).toEqual(['[NAME] llegó.', 'Nada que proteger.'])
  })
})

describe.skipIf(!isApertiumAvailable('spa-eng'))('apertium', () => {
  it('translates many Spanish texts through one process, in order', async () => {
    const out = await translate(['La policía llegó a la escuela.', '', 'Mi vecino tiene miedo.\nSegunda línea.', 'niño'], 'spa-eng')
    expect(out).toHaveLength(4)
    expect(out[0].toLowerCase()).toContain('police')
    expect(out[0].toLowerCase()).toContain('school')
    expect(out[1]).toBe('')
    expect(out[2].toLowerCase()).toMatch(/neighbou?r/)
    expect(out[3].toLowerCase()).toMatch(/boy|child/)
  })

  it('keeps redaction placeholders and numbers', async () => {
    const [out] = await translate(['[NAME] llamó al 911.'], 'spa-eng')
    expect(out).toContain('[NAME]')
    expect(out).toContain('911')
  })

  it.skipIf(!isApertiumAvailable('eng-spa'))('never alters a placeholder, of any type, in either direction', async () => {
    // Apertium used to give "[To-NUMBER]" for "[A-NUMBER]" and "[ALOCUCIÓN]" for "[ADDRESS]".
    const es = redact('Mi hermano Julio Pérez, A-123456789, vive en 1234 W Olympic Blvd; IP 10.0.0.7, placa 7ABC123.').redacted
    const en = redact('My brother Julio Pérez, A-number A123456789, lives at 1234 W Olympic Blvd; tel 323-555-0147.').redacted
    const sentences = ALL_PLACEHOLDERS.map((p) => `El ${p} llegó y ${p} se fue.`)
    const toEnglish = await translate([es, ...sentences], 'spa-eng')
    const toSpanish = await translate([en, ...ALL_PLACEHOLDERS.map((p) => `The ${p} arrived and ${p} left.`)], 'eng-spa')
    const bracketed = (s: string) => s.match(/\[[^\]]*\]/g) ?? []
    expect(bracketed(toEnglish[0])).toEqual(bracketed(es))
    expect(bracketed(toSpanish[0])).toEqual(bracketed(en))
    ALL_PLACEHOLDERS.forEach((p, i) => {
      expect(bracketed(toEnglish[i + 1])).toEqual([p, p])
      expect(bracketed(toSpanish[i + 1])).toEqual([p, p])
    })
    expect(toEnglish[1].toLowerCase()).toContain('arrived')
  })
})
