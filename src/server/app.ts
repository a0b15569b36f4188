import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/database';
import { registerAccessRoutes } from '../modules/access/access.routes';
import { AccessService } from '../modules/access/access.service';
import { registerAuditRoutes } from '../modules/access/audit.routes';
import { AuditService } from '../modules/access/audit.service';
import { Mailer } from '../lib/mailer';
import { registerBodiesRoutes } from '../modules/bodies/bodies.routes';
import { BodiesService } from '../modules/bodies/bodies.service';
import { CoverageService } from '../modules/bodies/coverage.service';
import { MandatesService } from '../modules/bodies/mandates.service';
import { registerActionsRoutes } from '../modules/meetings/actions.routes';
import { ActionsService } from '../modules/meetings/actions.service';
import { registerCalendarFeedRoutes } from '../modules/meetings/calendar-feed.routes';
import { CalendarFeedService } from '../modules/meetings/calendar-feed.service';
import { registerInvitationsRoutes } from '../modules/meetings/invitations.routes';
import { InvitationsService } from '../modules/meetings/invitations.service';
import { registerMeetingsRoutes } from '../modules/meetings/meetings.routes';
import { MeetingsService } from '../modules/meetings/meetings.service';
import { MinutesService } from '../modules/meetings/minutes.service';
import { SigningKey } from '../modules/meetings/signing';
import { registerCommuniquesRoutes } from '../modules/newsroom/communiques.routes';
import { CommuniquesService } from '../modules/newsroom/communiques.service';
import { registerImportRoutes } from '../modules/people/import/import.routes';
import { registerPeopleRoutes } from '../modules/people/people.routes';
import { MemberCountsService } from '../modules/people/counts.service';
import { PeopleService, PersonRecordsService } from '../modules/people/people.service';
import { registerTerritoryRoutes } from '../modules/territory/territory.routes';
import type { TerritoryService } from '../modules/territory/territory.service';
import { AppError } from './errors';
import { installGuard } from './guard';
import { pickLocale } from './locale';
import { renderMessage } from './messages';
import { registerSystemRoutes } from './system.routes';
import { describeIssues } from './validation';

export const VERSION = '0.1.0';
const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppServices {
  database: Database;
  territories: TerritoryService;
  access: AccessService;
  audit: AuditService;
  bodies: BodiesService;
  mandates: MandatesService;
  coverage: CoverageService;
  people: PeopleService;
  personRecords: PersonRecordsService;
  meetings: MeetingsService;
  minutes: MinutesService;
  actions: ActionsService;
  communiques: CommuniquesService;
  invitations: InvitationsService;
  calendarFeeds: CalendarFeedService;
}

export function createServices(database: Database, territories: TerritoryService, mailer: Mailer): AppServices {
  const { db } = database;
  const people = new PeopleService(db, territories);
  const bodies = new BodiesService(db, territories);
  const access = new AccessService(db, territories, mailer);
  const invitations = new InvitationsService(db, mailer, new SigningKey(db), { publicUrl: () => access.publicUrl });
  return {
    database,
    territories,
    access,
    audit: new AuditService(db, (id) => people.accessFacts(id)),
    bodies,
    mandates: new MandatesService(db),
    coverage: new CoverageService(db, territories, new MemberCountsService(db)),
    people,
    personRecords: new PersonRecordsService(db),
    // Once invitations went out, a change or a cancellation reaches the invited.
    meetings: new MeetingsService(db, territories, { afterChange: (id, change, actor) => invitations.onMeetingChanged(id, change, actor) }),
    minutes: new MinutesService(db),
    actions: new ActionsService(db, territories),
    communiques: new CommuniquesService(db, territories),
    invitations,
    calendarFeeds: new CalendarFeedService(db, invitations, { publicUrl: () => access.publicUrl, rightsOf: (user) => access.rightsOf(user) }),
  };
}

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

export interface AppOptions {
  /** Log requests (method, route pattern, status, time — never a URL's query or a body). */
  logger?: boolean;
  /** Where the log goes (standard output by default). */
  logStream?: NodeJS.WritableStream;
  isHttps?: boolean;
}

export async function buildApp(services: AppServices, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', ...(options.logStream ? { stream: options.logStream } : {}) } : false,
    // Fastify's request log carries the URL, whose query can hold a searched name: log our own line instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 256 * 1024,
    trustProxy: process.env.TANZIM_TRUST_PROXY === '1',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a style element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: options.isHttps ? [] : null,
      },
    },
    hsts: options.isHttps ? undefined : false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Tanzim API', version: VERSION, description: 'Territorial organization on the official map of Morocco.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tanzim_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  // Per-address limits where a route asks for one (sign-in, account e-mails); per-account limits are in AccessService.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => ({ statusCode: 429, code: 'RATE_LIMITED', seconds: Math.ceil(context.ttl / 1000) }),
  });

  installGuard(app, (token) => services.access.resolveSession(token), {
    territory: async (code) => (services.territories.get(code) ? [code] : null),
    body: (id) => services.bodies.territoriesOf(id),
    person: (id) => services.people.territoriesOf(id),
    mandate: (id) => services.mandates.territoriesOf(id),
    meeting: (id) => services.meetings.territoriesOf(id),
    decision: (id) => services.meetings.decisionTerritoriesOf(id),
    action: (id) => services.actions.territoriesOf(id),
    communique: (id) => services.communiques.territoriesOf(id),
  });

  if (options.logger) {
    app.addHook('onResponse', async (req, reply) => {
      req.log.info({ method: req.method, route: req.routeOptions.url ?? 'unknown', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    });
  }

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = pickLocale(req.headers['accept-language']);
    const send = (status: number, code: Parameters<typeof renderMessage>[0], params: Parameters<typeof renderMessage>[2] = {}, extra: object = {}) =>
      reply.status(status).type('application/json').send({ error: { code, message: renderMessage(code, locale, params), ...extra } });
    if (err instanceof AppError) return send(err.status, err.code, err.params);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = describeIssues(req, err.validationContext, err.validation, locale);
      const details = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      return send(400, 'invalid_request', { details }, { issues });
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, 'malformed_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, 'unsupported_media_type');
    }
    if (err instanceof SyntaxError) return send(400, 'malformed_json');
    if (err.statusCode === 429) return send(429, 'too_many_attempts', { seconds: (err as { seconds?: number }).seconds ?? 60 });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return send(err.statusCode, 'invalid_request', { details: err.code ?? '' });
    // Unexpected: log what a developer needs, never the values (a database error's detail can hold personal data).
    req.log.error({ err: { name: err.name, code: err.code, stack: err.stack?.split('\n').slice(0, 8).join('\n') } }, 'unhandled error');
    return send(500, 'internal');
  });

  await app.register(async (api) => {
    const t = api.withTypeProvider<ZodTypeProvider>();
    registerSystemRoutes(t, services);
    registerAccessRoutes(t, services);
    registerAuditRoutes(t, services);
    registerTerritoryRoutes(t, services);
    registerBodiesRoutes(t, services);
    registerPeopleRoutes(t, services);
    registerImportRoutes(t, services);
    registerMeetingsRoutes(t, services);
    registerActionsRoutes(t, services);
    registerCommuniquesRoutes(t, services);
    registerInvitationsRoutes(t, services);
    registerCalendarFeedRoutes(t, services);
  });

  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      const locale = pickLocale(req.headers['accept-language']);
      return reply.status(404).send({ error: { code: 'route_not_found', message: renderMessage('route_not_found', locale) } });
    }
    // The single-page app answers every other path; its router picks the page.
    return reply.type('text/html').sendFile('index.html');
  });

  await app.ready();
  return app;
}
