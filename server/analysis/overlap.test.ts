import { describe, expect, it } from 'vitest'
import { overlapWords, sentences, sharesRun, withoutCopiedSentences } from './overlap'

const testimony = 'Allá por julio, llegaron agentes con chalecos al parque donde vendo elotes y se llevaron a mi vecino sin decir nada.'

describe('sharesRun', () => {
  it('finds eight consecutive words, whatever the case, accents and punctuation', () => {
    expect(sharesRun('Según una persona, "LLEGARON agentes con chalecos al parque donde vendo" cosas.', testimony)).toBe(true)
    expect(sharesRun('alla por julio llegaron agentes con chalecos al', testimony)).toBe(true)
  })

  it('does not fire on seven words, or on the same words in another order', () => {
    expect(sharesRun('llegaron agentes con chalecos al parque donde', testimony)).toBe(false)
    expect(sharesRun('agentes llegaron con chalecos al parque donde vendo elotes', testimony)).toBe(false)
    expect(sharesRun('People described agents in vests arriving at parks in July.', testimony)).toBe(false)
  })

  it('counts a placeholder as one word, and takes another run length', () => {
    const source = 'My name is [NAME] and I live alone in El Sereno since 2019.'
    expect(sharesRun('they said: name is [NAME] and I live alone in El', source)).toBe(true)
    expect(sharesRun('I live alone in El Sereno', source, 6)).toBe(true)
    expect(sharesRun('I live alone in El Sereno', source)).toBe(false)
    expect(overlapWords('[NAME] llegó, ¿no?')).toEqual(['[name]', 'llego', 'no'])
  })
})

describe('withoutCopiedSentences', () => {
  it('drops the sentences of a draft copied from the source and keeps the rest', () => {
    const other = 'Agents waited outside the clinic for hours. Nobody gave a name.'
    const draft = `${testimony} ${other}`
    expect(withoutCopiedSentences(draft, testimony)).toBe(other)
    expect(sentences(draft)).toHaveLength(3)
  })

  it('drops a short sentence copied whole, and keeps a draft that copied nothing', () => {
    expect(withoutCopiedSentences('Me dio miedo. Other people stayed home.', 'Me dio miedo. No salí.')).toBe('Other people stayed home.')
    expect(withoutCopiedSentences('Other people stayed home.', testimony)).toBe('Other people stayed home.')
  })
})
