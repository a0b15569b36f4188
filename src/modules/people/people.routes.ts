import { z } from 'zod';
import type { AppServices } from '../../server/app';
import { actorOf, errors, listOf, readScopeOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';
import { mandate } from '../bodies/bodies.schema';
import { consent, consentInput, createPersonInput, fee, feeInput, person, personListQuery, updatePersonInput, withdrawConsentInput } from './people.schema';

const idParams = z.strictObject({ id: z.string().uuid() });
const personScope = [{ resource: 'person' as const, from: 'params.id' as const }];

export function registerPeopleRoutes(app: ZodApp, { people, personRecords, mandates }: AppServices) {
  app.get(
    '/api/people',
    {
      config: { access: 'user', scope: 'list' },
      schema: { tags: ['people'], summary: "List, filter or search people (tolerant of spelling, in both scripts) within the caller's scope", querystring: personListQuery, response: { 200: listOf(person), ...errors } },
    },
    async (req) => people.list(req.query, readScopeOf(req)),
  );

  app.get(
    '/api/people/retention',
    {
      config: { access: 'write', scope: 'list' },
      schema: {
        tags: ['people'],
        summary: 'People who left more than N years ago, to review for erasure',
        querystring: z.strictObject({ years: z.coerce.number().int().min(0).max(100).default(5) }),
        response: { 200: listOf(person), ...errors },
      },
    },
    async (req) => people.retention(req.query.years, readScopeOf(req)),
  );

  app.post(
    '/api/people',
    { config: { access: 'write', scope: [{ resource: 'territory', from: 'body.communeCode' }] }, schema: { tags: ['people'], summary: 'Add a person', body: createPersonInput, response: { 201: person, ...errors } } },
    async (req, reply) => reply.status(201).send(await people.create(actorOf(req), req.body)),
  );

  app.get(
    '/api/people/:id',
    {
      config: { access: 'user', scope: personScope },
      schema: {
        tags: ['people'],
        summary: 'One person with their mandates, fees and consents',
        params: idParams,
        response: { 200: person.extend({ mandates: z.array(mandate), fees: z.array(fee), consents: z.array(consent) }), ...errors },
      },
    },
    async (req) => {
      const id = req.params.id;
      const [p, m, f, c] = await Promise.all([people.get(id), mandates.list({ personId: id }, readScopeOf(req)), personRecords.fees(id), personRecords.consents(id)]);
      return { ...p, mandates: m, fees: f, consents: c };
    },
  );

  app.patch(
    '/api/people/:id',
    {
      config: { access: 'write', scope: [...personScope, { resource: 'territory', from: 'body.communeCode', isOptional: true }] },
      schema: { tags: ['people'], summary: 'Rectify a person', params: idParams, body: updatePersonInput, response: { 200: person, ...errors } },
    },
    async (req) => people.update(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/people/:id/fees',
    { config: { access: 'write', scope: personScope }, schema: { tags: ['people'], summary: 'Record a membership fee for a year', params: idParams, body: feeInput, response: { 201: z.array(fee), ...errors } } },
    async (req, reply) => reply.status(201).send(await personRecords.recordFee(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/people/:id/consents',
    { config: { access: 'write', scope: personScope }, schema: { tags: ['people'], summary: 'Record a consent (purpose, channel, date)', params: idParams, body: consentInput, response: { 201: z.array(consent), ...errors } } },
    async (req, reply) => reply.status(201).send(await personRecords.addConsent(actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/people/:id/consents/withdraw',
    {
      config: { access: 'write', scope: personScope },
      schema: { tags: ['people'], summary: 'Withdraw consent (one purpose, or all); the person leaves invitation lists', params: idParams, body: withdrawConsentInput, response: { 200: z.array(consent), ...errors } },
    },
    async (req) => personRecords.withdrawConsent(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/people/:id/data',
    {
      config: { access: 'user', scope: personScope },
      schema: { tags: ['people'], summary: 'Everything held about a person, as JSON (right of access, law 09-08)', params: idParams, response: { 200: z.record(z.string(), z.unknown()), ...errors } },
    },
    async (req, reply) => {
      const id = req.params.id;
      const [p, m, f, c] = await Promise.all([people.get(id), mandates.list({ personId: id }, readScopeOf(req)), personRecords.fees(id), personRecords.consents(id)]);
      await personRecords.recordAccess(actorOf(req), id, p.communeCode);
      reply.header('content-disposition', `attachment; filename="person-${id}.json"`);
      return { exportedAt: new Date().toISOString(), person: p, mandates: m, fees: f, consents: c };
    },
  );

  app.post(
    '/api/people/:id/erase',
    { config: { access: 'write', scope: personScope }, schema: { tags: ['people'], summary: 'Erase a person (anonymized; counts and history stay consistent)', params: idParams, response: { 200: person, ...errors } } },
    async (req) => {
      await personRecords.erase(actorOf(req), req.params.id);
      return people.get(req.params.id);
    },
  );
}
