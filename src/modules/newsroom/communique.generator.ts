import { hasArabicLetters } from '../../lib/names';
import { bodyKinds, BODY_KINDS, POSITIONS, type BodyKind, type Position } from '../bodies/body-kinds';
import type { MEETING_KINDS, MEETING_MODES, PRESENCES } from '../meetings/meetings.tables';
import { formatDateAr, formatDateFr, formatTime } from './moroccan-date';

/**
 * The draft press communiqué (بلاغ) of a meeting, written from its record in the register of a
 * Moroccan party communiqué: a headline (who chaired, the kind of meeting, who attended, the topic),
 * «بدعوة من …» with the date and the mode, the attendance with titles, the substance by agenda item,
 * then the directives and decisions. A pure function: the service gathers the record, this writes.
 */

export interface CommuniqueBody {
  id: string;
  kind: BodyKind;
  nameAr: string;
  nameFr: string;
}

export interface CommuniquePerson {
  id: string;
  givenNameAr: string | null;
  familyNameAr: string | null;
  givenNameLatin: string | null;
  familyNameLatin: string | null;
  /** The honorific kept with the person («الدكتور»). */
  honorific: string | null;
  gender: 'female' | 'male';
  /** Mandates current on the meeting's day: where a title comes from when the attendance gives none. */
  mandates: readonly { position: Position; body: CommuniqueBody }[];
}

export interface MeetingRecord {
  /** How the organization is named after a body's kind: «لحزب الأصالة والمعاصرة», «du Parti Authenticité et Modernité». */
  organization: { ofAr: string; ofFr: string } | null;
  body: CommuniqueBody;
  kind: (typeof MEETING_KINDS)[number];
  mode: (typeof MEETING_MODES)[number];
  place: string | null;
  address: string | null;
  title: string;
  purpose: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  convener: { person: CommuniquePerson } | { body: CommuniqueBody } | null;
  chair: CommuniquePerson | null;
  /** `title`: how the minutes name the person («الأمين الجهوي للحزب بجهة فاس مكناس»). */
  attendance: readonly { person: CommuniquePerson; presence: (typeof PRESENCES)[number]; isGuest: boolean; title: string | null }[];
  /** In order, with the speeches of the minutes chosen for the communiqué. */
  agenda: readonly { title: string; speeches: readonly { person: CommuniquePerson | null; speaker: string | null; summary: string }[]; notes: string | null }[];
  /** In order; `by` is who gave it, when it is a directive of someone. */
  decisions: readonly { text: string; by: CommuniquePerson | null }[];
}

export interface CommuniqueDraft {
  titleAr: string;
  bodyAr: string;
  titleFr: string;
  bodyFr: string;
}

type Locale = 'ar' | 'fr';
type Gendered = readonly [male: string, female: string];

/**
 * How a position's holder is titled in a communiqué. `qualified`: the position followed by what the
 * body's name adds to its kind («الأمين الإقليمي» + «بصفرو»); `ofBody`: a noun put before the body's
 * name («رئيس» + «اللجنة التحضيرية بالبهاليل»); `deputy`: deputy of the body's first position.
 */
const TITLE_FORMS: Record<Position, { form: 'qualified' | 'ofBody' | 'deputy'; ar: Gendered; fr: Gendered }> = {
  secretary_general: { form: 'qualified', ar: ['الأمين العام', 'الأمينة العامة'], fr: ['secrétaire général', 'secrétaire générale'] },
  regional_secretary_general: { form: 'qualified', ar: ['الأمين الجهوي', 'الأمينة الجهوية'], fr: ['secrétaire général régional', 'secrétaire générale régionale'] },
  provincial_secretary: { form: 'qualified', ar: ['الأمين الإقليمي', 'الأمينة الإقليمية'], fr: ['secrétaire provincial', 'secrétaire provinciale'] },
  local_secretary: { form: 'qualified', ar: ['الأمين المحلي', 'الأمينة المحلية'], fr: ['secrétaire local', 'secrétaire locale'] },
  committee_president: { form: 'ofBody', ar: ['رئيس', 'رئيسة'], fr: ['président', 'présidente'] },
  sector_coordinator: { form: 'ofBody', ar: ['منسق', 'منسقة'], fr: ['coordinateur', 'coordinatrice'] },
  deputy: { form: 'deputy', ar: ['نائب', 'نائبة'], fr: ['adjoint', 'adjointe'] },
  treasurer: { form: 'ofBody', ar: ['أمين مال', 'أمينة مال'], fr: ['trésorier', 'trésorière'] },
  rapporteur: { form: 'ofBody', ar: ['مقرر', 'مقررة'], fr: ['rapporteur', 'rapporteuse'] },
  member: { form: 'ofBody', ar: ['عضو', 'عضوة'], fr: ['membre', 'membre'] },
};

const MEETING_KIND_WORDS: Record<MeetingRecord['kind'], { ar: string; fr: string }> = {
  internal: { ar: 'اجتماعا', fr: 'une réunion' },
  outreach: { ar: 'لقاء تواصليا', fr: 'une rencontre de communication' },
  general_assembly: { ar: 'جمعا عاما', fr: 'une assemblée générale' },
};

const VIDEO_AR = 'عن بعد عبر تقنية التناظر المرئي';
const VIDEO_FR = 'par visioconférence';

interface SpeechVerb {
  ar: Gendered;
  fr: string;
}

/**
 * The verb that introduces a speech, chosen by how its summary begins, so the sentence stays
 * grammatical: «أكد … أن», «شدد … على», «دعا … إلى», «عبر … عن», «نوه … بـ», else «استعرض» + the summary.
 * `particle`: the word that only the Arabic verb needs, left out of the French quotation.
 */
const SPEECH_VERBS: readonly { starts: RegExp; particle: RegExp | null; verb: SpeechVerb }[] = [
  { starts: /^(أن|أنه|أنها|إن|إنه)\s/, particle: /^(أن|إن)\s+/, verb: { ar: ['أكد', 'أكدت'], fr: 'affirmé' } },
  { starts: /^على\s/, particle: /^على\s+/, verb: { ar: ['شدد', 'شددت'], fr: 'souligné' } },
  { starts: /^إلى\s/, particle: /^إلى\s+/, verb: { ar: ['دعا', 'دعت'], fr: 'lancé un appel' } },
  { starts: /^عن\s/, particle: /^عن\s+/, verb: { ar: ['عبر', 'عبرت'], fr: 'exprimé' } },
  { starts: /^ب(ال|أن|ما|كل|ت)/, particle: /^ب/, verb: { ar: ['نوه', 'نوهت'], fr: 'salué' } },
];
const DEFAULT_SPEECH_VERB: SpeechVerb = { ar: ['استعرض', 'استعرضت'], fr: 'présenté' };
/** How a communiqué goes on with the same speaker, in turn: «كما شدد», «وشدد»; «également», «en outre»… */
const FOLLOW_UPS_AR = ['كما ', 'و'] as const;
const FOLLOW_UPS_FR = ['également', 'en outre', 'par ailleurs'] as const;
/** How it turns to the next speaker, in turn. */
const NEXT_SPEAKER_AR: readonly Gendered[] = [
  ['ومن جهته،', 'ومن جهتها،'],
  ['وبدوره،', 'وبدورها،'],
];
const NEXT_SPEAKER_FR = ['De son côté', 'Pour sa part'] as const;

const DOCTOR = { ar: ['الدكتور', 'الدكتورة'] as Gendered, latin: /^(dr\.?|docteure?)$/i, arabic: /^(الدكتور|الدكتورة|د\.)$/ };

const g = (forms: Gendered, gender: CommuniquePerson['gender']) => (gender === 'female' ? forms[1] : forms[0]);
const join = (parts: readonly (string | null | undefined | false)[], sep = ' ') => parts.filter((p): p is string => !!p && p.trim() !== '').join(sep);

/** «الوضع» → «للوضع», «تدارس» → «لتدارس»: the preposition ل joined to its noun. */
export function withLi(text: string): string {
  if (!hasArabicLetters(text.charAt(0))) return `لـ ${text}`;
  return text.startsWith('ال') ? `لل${text.slice(2)}` : `ل${text}`;
}

/** «بمقر الحزب»: the preposition ب joined to its noun. */
export function withBi(text: string): string {
  return hasArabicLetters(text.charAt(0)) ? `ب${text}` : `بـ ${text}`;
}

/** «a، b وc» */
export function joinAr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('، ')} و${items[items.length - 1]}`;
}

/** «a, b et c» */
export function joinFr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('fr') + s.slice(1);
const MASCULINE_FR = /^(secrétariat|comité|bureau|conseil|parti|syndicat|mouvement|forum|collectif)(?=\s|$)/i;

/** «le Secrétariat provincial», «l'Organisation des femmes», «la Fédération»: a French name with its article. */
export function theFr(name: string): string {
  if (hasArabicLetters(name)) return name;
  if (/^[aeiouyhéèêàâîôû]/i.test(name)) return `l'${name}`;
  return MASCULINE_FR.test(name) ? `le ${name}` : `la ${name}`;
}

/** «du secrétariat provincial de Sefrou», «de l'organisation des femmes», «de la fédération»: French de with its article; a title's body is written lower-case, a subject's keeps its capital. */
export function ofFr(name: string, isLowerCase = true): string {
  if (hasArabicLetters(name)) return `de ${name}`;
  const the = theFr(isLowerCase ? lowerFirst(name) : name);
  return the.startsWith('le ') ? `du ${the.slice(3)}` : `de ${the}`;
}

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1);

/** What a body's name adds to the label of its kind: «بصفرو» for «الأمانة الإقليمية بصفرو»; null when the name does not start with the label. */
function qualifierOf(body: CommuniqueBody, locale: Locale): string | null {
  const label = bodyKinds[body.kind].label[locale];
  const name = locale === 'ar' ? body.nameAr : body.nameFr;
  if (!name.toLocaleLowerCase('fr').startsWith(label.toLocaleLowerCase('fr'))) return null;
  return name.slice(label.length).trim();
}

/**
 * How the organization is named, read from the name of its top body: «الأمانة العامة لحزب الأصالة والمعاصرة»
 * gives «لحزب الأصالة والمعاصرة»; null when that name is only its kind's label.
 */
export function organizationFrom(top: CommuniqueBody): MeetingRecord['organization'] {
  const ofAr = qualifierOf(top, 'ar');
  const ofFr = qualifierOf(top, 'fr');
  return ofAr && ofFr ? { ofAr, ofFr } : null;
}

/** A body's name with the organization's: «الأمانة الإقليمية لحزب الأصالة والمعاصرة بصفرو». */
export function bodyFullName(body: CommuniqueBody, organization: MeetingRecord['organization'], locale: Locale): string {
  const name = locale === 'ar' ? body.nameAr : body.nameFr;
  const of = organization ? (locale === 'ar' ? organization.ofAr : organization.ofFr) : null;
  const qualifier = qualifierOf(body, locale);
  if (!of || qualifier === null || name.includes(of)) return name;
  return join([bodyKinds[body.kind].label[locale], of, qualifier]);
}

/** The title a mandate gives, in full («الأمين الإقليمي بصفرو», «président du comité préparatoire de Bhalil») and short («الأمين الإقليمي»). */
export function mandateTitle(mandate: { position: Position; body: CommuniqueBody }, gender: CommuniquePerson['gender'], locale: Locale): { full: string; short: string } {
  const forms = TITLE_FORMS[mandate.position];
  const word = g(forms[locale], gender);
  const name = locale === 'ar' ? mandate.body.nameAr : mandate.body.nameFr;
  switch (forms.form) {
    case 'qualified': {
      const qualifier = qualifierOf(mandate.body, locale);
      const full = qualifier === null ? `${word} ${locale === 'ar' ? withLi(name) : ofFr(name)}` : join([word, qualifier]);
      // A commune's secretary keeps the commune in the short form: a province has many of them.
      const isCommuneBody = bodyKinds[mandate.body.kind].levels.every((l) => l === 'commune');
      return { full, short: isCommuneBody ? full : word };
    }
    case 'ofBody': {
      const full = locale === 'ar' ? `${word} ${name}` : `${word} ${ofFr(name)}`;
      return { full, short: full };
    }
    case 'deputy': {
      const head = bodyKinds[mandate.body.kind].positions[0]?.code;
      if (!head || head === 'deputy') return { full: word, short: word };
      const headTitle = mandateTitle({ position: head, body: mandate.body }, 'male', locale).full;
      const full = locale === 'ar' ? `${word} ${headTitle}` : `${word} au ${headTitle}`;
      return { full, short: full };
    }
  }
}

const positionRank = (m: { position: Position; body: CommuniqueBody }) => POSITIONS.indexOf(m.position) * BODY_KINDS.length + BODY_KINDS.indexOf(m.body.kind);

/** The person's title: the attendance's when it is written in that language, else their first mandate's. */
export function titleOf(person: CommuniquePerson, attendanceTitle: string | null, locale: Locale): { full: string | null; short: string | null } {
  const [mandate] = [...person.mandates].sort((a, b) => positionRank(a) - positionRank(b));
  const fromMandate = mandate ? mandateTitle(mandate, person.gender, locale) : null;
  const isAttendanceInLocale = !!attendanceTitle && hasArabicLetters(attendanceTitle) === (locale === 'ar');
  if (isAttendanceInLocale) return { full: attendanceTitle, short: fromMandate?.short ?? attendanceTitle };
  return { full: fromMandate?.full ?? null, short: fromMandate?.short ?? null };
}

/** Names in Arabic script where the person has them, else Latin (and the reverse in French). */
export function personName(p: CommuniquePerson, locale: Locale): string {
  const ar = join([p.givenNameAr, p.familyNameAr]);
  const latin = join([p.givenNameLatin, p.familyNameLatin]);
  return (locale === 'ar' ? ar || latin : latin || ar) || '…';
}

function honorificAr(p: CommuniquePerson): string | null {
  if (!p.honorific) return null;
  if (DOCTOR.latin.test(p.honorific.trim())) return g(DOCTOR.ar, p.gender);
  return hasArabicLetters(p.honorific) ? p.honorific : null;
}

/** «M.», «Mme» or «Dr». */
function civilityFr(p: CommuniquePerson): string {
  const h = p.honorific?.trim();
  if (h && (DOCTOR.latin.test(h) || DOCTOR.arabic.test(h))) return 'Dr';
  if (h && !hasArabicLetters(h)) return h;
  return p.gender === 'female' ? 'Mme' : 'M.';
}

/**
 * The words that name a person in each language: Arabic puts the title before the honorific and the
 * name («الأمين الجهوي الدكتور محمد الحجيرة»); French puts the civility first and the title after
 * («le Dr Mohamed El Hajira, secrétaire général régional»).
 */
class Namer {
  constructor(private readonly attendanceTitles: ReadonlyMap<string, string | null>) {}

  ar(p: CommuniquePerson, length: 'full' | 'short'): string {
    const title = titleOf(p, this.attendanceTitles.get(p.id) ?? null, 'ar')[length];
    return join([title ?? (p.gender === 'female' ? 'السيدة' : 'السيد'), honorificAr(p), personName(p, 'ar')]);
  }

  fr(p: CommuniquePerson, length: 'full' | 'short'): string {
    const title = titleOf(p, this.attendanceTitles.get(p.id) ?? null, 'fr')[length];
    return join([`${civilityFr(p)} ${personName(p, 'fr')}`, title], ', ');
  }

  /** After «de»: «du Dr X», «de M. X», «de Mme X». */
  ofFr(p: CommuniquePerson, length: 'full' | 'short'): string {
    const named = this.fr(p, length);
    return named.startsWith('Dr ') ? `du ${named}` : `de ${named}`;
  }

  /** With the article French puts before a doctor: «le Dr X». */
  subjectFr(p: CommuniquePerson, length: 'full' | 'short'): string {
    const named = this.fr(p, length);
    return named.startsWith('Dr ') ? `le ${named}` : named;
  }

  /** The subject of a verb: a title in apposition closes with a comma («M. X, secrétaire provincial, a indiqué»). */
  beforeVerbFr(p: CommuniquePerson, length: 'full' | 'short'): string {
    const subject = this.subjectFr(p, length);
    return subject.includes(', ') ? `${subject},` : subject;
  }
}

const quoteFr = (text: string) => `« ${text} »`;
/** A summary ends as a sentence does. */
const asSentence = (text: string) => (/[.!?؟…:»"]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const isPresent = (presence: MeetingRecord['attendance'][number]['presence']) => presence === 'in_person' || presence === 'remote';

function topicOf(record: MeetingRecord): { ar: string; fr: string } {
  const titles = record.agenda.map((a) => a.title);
  if (titles.length === 0 || titles.length > 3) return { ar: record.title, fr: quoteFr(record.title) };
  return { ar: joinAr(titles), fr: joinFr(titles.map((t) => (hasArabicLetters(t) ? quoteFr(t) : t))) };
}

/** Who was there, in the order a communiqué lists them: the chair, the convener, the members, then the guests. */
function attendeesOf(record: MeetingRecord): CommuniquePerson[] {
  const present = record.attendance.filter((a) => isPresent(a.presence));
  const convener = record.convener && 'person' in record.convener ? record.convener.person : null;
  const first = [record.chair, convener && present.some((a) => a.person.id === convener.id) ? convener : null].filter((p): p is CommuniquePerson => p !== null);
  const seen = new Set(first.map((p) => p.id));
  const rest = [...present.filter((a) => !a.isGuest), ...present.filter((a) => a.isGuest)].map((a) => a.person).filter((p) => !seen.has(p.id));
  return [...first, ...rest];
}

function modeWords(record: MeetingRecord): { headlineAr: string; ar: string; headlineFr: string; fr: string } {
  const placeAr = record.place ? join([withBi(record.place), record.address], '، ') : null;
  const placeFr = record.place ? join([`à ${record.place}`, record.address], ', ') : null;
  switch (record.mode) {
    case 'remote':
      return { headlineAr: 'عن بعد', ar: VIDEO_AR, headlineFr: VIDEO_FR, fr: VIDEO_FR };
    case 'in_person':
      return {
        headlineAr: record.place ? withBi(record.place) : 'حضوريا',
        ar: join(['حضوريا', placeAr]),
        headlineFr: record.place ? `à ${record.place}` : 'en présentiel',
        fr: join(['en présentiel', placeFr]),
      };
    case 'hybrid':
      return {
        headlineAr: 'حضوريا وعن بعد',
        ar: `${join(['حضوريا', placeAr])} و${VIDEO_AR}`,
        headlineFr: 'en présentiel et par visioconférence',
        fr: `${join(['en présentiel', placeFr])} et ${VIDEO_FR}`,
      };
  }
}

function speechVerb(summary: string): { verb: SpeechVerb; quoted: string } {
  const found = SPEECH_VERBS.find((v) => v.starts.test(summary));
  const quoted = found?.particle ? summary.replace(found.particle, '') : summary;
  return { verb: found?.verb ?? DEFAULT_SPEECH_VERB, quoted: hasArabicLetters(quoted) ? quoteFr(quoted) : quoted };
}
const inTurn = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

export function generateCommunique(record: MeetingRecord): CommuniqueDraft {
  const namer = new Namer(new Map(record.attendance.map((a) => [a.person.id, a.title])));
  const bodyAr = bodyFullName(record.body, record.organization, 'ar');
  const bodyFr = bodyFullName(record.body, record.organization, 'fr');
  const kind = MEETING_KIND_WORDS[record.kind];
  const mode = modeWords(record);
  const topic = topicOf(record);
  const dateAr = formatDateAr(record.startsAt, record.timeZone);
  const dateFr = formatDateFr(record.startsAt, record.timeZone);
  const convenerPerson = record.convener && 'person' in record.convener ? record.convener.person : null;
  const convenerBody = record.convener && 'body' in record.convener && record.convener.body.id !== record.body.id ? record.convener.body : null;
  const present = new Set(record.attendance.filter((a) => isPresent(a.presence)).map((a) => a.person.id));
  const guestOfHonour = convenerPerson && convenerPerson.id !== record.chair?.id && present.has(convenerPerson.id) ? convenerPerson : null;

  const ar: string[] = [];
  const fr: string[] = [];

  // Headline: «تحت رئاسة … وبحضور …، الأمانة … تعقد اجتماعا عن بعد لتدارس …»
  const leadAr = join([record.chair && `تحت رئاسة ${namer.ar(record.chair, 'short')}`, guestOfHonour && `وبحضور ${namer.ar(guestOfHonour, 'short')}`]);
  const titleAr = `${leadAr ? `${leadAr}، ` : ''}${bodyAr} تعقد ${kind.ar} ${mode.headlineAr} لتدارس ${topic.ar}`;
  const leadFr = join(
    [record.chair && `Sous la présidence ${namer.ofFr(record.chair, 'short')}`, guestOfHonour && `et en présence ${namer.ofFr(guestOfHonour, 'short')}`],
    ', ',
  );
  const titleFr = `${leadFr ? `${leadFr}, ${theFr(bodyFr)}` : upperFirst(theFr(bodyFr))} tient ${kind.fr} ${mode.headlineFr} consacrée à ${topic.fr}`;

  // «بدعوة من …، عقدت … يوم …، اجتماعا …، ترأسه …، وخصص لـ…»
  const convenerAr = convenerPerson ? namer.ar(convenerPerson, 'full') : convenerBody ? bodyFullName(convenerBody, record.organization, 'ar') : null;
  const purposeAr = record.purpose ? withLi(record.purpose) : `لتدارس ${topic.ar}`;
  ar.push(
    `${convenerAr ? `بدعوة من ${convenerAr}، ` : ''}عقدت ${bodyAr}، يوم ${dateAr} على الساعة ${formatTime(record.startsAt, record.timeZone, 'ar')}، ${kind.ar} ${mode.ar}` +
      `${record.chair ? `، ترأسه ${namer.ar(record.chair, 'full')}` : ''}، وخصص ${purposeAr}.`,
  );
  const convenerFr = convenerPerson ? namer.ofFr(convenerPerson, 'full') : convenerBody ? ofFr(bodyFullName(convenerBody, record.organization, 'fr'), false) : null;
  const purposeFr = record.purpose ? (hasArabicLetters(record.purpose) ? quoteFr(record.purpose) : record.purpose) : topic.fr;
  fr.push(
    `${convenerFr ? `À l'invitation ${convenerFr}, ${theFr(bodyFr)}` : upperFirst(theFr(bodyFr))} a tenu, le ${dateFr} à ${formatTime(record.startsAt, record.timeZone, 'fr')}, ${kind.fr} ${mode.fr}` +
      `${record.chair ? `, présidée par ${namer.subjectFr(record.chair, 'full')},` : ''} consacrée à ${purposeFr}.`,
  );

  const attendees = attendeesOf(record);
  if (attendees.length > 0) {
    ar.push(['وقد حضر هذا الاجتماع كل من:', ...attendees.map((p) => `- ${namer.ar(p, 'full')}`)].join('\n'));
    fr.push(['Ont pris part à cette réunion :', ...attendees.map((p) => `- ${namer.fr(p, 'full')}`)].join('\n'));
  }

  // The substance, by agenda item, in the order of the minutes.
  const isSeveralItems = record.agenda.length > 1;
  let previousSpeaker: string | null = null;
  let followUps = 0;
  let nextSpeakers = 0;
  for (const item of record.agenda) {
    const intro = isSeveralItems && (item.speeches.length > 0 || item.notes) ? { ar: `وتناول الاجتماع نقطة «${item.title}». `, fr: `La réunion a ensuite abordé le point ${hasArabicLetters(item.title) ? quoteFr(item.title) : item.title}. ` } : null;
    let isFirstOfItem = true;
    for (const speech of item.speeches) {
      const who = speech.person;
      const gender = who?.gender ?? 'male';
      const speakerKey = who?.id ?? speech.speaker ?? null;
      const lead = isFirstOfItem && intro ? intro : { ar: '', fr: '' };
      const summary = asSentence(speech.summary);
      const { verb, quoted } = speechVerb(summary);
      if (!who && !speech.speaker) {
        ar.push(`${lead.ar}وجاء في المداخلات: ${summary}`);
        fr.push(`${lead.fr}Les interventions ont porté sur : ${hasArabicLetters(summary) ? quoteFr(summary) : summary}`);
      } else if (speakerKey !== null && speakerKey === previousSpeaker) {
        ar.push(`${lead.ar}${inTurn(FOLLOW_UPS_AR, followUps)}${g(verb.ar, gender)} ${summary}`);
        fr.push(`${lead.fr}${gender === 'female' ? 'Elle' : 'Il'} a ${inTurn(FOLLOW_UPS_FR, followUps)} ${verb.fr} : ${quoted}`);
        followUps++;
      } else {
        const opener = previousSpeaker === null ? (gender === 'female' ? 'وفي كلمتها،' : 'وفي كلمته،') : g(inTurn(NEXT_SPEAKER_AR, nextSpeakers), gender);
        const openerFr = previousSpeaker === null ? 'Dans son intervention' : inTurn(NEXT_SPEAKER_FR, nextSpeakers);
        if (previousSpeaker !== null) nextSpeakers++;
        const nameAr = who ? namer.ar(who, 'short') : (speech.speaker ?? '');
        const nameFr = who ? namer.beforeVerbFr(who, 'short') : (speech.speaker ?? '');
        ar.push(`${lead.ar}${opener} ${g(verb.ar, gender)} ${nameAr} ${summary}`);
        fr.push(`${lead.fr}${openerFr}, ${nameFr} a ${verb.fr} : ${quoted}`);
        followUps = 0;
      }
      previousSpeaker = speakerKey;
      isFirstOfItem = false;
    }
    if (item.notes?.trim()) {
      const lead = isFirstOfItem && intro ? intro : { ar: '', fr: '' };
      ar.push(`${lead.ar}${item.notes.trim()}`);
      fr.push(`${lead.fr}${hasArabicLetters(item.notes) ? quoteFr(item.notes.trim()) : item.notes.trim()}`);
    }
  }

  // Directives first, grouped by who gave them, then the meeting's own decisions.
  const givers: CommuniquePerson[] = [];
  for (const d of record.decisions) if (d.by && !givers.some((p) => p.id === d.by?.id)) givers.push(d.by);
  givers.forEach((giver, i) => {
    const texts = record.decisions.filter((d) => d.by?.id === giver.id).map((d) => d.text.trim());
    const isFemale = giver.gender === 'female';
    const leadAr = i === 0 ? `وفي ختام الاجتماع، ${isFemale ? 'قدمت' : 'قدم'}` : `كما ${isFemale ? 'قدمت' : 'قدم'}`;
    ar.push([`${leadAr} ${namer.ar(giver, 'short')} ${isFemale ? 'توجيهاتها' : 'توجيهاته'}، التي تمثلت في:`, ...texts.map((t) => `- ${t}`)].join('\n'));
    const leadFr = i === 0 ? 'Au terme de la réunion, ' : 'De même, ';
    fr.push([`${leadFr}${namer.beforeVerbFr(giver, 'short')} a donné ses directives :`, ...texts.map((t) => `- ${t}`)].join('\n'));
  });
  const others = record.decisions.filter((d) => !d.by).map((d) => d.text.trim());
  if (others.length > 0) {
    ar.push([givers.length > 0 ? 'كما قرر المجتمعون:' : 'وفي ختام الاجتماع، قرر المجتمعون:', ...others.map((t) => `- ${t}`)].join('\n'));
    fr.push([givers.length > 0 ? 'Les participants ont également décidé :' : 'Au terme de la réunion, les participants ont décidé :', ...others.map((t) => `- ${t}`)].join('\n'));
  }

  ar.push(bodyAr);
  fr.push(bodyFr);
  return { titleAr, bodyAr: ar.join('\n\n'), titleFr, bodyFr: fr.join('\n\n') };
}
