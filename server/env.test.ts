import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { EnvError, parseEnv } from './env'

const dir = mkdtempSync(path.join(tmpdir(), 'voces-env-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('environment', () => {
  it('applies defaults and generates secrets into the data folder once, with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const env = parseEnv({ VOCES_DATA_DIR: dir })
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.VOCES_RETENTION_DAYS).toBe(90)
    expect(env.VOCES_MIN_CELL).toBe(5)
    expect(env.VOCES_JOB_LEASE_SECONDS).toBe(60)
    expect(env.encryptionKey).toHaveLength(32)
    expect(warn).toHaveBeenCalledTimes(2)
    const again = parseEnv({ VOCES_DATA_DIR: dir })
    expect(again.encryptionKey.equals(env.encryptionKey)).toBe(true)
    expect(again.sessionSecret).toBe(readFileSync(path.join(dir, 'session-secret.hex'), 'utf8').trim())
    expect(warn).toHaveBeenCalledTimes(2)
    warn.mockRestore()
  })

  it('VOCES_ORIGIN: the address set-up links start with; an origin only, else http://localhost:PORT', () => {
    const secrets = { VOCES_DATA_DIR: dir, VOCES_SESSION_SECRET: 's'.repeat(40), VOCES_ENCRYPTION_KEY: 'a'.repeat(64) }
    expect(parseEnv({ ...secrets, PORT: '8080' }).origin).toBe('http://localhost:8080')
    expect(parseEnv({ ...secrets, VOCES_ORIGIN: 'https://Voces.Example.org/' }).origin).toBe('https://voces.example.org')
    expect(parseEnv({ ...secrets, VOCES_ORIGIN: 'https://voces.example.org:8443' }).origin).toBe('https://voces.example.org:8443')
    for (const bad of ['voces.example.org', 'https://voces.example.org/app', 'ftp://voces.example.org', 'https://user:pw@voces.example.org', 'https://voces.example.org/?x=1']) {
      expect(() => parseEnv({ ...secrets, VOCES_ORIGIN: bad })).toThrow(/VOCES_ORIGIN: must be an origin/)
    }
  })

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ VOCES_DATA_DIR: dir, PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => parseEnv({ VOCES_DATA_DIR: dir, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres/)
    expect(() => parseEnv({ VOCES_DATA_DIR: dir, VOCES_ENCRYPTION_KEY: 'short' })).toThrow(EnvError)
    expect(() => parseEnv({ VOCES_DATA_DIR: dir, VOCES_JOB_LEASE_SECONDS: '1' })).toThrow(/VOCES_JOB_LEASE_SECONDS/)
  })

  it('requires explicit secrets in production on PostgreSQL', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/voces', VOCES_DATA_DIR: dir })).toThrow(/VOCES_(SESSION_SECRET|ENCRYPTION_KEY): required in production/)
    const env = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/voces',
      VOCES_SESSION_SECRET: 'x'.repeat(40),
      VOCES_ENCRYPTION_KEY: 'ab'.repeat(32),
    })
    expect(env.secureCookies).toBe(true)
  })
})
