import type { Route } from './types.ts';

/**
 * A segment trie. Static segments win over `{param}` segments; when a static branch dead-ends the
 * lookup backtracks into the param branch, so `/cloudvolumes/detail` and `/cloudvolumes/{id}` coexist.
 */
class TrieNode {
  readonly statics = new Map<string, TrieNode>();
  param: TrieNode | undefined;
  paramName = '';
  readonly routes = new Map<string, Route>();
}

export type Match =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'not_found' };

export class Router {
  private readonly root = new TrieNode();

  add(route: Route): void {
    let node = this.root;
    for (const segment of splitPath(route.service.prefix + route.path)) {
      if (segment.startsWith('{') && segment.endsWith('}')) {
        const name = segment.slice(1, -1);
        if (!node.param) {
          node.param = new TrieNode();
          node.param.paramName = name;
        } else if (node.param.paramName !== name) {
          throw new Error(`conflicting parameter names {${node.param.paramName}} and {${name}} in ${route.path}`);
        }
        node = node.param;
      } else {
        let next = node.statics.get(segment);
        if (!next) {
          next = new TrieNode();
          node.statics.set(segment, next);
        }
        node = next;
      }
    }
    if (node.routes.has(route.method)) throw new Error(`duplicate route ${route.method} ${route.service.prefix}${route.path}`);
    node.routes.set(route.method, route);
  }

  find(method: string, path: string): Match {
    const captured: string[] = [];
    const node = this.walk(this.root, splitPath(path), 0, captured, method);
    if (!node) return { kind: 'not_found' };
    const params: Record<string, string> = {};
    for (let i = 0; i < captured.length; i += 2) params[captured[i]!] = captured[i + 1]!;
    return { kind: 'found', route: node.routes.get(method)!, params };
  }

  /** Depth-first: static child first, then the param child; `captured` holds name, value pairs. */
  private walk(node: TrieNode, segments: string[], i: number, captured: string[], method: string): TrieNode | undefined {
    if (i === segments.length) return node.routes.has(method) ? node : undefined;
    const segment = segments[i]!;
    const next = node.statics.get(segment);
    if (next) {
      const found = this.walk(next, segments, i + 1, captured, method);
      if (found) return found;
    }
    if (node.param) {
      captured.push(node.param.paramName, segment);
      const found = this.walk(node.param, segments, i + 1, captured, method);
      if (found) return found;
      captured.length -= 2;
    }
    return undefined;
  }
}

export function splitPath(path: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || path.charCodeAt(i) === 47 /* / */) {
      if (i > start) out.push(path.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}
