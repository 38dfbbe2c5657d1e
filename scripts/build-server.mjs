// Bundles the console server (BFF, contract, cloud clients, signer, emulator) into one ES module
// that plain `node` runs: the production start needs no TypeScript tooling. better-sqlite3 stays
// outside, as a native addon; the bundle sits in apps/bff so Node finds it there.
import { build } from 'esbuild';

const outfile = process.argv[2] ?? 'apps/bff/dist/server.mjs';
await build({
  entryPoints: ['apps/bff/src/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  sourcemap: true,
  logLevel: 'warning',
  // CommonJS dependencies (express and friends) call require(); give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
console.log(`built ${outfile}`);
