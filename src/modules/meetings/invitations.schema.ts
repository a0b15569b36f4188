import { z } from 'zod';
import { listOf } from '../../server/http';
import { invitation, isoInstant, meetingMode, meetingStatus, rsvpAnswer } from './meetings.schema';

/** The invitations API: sending, the list with answers, answering by a signed link, calendar files and feeds. */

export const invitationCounts = z.object({
  /** Invited now (withdrawn ones aside). */
  invited: z.number().int(),
  /** Invited and sent the current version of the meeting. */
  upToDate: z.number().int(),
  withoutEmail: z.number().int(),
  withdrawn: z.number().int(),
  yes: z.number().int(),
  no: z.number().int(),
  maybe: z.number().int(),
  noAnswer: z.number().int(),
});
export const invitationList = listOf(invitation).extend({ counts: invitationCounts }).meta({ id: 'InvitationList' });

export const sendInvitationsResult = z
  .object({
    invited: z.number().int(),
    /** Invitations and updates e-mailed now. */
    sent: z.number().int(),
    /** Cancellations e-mailed now (the meeting cancelled, or people no longer invited). */
    cancelled: z.number().int(),
    /** Messages the mail server refused; they go out at the next sending. */
    failed: z.number().int(),
    /** Invited people without an e-mail address: nothing was sent to them. */
    withoutEmail: z.number().int(),
    /** People taken off the list by this sending (no longer members, consent withdrawn). */
    withdrawn: z.number().int(),
    /** Whether a mail server is configured; without one nothing is sent. */
    isMailConfigured: z.boolean(),
  })
  .meta({ id: 'SendInvitationsResult' });

export const rsvpToken = z.string().min(10).max(500);
export const rsvpQuery = z.strictObject({ token: rsvpToken });
export const rsvpInput = z.strictObject({ token: rsvpToken, answer: rsvpAnswer });

/** What the answer page shows: the meeting, and of the invited person only their first name and answer. */
export const rsvpView = z
  .object({
    meeting: z.object({
      title: z.string(),
      startsAt: isoInstant,
      endsAt: isoInstant,
      timeZone: z.string(),
      mode: meetingMode,
      status: meetingStatus,
      place: z.string().nullable(),
      bodyNameAr: z.string(),
      bodyNameFr: z.string(),
    }),
    firstNameAr: z.string().nullable(),
    firstNameLatin: z.string().nullable(),
    answer: rsvpAnswer.nullable(),
    answeredAt: isoInstant.nullable(),
    /** Whether an answer is still taken (not after the meeting ended, nor once cancelled or withdrawn). */
    isOpen: z.boolean(),
  })
  .meta({ id: 'RsvpView' });

export const calendarFeed = z
  .object({
    /** The subscription address (webcal://…) for calendar applications. */
    url: z.string(),
    /** The same calendar over HTTP(S), for applications that ask for that. */
    httpsUrl: z.string(),
  })
  .meta({ id: 'CalendarFeed' });

export const calendarTokenParams = z.strictObject({ token: z.string().min(10).max(200) });
