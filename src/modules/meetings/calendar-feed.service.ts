import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database';
import { notFound } from '../../server/errors';
import { recordAudit, type Actor } from '../access/audit';
import type { AccessRights } from '../access/grants';
import { buildCalendar } from './ics';
import { InvitationsRepository } from './invitations.repository';
import type { InvitationsService } from './invitations.service';

/** A feed shows meetings from this many days back, and every meeting to come. */
export const FEED_PAST_DAYS = 60;
/** At most this many meetings in one feed (a national administrator's sees the whole country). */
export const FEED_MAX_MEETINGS = 2000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface CalendarFeedOptions {
  publicUrl: () => string;
  /** The user's rights today, as the guard computes them. */
  rightsOf: (user: { id: string; personId: string | null }) => Promise<AccessRights>;
}

/**
 * A calendar subscription per user (webcal): the meetings they are invited to and those of the
 * territories they may read. The address holds a random token; only its hash is kept, and a new
 * address replaces the old one, which then stops working.
 */
export class CalendarFeedService {
  constructor(
    private readonly db: Db,
    private readonly invitations: InvitationsService,
    private readonly options: CalendarFeedOptions,
  ) {}

  async create(actor: Actor, userId: string): Promise<{ url: string; httpsUrl: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.db.transaction(async (tx) => {
      await new InvitationsRepository(tx).setFeed(userId, sha256(token));
      await recordAudit(tx, actor, { action: 'create', resource: 'calendar_feed', resourceId: userId });
    });
    const httpsUrl = `${this.options.publicUrl().replace(/\/+$/, '')}/api/calendar/${token}.ics`;
    return { url: httpsUrl.replace(/^https?:/, 'webcal:'), httpsUrl };
  }

  /** The feed's calendar (METHOD:PUBLISH), or 404 for an unknown or replaced address, or a deactivated user. */
  async calendar(tokenInPath: string, now: Date = new Date()): Promise<string> {
    const token = tokenInPath.replace(/\.ics$/i, '');
    const repo = new InvitationsRepository(this.db);
    const owner = await repo.feedOwner(sha256(token));
    if (!owner?.isActive) throw notFound('calendar_feed_not_found');
    const rights = await this.options.rightsOf({ id: owner.userId, personId: owner.personId });
    const since = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
    const rows = await repo.feedMeetings(owner.personId, rights.read, since, FEED_MAX_MEETINGS);
    const agendas = await repo.agendaTitlesOf(rows.map((r) => r.meeting.id));
    const person = owner.personId ? await repo.person(owner.personId) : undefined;
    const events = [];
    for (const r of rows) {
      // The video link as the meeting page shows it: the invited get their own, the meeting's officers the room's.
      const videoUrl = r.isInvited && person ? await this.invitations.videoLinkFor(r.meeting, person) : rights.write.covers(r.meeting.territoryCode) ? await this.invitations.videoLinkFor(r.meeting, null) : null;
      events.push(this.invitations.calendarEvent(r, agendas.get(r.meeting.id) ?? [], videoUrl));
    }
    return buildCalendar('PUBLISH', events, { name: 'Tanzim', now, refreshSeconds: 3600 });
  }
}
