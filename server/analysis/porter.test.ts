import { describe, expect, it } from 'vitest'
import { stemmerEn } from './natural-modules'
import { porterStem } from './porter'
import { createRandom } from './random'

describe('porterStem', () => {
  it('gives natural’s Porter stems, quirks included', () => {
    const words = ['caresses', 'ponies', 'ties', 'cats', 'feed', 'agreed', 'plastered', 'motoring', 'sing', 'conflated', 'troubled', 'sized', 'hopping', 'tanned', 'falling', 'hissing', 'fizzed', 'failing', 'filing', 'happy', 'sky', 'relational', 'conditional', 'rational', 'valenci', 'digitizer', 'conformabli', 'radicalli', 'differentli', 'vileli', 'analogousli', 'vietnamization', 'predication', 'operator', 'feudalism', 'decisiveness', 'hopefulness', 'callousness', 'formaliti', 'sensitiviti', 'sensibiliti', 'triplicate', 'formative', 'formalize', 'electriciti', 'electrical', 'hopeful', 'goodness', 'revival', 'allowance', 'inference', 'airliner', 'gyroscopic', 'adjustable', 'defensible', 'irritant', 'replacement', 'adjustment', 'dependent', 'adoption', 'homologou', 'communism', 'activate', 'angulariti', 'homologous', 'effective', 'bowdlerize', 'probate', 'rate', 'cease', 'controll', 'roll', 'flyer', 'syzygy', 'yay', 'police', 'raids', 'neighbors', 'x64', '911', 'i18n']
    const random = createRandom(11)
    const letters = 'eeaaiioouuyysstnrldcmgbpfhwvkxzq'
    const suffixes = ['', 'ed', 'ing', 'ies', 'sses', 'ational', 'ization', 'iveness', 'icate', 'ement', 'tion', 'sion', 'e', 'y', 'll', 'ful']
    for (let i = 0; i < 20_000; i++) {
      let w = ''
      for (let j = 1 + random.int(8); j > 0; j--) w += letters[random.int(letters.length)]
      words.push(w + suffixes[random.int(suffixes.length)])
    }
    for (const w of words) expect(porterStem(w), w).toBe(stemmerEn.stem(w))
  })
})
