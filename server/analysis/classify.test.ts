import { describe, expect, it } from 'vitest'
import { generateDemoTestimonies } from '../demo/testimonies'
import {
  createTagPredictor,
  fitCalibration,
  MAX_SUGGESTIONS,
  MIN_CONFIDENCE,
  pickSuggestions,
  TagModelSchema,
  trainTagModel,
  trainTagModelSteps,
  type LabelledDocument,
} from './classify'

/** Three small topics in English and Spanish, plus one tag used twice (too few to learn). */
function fixture(): LabelledDocument[] {
  const docs: LabelledDocument[] = []
  const topics: [string, string[], string[]][] = [
    ['school', ['Agents waited outside the elementary school and the children were afraid at recess.', 'Parents kept their kids home from school after agents came to the playground.'], ['Los agentes esperaron afuera de la escuela y los niños tenían miedo en el recreo.', 'Los padres no mandaron a sus hijos a la escuela por los agentes en el patio.']],
    ['court', ['He was arrested in the hallway of the courthouse after his hearing.', 'Officers detained people leaving immigration court downtown.'], ['Lo arrestaron en el pasillo de la corte después de su audiencia.', 'Detuvieron a personas saliendo de la corte de inmigración en el centro.']],
    ['masks', ['The men wore masks and no badges, we could not tell who they were.', 'Masked agents without identification jumped out of an unmarked van.'], ['Los hombres llevaban máscaras y no tenían placas, no sabíamos quiénes eran.', 'Agentes con la cara cubierta y sin identificación bajaron de una camioneta.']],
  ]
  for (let copy = 0; copy < 4; copy++) {
    for (const [tag, en, es] of topics) {
      en.forEach((text, i) => docs.push({ id: `${tag}-en-${copy}-${i}`, text: `${text} Copy ${copy}.`, lang: 'en', tags: [tag] }))
      es.forEach((text, i) => docs.push({ id: `${tag}-es-${copy}-${i}`, text: `${text} Copia ${copy}.`, lang: 'es', tags: [tag] }))
    }
  }
  docs[0]!.tags = ['school', 'rare']
  docs[1]!.tags = ['school', 'rare']
  return docs
}

describe('tag classifier', () => {
  it('learns tags with enough examples, reports the rest, and suggests the right tag for new text in either language', () => {
    const { model, metrics } = trainTagModel(fixture(), { seed: 7 })
    expect(TagModelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model)
    expect(model.tags.map((t) => t.id)).toEqual(['court', 'masks', 'school'])
    expect(metrics.tooFew).toEqual({ rare: 2 })
    expect(metrics.documents).toBe(48)
    expect(metrics.folds).toBe(5)
    const predictor = createTagPredictor(model)
    const english = predictor.suggest({ id: 'n1', text: 'Agents in masks with no badges stopped my brother.', lang: 'en' })
    expect(english[0]).toMatchObject({ tagId: 'masks' })
    const spanish = predictor.suggest({ id: 'n2', text: 'Hubo arrestos en la corte cuando salían de la audiencia.', lang: 'es' })
    expect(spanish[0]).toMatchObject({ tagId: 'court' })
    for (const s of [...english, ...spanish]) {
      expect(s.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE)
      expect(s.confidence).toBeLessThan(1)
    }
    // Excluded tags (already applied, rejected before) are never proposed.
    const excluded = predictor.suggest({ id: 'n1', text: 'Agents in masks with no badges stopped my brother.', lang: 'en' }, new Set(['masks']))
    expect(excluded.map((s) => s.tagId)).not.toContain('masks')
  })

  it('uses the English machine translation of a Spanish text beside its own words', () => {
    const { model } = trainTagModel(fixture().filter((d) => d.lang === 'en'), { seed: 7 })
    const predictor = createTagPredictor(model)
    // Spanish words alone share little with English training text; the translation carries it.
    const doc = { id: 'n3', text: 'Aquel día fue terrible para todos nosotros.', lang: 'es' as const }
    const withTranslation = predictor.suggest({ ...doc, translation: 'That day was terrible for all of us at the elementary school playground.' })
    expect(withTranslation[0]?.tagId).toBe('school')
    expect(predictor.suggest(doc).map((s) => s.tagId)).not.toContain('school')
  })

  it('cross-validates with the production rule: per-tag precision is correct / suggested', () => {
    const { metrics } = trainTagModel(fixture(), { seed: 7 })
    let suggested = 0
    let correct = 0
    for (const [tag, m] of Object.entries(metrics.perTag)) {
      expect(m.positives, tag).toBe(16)
      expect(m.correct).toBeLessThanOrEqual(m.suggested)
      expect(m.precision).toBe(m.suggested ? m.correct / m.suggested : null)
      expect(m.recall).toBe(m.correct / m.positives)
      suggested += m.suggested
      correct += m.correct
    }
    expect(metrics.overall).toEqual({ suggested, correct, precision: correct / suggested })
    // At most three suggestions per held-out document.
    expect(suggested).toBeLessThanOrEqual(metrics.documents * MAX_SUGGESTIONS)
    expect(metrics.overall.precision).toBeGreaterThan(0.8)
  })

  it('is reproducible from its seed and yields progress while it works', () => {
    const docs = fixture()
    const a = trainTagModel(docs, { seed: 11 })
    const b = trainTagModel(docs, { seed: 11 })
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    const stages = new Set<string>()
    const steps = trainTagModelSteps(docs, { seed: 11 })
    let result = steps.next()
    for (; !result.done; result = steps.next()) stages.add(result.value.stage)
    expect([...stages]).toEqual(expect.arrayContaining(['cross-validate', 'fit']))
    expect(JSON.stringify(result.value)).toBe(JSON.stringify(a))
  })

  it('learns nothing, and suggests nothing, from too few taggings', () => {
    const { model, metrics } = trainTagModel(fixture().slice(0, 4), { seed: 1 })
    expect(model.tags).toEqual([])
    expect(metrics.overall).toEqual({ suggested: 0, correct: 0, precision: null })
    expect(createTagPredictor(model).suggest({ id: 'x', text: 'masks and badges' })).toEqual([])
  })

  it('on the demo corpus: held-out precision near what cross-validation promised, and confidences that mean what they say', () => {
    const testimonies = generateDemoTestimonies({ count: 720, seed: 2025 })
    const labelled = testimonies.map((t, i) => ({ id: String(i), text: t.text, lang: t.lang, tags: [t.theme, ...t.secondaryThemes] }))
    const train = labelled.slice(0, 360).filter((_, i) => i % 3 !== 2) // the seed's tagged two thirds
    const { model, metrics } = trainTagModel(train, { seed: 1 })
    const predictor = createTagPredictor(model)
    let suggested = 0
    let correct = 0
    let confidence = 0
    for (const doc of labelled.slice(360)) {
      for (const s of predictor.suggest(doc)) {
        suggested++
        confidence += s.confidence
        if (doc.tags.includes(s.tagId)) correct++
      }
    }
    const heldOut = correct / suggested
    expect(metrics.overall.precision!).toBeGreaterThan(0.7)
    expect(heldOut).toBeGreaterThan(0.7)
    expect(Math.abs(heldOut - metrics.overall.precision!)).toBeLessThan(0.1)
    // Calibrated: the mean confidence of what is suggested is close to how often it is right.
    expect(Math.abs(confidence / suggested - heldOut)).toBeLessThan(0.1)
  })
})

describe('pieces', () => {
  it('picks at most `max` tags at or above the threshold, most confident first, skipping exclusions', () => {
    expect(pickSuggestions([0.2, 0.9, 0.5, 0.7, 0.6], 0.4, 3)).toEqual([1, 3, 4])
    expect(pickSuggestions([0.2, 0.9, 0.5, 0.7, 0.6], 0.4, 3, (t) => t === 1)).toEqual([3, 4, 2])
    expect(pickSuggestions([0.1, 0.2], 0.4, 3)).toEqual([])
  })

  it('Platt calibration maps over-spread log-odds back to frequencies', () => {
    // Log-odds twice as large as they should be: the fitted slope is about one half.
    const logits: number[] = []
    const labels: number[] = []
    for (let i = 0; i < 4000; i++) {
      const truth = -3 + (6 * i) / 4000
      const p = 1 / (1 + Math.exp(-truth))
      logits.push(2 * truth)
      labels.push(((i * 7919) % 1000) / 1000 < p ? 1 : 0)
    }
    const { a, b } = fitCalibration(logits, labels)
    expect(a).toBeGreaterThan(0.4)
    expect(a).toBeLessThan(0.6)
    expect(Math.abs(b)).toBeLessThan(0.2)
    expect(fitCalibration([1, 2], [1, 1])).toEqual({ a: 1, b: 0 })
  })
})
