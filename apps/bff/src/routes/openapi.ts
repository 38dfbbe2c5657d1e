import { Router } from 'express';
import { z } from 'zod';
import { ApiErrorSchema, apiRoutes, type ApiRoute } from '@console/contract';

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

function operation(r: ApiRoute) {
  const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
  if (r.query) {
    const q = json(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      params.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema: schema as { type: string } });
    }
  }
  const ok = String(r.status ?? 200);
  const responses: Record<string, unknown> = {
    [ok]: r.stream
      ? { description: 'event stream', content: { 'text/event-stream': { schema: json(r.stream, 'output') } } }
      : r.response
        ? { description: 'success', content: { 'application/json': { schema: json(r.response, 'output') } } }
        : { description: 'success' },
    default: { description: 'error', content: { 'application/json': { schema: json(ApiErrorSchema, 'output') } } },
  };
  return {
    summary: r.summary,
    'x-required-role': r.role,
    ...(params.length ? { parameters: params } : {}),
    ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: json(r.body, 'input') } } } } : {}),
    responses,
    ...(r.role === 'public' ? { security: [] } : {}),
  };
}

export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of apiRoutes) {
    const p = r.path.replace(/:(\w+)/g, '{$1}');
    (paths[p] ??= {})[r.method.toLowerCase()] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Cloud storage console API', version },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'console_session' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'from GET /api/v1/me; required on every mutating call' },
      },
    },
    security: [{ session: [], csrf: [] }],
    paths,
  };
}

export function openApiRoutes(version: string): Router {
  const router = Router();
  const doc = openApiDocument(version);
  router.get('/openapi.json', (_req, res) => {
    res.json(doc);
  });
  return router;
}
