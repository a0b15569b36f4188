import { z } from 'zod';
import { pingDatabase } from '../db/database';
import type { AppServices } from './app';
import type { ZodApp } from './zod-app';

export function registerSystemRoutes(app: ZodApp, services: AppServices) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }) },
      },
    },
    async () => {
      await pingDatabase(services.database.db);
      return { status: 'ok' as const, database: services.database.engine, version: process.env.npm_package_version ?? '0.1.0' };
    },
  );

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async (_req, reply) => reply.send(app.swagger()),
  );
}
