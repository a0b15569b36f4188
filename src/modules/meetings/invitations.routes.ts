import { z } from 'zod';
import type { AppServices } from '../../server/app';
import { actorOf, errors, userOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';
import { invitationList, rsvpInput, rsvpQuery, rsvpView, sendInvitationsResult } from './invitations.schema';
import { idParams } from './meetings.schema';

const meetingScope = [{ resource: 'meeting' as const, from: 'params.id' as const }];
// The answer links work without a session: limit what one address can try.
const rsvpLimit = { rateLimit: { max: 60, timeWindow: '15 minutes' } };

export function registerInvitationsRoutes(app: ZodApp, { invitations }: AppServices) {
  app.get(
    '/api/meetings/:id/invitations',
    {
      config: { access: 'user', scope: meetingScope },
      schema: { tags: ['meetings'], summary: 'Who is invited, what was sent to them and their answers, with counts', params: idParams, response: { 200: invitationList, ...errors } },
    },
    async (req) => invitations.list(req.params.id),
  );

  app.post(
    '/api/meetings/:id/invitations/send',
    {
      config: { access: 'write', scope: meetingScope },
      schema: {
        tags: ['meetings'],
        summary:
          'Bring the list up to date (current members of the organizing and invited bodies, named guests, minus withdrawn consents) and e-mail the invitation with its calendar file to everyone who has not had the current version; cancellations to those taken off',
        params: idParams,
        response: { 200: sendInvitationsResult, ...errors },
      },
    },
    async (req) => invitations.send(actorOf(req), req.params.id),
  );

  app.get(
    '/api/meetings/:id/ics',
    {
      config: { access: 'user', scope: meetingScope },
      schema: { tags: ['meetings'], summary: 'The meeting as an iCalendar file (the video link only for the invited and the meeting’s officers)', params: idParams, produces: ['text/calendar'], response: { 200: z.string().describe('iCalendar'), ...errors } },
    },
    async (req, reply) => {
      const user = userOf(req);
      const { ics, filename } = await invitations.meetingCalendar(req.params.id, { personId: user.personId, write: user.rights.write });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(Buffer.from(ics) as never);
    },
  );

  app.get(
    '/api/rsvp',
    {
      config: { access: 'public', ...rsvpLimit },
      schema: { tags: ['meetings'], summary: 'What an invitation answer link is about: the meeting, the invited person’s first name and answer (changes nothing)', querystring: rsvpQuery, response: { 200: rsvpView, ...errors } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return invitations.rsvpView(req.query.token);
    },
  );

  app.post(
    '/api/rsvp',
    {
      config: { access: 'public', ...rsvpLimit },
      schema: { tags: ['meetings'], summary: 'Answer an invitation (yes, no, maybe) with the signed link from the e-mail, without signing in', body: rsvpInput, response: { 200: rsvpView, ...errors } },
    },
    async (req) => invitations.answer(actorOf(req), req.body.token, req.body.answer),
  );
}
