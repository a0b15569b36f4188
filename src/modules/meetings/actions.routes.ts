import { z } from 'zod';
import type { AppServices } from '../../server/app';
import { actorOf, errors, listOf, readScopeOf } from '../../server/http';
import { pickLocale } from '../../server/locale';
import type { ZodApp } from '../../server/zod-app';
import { ActionsExportService } from './actions.export';
import { action, actionBoard, actionBoardQuery, actionExportQuery, actionListQuery, createActionInput, idParams, updateActionInput } from './meetings.schema';
import { viewerOf } from './meetings.routes';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
const actionScope = [{ resource: 'action' as const, from: 'params.id' as const }];

export function registerActionsRoutes(app: ZodApp, { database, territories, actions }: AppServices) {
  const exports = new ActionsExportService(database.db, territories);

  app.get(
    '/api/actions',
    {
      config: { access: 'user', scope: 'list' },
      schema: { tags: ['actions'], summary: "Actions within the caller's scope, by territory, status, lateness, owner or meeting", querystring: actionListQuery, response: { 200: listOf(action), ...errors } },
    },
    async (req) => actions.list(req.query, readScopeOf(req)),
  );

  app.get(
    '/api/actions/board',
    {
      config: { access: 'user', scope: 'list' },
      schema: {
        tags: ['actions'],
        summary: "The roll-up of a territory's actions within the caller's scope: totals, by child territory and by owner",
        querystring: actionBoardQuery,
        response: { 200: actionBoard, ...errors },
      },
    },
    async (req) => actions.board(req.query.territory, readScopeOf(req)),
  );

  app.get(
    '/api/actions/export',
    {
      config: { access: 'user', scope: 'list' },
      schema: {
        tags: ['actions'],
        summary: 'Export a filtered actions list (the filters of GET /api/actions) as CSV or XLSX',
        querystring: actionExportQuery,
        produces: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
        response: { 200: z.string().describe('the file'), ...errors },
      },
    },
    async (req, reply) => {
      const { format, lang, ...query } = req.query;
      const file = await exports.export(actorOf(req), query, readScopeOf(req), format, lang ?? pickLocale(req.headers['accept-language']));
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="actions-${query.territory ?? 'all'}-${day}.${format}"`)
        .header('cache-control', 'no-store')
        .send(file as never);
    },
  );

  app.get(
    '/api/actions/:id',
    { config: { access: 'user', scope: actionScope }, schema: { tags: ['actions'], summary: 'One action', params: idParams, response: { 200: action, ...errors } } },
    async (req) => actions.get(req.params.id),
  );

  app.post(
    '/api/actions',
    {
      config: {
        access: 'write',
        scope: [
          { resource: 'decision', from: 'body.decisionId' },
          { resource: 'person', from: 'body.ownerPersonId', need: 'read', isOptional: true },
          { resource: 'body', from: 'body.ownerBodyId', need: 'read', isOptional: true },
        ],
      },
      schema: { tags: ['actions'], summary: 'Create an action from a decision, owned by a person or a body', body: createActionInput, response: { 201: action, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await actions.create(actorOf(req), viewerOf(req), req.body)),
  );

  app.patch(
    '/api/actions/:id',
    {
      config: { access: 'write', scope: actionScope },
      schema: { tags: ['actions'], summary: 'Change an action: its status with a note, owner, due date or title', params: idParams, body: updateActionInput, response: { 200: action, ...errors } },
    },
    async (req) => actions.update(actorOf(req), viewerOf(req), req.params.id, req.body),
  );
}
