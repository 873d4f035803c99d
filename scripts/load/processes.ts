/**
 * The app's production server processes (server/main.ts, as `npm start` runs it
 * after its build) and an optional nginx in front of them, on loopback ports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { onCleanup } from './cleanup'

export const ROOT = path.resolve(import.meta.dirname, '../..')

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Builds once when there is no production build (npm run build). */
export function ensureBuild() {
  if (existsSync(path.join(ROOT, 'build/server/index.js'))) return
  console.log('No production build (build/server/index.js): running `npm run build` once…')
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build failed')
}

/** Secrets shared by every process of one deployment (as a real one would share them). */
export function deploymentSecrets() {
  return { VOCES_SESSION_SECRET: randomBytes(32).toString('hex'), VOCES_ENCRYPTION_KEY: randomBytes(32).toString('hex') }
}

export type AppProcess = {
  name: string
  port: number
  url: string
  pid: number
  child: ChildProcess
  /** The last lines it printed. */
  output(): string
  exited: Promise<number | null>
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>
  kill9(): Promise<void>
}

/**
 * Starts server/main.ts in production mode (node with tsx's loader, so the pid is
 * the server itself and kill -9 hits it, not a wrapper) and waits for /healthz.
 */
export async function startApp(options: { name: string; databaseUrl: string; secrets: Record<string, string>; env?: Record<string, string>; port?: number; timeoutMs?: number; nodeArgs?: string[] }): Promise<AppProcess> {
  const port = options.port ?? (await freePort())
  const dataDir = mkdtempSync(path.join(tmpdir(), `voces-load-${options.name}-`))
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      VOCES_DATA_DIR: dataDir,
      // The scripts and nginx talk plain HTTP on loopback and pass each simulated client's address.
      VOCES_SECURE_COOKIES: 'false',
      VOCES_TRUST_PROXY: 'loopback',
      ...options.secrets,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(`[${options.name}] ${line}`)
    if (lines.length > 300) lines.splice(0, lines.length - 300)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))))
  const alive = () => child.exitCode === null && child.signalCode === null
  const stop = async () => {
    if (alive()) {
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(10_000)])
      if (alive()) child.kill('SIGKILL')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  const forget = onCleanup(`app ${options.name}`, stop, () => {
    if (alive()) child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  })
  const app: AppProcess = {
    name: options.name,
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    output: () => lines.join('\n'),
    exited,
    stop: async () => {
      forget()
      await stop()
    },
    kill9: async () => {
      if (alive()) process.kill(child.pid!, 'SIGKILL')
      await exited
    },
  }
  const deadline = Date.now() + (options.timeoutMs ?? 180_000)
  for (;;) {
    if (!alive()) throw new Error(`${options.name} exited before it was healthy:\n${app.output()}`)
    try {
      if ((await fetch(`${app.url}/healthz`)).ok) return app
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${options.name} was not healthy in time:\n${app.output()}`)
    await sleep(200)
  }
}

export function findNginx(): string | null {
  for (const candidate of [process.env.NGINX, '/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) if (candidate && existsSync(candidate)) return candidate
  return null
}

export const NGINX_MISSING = 'nginx is not installed (Debian: apt-get install -y nginx); the scripts never install it themselves'

export type Proxy = { url: string; port: number; pid: number; stop(): Promise<void> }

/** The nginx site file a deployment installs (docs/deploy.md); the scripts run it too. */
export const NGINX_SITE = path.join(ROOT, 'deploy/nginx-voces.conf')

/**
 * deploy/nginx-voces.conf as the scripts run it: everything as in production
 * (upstream keep-alive, timeouts, headers, body size, round-robin without sticky
 * sessions) except what lies between its "voces:" markers: the app processes'
 * ports, and plain HTTP on a loopback port instead of TLS and the redirect.
 */
export function nginxSiteForLoopback(site: string, options: { port: number; upstreamPorts: number[] }): string {
  const replace = (text: string, marker: string, by: string) => {
    const pattern = new RegExp(`^[ \\t]*# voces:${marker}-begin\\n[\\s\\S]*?^[ \\t]*# voces:${marker}-end\\n`, 'm')
    if (!pattern.test(text)) throw new Error(`${NGINX_SITE}: the "# voces:${marker}-begin/end" markers are missing`)
    return text.replace(pattern, by)
  }
  let conf = replace(site, 'upstreams', options.upstreamPorts.map((p) => `  server 127.0.0.1:${p};\n`).join(''))
  conf = replace(conf, 'redirect', '')
  conf = replace(conf, 'listen', `  listen 127.0.0.1:${options.port};\n`)
  return conf
}

/**
 * nginx in the foreground with its own config in a temp folder, listening on a
 * loopback port, running the repository's site file (deploy/nginx-voces.conf).
 * Never touches the system's nginx config or service.
 */
export async function startNginx(upstreamPorts: number[]): Promise<Proxy> {
  const nginx = findNginx()
  if (!nginx) throw new Error(NGINX_MISSING)
  const port = await freePort()
  const dir = mkdtempSync(path.join(tmpdir(), 'voces-load-nginx-'))
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(path.join(dir, sub))
    chmodSync(path.join(dir, sub), 0o777) // nginx workers run as nobody when started by root
  }
  chmodSync(dir, 0o755)
  const conf = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${nginxSiteForLoopback(readFileSync(NGINX_SITE, 'utf8'), { port, upstreamPorts })}
}
`
  writeFileSync(path.join(dir, 'nginx.conf'), conf)
  const child = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const alive = () => child.exitCode === null && child.signalCode === null
  const stop = async () => {
    if (alive()) {
      child.kill('SIGQUIT') // graceful: the master stops its workers
      await Promise.race([exited, sleep(5000)])
      if (alive()) child.kill('SIGKILL')
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const forget = onCleanup('nginx', stop, () => {
    if (alive()) child.kill('SIGTERM')
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (!alive()) throw new Error(`nginx exited: ${output}`)
    try {
      await fetch(`${url}/healthz`)
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not listen: ${output}`)
      await sleep(100)
    }
  }
  return {
    url,
    port,
    pid: child.pid!,
    stop: async () => {
      forget()
      await stop()
    },
  }
}
