/**
 * A real PostgreSQL on loopback for the load and fault scripts: the server
 * DATABASE_URL points at, or one started in a temp folder from the PostgreSQL 15
 * binaries (as .ci/run does) and removed afterwards. Either way each script works
 * in scratch databases of its own, dropped at the end.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { onCleanup } from './cleanup'
import { freePort } from './processes'

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export type PgServer = {
  /** postgres://… of a database on the server to connect to for administration. */
  adminUrl: string
  /** True when this script started the server: only then can it restart it. */
  owned: boolean
  describe: string
  /** The postmaster's pid (owned servers only), for CPU accounting. */
  postmasterPid(): number | null
  /** pg_ctl restart -m fast (owned servers only); resolves when it accepts connections again. */
  restart(): Promise<void>
}

const isRoot = process.getuid?.() === 0
// PostgreSQL refuses to run as root: as root, run its programs as the postgres user.
function pgCommand(program: string, args: string[]): [string, string[]] {
  const bin = path.join(PG_BIN, program)
  return isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
}

export async function usePostgres(): Promise<PgServer> {
  const given = process.env.DATABASE_URL
  if (given) {
    if (!/^postgres(ql)?:\/\//.test(given)) throw new Error('DATABASE_URL must be a postgres:// URL')
    const url = new URL(given)
    return { adminUrl: given, owned: false, describe: `PostgreSQL at ${url.hostname}:${url.port || 5432} (DATABASE_URL)`, postmasterPid: () => null, restart: () => Promise.reject(new Error('cannot restart a server this script did not start')) }
  }
  if (!existsSync(path.join(PG_BIN, 'pg_ctl'))) {
    throw new Error(`No DATABASE_URL and no PostgreSQL binaries in ${PG_BIN}: apt-get install -y postgresql-15, or set DATABASE_URL=postgres://… (or PG_BIN).`)
  }
  const root = mkdtempSync(path.join(tmpdir(), 'voces-load-pg-'))
  if (isRoot) chownSync(root, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()))
  const dataDir = path.join(root, 'data')
  const log = path.join(root, 'server.log')
  const port = await freePort()
  const run = (program: string, args: string[]) => {
    const [cmd, argv] = pgCommand(program, args)
    const result = spawnSync(cmd, argv, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`)
    return result.stdout
  }
  const stop = () => {
    const [cmd, argv] = pgCommand('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop'])
    spawnSync(cmd, argv, { stdio: 'ignore' })
    rmSync(root, { recursive: true, force: true })
  }
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8'])
  onCleanup('PostgreSQL', stop, stop)
  // Default durability (fsync on): the benchmark compares with pgbench on the same settings.
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c max_connections=200`
  run('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-o', options, 'start'])
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`
  return {
    adminUrl,
    owned: true,
    describe: `PostgreSQL 15 started on 127.0.0.1:${port} in ${root}`,
    postmasterPid: () => {
      try {
        return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
      } catch {
        return null
      }
    },
    // Asynchronous, so the caller's event loop keeps sending requests meanwhile.
    restart: () =>
      new Promise<void>((resolve, reject) => {
        const [cmd, argv] = pgCommand('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-m', 'fast', '-o', options, 'restart'])
        const child = spawn(cmd, argv, { stdio: 'ignore' })
        child.once('error', reject)
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart exited with ${code}`))))
      }),
  }
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  } finally {
    await client.end()
  }
}

/** A fresh database on the server, dropped at clean-up. Returns its URL. */
export async function scratchDatabase(server: PgServer, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  await adminQuery(server.adminUrl, `create database ${name}`)
  onCleanup(`database ${name}`, () => adminQuery(server.adminUrl, `drop database if exists ${name} with (force)`).then(() => {}))
  const url = new URL(server.adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** pgbench's transactions per second for a script, or null when pgbench is missing. */
export function pgbench(url: string, scriptFile: string, options: { clients: number; threads: number; seconds: number }): { tps: number; output: string } | null {
  const bin = path.join(PG_BIN, 'pgbench')
  if (!existsSync(bin)) return null
  const result = spawnSync(bin, ['-n', '-c', String(options.clients), '-j', String(options.threads), '-T', String(options.seconds), '-f', scriptFile, url], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`pgbench failed: ${result.stderr}`)
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(result.stdout) ?? /tps = ([\d.]+)/.exec(result.stdout)
  if (!tps) throw new Error(`pgbench printed no tps:\n${result.stdout}`)
  return { tps: Number(tps[1]), output: result.stdout }
}
