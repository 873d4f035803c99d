import { describe, expect, it } from 'vitest'
import { assignToClusters, clusterDocuments, ClusterModelSchema, type InputDocument } from './index'

const THEMES: Record<string, { en: string[]; es: string[] }> = {
  carwash: {
    en: [
      'Masked agents raided the car wash on Figueroa and detained three workers.',
      'Men in masks with no badges grabbed workers at the car wash.',
      'ICE agents wearing masks raided the car wash where my husband works.',
      'At the car wash, masked federal agents detained the day laborers.',
    ],
    es: [
      'Agentes enmascarados hicieron una redada en el lavado de autos y detuvieron a tres trabajadores.',
      'Hombres con máscaras y sin placas agarraron a los trabajadores del lavado de carros.',
      'La migra con pasamontañas llegó al car wash donde trabaja mi esposo.',
      'En el lavado de autos, agentes federales enmascarados detuvieron a los jornaleros.',
    ],
  },
  school: {
    en: [
      'Parents are afraid to take their children to school since the raids.',
      'My kids are scared to go to school; teachers say attendance dropped.',
      'Children cried at school drop-off because they feared their parents would be taken.',
      'The school sent a letter about keeping students safe, but families are still afraid.',
    ],
    es: [
      'Los padres tienen miedo de llevar a sus hijos a la escuela desde las redadas.',
      'Mis hijos tienen miedo de ir a la escuela; los maestros dicen que faltan alumnos.',
      'Los niños lloraban en la escuela porque temían que se llevaran a sus padres.',
      'La escuela mandó una carta sobre la seguridad de los estudiantes, pero las familias siguen con miedo.',
    ],
  },
  protest: {
    en: [
      'Police fired tear gas and rubber bullets at the protest downtown.',
      'At the protest, officers used pepper spray and batons on the crowd.',
      'LAPD shot rubber bullets at peaceful protesters near City Hall.',
      'The crowd control at the march was violent: tear gas, flash bangs and batons.',
    ],
    es: [
      'La policía disparó gas lacrimógeno y balas de goma en la protesta del centro.',
      'En la protesta, los oficiales usaron gas pimienta y macanas contra la gente.',
      'El LAPD disparó balas de goma a manifestantes pacíficos cerca del ayuntamiento.',
      'El control de multitudes en la marcha fue violento: gas lacrimógeno y balas de goma.',
    ],
  },
}

function corpus(): (InputDocument & { theme: string })[] {
  const docs: (InputDocument & { theme: string })[] = []
  for (const [theme, { en, es }] of Object.entries(THEMES)) {
    en.forEach((text, i) => docs.push({ id: `${theme}-en-${i}`, text, lang: 'en', theme, quotable: i % 2 === 0 }))
    es.forEach((text, i) => docs.push({ id: `${theme}-es-${i}`, text, lang: 'es', theme, quotable: i % 2 === 0 }))
  }
  return docs
}

describe('clusterDocuments', () => {
  it('groups English and Spanish testimony about the same event together', () => {
    const docs = corpus()
    const result = clusterDocuments(docs, { seed: 1, k: 3 })
    expect(result.k).toBe(3)
    for (const theme of Object.keys(THEMES)) {
      const clusters = docs.map((d, i) => (d.theme === theme ? result.assignments[i].cluster : null)).filter((c) => c !== null)
      const counts = new Map<number, number>()
      for (const c of clusters) counts.set(c!, (counts.get(c!) ?? 0) + 1)
      // At least 7 of the 8 accounts of a theme, in both languages, share one cluster.
      expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(7)
    }
  })

  it('describes each cluster: size, language mix, key terms in both languages, representatives, summary', () => {
    const docs = corpus()
    const result = clusterDocuments(docs, { seed: 1, k: 3, quotableOnly: true })
    const quotable = new Set(docs.filter((d) => d.quotable).map((d) => d.id))
    expect(result.clusters.map((c) => c.size).reduce((a, b) => a + b, 0) + result.unclustered).toBe(docs.length)
    for (const c of result.clusters) {
      expect(c.languageMix.en + c.languageMix.es).toBe(c.size)
      expect(c.keyTerms.en.length).toBeGreaterThan(0)
      expect(c.keyTerms.es.length).toBeGreaterThan(0)
      expect(c.representatives.length).toBeGreaterThan(0)
      expect(c.representatives.length).toBeLessThanOrEqual(5)
      expect(c.summarySentences.length).toBeLessThanOrEqual(3)
      for (const s of c.summarySentences) expect(quotable.has(s.documentId)).toBe(true)
    }
    // Clusters are numbered by size, largest first.
    const sizes = result.clusters.map((c) => c.size)
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes)
    const protest = result.clusters.find((c) => c.keyTerms.en.some((t) => /tear gas|rubber|protest/.test(t)))!
    expect(protest.keyTerms.es.join(' ')).toMatch(/gas lacrimógeno|balas de goma|protesta/)
  })

  it('is reproducible: same input and seed, identical result', () => {
    const a = clusterDocuments(corpus(), { seed: 7 })
    const b = clusterDocuments(corpus(), { seed: 7 })
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
  })

  it('chooses k within the range when none is given', () => {
    const result = clusterDocuments(corpus(), { seed: 1, kRange: [2, 5] })
    expect(result.k).toBeGreaterThanOrEqual(2)
    expect(result.k).toBeLessThanOrEqual(5)
    expect(result.kScores?.map((s) => s.k)).toEqual([2, 3, 4, 5])
  })

  it('leaves empty, emoji-only and placeholder-only texts unclustered', () => {
    const docs = [...corpus(), { id: 'empty', text: '' }, { id: 'emoji', text: '🙏😢' }, { id: 'redacted', text: '[NAME] [PHONE]' }]
    const result = clusterDocuments(docs, { seed: 1, k: 3 })
    const byId = new Map(result.assignments.map((a) => [a.id, a.cluster]))
    expect(byId.get('empty')).toBe(-1)
    expect(byId.get('emoji')).toBe(-1)
    expect(byId.get('redacted')).toBe(-1)
    expect(result.unclustered).toBeGreaterThanOrEqual(3)
  })

  it('copes with a corpus smaller than k, a single document, one-word texts and no documents', () => {
    const two = clusterDocuments([{ id: 'a', text: 'redada' }, { id: 'b', text: 'tear gas at the protest' }], { seed: 1, k: 5 })
    expect(two.k).toBe(2)
    expect(new Set(two.assignments.map((a) => a.cluster))).toEqual(new Set([0, 1]))
    const one = clusterDocuments([{ id: 'a', text: 'masks' }], { seed: 1 })
    expect(one.assignments).toEqual([{ id: 'a', cluster: 0, similarity: expect.any(Number) }])
    const allEmpty = clusterDocuments([{ id: 'a', text: '' }, { id: 'b', text: '🙂' }], { seed: 1, k: 3 })
    expect(allEmpty.assignments.map((a) => a.cluster)).toEqual([-1, -1])
    expect(allEmpty.clusters).toEqual([])
    const copies = clusterDocuments(Array.from({ length: 30 }, (_, i) => ({ id: String(i), text: 'Masked agents at the car wash' })), { seed: 1, k: 3 })
    expect(copies.assignments.every((a) => a.cluster >= 0)).toBe(true)
    const none = clusterDocuments([], { seed: 1 })
    expect(none).toMatchObject({ k: 0, assignments: [], clusters: [], unclustered: 0 })
  })

  it('uses an English translation for features when one is given', () => {
    const docs: InputDocument[] = [
      { id: 'en1', text: 'The sheriff deputies blocked the street near the swap meet', lang: 'en' },
      { id: 'en2', text: 'Deputies blocked the street by the swap meet again', lang: 'en' },
      { id: 'en3', text: 'Tear gas at the protest downtown', lang: 'en' },
      { id: 'en4', text: 'Protest downtown, tear gas again', lang: 'en' },
      { id: 'es1', text: 'Los ayudantes del alguacil cerraron la calle junto al tianguis', lang: 'es', translation: 'The sheriff deputies closed the street next to the swap meet' },
    ]
    const result = clusterDocuments(docs, { seed: 1, k: 2 })
    const byId = new Map(result.assignments.map((a) => [a.id, a.cluster]))
    expect(byId.get('es1')).toBe(byId.get('en1'))
  })

  it('uses a Spanish translation of an English text as a second view', () => {
    // No shared words, concepts or cognates between the English texts and the Spanish ones:
    // only the English texts' Spanish translations can bring them together.
    const docs: InputDocument[] = [
      { id: 'es1', text: 'El perro del vecino ladra toda la noche', lang: 'es' },
      { id: 'es2', text: 'Ese perro ladra mucho', lang: 'es' },
      { id: 'es3', text: 'Las gallinas blancas del patio', lang: 'es' },
      { id: 'es4', text: 'Mis gallinas blancas', lang: 'es' },
      { id: 'en1', text: 'That dog barks a lot', lang: 'en', translation: 'Ese perro ladra mucho' },
      { id: 'en2', text: 'The hens are white', lang: 'en', translation: 'Las gallinas son blancas' },
    ]
    const result = clusterDocuments(docs, { seed: 1, k: 2 })
    const byId = new Map(result.assignments.map((a) => [a.id, a.cluster]))
    expect(byId.get('en1')).toBe(byId.get('es1'))
    expect(byId.get('en2')).toBe(byId.get('es3'))
    expect(byId.get('en1')).not.toBe(byId.get('en2'))
    expect(result.clusters[byId.get('en1')!].keyTerms.en).toContain('dog')
  })
})

describe('assignToClusters', () => {
  it('places new testimony in the matching cluster of a stored run, in either language', () => {
    const docs = corpus()
    const result = clusterDocuments(docs, { seed: 1, k: 3 })
    const stored = ClusterModelSchema.parse(JSON.parse(JSON.stringify(result.model)))
    const clusterOf = (id: string) => result.assignments.find((a) => a.id === id)!.cluster
    const placed = assignToClusters(stored, [
      { id: 'n1', text: 'Masked agents showed up at the car wash again and took two workers.', lang: 'en' },
      { id: 'n2', text: 'Tiraron gas lacrimógeno a la gente en la protesta.', lang: 'es' },
      { id: 'n3', text: '', lang: 'en' },
    ])
    expect(placed[0].cluster).toBe(clusterOf('carwash-en-0'))
    expect(placed[1].cluster).toBe(clusterOf('protest-en-0'))
    expect(placed[2].cluster).toBe(-1)
  })

  it('assigns the run’s own documents to their own clusters', () => {
    const docs = corpus()
    const result = clusterDocuments(docs, { seed: 3, k: 3 })
    const again = assignToClusters(result.model, docs)
    expect(again.map((a) => a.cluster)).toEqual(result.assignments.map((a) => a.cluster))
  })

  it('refuses a model built with a word list it is not given', () => {
    const result = clusterDocuments(corpus(), { seed: 1, k: 3, dictionary: { name: 'tiny', entries: { perro: 'dog' } } })
    expect(() => assignToClusters(result.model, [{ id: 'x', text: 'hola' }])).toThrow(/tiny/)
  })
})
