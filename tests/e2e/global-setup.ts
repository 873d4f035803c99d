import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_PATH } from './support/browser'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    /** JSON lines of every outbound connection the server attempted (tests/e2e/support/egress-recorder.mjs). */
    egressLog: string
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

let server: ChildProcess | undefined
let dataDir: string | undefined

export async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (see README, "Tests").`)
  }
  const root = path.resolve(__dirname, '../..')
  execFileSync('npx', ['remix', 'vite:build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' })
  const port = await freePort()
  dataDir = mkdtempSync(path.join(tmpdir(), 'voces-e2e-'))
  let output = ''
  const egressLog = path.join(dataDir, 'egress.jsonl')
  server = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: root,
    // E2E_DATABASE_URL runs the same flows on a PostgreSQL server (an empty database); otherwise PGlite.
    // Production with DATABASE_URL requires explicit secrets, as a real deployment does.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      VOCES_DATA_DIR: dataDir,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      // With E2E_MIGRATION_DATABASE_URL, migrations run as that owner role and the app as E2E_DATABASE_URL's role (db/roles.ts).
      VOCES_MIGRATION_DATABASE_URL: process.env.E2E_MIGRATION_DATABASE_URL ?? '',
      VOCES_SESSION_SECRET: randomBytes(32).toString('hex'),
      VOCES_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      // Every Node process under npx (npx, tsx, the server and its threads) records its outbound connections.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${pathToFileURL(path.join(root, 'tests/e2e/support/egress-recorder.mjs')).href}`].filter(Boolean).join(' '),
      VOCES_EGRESS_LOG: egressLog,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so teardown stops npx and the server under it
  })
  server.stdout!.on('data', (d) => (output += d))
  server.stderr!.on('data', (d) => (output += d))
  const baseURL = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited early:\n${output}`)
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not become healthy in 120 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  project.provide('baseURL', baseURL)
  project.provide('egressLog', egressLog)
}

export async function teardown() {
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r))
    process.kill(-server.pid, 'SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}
