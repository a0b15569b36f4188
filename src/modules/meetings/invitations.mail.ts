import { formatDateAr, formatDateFr, formatTime } from '../newsroom/moroccan-date';
import type { MEETING_MODES, RSVP_ANSWERS } from './meetings.tables';

/**
 * The e-mails about a meeting, in Arabic with French below (the organization writes to its members in
 * both): an invitation, an update, a cancellation of the meeting, or the notice that the person is no
 * longer invited. The calendar file travels as an attachment; these are the words around it.
 */
export type MeetingMailKind = 'invitation' | 'update' | 'cancelled' | 'withdrawn';
type Answer = (typeof RSVP_ANSWERS)[number];

export interface MeetingMailInput {
  kind: MeetingMailKind;
  firstNameAr: string | null;
  firstNameLatin: string | null;
  title: string;
  purpose: string | null;
  bodyNameAr: string;
  bodyNameFr: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  mode: (typeof MEETING_MODES)[number];
  place: string | null;
  address: string | null;
  /** The person's own video link. */
  videoUrl: string | null;
  agenda: string[];
  /** Pages to answer yes, no or maybe (none for a cancellation). */
  rsvpLinks: Record<Answer, string> | null;
}

const SUBJECT = {
  invitation: { ar: 'دعوة', fr: 'Invitation' },
  update: { ar: 'تحيين', fr: 'Mise à jour' },
  cancelled: { ar: 'إلغاء', fr: 'Annulation' },
  withdrawn: { ar: 'إلغاء الدعوة', fr: 'Invitation retirée' },
};
const MODE = {
  in_person: { ar: 'حضوري', fr: 'en présentiel' },
  remote: { ar: 'عن بعد عبر تقنية التناظر المرئي', fr: 'à distance, par visioconférence' },
  hybrid: { ar: 'حضوري وعن بعد', fr: 'en présentiel et à distance' },
};
const ANSWERS: Record<Answer, { ar: string; fr: string }> = { yes: { ar: 'سأحضر', fr: 'Je serai présent(e)' }, no: { ar: 'لن أحضر', fr: 'Je ne serai pas présent(e)' }, maybe: { ar: 'ربما', fr: 'Peut-être' } };

interface Block {
  lang: 'ar' | 'fr';
  paragraphs: string[];
  /** Label and address pairs, shown as links. */
  links: Array<[string, string]>;
  agendaTitle: string;
}

function arabicBlock(m: MeetingMailInput): Block {
  const when = `${formatDateAr(m.startsAt, m.timeZone)}، من الساعة ${formatTime(m.startsAt, m.timeZone, 'ar')} إلى الساعة ${formatTime(m.endsAt, m.timeZone, 'ar')} (بتوقيت المغرب)`;
  const where = [MODE[m.mode].ar, m.place, m.address].filter(Boolean).join('، ');
  const greeting = m.firstNameAr ? `السلام عليكم ${m.firstNameAr}،` : 'السلام عليكم،';
  const lead = {
    invitation: `تتشرف ${m.bodyNameAr} بدعوتكم إلى: ${m.title}.`,
    update: `تغيرت معطيات: ${m.title}. هذه هي المعطيات الجديدة.`,
    cancelled: `نعلمكم بإلغاء: ${m.title}.`,
    withdrawn: `لم تعد مدعوا(ة) إلى: ${m.title}.`,
  }[m.kind];
  const isLive = m.kind === 'invitation' || m.kind === 'update';
  return {
    lang: 'ar',
    paragraphs: [greeting, lead, `الموعد: ${when}.`, ...(isLive ? [`الصيغة: ${where}.`] : []), ...(isLive && m.purpose ? [`الموضوع: ${m.purpose}`] : [])],
    links: [
      ...(isLive && m.videoUrl ? [['رابط الاجتماع المرئي (خاص بكم)', m.videoUrl] as [string, string]] : []),
      ...(isLive && m.rsvpLinks ? (Object.keys(ANSWERS) as Answer[]).map((a) => [`${ANSWERS[a].ar}`, m.rsvpLinks?.[a] ?? ''] as [string, string]) : []),
    ],
    agendaTitle: 'جدول الأعمال',
  };
}

function frenchBlock(m: MeetingMailInput): Block {
  const when = `${formatDateFr(m.startsAt, m.timeZone)}, de ${formatTime(m.startsAt, m.timeZone, 'fr')} à ${formatTime(m.endsAt, m.timeZone, 'fr')} (heure du Maroc)`;
  const where = [MODE[m.mode].fr, m.place, m.address].filter(Boolean).join(', ');
  const greeting = m.firstNameLatin ? `Bonjour ${m.firstNameLatin},` : 'Bonjour,';
  const lead = {
    invitation: `${m.bodyNameFr} a l'honneur de vous inviter : ${m.title}.`,
    update: `La réunion « ${m.title} » a changé ; voici ce qui vaut désormais.`,
    cancelled: `La réunion « ${m.title} » est annulée.`,
    withdrawn: `Vous n'êtes plus invité(e) à la réunion « ${m.title} ».`,
  }[m.kind];
  const isLive = m.kind === 'invitation' || m.kind === 'update';
  return {
    lang: 'fr',
    paragraphs: [greeting, lead, `Date : ${when}.`, ...(isLive ? [`Modalité : ${where}.`] : []), ...(isLive && m.purpose ? [`Objet : ${m.purpose}`] : [])],
    links: [
      ...(isLive && m.videoUrl ? [['Lien de la visioconférence (personnel)', m.videoUrl] as [string, string]] : []),
      ...(isLive && m.rsvpLinks ? (Object.keys(ANSWERS) as Answer[]).map((a) => [ANSWERS[a].fr, m.rsvpLinks?.[a] ?? ''] as [string, string]) : []),
    ],
    agendaTitle: 'Ordre du jour',
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function blockText(b: Block, agenda: string[], isLive: boolean): string {
  const lines = [...b.paragraphs];
  if (isLive && agenda.length) lines.push(`${b.agendaTitle}:`, ...agenda.map((item, i) => `${i + 1}. ${item}`));
  for (const [label, url] of b.links) lines.push(`${label}: ${url}`);
  return lines.join('\n\n');
}

function blockHtml(b: Block, agenda: string[], isLive: boolean): string {
  const dir = b.lang === 'ar' ? 'rtl' : 'ltr';
  const parts = b.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  if (isLive && agenda.length) parts.push(`<p>${escapeHtml(b.agendaTitle)}</p><ol>${agenda.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ol>`);
  if (b.links.length) parts.push(`<p>${b.links.map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join(' &nbsp;·&nbsp; ')}</p>`);
  return `<div dir="${dir}" lang="${b.lang}" style="text-align:${b.lang === 'ar' ? 'right' : 'left'}">${parts.join('\n')}</div>`;
}

export function meetingMail(m: MeetingMailInput): { subject: string; text: string; html: string } {
  const isLive = m.kind === 'invitation' || m.kind === 'update';
  const ar = arabicBlock(m);
  const fr = frenchBlock(m);
  return {
    subject: `${SUBJECT[m.kind].ar}: ${m.title} — ${SUBJECT[m.kind].fr} : ${m.title}`,
    text: `${blockText(ar, m.agenda, isLive)}\n\n— — —\n\n${blockText(fr, m.agenda, isLive)}\n`,
    html: `<!doctype html><html><body>${blockHtml(ar, m.agenda, isLive)}<hr>${blockHtml(fr, m.agenda, isLive)}</body></html>`,
  };
}
