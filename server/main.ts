/**
 * The Voces server: migrates, seeds demo content on an empty database, then
 * serves Remix (pages, and /api/trpc as a resource route) and /healthz.
 *   npm start   → production build
 *   npm run dev → Vite dev server with hot reload
 */
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { sql } from 'kysely'
import { describeDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { migrateAsOwner, tablesOwnedByCurrentRole } from '../db/roles'
import { getDb } from './db'
import { requestBodyLimit } from './http/body-limit'
import { allowedHostGuard, requestGuard } from './http/request-guard'
import { securityHeaders } from './http/security-headers'
import { EnvError, getEnv } from './env'
import { startRetentionJob } from './jobs/retention'
import { startTranslationJob } from './jobs/translation'
import { jobHandlers } from './jobs/handlers'
import { startJobWorker } from './jobs/queue'
import { administratorStatus } from './services/account-setup'
import { DEMO_ACCOUNTS, seedDemo } from './services/seed'

const dev = process.argv.includes('--dev')

async function main() {
  const env = getEnv()
  const db = getDb()
  console.log(`[voces] database: ${describeDb({ databaseUrl: env.DATABASE_URL, dataDir: path.join(env.dataDir, 'pglite') })}`)
  const applied = env.DATABASE_URL && env.VOCES_MIGRATION_DATABASE_URL ? await migrateAsOwner(env.VOCES_MIGRATION_DATABASE_URL, env.DATABASE_URL) : await migrateToLatest(db)
  if (applied.length) console.log(`[voces] migrations applied: ${applied.join(', ')}`)
  if (env.DATABASE_URL && (await tablesOwnedByCurrentRole(db)) > 0) {
    console.warn('[voces] the app connects as the owner of its tables, so it could disable the audit log\'s append-only trigger: run migrations as the owner with VOCES_MIGRATION_DATABASE_URL and give DATABASE_URL a role that owns nothing (docs/threat-model.md)')
  }
  if (env.VOCES_SEED_DEMO) {
    const started = Date.now()
    if (await seedDemo(db, env)) console.log(`[voces] demo content seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  const hasDemoAccounts = Boolean(await db.selectFrom('users').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst())
  const administrators = await administratorStatus(db)

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.VOCES_TRUST_PROXY)
  app.use(compression())
  app.use(securityHeaders({ csp: !dev, hsts: !dev && env.secureCookies }))
  // Only the host names of this deployment (VOCES_ALLOWED_HOSTS): 421 for any other Host.
  app.use(allowedHostGuard(env.allowedHosts))

  app.get('/healthz', async (_req, res) => {
    try {
      await sql`select 1`.execute(db)
      res.status(200).json({ status: 'ok' })
    } catch {
      res.status(503).json({ status: 'unavailable' })
    }
  })

  // Bodies over a size (or without a declared length) are refused before anything reads them.
  app.use(requestBodyLimit())

  // Mutations must come from our own pages (a cross-site Origin is refused outright) and pages
  // take only forms: a short page in the reader's language, never a 500 (server/http/request-guard.ts).
  // (Forms and tRPC also carry a CSRF token; see docs/decisions/003-sessions-and-csrf.md.)
  app.use(requestGuard())

  let build: ServerBuild | (() => Promise<ServerBuild>)
  if (dev) {
    const vite = await import('vite')
    const viteServer = await vite.createServer({ server: { middlewareMode: true } })
    app.use(viteServer.middlewares)
    build = () => viteServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  } else {
    const buildDir = path.resolve('build')
    app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }))
    app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h' }))
    build = (await import(path.join(buildDir, 'server/index.js'))) as ServerBuild
  }
  // The client address reaches routes only through the load context; it is used as an HMAC for rate limits, never stored.
  app.all('*', createRequestHandler({ build, mode: dev ? 'development' : 'production', getLoadContext: (req, res) => ({ clientAddress: req.ip, cspNonce: res.locals.cspNonce as string }) }))

  const stopRetention = startRetentionJob(db, env)
  const stopTranslation = startTranslationJob(db)
  const jobWorker = startJobWorker(db, jobHandlers(db, env), { leaseMs: env.VOCES_JOB_LEASE_SECONDS * 1000, log: (message) => console.log(message) })

  const server = app.listen(env.PORT, env.HOST, () => {
    const url = `http://${env.HOST === '127.0.0.1' ? 'localhost' : env.HOST}:${env.PORT}`
    console.log(`[voces] serving on ${url}`)
    if (hasDemoAccounts) printDemoAccounts()
    if (!administrators.ready) printFirstAdministratorHint(administrators.pending)
  })
  // Behind a proxy that keeps connections to the app open (nginx's upstream keepalive, a cloud
  // load balancer: 60 s idle by default), the app must not be the side that closes an idle one:
  // Node's default (5 s) lets a request the proxy has just sent meet a closing socket, and the
  // proxy answers 502 without retrying a POST. Seen once in `bench:load` behind nginx.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000

  const shutdown = async (signal: string) => {
    console.log(`[voces] ${signal}: shutting down`)
    stopRetention()
    stopTranslation()
    await jobWorker.stop()
    server.close()
    await db.destroy().catch(() => {})
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

function printFirstAdministratorHint(pending: string[]) {
  if (pending.length === 0) {
    console.log('[voces] no administrator can sign in yet. Create the first one (it prints a one-time set-up link, valid 24 h):')
    console.log('[voces]   npm run --silent admin -- create --email you@example.org --name "Your Name"')
  } else {
    console.log(`[voces] no administrator can sign in yet: ${pending.join(', ')} has not used the set-up link. Open it, or print a new one (valid 24 h):`)
    console.log(`[voces]   npm run --silent admin -- reset --email ${pending[0]}`)
  }
  console.log('[voces] run it from this folder with the same environment (DATABASE_URL, VOCES_DATA_DIR, VOCES_ORIGIN) as the server; see docs/deploy.md')
  if (!getEnv().DATABASE_URL) console.log('[voces] on the embedded database, stop the server first (Ctrl-C), run the command, then start it again')
}

function printDemoAccounts() {
  console.log('[voces] demo accounts (demo data only — set VOCES_SEED_DEMO=false for a real deployment):')
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(12)} ${account.email.padEnd(24)} ${account.password}`)
}

main().catch((error) => {
  if (error instanceof EnvError) console.error(error.message)
  else console.error('[voces] failed to start:', error)
  process.exit(1)
})
