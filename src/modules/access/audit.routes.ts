import { z } from 'zod';
import type { AppServices } from '../../server/app';
import { errors, userOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';

const auditQuery = z.strictObject({
  resource: z.string().max(40).optional(),
  id: z.string().max(100).optional(),
  user: z.string().uuid().optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  before: z.coerce.number().int().positive().optional().describe('Cursor: the nextBefore of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    userId: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    resource: z.string(),
    resourceId: z.string(),
    territoryCode: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    isMasked: z.boolean().describe('Personal fields replaced by ••• because the reader may not read that person today'),
  })
  .meta({ id: 'AuditEntry' });

export function registerAuditRoutes(app: ZodApp, { audit }: AppServices) {
  app.get(
    '/api/audit',
    {
      config: { access: 'write', scope: 'list' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log: every write, newest first (administrators: all; officers: their territories)',
        querystring: auditQuery,
        response: { 200: z.object({ items: z.array(auditEntry), total: z.number().int(), nextBefore: z.number().int().nullable() }), ...errors },
      },
    },
    async (req) => audit.list(req.query, userOf(req).rights),
  );
}
