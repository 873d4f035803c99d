import { describe, expect, it } from 'vitest'
import { isApertiumAvailable, translate } from './apertium'

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
})
