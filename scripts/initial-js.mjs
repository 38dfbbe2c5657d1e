// The JavaScript a browser loads for the first page of a built SPA: the entry script and every
// module it preloads, with their gzip sizes. Usage: node scripts/initial-js.mjs [distDir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function initialJs(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const rows = [...new Set(files)].map((f) => {
    const bytes = readFileSync(join(dist, f));
    return { file: f, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { rows, gzip: rows.reduce((a, r) => a + r.gzip, 0), bytes: rows.reduce((a, r) => a + r.bytes, 0) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = initialJs(process.argv[2] ?? 'apps/web/dist');
  for (const row of r.rows) console.log(`${row.file.padEnd(48)} ${(row.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
  console.log(`${'initial route total'.padEnd(48)} ${(r.gzip / 1024).toFixed(1).padStart(7)} KB gzip`);
}
