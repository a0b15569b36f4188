import type { z } from 'zod';
import type { Db, Tx } from '../../db/database';
import { AppError, conflict, notFound, unprocessable } from '../../server/errors';
import { recordAudit, type Actor } from '../access/audit';
import type { decision, decisionInput, minutes, minutesContent, minutesInput, updateDecisionInput } from './meetings.schema';
import { MeetingsRepository, type DecisionRow, type MeetingRow, type MinutesRow } from './meetings.repository';
import { canApproveMinutes, requireMeetingPerson, type MeetingViewer } from './meetings.service';
import { toZonedIso } from './times';

export type Minutes = z.infer<typeof minutes>;
export type MinutesContent = z.infer<typeof minutesContent>;
export type MinutesInput = z.infer<typeof minutesInput>;
export type Decision = z.infer<typeof decision>;
export type DecisionInput = z.infer<typeof decisionInput>;
export type UpdateDecisionInput = z.infer<typeof updateDecisionInput>;

export function toMinutes(row: MinutesRow): Minutes {
  return {
    id: row.id,
    meetingId: row.meetingId,
    version: row.version,
    status: row.status,
    content: row.content as MinutesContent,
    approvedAt: row.approvedAt ? toZonedIso(row.approvedAt) : null,
    createdAt: toZonedIso(row.createdAt),
    updatedAt: toZonedIso(row.updatedAt),
  };
}

export const toDecision = (d: DecisionRow): Decision => ({ id: d.id, meetingId: d.meetingId, agendaItemId: d.agendaItemId, position: d.position, text: d.text, byPersonId: d.byPersonId });

/** A meeting whose record may still be written, locked for the transaction. */
async function lockOpenMeeting(tx: Tx, id: string): Promise<MeetingRow> {
  const meeting = await new MeetingsRepository(tx).lock(id);
  if (!meeting) throw notFound('meeting_not_found');
  if (meeting.status === 'cancelled') throw conflict('meeting_cancelled');
  return meeting;
}

async function requireAgendaItem(repo: MeetingsRepository, meetingId: string, agendaItemId: string | null | undefined) {
  if (!agendaItemId) return;
  if (!(await repo.agenda(meetingId)).some((a) => a.id === agendaItemId)) throw unprocessable('agenda_item_unknown');
}

/**
 * The written record of a meeting. Minutes come in versions: the secretary drafts (one open draft at
 * most), the chair approves, and an approved version is never written again — a change after approval
 * opens the next version. Decisions are kept one by one, so that actions can follow from them.
 */
export class MinutesService {
  constructor(private readonly db: Db) {}

  async list(meetingId: string): Promise<{ items: Minutes[]; total: number }> {
    const rows = await new MeetingsRepository(this.db).minutesVersions(meetingId);
    return { items: rows.map(toMinutes), total: rows.length };
  }

  /** Saves the draft: the first version, the open draft, or a new version after an approved one. */
  async save(actor: Actor, viewer: MeetingViewer, meetingId: string, input: MinutesInput): Promise<Minutes> {
    return this.db.transaction(async (tx) => {
      const meeting = await lockOpenMeeting(tx, meetingId);
      const repo = new MeetingsRepository(tx);
      const agendaIds = new Set((await repo.agenda(meetingId)).map((a) => a.id));
      for (const item of input.items) if (!agendaIds.has(item.agendaItemId)) throw unprocessable('agenda_item_unknown');
      const speakers = new Set(input.items.flatMap((i) => i.speeches.map((s) => s.personId)).filter((p): p is string => !!p));
      for (const personId of speakers) await requireMeetingPerson(tx, meeting, personId, viewer);
      const content: MinutesContent = {
        items: input.items.map((i) => ({
          agendaItemId: i.agendaItemId,
          speeches: i.speeches.map((s) => ({ personId: s.personId ?? null, speaker: s.speaker ?? null, summary: s.summary })),
          notes: i.notes ?? null,
        })),
      };
      const audit = { resource: 'meeting_minutes', territoryCode: meeting.territoryCode };
      const latest = await repo.latestMinutes(meetingId);
      if (latest?.status === 'draft') {
        const row = await repo.updateMinutes(latest.id, { content, draftedBy: actor.userId });
        await recordAudit(tx, actor, { ...audit, action: 'update', resourceId: row.id, before: latest, after: row });
        return toMinutes(row);
      }
      const row = await repo.insertMinutes({ meetingId, version: (latest?.version ?? 0) + 1, status: 'draft', content, draftedBy: actor.userId });
      await recordAudit(tx, actor, { ...audit, action: 'create', resourceId: row.id, after: { ...row, previousVersionId: latest?.id ?? null } });
      return toMinutes(row);
    });
  }

  /** The chair (or an administrator) approves the open draft, which is locked from then on. */
  async approve(actor: Actor, viewer: MeetingViewer, meetingId: string): Promise<Minutes> {
    return this.db.transaction(async (tx) => {
      const meeting = await lockOpenMeeting(tx, meetingId);
      if (!canApproveMinutes(meeting, viewer)) throw new AppError(403, 'minutes_approve_chair_only');
      const repo = new MeetingsRepository(tx);
      const latest = await repo.latestMinutes(meetingId);
      if (latest?.status !== 'draft') throw conflict('minutes_no_draft');
      const row = await repo.updateMinutes(latest.id, { status: 'approved', approvedBy: actor.userId, approvedAt: new Date() });
      await recordAudit(tx, actor, { action: 'approve', resource: 'meeting_minutes', resourceId: row.id, territoryCode: meeting.territoryCode, before: latest, after: row });
      return toMinutes(row);
    });
  }

  async decisions(meetingId: string): Promise<{ items: Decision[]; total: number }> {
    const rows = await new MeetingsRepository(this.db).decisions(meetingId);
    return { items: rows.map(toDecision), total: rows.length };
  }

  async getDecision(id: string): Promise<Decision> {
    const found = await new MeetingsRepository(this.db).findDecision(id);
    if (!found) throw notFound('decision_not_found');
    return toDecision(found.decision);
  }

  async addDecision(actor: Actor, viewer: MeetingViewer, meetingId: string, input: DecisionInput): Promise<Decision> {
    return this.db.transaction(async (tx) => {
      const meeting = await lockOpenMeeting(tx, meetingId);
      const repo = new MeetingsRepository(tx);
      await requireAgendaItem(repo, meetingId, input.agendaItemId);
      if (input.byPersonId) await requireMeetingPerson(tx, meeting, input.byPersonId, viewer);
      const row = await repo.insertDecision({
        meetingId,
        agendaItemId: input.agendaItemId ?? null,
        position: await repo.nextDecisionPosition(meetingId),
        text: input.text,
        byPersonId: input.byPersonId ?? null,
      });
      await recordAudit(tx, actor, { action: 'create', resource: 'meeting_decision', resourceId: row.id, territoryCode: meeting.territoryCode, after: row });
      return toDecision(row);
    });
  }

  async updateDecision(actor: Actor, viewer: MeetingViewer, id: string, input: UpdateDecisionInput): Promise<Decision> {
    return this.db.transaction(async (tx) => {
      const repo = new MeetingsRepository(tx);
      const found = await repo.findDecision(id);
      if (!found) throw notFound('decision_not_found');
      const meeting = await lockOpenMeeting(tx, found.meeting.id);
      const current = found.decision;
      await requireAgendaItem(repo, meeting.id, input.agendaItemId);
      if (input.byPersonId && input.byPersonId !== current.byPersonId) await requireMeetingPerson(tx, meeting, input.byPersonId, viewer);
      const changes = {
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.agendaItemId !== undefined ? { agendaItemId: input.agendaItemId } : {}),
        ...(input.byPersonId !== undefined ? { byPersonId: input.byPersonId } : {}),
      };
      if (Object.keys(changes).length === 0) return toDecision(current);
      const row = await repo.updateDecision(id, changes);
      await recordAudit(tx, actor, { action: 'update', resource: 'meeting_decision', resourceId: id, territoryCode: meeting.territoryCode, before: current, after: row });
      return toDecision(row);
    });
  }

  /** Removes a decision; the actions that followed from it stay, without it. */
  async deleteDecision(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = new MeetingsRepository(tx);
      const found = await repo.findDecision(id);
      if (!found) throw notFound('decision_not_found');
      const meeting = await lockOpenMeeting(tx, found.meeting.id);
      await repo.deleteDecision(id);
      await recordAudit(tx, actor, { action: 'delete', resource: 'meeting_decision', resourceId: id, territoryCode: meeting.territoryCode, before: found.decision });
    });
  }
}
