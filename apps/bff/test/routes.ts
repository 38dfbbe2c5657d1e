import type { Express } from 'express';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  match(path: string): boolean;
}

// Express keeps no mount path on a router's layer, only a matcher: ask it which prefix it serves.
// The shortest prefix a router answers under is where it is mounted.
const mountOf = (layer: Layer) => ['', '/api', '/v1', '/api/v1'].find((p) => layer.match(`${p}/__probe__`)) ?? '';

/**
 * Every route the app serves under /api, as "METHOD /path".
 */
export function listRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack, prefix + mountOf(layer));
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return [...new Set(out)].filter((r) => r.includes(' /api/')).sort();
}
