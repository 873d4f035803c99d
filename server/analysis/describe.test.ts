import { describe, expect, it } from 'vitest'
import { classTfIdf, diversePick, keyTermsFor, splitSentences, SurfaceForms } from './describe'

describe('classTfIdf', () => {
  it('ranks the words that set a cluster apart above words every cluster uses', () => {
    // feature ids: 0 = shared, 1 = raid, 2 = school
    const docs = [[0, 1, 1], [0, 1], [0, 2], [0, 2, 2]]
    const ranked = classTfIdf(docs, [0, 0, 1, 1], 2, 3, 3)
    expect(ranked[0][0]).toBe(1)
    expect(ranked[1][0]).toBe(2)
  })
  it('ignores unclustered documents', () => {
    const ranked = classTfIdf([[0], [1]], [0, -1], 1, 2, 5)
    expect(ranked[0]).toEqual([0])
  })
})

describe('SurfaceForms and keyTermsFor', () => {
  it('shows the most frequent original word per language, pairs through their words', () => {
    const forms = new SurfaceForms()
    forms.add('raid', 'raids', 'en')
    forms.add('raid', 'raids', 'en')
    forms.add('raid', 'raided', 'en')
    forms.add('raid', 'redadas', 'es')
    forms.add('car', 'car', 'en')
    forms.add('wash', 'wash', 'en')
    forms.add('~mask', 'máscaras', 'es')
    expect(forms.best('raid', 'en')).toBe('raids')
    expect(forms.best('car wash', 'en')).toBe('car wash')
    expect(forms.best('car wash', 'es')).toBeNull()
    expect(keyTermsFor(['raid', 'car wash', 'car', '~mask'], forms, 5)).toEqual({ en: ['raids', 'car wash'], es: ['redadas', 'máscaras'] })
  })
})

describe('diversePick', () => {
  it('skips a near-copy of an item already picked', () => {
    const relevance = [0.9, 0.89, 0.5]
    const similar = (a: number, b: number) => ((a === 0 && b === 1) || (a === 1 && b === 0) ? 0.99 : 0.1)
    expect(diversePick([0, 1, 2], (i) => relevance[i], similar, 2, 0.5)).toEqual([0, 2])
  })
})

describe('splitSentences', () => {
  it('splits after sentence ends and line breaks, keeping placeholders', () => {
    expect(splitSentences('Llegaron a las 6. ¿Por qué? [NAME] lo vio!\nOtra línea')).toEqual(['Llegaron a las 6.', '¿Por qué?', '[NAME] lo vio!', 'Otra línea'])
    expect(splitSentences('   ')).toEqual([])
  })
})
