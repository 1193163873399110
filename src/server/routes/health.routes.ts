import { z } from 'zod';
import type { App, RouteDeps } from './types.js';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string() });

export function healthRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness and the kind of database in use', response: { 200: Health } },
    },
    async () => ({
      status: 'ok' as const,
      database: deps.databaseKind,
      version: process.env['npm_package_version'] ?? '0.1.0',
    }),
  );
}
