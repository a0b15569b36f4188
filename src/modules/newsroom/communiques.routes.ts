import type { AppServices } from '../../server/app';
import { actorOf, errors, listOf, readScopeOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';
import { idParams } from '../meetings/meetings.schema';
import { communique, communiqueListQuery, updateCommuniqueInput } from './communiques.schema';

export function registerCommuniquesRoutes(app: ZodApp, services: AppServices) {
  const { communiques } = services;

  app.post(
    '/api/meetings/:id/communique',
    {
      config: { access: 'write', scope: [{ resource: 'meeting', from: 'params.id' }] },
      schema: {
        tags: ['communiques'],
        summary: "Generate a draft communiqué (Arabic and French) from the meeting's record as it stands",
        params: idParams,
        response: { 201: communique, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await communiques.generateForMeeting(actorOf(req), req.params.id)),
  );

  app.get(
    '/api/communiques',
    {
      config: { access: 'user', scope: 'list' },
      schema: { tags: ['communiques'], summary: "Communiqués of a meeting or a territory, within the caller's scope, newest first", querystring: communiqueListQuery, response: { 200: listOf(communique), ...errors } },
    },
    async (req) => communiques.list(req.query, readScopeOf(req)),
  );

  app.get(
    '/api/communiques/:id',
    {
      config: { access: 'user', scope: [{ resource: 'communique', from: 'params.id' }] },
      schema: { tags: ['communiques'], summary: 'A communiqué', params: idParams, response: { 200: communique, ...errors } },
    },
    async (req) => communiques.get(req.params.id),
  );

  app.patch(
    '/api/communiques/:id',
    {
      config: { access: 'write', scope: [{ resource: 'communique', from: 'params.id' }] },
      schema: { tags: ['communiques'], summary: 'Edit the text of a draft communiqué', params: idParams, body: updateCommuniqueInput, response: { 200: communique, ...errors } },
    },
    async (req) => communiques.update(actorOf(req), req.params.id, req.body),
  );
}
