import { describe, expect, it } from 'vitest'
import { findUnstorableText, isStorableText } from './storable-text'

describe('storable text', () => {
  it('refuses NUL and half surrogate pairs, keeps whole pairs and every other character', () => {
    expect(isStorableText('a\u0000b')).toBe(false)
    expect(isStorableText('a\ud83d')).toBe(false)
    expect(isStorableText('\ude22a')).toBe(false)
    expect(isStorableText('\ude22\ud83d')).toBe(false)
    expect(isStorableText('😢 \u202e\u200b\u0001 ñ 漢字')).toBe(true)
  })

  it('finds the path of the first unstorable string or key, in nesting of any depth', () => {
    expect(findUnstorableText({ text: 'ok', agencies: ['ice', 'x\u0000'] })).toEqual(['agencies', 1])
    expect(findUnstorableText({ 'k\ud800': 1 })).toEqual(['k\ud800'])
    expect(findUnstorableText(new Map([['a', new Set(['\u0000'])]]))).toEqual(['a'])
    let deep: unknown = 'x\u0000'
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(findUnstorableText(deep)).toHaveLength(100_000)
    expect(findUnstorableText({ content: new Uint8Array([0, 0]), when: new Date(), text: 'fine' })).toBeNull()
    const cyclic: Record<string, unknown> = { a: 'ok' }
    cyclic.self = cyclic
    expect(findUnstorableText(cyclic)).toBeNull()
  })
})
