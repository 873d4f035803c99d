import { describe, expect, it } from 'vitest'
import { redactLine } from './redact-lines'

describe('redactLine', () => {
  it('redacts a valid line and echoes the id', () => {
    const r = redactLine('{"id":"s1","text":"Me llamo Rocío Tzul, tel 323-555-0101","lang":"es"}')
    expect(r).toEqual({
      ok: true,
      output: {
        id: 's1',
        redacted: 'Me llamo [NAME], tel [PHONE]',
        entities: [
          { type: 'NAME', start: 9, end: 19 },
          { type: 'PHONE', start: 25, end: 37 },
        ],
      },
    })
  })

  it('accepts numeric ids and a missing lang', () => {
    const r = redactLine('{"id":7,"text":"nothing personal"}')
    expect(r.ok && r.output).toEqual({ id: 7, redacted: 'nothing personal', entities: [] })
  })

  it('explains invalid JSON and wrong shapes without throwing', () => {
    const bad = redactLine('{"id": 1, "text": ')
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error).toMatch(/not valid JSON/)
    const shape = redactLine('{"id": 1, "body": "x"}')
    expect(!shape.ok && shape.error).toMatch(/text/)
    expect(redactLine('[1,2]').ok).toBe(false)
  })
})
