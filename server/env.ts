import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'

/**
 * The environment, parsed once at boot. Every variable is listed in README.md.
 * A bad value stops the process with a message naming the variable.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // The schema owner's URL: migrations run with it, the app with DATABASE_URL as a role that owns nothing (db/roles.ts).
  VOCES_MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  VOCES_DATA_DIR: z.string().min(1).default('./data'),
  // The address people open in their browser (https://voces.example.org): one-time set-up links use it.
  VOCES_ORIGIN: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined))
    .refine((v) => v === undefined || isOrigin(v), 'must be an origin such as https://voces.example.org (scheme, host, optional port; no path)'),
  VOCES_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  VOCES_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
    .optional(),
  // A sign-in ends after this many hours whatever happens, or after this many idle minutes.
  VOCES_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  VOCES_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  VOCES_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // A background job's lease: after a crash, another process resumes (or fails) the job once it lapses.
  VOCES_JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  VOCES_MIN_CELL: z.coerce.number().int().min(2).max(100).default(5),
  VOCES_SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  VOCES_SECURE_COOKIES: z
    .enum(['true', 'false', 'auto'])
    .default('auto'),
  // Host names this deployment answers for (comma-separated); any other Host gets 421 (issue 13, finding 6).
  VOCES_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  // Express's "trust proxy": which proxies may set X-Forwarded-For (client addresses feed rate limits).
  VOCES_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string => (v === 'false' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v)),
})

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  } catch {
    return false
  }
}

export type Env = z.infer<typeof EnvSchema> & {
  dataDir: string
  /** VOCES_ORIGIN without a trailing slash, or http://localhost:PORT. */
  origin: string
  sessionSecret: string
  encryptionKey: Buffer
  secureCookies: boolean
  /** VOCES_ALLOWED_HOSTS, or by default the localhost names, HOST when it names one host, and VOCES_ORIGIN's host name. */
  allowedHosts: string[]
}

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}\nSee the configuration table in README.md.`)
  }
  const env = parsed.data
  if (env.VOCES_MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
    throw new EnvError('Invalid environment:\n  VOCES_MIGRATION_DATABASE_URL: needs DATABASE_URL (the app role) too\nSee the configuration table in README.md.')
  }
  const dataDir = path.resolve(env.VOCES_DATA_DIR)
  const production = env.NODE_ENV === 'production'
  const secret = (name: string, value: string | undefined, bytes: number) =>
    value ?? secretFromDataDir(dataDir, name, bytes, production && Boolean(env.DATABASE_URL))
  return {
    ...env,
    dataDir,
    origin: env.VOCES_ORIGIN ? new URL(env.VOCES_ORIGIN).origin : `http://localhost:${env.PORT}`,
    sessionSecret: secret('session-secret', env.VOCES_SESSION_SECRET, 32),
    encryptionKey: Buffer.from(secret('encryption-key', env.VOCES_ENCRYPTION_KEY, 32), 'hex'),
    // Browsers accept Secure cookies from http://localhost, so production can always set them.
    secureCookies: env.VOCES_SECURE_COOKIES === 'auto' ? production : env.VOCES_SECURE_COOKIES === 'true',
    allowedHosts: env.VOCES_ALLOWED_HOSTS.length ? env.VOCES_ALLOWED_HOSTS : defaultAllowedHosts(env.HOST, env.VOCES_ORIGIN),
  }
}

export const LOCAL_HOST_NAMES = ['localhost', '127.0.0.1', '[::1]']

/** The localhost names, and the listening address when it is one host (not 0.0.0.0 or ::). */
function defaultAllowedHosts(host: string, origin?: string): string[] {
  const listening = host.toLowerCase()
  const wildcard = listening === '0.0.0.0' || listening === '::' || listening === '[::]'
  const named = listening.includes(':') && !listening.startsWith('[') ? `[${listening}]` : listening
  // The address people use (VOCES_ORIGIN) is this deployment's own name.
  const public_ = origin ? [new URL(origin).hostname.toLowerCase()] : []
  return [...new Set([...LOCAL_HOST_NAMES, ...(wildcard ? [] : [named]), ...public_])]
}

/**
 * For the embedded default a secret is generated once into the data folder (with a
 * warning): it must survive restarts or sessions and encrypted originals are lost.
 * A production server on PostgreSQL must be given its secrets explicitly.
 */
function secretFromDataDir(dataDir: string, name: string, bytes: number, mustBeGiven: boolean): string {
  const envName = name === 'encryption-key' ? 'VOCES_ENCRYPTION_KEY' : 'VOCES_SESSION_SECRET'
  if (mustBeGiven) {
    throw new EnvError(`Invalid environment:\n  ${envName}: required in production with DATABASE_URL\nSee the configuration table in README.md.`)
  }
  const file = path.join(dataDir, `${name}.hex`)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const value = randomBytes(bytes).toString('hex')
  writeFileSync(file, value + '\n', { mode: 0o600 })
  console.warn(`[voces] ${envName} is not set: generated one into ${file}. Back it up with the data; set ${envName} in production.`)
  return value
}

let cached: Env | undefined
/** The process environment, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv()
  return cached
}
