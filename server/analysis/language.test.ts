import { describe, expect, it } from 'vitest'
import { detectLanguage } from './language'

const cases: [string, string, 'en' | 'es' | 'other'][] = [
  ['English', 'The agents came to the car wash in the morning and took two of the workers while we watched.', 'en'],
  ['English, short sentences', 'They had masks. No badges. My kids are scared to go to school now.', 'en'],
  ['Spanish', 'Los agentes llegaron al lavado de carros en la mañana y se llevaron a dos trabajadores mientras mirábamos.', 'es'],
  ['Spanish without accents', 'mi esposo estaba en la parada del bus cuando llegaron los de migracion y se lo llevaron', 'es'],
  ['Korean', '아침에 요원들이 세차장에 와서 노동자 두 명을 데려갔습니다.', 'other'],
  ['Chinese', '早上特工来到洗车场，带走了两名工人。', 'other'],
  ['Armenian', 'Գործակալները առավոտյան եկան և տարան երկու աշխատողի։', 'other'],
  ['Russian', 'Агенты пришли утром и забрали двух рабочих, пока мы смотрели.', 'other'],
  ['Farsi', 'ماموران صبح آمدند و دو کارگر را با خود بردند.', 'other'],
  ['Tagalog', 'Dumating ang mga ahente sa car wash at kinuha nila ang dalawang manggagawa habang nanonood kami.', 'other'],
  ['Vietnamese', 'Các đặc vụ đến tiệm rửa xe vào buổi sáng và bắt đi hai công nhân trong khi chúng tôi đứng nhìn.', 'other'],
  ['Portuguese', 'Os agentes chegaram de manhã e levaram dois trabalhadores enquanto nós olhávamos, não fizeram nada.', 'other'],
  ['French', 'Les agents sont venus le matin et ils ont emmené deux travailleurs pendant que nous regardions.', 'other'],
]

describe('detectLanguage', () => {
  it.each(cases)('%s', (_label, text, lang) => {
    const guess = detectLanguage(text)
    expect(guess.lang).toBe(lang)
    expect(guess.confidence).toBeGreaterThan(0.4)
  })

  it('takes the majority language of mixed English and Spanish text', () => {
    expect(detectLanguage('Ayer en la mañana llegaron muchos agentes de ICE y mi vecino dijo "they have no warrant" pero no les importó').lang).toBe('es')
    expect(detectLanguage('Yesterday morning the agents came and my neighbor said "no tienen orden" but they did not care at all').lang).toBe('en')
  })

  it('gives a default with low confidence to short or empty text', () => {
    expect(detectLanguage('')).toEqual({ lang: 'en', confidence: 0 })
    expect(detectLanguage('12/05 90033 !!!')).toEqual({ lang: 'en', confidence: 0 })
    expect(detectLanguage('ok').confidence).toBeLessThan(0.3)
    const gracias = detectLanguage('¡Gracias!')
    expect(gracias.lang).toBe('es')
    expect(gracias.confidence).toBeLessThan(0.5)
  })

  it('ignores placeholders, links and e-mail addresses', () => {
    expect(detectLanguage('[NAME] [PHONE] [ADDRESS] www.example.com test@example.com').confidence).toBeLessThan(0.3)
    expect(detectLanguage('Mi hermano [NAME] vive en [ADDRESS] y los agentes se lo llevaron').lang).toBe('es')
  })

  it('is not fooled by a few Latin words in a non-Latin text', () => {
    expect(detectLanguage('ICE 요원들이 LAPD 옆에서 아침에 와서 노동자들을 데려갔습니다').lang).toBe('other')
  })
})
