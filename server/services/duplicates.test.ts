import { describe, expect, it } from 'vitest'
import { jaccard, lshKeys, minhash, shingles } from '../analysis/dedupe'
import { signatureKeys } from './duplicates'

const base =
  'Agents in masks took my neighbor from the car wash on Tuesday morning and nobody told us where they took him or who they were, ' +
  'the officers of the city stood at the corner and did not say anything to the families who were asking for help'

describe('signatureKeys', () => {
  it('are the first 16 keys of the 32-band signatures stored before, so old and new rows still find each other', () => {
    for (const text of [base, 'Pasó en la tarde. La migra llegó al parque', 'x']) {
      const keys = signatureKeys(text)
      expect(keys).toHaveLength(16)
      expect(keys).toEqual(lshKeys(minhash(text)).slice(0, 16))
    }
  })

  it('share a key for texts at the flagging threshold (0.8) and above, and not for unrelated ones', () => {
    const words = base.split(' ')
    // Change one word in every n: similarity falls as n shrinks.
    let checked = 0
    for (const n of [40, 30, 25, 20]) {
      const edited = words.map((w, i) => (i % n === n - 1 ? `${w}x` : w)).join(' ')
      const similarity = jaccard(shingles(base), shingles(edited))
      if (similarity < 0.8) continue
      checked++
      const mine = new Set(signatureKeys(base))
      expect(signatureKeys(edited).some((k) => mine.has(k))).toBe(true)
    }
    expect(checked).toBeGreaterThan(0)
    const other = new Set(signatureKeys('The school asked parents to pick up children early because of the protest downtown near City Hall'))
    expect(signatureKeys(base).some((k) => other.has(k))).toBe(false)
  })
})
