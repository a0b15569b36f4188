import { z } from 'zod';
import type { AppServices } from '../../../server/app';
import { actorOf, errors, readScopeOf } from '../../../server/http';
import { LOCALES, pickLocale } from '../../../server/locale';
import type { ZodApp } from '../../../server/zod-app';
import { personListQuery } from '../people.schema';
import { PeopleExportService } from './export.service';

export const exportQuery = personListQuery
  .omit({ limit: true, offset: true })
  .extend({
    format: z.enum(['csv', 'xlsx']).default('csv'),
    lang: z.enum(LOCALES).optional().describe('language of the headers and values (else Accept-Language)'),
  });

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function registerPeopleExportRoutes(app: ZodApp, { database, territories, people }: AppServices) {
  const exports = new PeopleExportService(database.db, territories, people);

  app.get(
    '/api/people/export',
    {
      config: { access: 'user', scope: 'list' },
      schema: {
        tags: ['people'],
        summary: "Export a filtered people list (the filters of GET /api/people) as CSV or XLSX, within the caller's scope",
        querystring: exportQuery,
        produces: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
        response: { 200: z.string().describe('the file'), ...errors },
      },
    },
    async (req, reply) => {
      const { format, lang, ...query } = req.query;
      if (query.territory) territories.require(query.territory);
      const locale = lang ?? pickLocale(req.headers['accept-language']);
      const stream = exports.export(actorOf(req), query, readScopeOf(req), format, locale);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="people-${query.territory ?? 'all'}-${day}.${format}"`)
        .header('cache-control', 'no-store')
        .send(stream as never);
    },
  );
}
