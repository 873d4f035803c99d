import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  resolve: { alias: { '~': '/app' } },
  server: { port: 3000 },
  build: {
    target: 'es2022',
    rollupOptions: {
      // Resource routes (api, logout, set-language) have no client code; zod's comments confuse Rollup. Neither is a problem.
      onwarn(warning, warn) {
        if (warning.code === 'EMPTY_BUNDLE' || warning.code === 'INVALID_ANNOTATION') return
        warn(warning)
      },
    },
  },
  ssr: {
    // natural and its dependencies are CommonJS and server-only: keep them external.
    external: ['natural', '@node-rs/argon2', '@electric-sql/pglite'],
  },
})
