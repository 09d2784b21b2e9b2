// vitest/config re-exports Vite's defineConfig with the `test` block typed.
import { defineConfig } from 'vitest/config';

// The gateway serves this build from the classpath (webroot/) under a strict CSP:
// script-src/style-src 'self', no inline code, no 'unsafe-*'. The options below keep
// Vite's output compatible with that.
export default defineConfig({
  base: '/',
  build: {
    // Maven packs target/classes into the portal-ui jar, so the jar holds webroot/index.html.
    outDir: 'target/classes/webroot',
    emptyOutDir: true,
    // Never turn assets into data: URIs (fonts as data: would be blocked by the CSP).
    assetsInlineLimit: 0,
    // Every browser we support has <link rel=modulepreload>; skip the polyfill code.
    modulePreload: { polyfill: false },
    // Old phones: stay on a conservative syntax level.
    target: 'es2020',
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
