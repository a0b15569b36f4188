import type { AppServices } from '../../server/app';
import { actorOf, errors, listOf, readScopeOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';
import { codeParams } from '../territory/territory.schema';
import {
  body,
  bodyDetail,
  bodyKindsResponse,
  bodyListQuery,
  changeStatusInput,
  constituteInput,
  coverage,
  createBodyInput,
  createMandateInput,
  endMandateInput,
  idParams,
  mandate,
  mandateListQuery,
  renameBodyInput,
} from './bodies.schema';
import { BODY_KINDS, bodyKinds } from './body-kinds';

export function registerBodiesRoutes(app: ZodApp, services: AppServices) {
  const { bodies, mandates, coverage: coverageService } = services;

  app.get(
    '/api/body-kinds',
    { config: { access: 'public' }, schema: { tags: ['bodies'], summary: 'The declared body kinds, their levels and positions', response: { 200: bodyKindsResponse } } },
    async () => ({
      items: BODY_KINDS.map((k) => {
        const d = bodyKinds[k];
        return { kind: d.kind, levels: [...d.levels], parentKinds: [...d.parentKinds], positions: d.positions.map((p) => ({ ...p })), isCoverage: d.isCoverage };
      }),
    }),
  );

  app.get(
    '/api/territories/:code/coverage',
    {
      config: { access: 'user', scope: 'list' },
      schema: { tags: ['coverage'], summary: "Coverage of a territory, commune by commune, within the caller's scope", params: codeParams, response: { 200: coverage, ...errors } },
    },
    async (req) => coverageService.compute(req.params.code, readScopeOf(req)),
  );

  app.get(
    '/api/bodies',
    { config: { access: 'user', scope: 'list' }, schema: { tags: ['bodies'], summary: "Bodies of a territory subtree, within the caller's scope", querystring: bodyListQuery, response: { 200: listOf(body), ...errors } } },
    async (req) => bodies.list(req.query, readScopeOf(req)),
  );

  app.post(
    '/api/bodies',
    {
      config: { access: 'write', scope: [{ resource: 'territory', from: 'body.territoryCode' }, { resource: 'body', from: 'body.parentId', need: 'read', isOptional: true }] },
      schema: { tags: ['bodies'], summary: 'Create a body', body: createBodyInput, response: { 201: body, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await bodies.create(actorOf(req), req.body)),
  );

  app.get(
    '/api/bodies/:id',
    {
      config: { access: 'user', scope: [{ resource: 'body', from: 'params.id' }] },
      schema: { tags: ['bodies'], summary: 'A body with its history, mandates, parent and children', params: idParams, response: { 200: bodyDetail, ...errors } },
    },
    async (req) => {
      const scope = readScopeOf(req);
      const b = await bodies.get(req.params.id);
      const [history, bodyMandates, parent, children] = await Promise.all([
        bodies.history(b),
        mandates.list({ bodyId: b.id }, scope),
        b.parentId ? bodies.get(b.parentId) : Promise.resolve(null),
        bodies.children(b.id, scope),
      ]);
      // The parent is shown only inside the caller's scope: a local secretary does not see the region's bodies.
      return { ...b, history, mandates: bodyMandates, parent: parent && scope.covers(parent.territoryCode) ? parent : null, children };
    },
  );

  app.patch(
    '/api/bodies/:id',
    { config: { access: 'write', scope: [{ resource: 'body', from: 'params.id' }] }, schema: { tags: ['bodies'], summary: 'Rename a body', params: idParams, body: renameBodyInput, response: { 200: body, ...errors } } },
    async (req) => bodies.rename(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/bodies/:id/status',
    { config: { access: 'write', scope: [{ resource: 'body', from: 'params.id' }] }, schema: { tags: ['bodies'], summary: "Change a body's status", params: idParams, body: changeStatusInput, response: { 200: body, ...errors } } },
    async (req) => bodies.changeStatus(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/bodies/:id/constitute',
    {
      config: { access: 'write', scope: [{ resource: 'body', from: 'params.id' }] },
      schema: { tags: ['bodies'], summary: 'Constitute the local secretariat that succeeds a preparatory committee', params: idParams, body: constituteInput, response: { 201: body, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await bodies.constitute(actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/mandates',
    {
      config: { access: 'user', scope: 'list' },
      schema: { tags: ['mandates'], summary: "Mandates of a body or a person, within the caller's scope", querystring: mandateListQuery, response: { 200: listOf(mandate), ...errors } },
    },
    async (req) => {
      const items = await mandates.list({ bodyId: req.query.body, personId: req.query.person, currentOnly: req.query.current === 'true' }, readScopeOf(req));
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/mandates',
    {
      config: { access: 'write', scope: [{ resource: 'body', from: 'body.bodyId' }, { resource: 'person', from: 'body.personId', need: 'read' }] },
      schema: { tags: ['mandates'], summary: 'Give a position in a body to a person', body: createMandateInput, response: { 201: mandate, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await mandates.create(actorOf(req), req.body)),
  );

  app.post(
    '/api/mandates/:id/end',
    { config: { access: 'write', scope: [{ resource: 'mandate', from: 'params.id' }] }, schema: { tags: ['mandates'], summary: 'End a mandate', params: idParams, body: endMandateInput, response: { 200: mandate, ...errors } } },
    async (req) => mandates.end(actorOf(req), req.params.id, req.body.endedOn),
  );
}
