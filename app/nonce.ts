import { createContext, useContext } from 'react'

/**
 * The per-request Content-Security-Policy nonce (server/main.ts makes one per
 * request; app/entry.server.tsx provides it). Remix's inline scripts carry it,
 * so the policy needs no 'unsafe-inline' for scripts. In the browser it is
 * empty: browsers hide nonces from the DOM once the scripts have run.
 */
export const NonceContext = createContext('')

export const useNonce = () => useContext(NonceContext)
