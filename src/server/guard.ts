import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../modules/access/access.service';
import type { Access } from '../modules/access/roles';
import { AppError } from './errors';
import type { MessageCode } from './messages';

export const SESSION_COOKIE = 'tanzim_session';
export const CSRF_HEADER = 'x-tanzim-csrf';

/** The kinds of resource whose territory decides who may see or change them. */
export type ResourceKind = 'territory' | 'body' | 'person' | 'mandate' | 'meeting' | 'decision' | 'action' | 'communique';

/**
 * The territories a resource belongs to (a person: commune of residence and the bodies of their
 * mandates), or null when there is no such resource (the handler then answers 404 or 422 itself).
 */
export type TerritoryResolver = (id: string) => Promise<string[] | null>;
export type ScopeResolvers = Record<ResourceKind, TerritoryResolver>;

/** One scope check: take the resource named at `from` (params.id, body.territoryCode…) and check the caller's scope covers it. */
export interface ScopeCheck {
  resource: ResourceKind;
  from: `${'params' | 'body' | 'query'}.${string}`;
  /** Defaults to read for GET and write otherwise. */
  need?: 'read' | 'write';
  /** When the field is absent the check is skipped (else only a national scope passes). */
  isOptional?: boolean;
}

/**
 * How a route keeps to the caller's territories — every route that is neither public nor for
 * administrators must say: `self` (it acts on the caller only), `owner` (it acts on a resource of the
 * caller's own, such as an import: the service answers 404 for anyone else's, administrators aside),
 * `list` (the handler passes the caller's scope to the service, which filters rows and counts in SQL),
 * or checks on the resources the request names.
 */
export type RouteScope = 'self' | 'owner' | 'list' | ScopeCheck[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    scope?: RouteScope;
  }
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declarations, for the OpenAPI and access checks. */
    apiRoutes: Array<{ method: string; url: string; access: Access; scope: RouteScope | null }>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Bodies, people, mandates, meetings and actions are not disclosed outside a scope: a request for one answers as if it did not exist.
const HIDDEN_AS: Record<ResourceKind, MessageCode | null> = {
  territory: null,
  body: 'body_not_found',
  person: 'person_not_found',
  mandate: 'mandate_not_found',
  meeting: 'meeting_not_found',
  decision: 'decision_not_found',
  action: 'action_not_found',
  communique: 'communique_not_found',
};

function valueAt(req: FastifyRequest, from: string): unknown {
  const [part, ...path] = from.split('.');
  let current: unknown = part === 'params' ? req.params : part === 'body' ? req.body : req.query;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * One access mechanism for every route: a route declares `config.access` and, unless public or for
 * administrators, `config.scope`; these hooks enforce them before the handler runs. A route that
 * forgets either declaration makes start-up fail, so a new route cannot skip the checks.
 */
export function installGuard(app: FastifyInstance, resolveSession: (token: string) => Promise<SessionUser | null>, resolvers: ScopeResolvers) {
  app.decorateRequest('user', null);
  app.decorate('apiRoutes', []);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const config = route.config as { access?: Access; scope?: RouteScope } | undefined;
    const access = config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no config.access`);
    const scope = config?.scope ?? null;
    if ((access === 'user' || access === 'write') && !scope) throw new Error(`Route ${String(route.method)} ${route.url} declares no config.scope`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access, scope });
  });

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config.access;
    if (!access) return;
    const token = req.cookies[SESSION_COOKIE];
    req.user = token ? await resolveSession(token) : null;
    // Cookie-authenticated writes need a header a cross-site form cannot send (OWASP custom request header).
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] === undefined) throw new AppError(403, 'csrf_header_missing');
    if (access === 'public') return;
    if (!req.user) throw new AppError(401, 'unauthenticated');
    const { rights } = req.user;
    if (access === 'write' && rights.write.isEmpty) throw new AppError(403, 'forbidden');
    if (access === 'admin' && !rights.isAdmin) throw new AppError(403, 'forbidden');
  });

  // After parsing, before validation: the check needs only the names of the resources, so a request
  // outside the scope is refused the same way whether or not the rest of it is valid.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const scope = req.routeOptions.config.scope;
    if (!req.user || !Array.isArray(scope)) return;
    const { rights } = req.user;
    for (const check of scope) {
      const value = valueAt(req, check.from);
      let codes: string[] | null;
      if (value === undefined || value === null || value === '') {
        if (check.isOptional) continue;
        codes = [];
      } else if (typeof value !== 'string') {
        continue; // validation answers 400
      } else {
        codes = await resolvers[check.resource](value);
        if (codes === null) continue; // no such resource: the handler answers
      }
      const need = check.need ?? (SAFE_METHODS.has(req.method) ? 'read' : 'write');
      const isReadable = rights.read.isAll || codes.some((c) => rights.read.covers(c));
      const hiddenAs = HIDDEN_AS[check.resource];
      if (!isReadable && hiddenAs) throw new AppError(404, hiddenAs);
      const isAllowed = need === 'read' ? isReadable : rights.write.isAll || codes.some((c) => rights.write.covers(c));
      if (!isAllowed) throw new AppError(403, 'forbidden');
    }
  });
}
