import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppServices } from '../../server/app';
import { actorOf, errors, listOf, userOf } from '../../server/http';
import type { ZodApp } from '../../server/zod-app';
import {
  attendanceInput,
  attendanceResponse,
  createMeetingInput,
  decision,
  decisionInput,
  idParams,
  meeting,
  meetingDetail,
  meetingListQuery,
  minutes,
  minutesInput,
  updateDecisionInput,
  updateMeetingInput,
} from './meetings.schema';
import type { MeetingViewer } from './meetings.service';

/** The caller as the meetings services see them: scopes, role, and who they are in the registry. */
export function viewerOf(req: FastifyRequest): MeetingViewer {
  const user = userOf(req);
  return { read: user.rights.read, write: user.rights.write, isAdmin: user.rights.isAdmin, personId: user.personId };
}

const meetingScope = [{ resource: 'meeting' as const, from: 'params.id' as const }];
const decisionScope = [{ resource: 'decision' as const, from: 'params.id' as const }];

export function registerMeetingsRoutes(app: ZodApp, { meetings, minutes: record }: AppServices) {
  app.get(
    '/api/meetings',
    {
      config: { access: 'user', scope: 'list' },
      schema: { tags: ['meetings'], summary: "Meetings within the caller's scope, by territory, body, period (overlapping from–to) and status", querystring: meetingListQuery, response: { 200: listOf(meeting), ...errors } },
    },
    async (req) => meetings.list(req.query, viewerOf(req)),
  );

  app.post(
    '/api/meetings',
    {
      config: { access: 'write', scope: [{ resource: 'body', from: 'body.bodyId' }] },
      schema: {
        tags: ['meetings'],
        summary: 'Convene a meeting of a body (a remote or hybrid one gets a Jitsi room unless a link is pasted)',
        body: createMeetingInput,
        response: { 201: meetingDetail, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.create(actorOf(req), viewerOf(req), req.body)),
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { access: 'user', scope: meetingScope },
      schema: { tags: ['meetings'], summary: 'A meeting with its agenda, who convened, chairs and takes the minutes; the video link only for the invited and its officers', params: idParams, response: { 200: meetingDetail, ...errors } },
    },
    async (req) => meetings.get(req.params.id, viewerOf(req)),
  );

  app.patch(
    '/api/meetings/:id',
    {
      config: { access: 'write', scope: meetingScope },
      schema: { tags: ['meetings'], summary: 'Change a meeting (a change of title, time, place, mode or agenda is sent to the invited as a new sequence)', params: idParams, body: updateMeetingInput, response: { 200: meetingDetail, ...errors } },
    },
    async (req) => meetings.update(actorOf(req), viewerOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/meetings/:id/cancel',
    { config: { access: 'write', scope: meetingScope }, schema: { tags: ['meetings'], summary: 'Cancel a meeting', params: idParams, response: { 200: meetingDetail, ...errors } } },
    async (req) => meetings.cancel(actorOf(req), viewerOf(req), req.params.id),
  );

  app.get(
    '/api/meetings/:id/attendance',
    {
      config: { access: 'user', scope: meetingScope },
      schema: { tags: ['meetings'], summary: "Who attended and how, with the quorum of the organizing body's members", params: idParams, response: { 200: attendanceResponse, ...errors } },
    },
    async (req) => meetings.attendance(req.params.id),
  );

  app.put(
    '/api/meetings/:id/attendance',
    {
      config: { access: 'write', scope: meetingScope },
      schema: { tags: ['meetings'], summary: 'Record presence per person (present in person or remotely, excused, absent); guests apart', params: idParams, body: attendanceInput, response: { 200: attendanceResponse, ...errors } },
    },
    async (req) => meetings.recordAttendance(actorOf(req), viewerOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/meetings/:id/minutes',
    { config: { access: 'user', scope: meetingScope }, schema: { tags: ['meetings'], summary: 'Every version of the minutes, newest first', params: idParams, response: { 200: listOf(minutes), ...errors } } },
    async (req) => record.list(req.params.id),
  );

  app.put(
    '/api/meetings/:id/minutes',
    {
      config: { access: 'write', scope: meetingScope },
      schema: { tags: ['meetings'], summary: 'Save the draft minutes (after an approval, a new version)', params: idParams, body: minutesInput, response: { 200: minutes, ...errors } },
    },
    async (req) => record.save(actorOf(req), viewerOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/meetings/:id/minutes/approve',
    {
      // The chair may come from a level above, where they read but do not write: approving needs only to see the meeting.
      config: { access: 'write', scope: [{ ...meetingScope[0]!, need: 'read' }] },
      schema: { tags: ['meetings'], summary: 'Approve the draft minutes (the chair or an administrator); approved minutes are locked', params: idParams, response: { 200: minutes, ...errors } },
    },
    async (req) => record.approve(actorOf(req), viewerOf(req), req.params.id),
  );

  app.get(
    '/api/meetings/:id/decisions',
    { config: { access: 'user', scope: meetingScope }, schema: { tags: ['meetings'], summary: 'The decisions of a meeting, in order', params: idParams, response: { 200: listOf(decision), ...errors } } },
    async (req) => record.decisions(req.params.id),
  );

  app.post(
    '/api/meetings/:id/decisions',
    {
      config: { access: 'write', scope: meetingScope },
      schema: { tags: ['meetings'], summary: 'Record a decision (or a directive of someone) under an agenda item', params: idParams, body: decisionInput, response: { 201: decision, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await record.addDecision(actorOf(req), viewerOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/decisions/:id',
    { config: { access: 'write', scope: decisionScope }, schema: { tags: ['meetings'], summary: 'Change a decision', params: idParams, body: updateDecisionInput, response: { 200: decision, ...errors } } },
    async (req) => record.updateDecision(actorOf(req), viewerOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/decisions/:id',
    {
      config: { access: 'write', scope: decisionScope },
      schema: { tags: ['meetings'], summary: 'Remove a decision (its actions stay)', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await record.deleteDecision(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
