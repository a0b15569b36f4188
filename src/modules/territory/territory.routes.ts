import type { AppServices } from '../../server/app';
import { errors, listOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';
import { codeParams, territory, territoryDetail, territoryListQuery, territoryMap } from './territory.schema';

export function registerTerritoryRoutes(app: ZodApp, { territories }: AppServices) {
  app.get(
    '/api/territories',
    {
      config: { access: 'public' },
      schema: {
        tags: ['territories'],
        summary: 'List or search the official map (tolerant name search in Arabic or Latin script)',
        querystring: territoryListQuery,
        response: { 200: listOf(territory), ...errors },
      },
    },
    async (req) => territories.list(req.query),
  );

  app.get(
    '/api/territories/:code',
    { config: { access: 'public' }, schema: { tags: ['territories'], summary: 'One territory with its ancestors', params: codeParams, response: { 200: territoryDetail, ...errors } } },
    async (req) => {
      const t = territories.require(req.params.code);
      return { ...t, ancestors: territories.ancestors(t.code), childrenCount: territories.children(t.code).length };
    },
  );

  app.get(
    '/api/territories/:code/map',
    { config: { access: 'public' }, schema: { tags: ['territories'], summary: "Boundaries of a territory's children (TopoJSON)", params: codeParams, response: { 200: territoryMap, ...errors } } },
    async (req) => territories.map(req.params.code),
  );
}
