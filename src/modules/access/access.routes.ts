import { z } from 'zod';
import type { AppServices } from '../../server/app';
import { SESSION_COOKIE } from '../../server/guard';
import { actorOf, clearSessionCookie, errors, listOf, setSessionCookie, userOf } from '../../server/http';
import { pickLocale } from '../../server/locale';
import type { ZodApp } from '../../server/zod-app';
import {
  acceptInvitationInput,
  accessSettings,
  endGrantInput,
  grant,
  grantInput,
  invitationResult,
  inviteInput,
  loginInput,
  meEnvelope,
  passwordResetInput,
  passwordResetRequest,
  setupInput,
  user,
  userDetail,
  userEnvelope,
} from './access.schema';

const idParams = z.strictObject({ id: z.string().uuid() });
// Per-address limits on the public account routes that send e-mail or check a password.
const strictLimit = { rateLimit: { max: 10, timeWindow: '15 minutes' } };

export function registerAccessRoutes(app: ZodApp, { access }: AppServices) {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 60, timeWindow: '15 minutes' } },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: loginInput, response: { 200: userEnvelope, ...errors } },
    },
    async (req, reply) => {
      const session = await access.login(req.body.email, req.body.password, req.ip ?? null);
      // A new token at every sign-in; any token the browser held before is dropped.
      const previous = req.cookies[SESSION_COOKIE];
      if (previous) await access.logout(previous);
      setSessionCookie(req, reply, session.token);
      return { user: session.user };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await access.logout(token);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'user', scope: 'self' }, schema: { tags: ['auth'], summary: 'The signed-in user and the roles in force', response: { 200: meEnvelope, ...errors } } },
    async (req) => {
      const u = userOf(req);
      return {
        user: {
          id: u.id,
          email: u.email,
          name: u.name,
          role: u.role,
          scopeCode: u.scopeCode,
          isActive: u.isActive,
          grants: u.rights.grants.map((g) => ({ role: g.role, scopeCode: g.scopeCode, source: g.source, endsOn: g.endsOn })),
        },
      };
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public', ...strictLimit },
      schema: { tags: ['auth'], summary: 'E-mail a one-time password reset link (the answer is the same for unknown addresses)', body: passwordResetRequest, response: { 202: z.null(), ...errors } },
    },
    async (req, reply) => {
      await access.requestPasswordReset(pickLocale(req.headers['accept-language']), req.body.email);
      return reply.status(202).send(null);
    },
  );

  app.post(
    '/api/auth/password-reset/complete',
    {
      config: { access: 'public', ...strictLimit },
      schema: { tags: ['auth'], summary: 'Set a new password with the link; ends every session of the account', body: passwordResetInput, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await access.completePasswordReset(req.ip ?? null, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { access: 'public', ...strictLimit },
      schema: { tags: ['auth'], summary: 'Choose a password with an invitation link; signs in', body: acceptInvitationInput, response: { 200: userEnvelope, ...errors } },
    },
    async (req, reply) => {
      const { user: accepted, token } = await access.acceptInvitation(req.body);
      setSessionCookie(req, reply, token);
      return { user: accepted };
    },
  );

  app.get(
    '/api/setup',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Whether the first administrator is still to be created', response: { 200: z.object({ needed: z.boolean() }) } } },
    async () => ({ needed: await access.isSetupNeeded() }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public', ...strictLimit },
      schema: { tags: ['auth'], summary: 'Create the first national administrator with the one-time setup token', body: setupInput, response: { 201: userEnvelope, ...errors } },
    },
    async (req, reply) => {
      const { user: created, token } = await access.completeSetup(actorOf(req).ip, req.body);
      setSessionCookie(req, reply, token);
      return reply.status(201).send({ user: created });
    },
  );

  app.get(
    '/api/users',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'All users', response: { 200: listOf(user), ...errors } } },
    async () => {
      const items = await access.listUsers();
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/users/:id',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'A user with their grants and the roles in force', params: idParams, response: { 200: userDetail, ...errors } } },
    async (req) => access.getUser(req.params.id),
  );

  app.post(
    '/api/users/invitations',
    {
      config: { access: 'admin' },
      schema: { tags: ['users'], summary: 'Invite a user by e-mail with a role on a territory', body: inviteInput, response: { 201: invitationResult, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await access.invite(actorOf(req), pickLocale(req.headers['accept-language']), req.body)),
  );

  app.post(
    '/api/users/:id/deactivate',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'Deactivate a user; their sessions end at once', params: idParams, response: { 200: user, ...errors } } },
    async (req) => access.setActive(actorOf(req), req.params.id, false),
  );

  app.post(
    '/api/users/:id/activate',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'Activate a user again', params: idParams, response: { 200: user, ...errors } } },
    async (req) => access.setActive(actorOf(req), req.params.id, true),
  );

  app.post(
    '/api/users/:id/grants',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'Grant a role on a territory over a period', params: idParams, body: grantInput, response: { 201: grant, ...errors } } },
    async (req, reply) => reply.status(201).send(await access.grant(actorOf(req), { userId: req.params.id, ...req.body })),
  );

  app.post(
    '/api/grants/:id/end',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'End a grant (today unless a date is given)', params: idParams, body: endGrantInput, response: { 200: grant, ...errors } } },
    async (req) => access.endGrant(actorOf(req), req.params.id, req.body.endsOn),
  );

  app.get(
    '/api/settings/access',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'Access settings of the organization', response: { 200: accessSettings, ...errors } } },
    async () => ({ mandateGrants: await access.isMandateGrantsEnabled() }),
  );

  app.put(
    '/api/settings/access',
    { config: { access: 'admin' }, schema: { tags: ['users'], summary: 'Change the access settings', body: accessSettings.strict(), response: { 200: accessSettings, ...errors } } },
    async (req) => {
      await access.setMandateGrantsEnabled(actorOf(req), req.body.mandateGrants);
      return { mandateGrants: await access.isMandateGrantsEnabled() };
    },
  );

}
