import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../modules/access/audit';
import type { Scope } from '../modules/access/scope';
import { SESSION_ABSOLUTE_MS } from '../modules/access/access.service';
import { SESSION_COOKIE } from './guard';

export function actorOf(req: FastifyRequest): Actor {
  return { userId: req.user?.id ?? null, ip: req.ip ?? null };
}

/** The signed-in user of a route declared `user`, `write` or `admin` (the guard has checked it). */
export function userOf(req: FastifyRequest) {
  if (!req.user) throw new Error('route reached without a user; check its config.access');
  return req.user;
}

/** The territories the caller may read: what a `list` route passes to its service. */
export function readScopeOf(req: FastifyRequest): Scope {
  return userOf(req).rights.read;
}

/** The territories the caller may write. */
export function writeScopeOf(req: FastifyRequest): Scope {
  return userOf(req).rights.write;
}

export function isSecureRequest(req: FastifyRequest): boolean {
  return req.protocol === 'https' || (process.env.TANZIM_PUBLIC_URL ?? '').startsWith('https://');
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(req),
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('For invalid_request: each field refused, with the reason'),
    }),
  })
  .meta({ id: 'Error' });

/** Error responses every route may give, for the OpenAPI document. */
export const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse };

export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const isoDate = z.iso.date();
