import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Small random values (IVs, receipt codes) are cut from a pool filled 4 KB at a
 * time: one call into OpenSSL for hundreds of values instead of one each (a
 * CSV import makes two per row). Each byte is handed out once and wiped from
 * the pool; Node's own randomUUID pools the same way.
 */
const POOL_BYTES = 4096
let pool = Buffer.alloc(0)
let poolAt = 0
function smallRandomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = randomBytes(POOL_BYTES)
    poolAt = 0
  }
  const out = Buffer.from(pool.subarray(poolAt, poolAt + n))
  pool.fill(0, poolAt, poolAt + n)
  poolAt += n
  return out
}

/** AES-256-GCM: 12-byte IV | 16-byte tag | ciphertext, one buffer. */
export function encryptText(plain: string, key: Buffer): Buffer {
  const iv = smallRandomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body])
}

export function decryptText(sealed: Uint8Array, key: Buffer): string {
  const buf = Buffer.from(sealed)
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12))
  decipher.setAuthTag(buf.subarray(12, 28))
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8')
}

/** AES-256-GCM over bytes, same layout as encryptText. */
export function encryptBytes(plain: Uint8Array, key: Buffer): Buffer {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body])
}

/** Throws when the key is wrong or the bytes were altered (the GCM tag does not match). */
export function decryptBytes(sealed: Uint8Array, key: Buffer): Buffer {
  const buf = Buffer.from(sealed)
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12))
  decipher.setAuthTag(buf.subarray(12, 28))
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()])
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export function hmac(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url')
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ' // no 0/O, 1/I/L, U: easy to read aloud
/** A receipt code like `VX7-K3M-9QA`: 9 symbols of 30, about 44 bits. */
export function receiptCode(): string {
  const bytes = smallRandomBytes(9)
  let code = ''
  for (let i = 0; i < 9; i++) {
    if (i > 0 && i % 3 === 0) code += '-'
    code += RECEIPT_ALPHABET[bytes[i]! % RECEIPT_ALPHABET.length]
  }
  return code
}
