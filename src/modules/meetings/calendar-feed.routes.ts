import type { AppServices } from '../../server/app';
import { actorOf, errors, userOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';
import { z } from 'zod';
import { calendarFeed, calendarTokenParams } from './invitations.schema';

export function registerCalendarFeedRoutes(app: ZodApp, { calendarFeeds }: AppServices) {
  app.post(
    '/api/calendar/feed',
    {
      config: { access: 'user', scope: 'self' },
      schema: {
        tags: ['meetings'],
        summary: "Create the caller's calendar subscription address (webcal); a new one replaces the previous, which stops working",
        response: { 200: calendarFeed, ...errors },
      },
    },
    async (req) => calendarFeeds.create(actorOf(req), userOf(req).id),
  );

  app.get(
    '/api/calendar/:token',
    {
      // The address itself is the credential: calendar applications fetch it without a session.
      config: { access: 'public', rateLimit: { max: 120, timeWindow: '15 minutes' } },
      schema: {
        tags: ['meetings'],
        summary: 'A calendar subscription (the path may end in .ics): the meetings the user is invited to and those of the territories they may read, from 60 days ago on',
        params: calendarTokenParams,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('iCalendar'), ...errors },
      },
    },
    async (req, reply) => {
      const ics = await calendarFeeds.calendar(req.params.token);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(Buffer.from(ics) as never);
    },
  );
}
