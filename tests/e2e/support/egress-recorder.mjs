// Loaded into the app server under test (NODE_OPTIONS=--import …, tests/e2e/global-setup.ts):
// records every outbound connection, DNS lookup and UDP send the process (and its worker
// threads) attempts, as JSON lines in VOCES_EGRESS_LOG. tests/e2e/egress.e2e.test.ts reads it.
import { appendFileSync } from 'node:fs'
import dgram from 'node:dgram'
import dns from 'node:dns'
import net from 'node:net'

const log = process.env.VOCES_EGRESS_LOG
if (log) {
  const record = (kind, host, port) => {
    try {
      appendFileSync(log, JSON.stringify({ kind, host: host ?? null, port: port ?? null, pid: process.pid, argv: process.argv.slice(1, 3) }) + '\n')
    } catch {
      // never break the app under test
    }
  }
  record('loaded', null, null) // proves the recorder runs in this process
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function (...args) {
    const first = args[0]
    if (Array.isArray(first)) {
      const options = first[0] ?? {}
      if (!options.path) record('tcp', options.host ?? 'localhost', options.port)
    } else if (first && typeof first === 'object') {
      if (!first.path) record('tcp', first.host ?? 'localhost', first.port)
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      record('tcp', typeof args[1] === 'string' ? args[1] : 'localhost', Number(first))
    }
    // a string that is not a port is a unix socket path: local by definition
    return connect.apply(this, args)
  }
  const lookup = dns.lookup
  dns.lookup = function (hostname, ...rest) {
    record('dns', hostname)
    return lookup.call(this, hostname, ...rest)
  }
  const promisesLookup = dns.promises.lookup
  dns.promises.lookup = function (hostname, ...rest) {
    record('dns', hostname)
    return promisesLookup.call(this, hostname, ...rest)
  }
  for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny']) {
    const original = dns[name]
    dns[name] = function (hostname, ...rest) {
      record('dns', hostname)
      return original.call(this, hostname, ...rest)
    }
  }
  const send = dgram.Socket.prototype.send
  dgram.Socket.prototype.send = function (...args) {
    const address = args.find((a, i) => i > 0 && typeof a === 'string')
    const port = args.find((a, i) => i > 0 && typeof a === 'number')
    record('udp', address ?? 'localhost', port)
    return send.apply(this, args)
  }
}
