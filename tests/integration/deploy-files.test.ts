import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findNginx, freePort, NGINX_SITE, nginxSiteForLoopback, startNginx } from '../../scripts/load/processes'

/**
 * The files a deployment installs (deploy/): the nginx site file is valid as
 * shipped, and the load and scale-out scripts run that same file; the systemd
 * unit passes systemd's own check. Parts needing nginx, openssl or systemd-analyze
 * say so and are skipped without them (CI installs nginx).
 */
const site = readFileSync(NGINX_SITE, 'utf8')
const nginx = findNginx()
const scratch = mkdtempSync(path.join(tmpdir(), 'voces-deploy-files-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('deploy/nginx-voces.conf', () => {
  it('the scripts keep everything but the marked parts: loopback ports instead of TLS, the redirect and the example upstreams', () => {
    const conf = nginxSiteForLoopback(site, { port: 18080, upstreamPorts: [14001, 14002, 14003] })
    expect(conf).toContain('listen 127.0.0.1:18080;')
    expect(conf.match(/server 127\.0\.0\.1:\d+;/g)).toEqual(['server 127.0.0.1:14001;', 'server 127.0.0.1:14002;', 'server 127.0.0.1:14003;'])
    const directives = conf.replace(/#.*$/gm, '')
    expect(directives).not.toMatch(/ssl|listen 80|listen 443|return 301|3001|3002/)
    for (const kept of ['keepalive 64;', 'keepalive_timeout 50s;', 'client_max_body_size 40m;', 'proxy_next_upstream off;', 'proxy_read_timeout 300s;', 'proxy_set_header Host $http_host;', 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;', 'access_log off;']) {
      expect(conf).toContain(kept)
    }
    expect(() => nginxSiteForLoopback(site.replace('# voces:listen-end', ''), { port: 1, upstreamPorts: [2] })).toThrow(/voces:listen-begin\/end/)
  })

  it.skipIf(!nginx || !existsSync('/usr/bin/openssl'))('is valid for nginx as shipped, with TLS (nginx -t, a self-signed certificate in place of the real one)', () => {
    const cert = path.join(scratch, 'cert.pem')
    const key = path.join(scratch, 'key.pem')
    execFileSync('/usr/bin/openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=voces.example.org', '-keyout', key, '-out', cert], { stdio: 'ignore' })
    const shipped = site.replace(/\/etc\/letsencrypt\/live\/voces\.example\.org\/fullchain\.pem/, cert).replace(/\/etc\/letsencrypt\/live\/voces\.example\.org\/privkey\.pem/, key)
    const conf = path.join(scratch, 'nginx.conf')
    writeFileSync(conf, `pid ${scratch}/nginx.pid;\nerror_log ${scratch}/error.log;\nevents {}\nhttp {\n${shipped}\n}\n`)
    const result = spawnSync(nginx!, ['-t', '-p', scratch, '-c', conf, '-e', path.join(scratch, 'error.log')], { encoding: 'utf8' })
    expect(result.stderr).toMatch(/syntax is ok/)
    expect(result.status).toBe(0)
  })

  it.skipIf(!nginx)('proxies to every app process in turn with the host and the client address, as check:scale and bench:load run it', async () => {
    const seen: { port: number; headers: IncomingHttpHeaders }[] = []
    const servers = await Promise.all(
      [0, 1].map(async () => {
        const port = await freePort()
        const server = createServer((req, res) => {
          seen.push({ port, headers: req.headers })
          res.end('ok')
        })
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
        return { port, server }
      }),
    )
    const proxy = await startNginx(servers.map((s) => s.port))
    try {
      seen.length = 0
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${proxy.url}/org`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
        expect(await res.text()).toBe('ok')
      }
      expect(new Set(seen.map((s) => s.port))).toEqual(new Set(servers.map((s) => s.port)))
      expect(seen[0]!.headers.host).toBe(new URL(proxy.url).host)
      expect(seen[0]!.headers['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1')
    } finally {
      await proxy.stop()
      for (const { server } of servers) server.close()
    }
  })
})

describe('deploy/voces@.service', () => {
  it('runs the built app with node and tsx from the install folder, its port from the instance name', () => {
    const unit = readFileSync(path.resolve(__dirname, '../../deploy/voces@.service'), 'utf8')
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node --import tsx server\/main\.ts$/m)
    expect(unit).toMatch(/^Environment=PORT=%i$/m)
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/voces\/voces\.env$/m)
    expect(unit).toMatch(/^User=voces$/m)
  })

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('passes systemd-analyze verify with no warning', () => {
    const dir = path.join(scratch, 'units')
    execFileSync('mkdir', ['-p', dir])
    writeFileSync(path.join(dir, 'voces@.service'), readFileSync(path.resolve(__dirname, '../../deploy/voces@.service')))
    const result = spawnSync('/usr/bin/systemd-analyze', ['verify', path.join(dir, 'voces@3001.service')], { encoding: 'utf8' })
    expect(result.stderr.split('\n').filter((l) => l.includes('voces@'))).toEqual([])
    expect(result.status).toBe(0)
  })
})
