import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptText, encryptText, hmac, receiptCode, safeEqual } from './crypto'

describe('crypto', () => {
  const key = randomBytes(32)

  it('round-trips text through AES-256-GCM with a fresh IV each time', () => {
    const text = 'Me llamo Ana y mi teléfono es 323-555-0199 🙏'
    const a = encryptText(text, key)
    const b = encryptText(text, key)
    expect(a.equals(b)).toBe(false)
    expect(decryptText(a, key)).toBe(text)
  })

  it('never repeats an IV, also across refills of the random pool', () => {
    const ivs = Array.from({ length: 2000 }, () => encryptText('x', key).subarray(0, 12).toString('hex'))
    expect(new Set(ivs).size).toBe(ivs.length)
  })

  it('rejects a tampered ciphertext and a wrong key', () => {
    const sealed = encryptText('secret', key)
    sealed[sealed.length - 1] ^= 1
    expect(() => decryptText(sealed, key)).toThrow()
    expect(() => decryptText(encryptText('secret', key), randomBytes(32))).toThrow()
  })

  it('makes readable receipt codes', () => {
    const code = receiptCode()
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$/)
    expect(new Set(Array.from({ length: 200 }, receiptCode)).size).toBe(200)
  })

  it('compares tokens in constant time and checks length', () => {
    expect(safeEqual(hmac('x', 's'), hmac('x', 's'))).toBe(true)
    expect(safeEqual('abc', 'abcd')).toBe(false)
  })
})
