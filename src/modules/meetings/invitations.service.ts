import type { z } from 'zod';
import type { Db } from '../../db/database';
import { isUuid } from '../../lib/ids';
import type { Mailer } from '../../lib/mailer';
import { AppError, conflict, notFound } from '../../server/errors';
import { recordAudit, systemActor, type Actor } from '../access/audit';
import type { Scope } from '../access/scope';
import { buildCalendar, meetingUid, type CalendarEvent, type CalendarMethod } from './ics';
import { meetingMail, type MeetingMailKind } from './invitations.mail';
import { InvitationsRepository, type InvitationRow, type InviteeRow, type MeetingRow } from './invitations.repository';
import type { invitationList, rsvpView, sendInvitationsResult } from './invitations.schema';
import { jitsiUrl, personalJitsiUrl } from './jitsi';
import type { RSVP_ANSWERS } from './meetings.tables';
import type { SigningKey } from './signing';
import { localDate, toZonedIso } from './times';

export type InvitationList = z.infer<typeof invitationList>;
export type SendInvitationsResult = z.infer<typeof sendInvitationsResult>;
export type RsvpView = z.infer<typeof rsvpView>;
type Answer = (typeof RSVP_ANSWERS)[number];
type MeetingWithBody = { meeting: MeetingRow; body: { id: string; nameAr: string; nameFr: string } };

/** A personal Jitsi link stays valid until two hours after the meeting's end. */
const VIDEO_GRACE_MS = 2 * 3600_000;
const ANSWERS: readonly Answer[] = ['yes', 'no', 'maybe'];

export const fullName = (p: Pick<InviteeRow, 'givenNameAr' | 'familyNameAr' | 'givenNameLatin' | 'familyNameLatin'>) =>
  [p.givenNameAr, p.familyNameAr].filter(Boolean).join(' ') || [p.givenNameLatin, p.familyNameLatin].filter(Boolean).join(' ');

/** What is owed to one invitation: nothing, the invitation or its update, or a cancellation. */
export function pendingMail(inv: Pick<InvitationRow, 'sentSequence' | 'sentAt' | 'withdrawnAt'>, meeting: Pick<MeetingRow, 'status' | 'sequence'>, isSendingNew: boolean): MeetingMailKind | null {
  if (inv.withdrawnAt) {
    // Withdrawn after the last message: their calendar still holds the meeting.
    const wasSentBefore = inv.sentSequence !== null && inv.sentAt !== null && inv.sentAt.getTime() <= inv.withdrawnAt.getTime();
    return wasSentBefore ? 'withdrawn' : null;
  }
  if (meeting.status === 'cancelled') return inv.sentSequence !== null && inv.sentSequence < meeting.sequence ? 'cancelled' : null;
  if (inv.sentSequence === null) return isSendingNew ? 'invitation' : null;
  return inv.sentSequence < meeting.sequence ? 'update' : null;
}

export interface InvitationsOptions {
  /** Where links in e-mails point (the SPA's address). */
  publicUrl: () => string;
}

/**
 * Who is invited to a meeting, and the e-mails with calendar files that tell them: the invitation,
 * each update (a higher iCalendar SEQUENCE), the cancellation, and a cancellation for one person taken
 * off the list. Answers come back through signed links, without signing in.
 */
export class InvitationsService {
  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly signing: SigningKey,
    private readonly options: InvitationsOptions,
  ) {}

  private async requireMeeting(id: string): Promise<MeetingWithBody> {
    const found = isUuid(id) ? await new InvitationsRepository(this.db).meeting(id) : undefined;
    if (!found) throw notFound('meeting_not_found');
    return found;
  }

  async list(meetingId: string): Promise<InvitationList> {
    const { meeting } = await this.requireMeeting(meetingId);
    const rows = await new InvitationsRepository(this.db).invitations(meetingId);
    const items = rows.map(({ invitation: i, person: p }) => ({
      id: i.id,
      person: { id: p.id, givenNameAr: p.givenNameAr, familyNameAr: p.familyNameAr, givenNameLatin: p.givenNameLatin, familyNameLatin: p.familyNameLatin, title: p.title },
      isGuest: i.isGuest,
      viaBodyId: i.viaBodyId,
      rsvp: i.rsvp,
      rsvpAt: i.rsvpAt ? toZonedIso(i.rsvpAt, meeting.timeZone) : null,
      sentAt: i.sentAt ? toZonedIso(i.sentAt, meeting.timeZone) : null,
      sentSequence: i.sentSequence,
      withdrawnAt: i.withdrawnAt ? toZonedIso(i.withdrawnAt, meeting.timeZone) : null,
      hasEmail: Boolean(p.email),
    }));
    const current = items.filter((i) => !i.withdrawnAt);
    const count = (pred: (i: (typeof items)[number]) => boolean) => current.filter(pred).length;
    return {
      items,
      total: items.length,
      counts: {
        invited: current.length,
        upToDate: count((i) => i.sentSequence === meeting.sequence),
        withoutEmail: count((i) => !i.hasEmail),
        withdrawn: items.length - current.length,
        yes: count((i) => i.rsvp === 'yes'),
        no: count((i) => i.rsvp === 'no'),
        maybe: count((i) => i.rsvp === 'maybe'),
        noAnswer: count((i) => i.rsvp === null),
      },
    };
  }

  /** Brings the list up to date and e-mails everyone owed a message (the organizer's "send"). */
  async send(actor: Actor, meetingId: string): Promise<SendInvitationsResult> {
    await this.requireMeeting(meetingId);
    return this.sync(actor, meetingId, true);
  }

  /**
   * After a meeting changed or was cancelled: once invitations went out, the invited hear of it (an
   * update, a cancellation), and the list follows the change (bodies or guests added or removed).
   */
  async onMeetingChanged(meetingId: string, _change: 'updated' | 'cancelled', actor: Actor = systemActor): Promise<void> {
    if (!(await new InvitationsRepository(this.db).hasSent(meetingId))) return;
    await this.sync(actor, meetingId, true);
  }

  private async sync(actor: Actor, meetingId: string, isSendingNew: boolean): Promise<SendInvitationsResult> {
    const withdrawn = await this.updateList(actor, meetingId);
    const { meeting, body } = await this.requireMeeting(meetingId);
    const repo = new InvitationsRepository(this.db);
    const rows = await repo.invitations(meetingId);
    const owed = rows.flatMap((r) => {
      const kind = pendingMail(r.invitation, meeting, isSendingNew);
      return kind ? [{ ...r, kind }] : [];
    });
    const result: SendInvitationsResult = {
      invited: rows.filter((r) => !r.invitation.withdrawnAt).length,
      sent: 0,
      cancelled: 0,
      failed: 0,
      withoutEmail: owed.filter((o) => !o.person.email && (o.kind === 'invitation' || o.kind === 'update')).length,
      withdrawn,
      isMailConfigured: this.mailer.isConfigured,
    };
    if (!this.mailer.isConfigured) return result;
    const toMail = owed.filter((o) => o.person.email);
    if (toMail.length === 0) return result;

    // Claim the messages first (one process mails each person each version), then mail outside the transaction.
    const at = new Date();
    const claimed = await this.db.transaction(async (tx) => {
      const txRepo = new InvitationsRepository(tx);
      const taken: typeof toMail = [];
      for (const o of toMail) if (await txRepo.claimSending(o.invitation.id, o.invitation, meeting.sequence, at)) taken.push(o);
      if (taken.length)
        await recordAudit(tx, actor, {
          action: 'send',
          resource: 'meeting_invitations',
          resourceId: meetingId,
          territoryCode: meeting.territoryCode,
          after: { sequence: meeting.sequence, messages: taken.map((o) => ({ invitationId: o.invitation.id, kind: o.kind })) },
        });
      return taken;
    });

    const agenda = (await repo.agendaTitles(meetingId)).map((a) => a.title);
    const failed: typeof claimed = [];
    for (const o of claimed) {
      try {
        await this.mailOne({ meeting, body }, agenda, o.invitation, o.person, o.kind);
        if (o.kind === 'invitation' || o.kind === 'update') result.sent += 1;
        else result.cancelled += 1;
      } catch {
        // The mail server refused: the claim is given back so that the next sending tries again.
        failed.push(o);
      }
    }
    if (failed.length) {
      result.failed = failed.length;
      await this.db.transaction(async (tx) => {
        const txRepo = new InvitationsRepository(tx);
        for (const o of failed) await txRepo.releaseSending(o.invitation.id, o.invitation, at);
        await recordAudit(tx, actor, {
          action: 'send_failed',
          resource: 'meeting_invitations',
          resourceId: meetingId,
          territoryCode: meeting.territoryCode,
          after: { sequence: meeting.sequence, invitationIds: failed.map((o) => o.invitation.id) },
        });
      });
    }
    return result;
  }

  /**
   * Makes the list what the meeting says on its day: the current members of the organizing and invited
   * bodies, plus the named guests, minus erased people and those who withdrew consent. People who no
   * longer belong are withdrawn (not deleted: they are owed a cancellation). Answers how many were withdrawn.
   */
  private async updateList(actor: Actor, meetingId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const repo = new InvitationsRepository(tx);
      const meeting = await repo.lockMeeting(meetingId);
      if (!meeting) throw notFound('meeting_not_found');
      // A cancelled meeting's list stays as it was: everyone on it is told of the cancellation.
      if (meeting.status === 'cancelled') return 0;
      const bodyIds = [meeting.bodyId, ...(await repo.invitedBodyIds(meetingId)).filter((b) => b !== meeting.bodyId)];
      const members = new Map((await repo.membersOn(bodyIds, localDate(meeting.startsAt, meeting.timeZone))).map((m) => [m.personId, m.bodyId]));
      const existing = (await repo.invitations(meetingId)).map((r) => r.invitation);
      const excluded = await repo.excludedOf([...new Set([...members.keys(), ...existing.map((i) => i.personId)])]);
      const known = new Set(existing.map((i) => i.personId));

      const added = [...members].filter(([personId]) => !known.has(personId) && !excluded.has(personId)).map(([personId, viaBodyId]) => ({ meetingId, personId, viaBodyId, isGuest: false }));
      // Guests are named by the organizer: only erasure or a withdrawn consent takes them off here.
      const toWithdraw = existing.filter((i) => !i.withdrawnAt && (excluded.has(i.personId) || (!i.isGuest && !members.has(i.personId))));
      const toReinstate = existing.filter((i) => i.withdrawnAt && !i.isGuest && members.has(i.personId) && !excluded.has(i.personId));
      const toMove = existing.filter((i) => !i.withdrawnAt && !i.isGuest && members.has(i.personId) && members.get(i.personId) !== i.viaBodyId);
      if (!added.length && !toWithdraw.length && !toReinstate.length && !toMove.length) return 0;

      await repo.insertInvitations(added);
      await repo.withdraw(
        toWithdraw.map((i) => i.id),
        new Date(),
      );
      await repo.reinstate(toReinstate.map((i) => i.id));
      for (const i of toMove) await repo.setViaBody(i.id, members.get(i.personId) ?? '');
      await recordAudit(tx, actor, {
        action: 'update',
        resource: 'meeting_invitations',
        resourceId: meetingId,
        territoryCode: meeting.territoryCode,
        after: {
          added: added.map((a) => a.personId),
          withdrawn: toWithdraw.map((i) => i.personId),
          reinstated: toReinstate.map((i) => i.personId),
        },
      });
      return toWithdraw.length;
    });
  }

  /** The person's own video link: a Jitsi room made by Tanzim (with a token where the server asks for one), or the link pasted. */
  async videoLinkFor(meeting: MeetingRow, person: InviteeRow | null): Promise<string | null> {
    if (meeting.mode === 'in_person') return null;
    if (!meeting.videoRoom) return meeting.videoUrl;
    if (!person) return jitsiUrl(meeting.videoRoom);
    return personalJitsiUrl(meeting.videoRoom, { name: fullName(person) }, new Date(meeting.endsAt.getTime() + VIDEO_GRACE_MS));
  }

  private rsvpLink(token: string, answer: Answer) {
    return `${this.options.publicUrl()}/rsvp?token=${encodeURIComponent(token)}&answer=${answer}`;
  }

  private async mailOne(found: MeetingWithBody, agenda: string[], invitation: InvitationRow, person: InviteeRow, kind: MeetingMailKind) {
    const { meeting, body } = found;
    const isLive = kind === 'invitation' || kind === 'update';
    const videoUrl = isLive ? await this.videoLinkFor(meeting, person) : null;
    const token = await this.signing.sign({ purpose: 'rsvp', invitationId: invitation.id });
    const rsvpLinks = isLive ? (Object.fromEntries(ANSWERS.map((a) => [a, this.rsvpLink(token, a)])) as Record<Answer, string>) : null;
    const mail = meetingMail({
      kind,
      firstNameAr: person.givenNameAr,
      firstNameLatin: person.givenNameLatin,
      title: meeting.title,
      purpose: meeting.purpose,
      bodyNameAr: body.nameAr,
      bodyNameFr: body.nameFr,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeZone: meeting.timeZone,
      mode: meeting.mode,
      place: meeting.place,
      address: meeting.address,
      videoUrl,
      agenda,
      rsvpLinks,
    });
    const method: CalendarMethod = isLive ? 'REQUEST' : 'CANCEL';
    const event = this.calendarEvent(found, agenda, videoUrl, rsvpLinks);
    const ics = buildCalendar(method, [{ ...event, attendee: { name: fullName(person), email: person.email ?? '', answer: invitation.rsvp } }]);
    await this.mailer.send({
      to: person.email ?? '',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: [{ filename: 'invite.ics', content: ics, contentType: `text/calendar; method=${method}; charset=UTF-8` }],
    });
  }

  /** A meeting as a calendar event; the video link only for those allowed to see it. */
  calendarEvent(found: MeetingWithBody, agenda: string[], videoUrl: string | null, rsvpLinks: Record<Answer, string> | null = null): CalendarEvent {
    const { meeting, body } = found;
    const lines = [
      `${body.nameAr} — ${body.nameFr}`,
      ...(meeting.purpose ? ['', meeting.purpose] : []),
      ...(agenda.length ? ['', 'جدول الأعمال / Ordre du jour:', ...agenda.map((a, i) => `${i + 1}. ${a}`)] : []),
      ...(videoUrl ? ['', `الرابط المرئي / Visioconférence: ${videoUrl}`] : []),
      ...(rsvpLinks ? ['', `سأحضر / Présent(e): ${rsvpLinks.yes}`, `لن أحضر / Absent(e): ${rsvpLinks.no}`, `ربما / Peut-être: ${rsvpLinks.maybe}`] : []),
    ];
    const place = [meeting.place, meeting.address].filter(Boolean).join('، ');
    return {
      uid: meetingUid(meeting.id, this.options.publicUrl()),
      sequence: meeting.sequence,
      isCancelled: meeting.status === 'cancelled',
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      timeZone: meeting.timeZone,
      summary: meeting.title,
      description: lines.join('\n'),
      location: place || videoUrl,
      url: videoUrl,
      organizer: { name: body.nameAr, email: this.mailer.sender.address },
      createdAt: meeting.createdAt,
      updatedAt: meeting.updatedAt,
    };
  }

  /** The meeting's calendar file (PUBLISH), with the video link when the viewer may see it. */
  async meetingCalendar(meetingId: string, viewer: { personId: string | null; write: Scope }): Promise<{ ics: string; filename: string }> {
    const found = await this.requireMeeting(meetingId);
    const repo = new InvitationsRepository(this.db);
    const agenda = (await repo.agendaTitles(meetingId)).map((a) => a.title);
    const invitation = viewer.personId ? (await repo.invitations(meetingId)).find((r) => r.person.id === viewer.personId && !r.invitation.withdrawnAt) : undefined;
    const videoUrl = invitation ? await this.videoLinkFor(found.meeting, invitation.person) : viewer.write.covers(found.meeting.territoryCode) ? await this.videoLinkFor(found.meeting, null) : null;
    return { ics: buildCalendar('PUBLISH', [this.calendarEvent(found, agenda, videoUrl)]), filename: `meeting-${localDate(found.meeting.startsAt, found.meeting.timeZone)}.ics` };
  }

  private async invitationOf(token: string) {
    const claims = await this.signing.verify(token, 'rsvp');
    const row = claims ? await new InvitationsRepository(this.db).findInvitation(claims.invitationId) : undefined;
    if (!row) throw new AppError(400, 'rsvp_link_invalid');
    return row;
  }

  private viewOf(found: MeetingWithBody, invitation: InvitationRow, person: InviteeRow, now: Date): RsvpView {
    const { meeting, body } = found;
    return {
      meeting: {
        title: meeting.title,
        startsAt: toZonedIso(meeting.startsAt, meeting.timeZone),
        endsAt: toZonedIso(meeting.endsAt, meeting.timeZone),
        timeZone: meeting.timeZone,
        mode: meeting.mode,
        status: meeting.status,
        place: meeting.place,
        bodyNameAr: body.nameAr,
        bodyNameFr: body.nameFr,
      },
      firstNameAr: person.givenNameAr,
      firstNameLatin: person.givenNameLatin,
      answer: invitation.rsvp,
      answeredAt: invitation.rsvpAt ? toZonedIso(invitation.rsvpAt, meeting.timeZone) : null,
      isOpen: meeting.status === 'scheduled' && !invitation.withdrawnAt && meeting.endsAt.getTime() > now.getTime(),
    };
  }

  /** What the answer page shows; changes nothing (mail scanners open links). */
  async rsvpView(token: string): Promise<RsvpView> {
    const { invitation, person } = await this.invitationOf(token);
    return this.viewOf(await this.requireMeeting(invitation.meetingId), invitation, person, new Date());
  }

  /** Records the invited person's answer, without a session: the signed link stands for them. */
  async answer(actor: Actor, token: string, answer: Answer): Promise<RsvpView> {
    const { invitation: current, person } = await this.invitationOf(token);
    const now = new Date();
    const updated = await this.db.transaction(async (tx) => {
      const repo = new InvitationsRepository(tx);
      const meeting = await repo.lockMeeting(current.meetingId);
      if (!meeting) throw notFound('meeting_not_found');
      if (meeting.status === 'cancelled') throw conflict('rsvp_meeting_cancelled');
      if (meeting.endsAt.getTime() <= now.getTime()) throw conflict('rsvp_meeting_over');
      const fresh = await repo.findInvitation(current.id);
      if (!fresh || fresh.invitation.withdrawnAt) throw conflict('rsvp_not_invited');
      const row = await repo.setRsvp(current.id, answer, now);
      await recordAudit(tx, { userId: null, ip: actor.ip }, {
        action: 'rsvp',
        resource: 'meeting_invitation',
        resourceId: current.id,
        territoryCode: meeting.territoryCode,
        before: { meetingId: meeting.id, personId: fresh.invitation.personId, rsvp: fresh.invitation.rsvp },
        after: { meetingId: meeting.id, personId: fresh.invitation.personId, rsvp: row.rsvp },
      });
      return row;
    });
    return this.viewOf(await this.requireMeeting(updated.meetingId), updated, person, now);
  }
}
