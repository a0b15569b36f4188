export type TerritoryLevel = 'country' | 'region' | 'province' | 'commune';
export type CoverageStatus = 'constituted' | 'preparatory' | 'none';
export type BodyStatus = 'preparatory' | 'constituted' | 'dissolved';
export type BodyKind =
  | 'national_secretariat'
  | 'regional_secretariat'
  | 'provincial_secretariat'
  | 'local_secretariat'
  | 'preparatory_committee'
  | 'sector_body';
export type Sector = 'youth' | 'women';
export type Role = 'admin' | 'officer' | 'reader';

export interface ListResult<T> {
  items: T[];
  total: number;
}

export interface User {
  id: string;
  email: string;
  name: string;
  /** The strongest role in force; null when the user has none today. */
  role: Role | null;
  /** Territory of that role; null for the whole country. */
  scopeCode: string | null;
  isActive: boolean;
}

export type GrantSource = 'grant' | 'mandate';

/** A role in force today, from an explicit grant or from a current mandate. */
export interface EffectiveGrant {
  role: Role;
  scopeCode: string;
  source: GrantSource;
  endsOn: string | null;
}

/** The signed-in user, with the roles in force (`GET /api/auth/me`). */
export interface Me extends User {
  grants: EffectiveGrant[];
}

/** An explicit grant of a role on a territory over a period. */
export interface Grant {
  id: string;
  role: Role;
  scopeCode: string;
  startsOn: string;
  endsOn: string | null;
}

export interface UserDetail extends User {
  personId: string | null;
  grants: Grant[];
  effectiveGrants: EffectiveGrant[];
}

export interface InvitationInput {
  email: string;
  name: string;
  role: Role;
  scopeCode: string;
  personId?: string | null;
}

export interface InvitationResult {
  user: User;
  isEmailSent: boolean;
  /** The one-time link, to pass on by hand when no e-mail could be sent. */
  link: string;
}

export interface AccessSettings {
  mandateGrants: boolean;
}

export const AUDIT_RESOURCES = ['body', 'person', 'mandate', 'user', 'grant', 'setting'] as const;
export type AuditResource = (typeof AUDIT_RESOURCES)[number];

export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  ip: string | null;
  action: string;
  resource: string;
  resourceId: string;
  territoryCode: string | null;
  before: unknown;
  after: unknown;
  /** Personal fields were replaced by ••• because the reader may not read that person today. */
  isMasked: boolean;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  nextBefore: number | null;
}

export interface AuditQuery {
  resource?: string | null;
  id?: string | null;
  user?: string | null;
  from?: string | null;
  to?: string | null;
  before?: number | null;
  limit?: number;
}

export interface Health {
  status: string;
  database: string;
  version?: string;
}

export interface Territory {
  code: string;
  level: TerritoryLevel;
  parentCode: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  nameAr: string;
  nameFr: string;
  type: string | null;
  population: number | null;
  households: number | null;
  aliases: string[];
}

export interface TerritoryDetail extends Territory {
  ancestors: Territory[];
  childrenCount: number;
}

/** Members and cadres living in a territory, with the women and the young among them. */
export interface MemberCounts {
  members: number;
  women: number;
  youth: number;
}

export interface CoverageTotals extends MemberCounts {
  communes: number;
  constituted: number;
  preparatory: number;
  none: number;
  coveredShare: number;
}

export interface BodySummary {
  id: string;
  kind: BodyKind;
  nameAr: string;
  nameFr: string;
  status: BodyStatus;
}

export interface CommuneCoverage {
  code: string;
  nameAr: string;
  nameFr: string;
  population: number | null;
  status: CoverageStatus;
  counts: MemberCounts;
  bodies: BodySummary[];
}

export interface ChildCoverage {
  code: string;
  nameAr: string;
  nameFr: string;
  level: TerritoryLevel;
  totals: CoverageTotals;
}

export interface UncoveredCommune {
  code: string;
  nameAr: string;
  nameFr: string;
  population: number | null;
}

export interface Coverage {
  territory: Territory;
  totals: CoverageTotals;
  communes: CommuneCoverage[];
  children: ChildCoverage[];
  uncovered: UncoveredCommune[];
}

export interface TerritoryMap {
  childLevel: Exclude<TerritoryLevel, 'country'>;
  object: string;
  // A TopoJSON Topology; typed loosely here and narrowed where it is drawn.
  topology: unknown;
}

export interface BodyKindPosition {
  code: string;
  isSingle: boolean;
}

export interface BodyKindDeclaration {
  kind: BodyKind;
  levels: TerritoryLevel[];
  parentKinds: BodyKind[];
  positions: BodyKindPosition[];
}

export interface Body {
  id: string;
  kind: BodyKind;
  sector: Sector | null;
  territoryCode: string;
  parentId: string | null;
  nameAr: string;
  nameFr: string;
  status: BodyStatus;
  statusSince: string | null;
  predecessorId: string | null;
  successorId: string | null;
  territory: { code: string; level: TerritoryLevel; nameAr: string; nameFr: string };
}

export type BodyEventType = 'created' | 'status_changed' | 'renamed' | 'constituted_from' | 'succeeded_by';

export interface BodyEvent {
  id: string;
  at: string;
  type: BodyEventType;
  fromStatus: BodyStatus | null;
  toStatus: BodyStatus | null;
  note: string | null;
  bodyId: string;
}

/** A person's names: a person may have them in one script only (the Arabic pair or the Latin pair). */
export interface PersonNames {
  givenNameAr: string | null;
  familyNameAr: string | null;
  givenNameLatin: string | null;
  familyNameLatin: string | null;
  title: string | null;
}

export interface PersonRef extends PersonNames {
  id: string;
}

export interface Mandate {
  id: string;
  bodyId: string;
  personId: string;
  position: string;
  startedOn: string;
  endedOn: string | null;
  person: PersonRef;
  body: { id: string; kind: BodyKind; nameAr: string; nameFr: string; territoryCode: string };
}

export interface BodyDetail extends Body {
  history: BodyEvent[];
  mandates: Mandate[];
  parent: Body | null;
  children: Body[];
}

export type Gender = 'female' | 'male';

// Mirrors the server's registry declarations (src/modules/people/registry.ts).
export const PERSON_STATUSES = ['sympathizer', 'member', 'cadre'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_SECTORS = ['youth', 'women', 'professionals', 'students', 'workers', 'farmers', 'elected'] as const;
export type PersonSector = (typeof PERSON_SECTORS)[number];
export const CONSENT_PURPOSES = ['membership', 'communication', 'invitations'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_CHANNELS = ['paper_form', 'online_form', 'meeting', 'phone', 'import'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type AgeBand = 'youth' | 'adult';
export type ConsentState = 'given' | 'withdrawn';

export interface Person extends PersonRef {
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string | null;
  birthYear: number | null;
  /** Identity card number, in capitals (AB123456). */
  cin: string | null;
  /** E.164 (+2126…). */
  phones: string[];
  email: string | null;
  communeCode: string | null;
  commune: { code: string; level: TerritoryLevel; nameAr: string; nameFr: string } | null;
  status: PersonStatus;
  joinedOn: string | null;
  leftOn: string | null;
  sectors: string[];
  /** Free lowercase tags. */
  competences: string[];
  notes: string | null;
  /** Anonymized at the person's request: names, identity card and contacts are gone. */
  isErased: boolean;
}

export interface Fee {
  year: number;
  amount: number;
  paidOn: string;
}

export interface Consent {
  id: number;
  purpose: ConsentPurpose;
  channel: ConsentChannel;
  givenOn: string;
  withdrawnOn: string | null;
}

export interface PersonDetail extends Person {
  mandates: Mandate[];
  fees: Fee[];
  consents: Consent[];
}

export interface PersonInput {
  givenNameAr: string | null;
  familyNameAr: string | null;
  givenNameLatin: string | null;
  familyNameLatin: string | null;
  title: string | null;
  gender: Gender;
  birthDate: string | null;
  birthYear: number | null;
  cin: string | null;
  phones: string[];
  email: string | null;
  communeCode: string | null;
  status: PersonStatus;
  joinedOn: string | null;
  leftOn: string | null;
  sectors: PersonSector[];
  competences: string[];
  notes: string | null;
}

/** The filters of `GET /api/people`, as the people page keeps them in its address. */
export interface PeopleQuery {
  q?: string | null;
  territory?: string | null;
  status?: PersonStatus | null;
  gender?: Gender | null;
  sector?: PersonSector | null;
  competence?: string | null;
  ageBand?: AgeBand | null;
  feeYear?: number | null;
  feeUnpaidYear?: number | null;
  consent?: ConsentState | null;
  limit?: number;
  offset?: number;
}

export interface BodyInput {
  kind: BodyKind;
  sector?: Sector | null;
  territoryCode: string;
  parentId: string | null;
  nameAr: string;
  nameFr: string;
  status?: BodyStatus;
  statusDate?: string;
}

// Meetings (src/modules/meetings/meetings.schema.ts): instants are ISO 8601 with an offset, shown on Moroccan time.
export const MEETING_KINDS = ['internal', 'outreach', 'general_assembly'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_MODES = ['in_person', 'remote', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];
export type MeetingStatus = 'scheduled' | 'cancelled';
export const RSVP_ANSWERS = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];
export const PRESENCES = ['in_person', 'remote', 'excused', 'absent'] as const;
export type Presence = (typeof PRESENCES)[number];
export type MinutesStatus = 'draft' | 'approved';
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface BodyRef {
  id: string;
  kind: BodyKind;
  nameAr: string;
  nameFr: string;
  territoryCode: string;
  status: BodyStatus;
}

export interface AgendaItem {
  id: string;
  position: number;
  title: string;
  description: string | null;
}

export interface Meeting {
  id: string;
  bodyId: string;
  territoryCode: string;
  kind: MeetingKind;
  title: string;
  purpose: string | null;
  convenedByPersonId: string | null;
  convenedByBodyId: string | null;
  chairPersonId: string | null;
  secretaryPersonId: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  mode: MeetingMode;
  place: string | null;
  address: string | null;
  status: MeetingStatus;
  sequence: number;
  body: BodyRef;
  /** Shown only to the invited, the organizing body's officers and administrators. */
  videoUrl: string | null;
}

export interface MeetingDetail extends Meeting {
  agenda: AgendaItem[];
  invitedBodies: BodyRef[];
  convenedByPerson: PersonRef | null;
  convenedByBody: BodyRef | null;
  chairPerson: PersonRef | null;
  secretaryPerson: PersonRef | null;
  canWrite: boolean;
  canApproveMinutes: boolean;
}

export interface MeetingInput {
  bodyId: string;
  kind: MeetingKind;
  title: string;
  purpose?: string | null;
  convenedByPersonId?: string | null;
  convenedByBodyId?: string | null;
  chairPersonId?: string | null;
  secretaryPersonId?: string | null;
  startsAt: string;
  endsAt: string;
  mode: MeetingMode;
  place?: string | null;
  address?: string | null;
  videoUrl?: string | null;
  agenda?: { title: string; description?: string | null }[];
  invitedBodyIds?: string[];
  guestPersonIds?: string[];
}

export interface MeetingsQuery {
  territory?: string | null;
  body?: string | null;
  from?: string | null;
  to?: string | null;
  status?: MeetingStatus | null;
  limit?: number;
  offset?: number;
}

export interface MeetingInvitation {
  id: string;
  person: PersonRef;
  isGuest: boolean;
  viaBodyId: string | null;
  rsvp: RsvpAnswer | null;
  rsvpAt: string | null;
  sentAt: string | null;
  sentSequence: number | null;
  withdrawnAt: string | null;
  hasEmail: boolean;
}

export interface AttendanceEntry {
  person: PersonRef;
  presence: Presence;
  isGuest: boolean;
  title: string | null;
}

export interface AttendanceEntryInput {
  personId: string;
  presence: Presence;
  isGuest?: boolean;
  title?: string | null;
}

export interface Quorum {
  members: number;
  present: number;
  required: number;
  isReached: boolean;
}

export interface Attendance {
  items: AttendanceEntry[];
  quorum: Quorum;
}

export interface MinutesSpeech {
  personId: string | null;
  speaker?: string | null;
  summary: string;
}

export interface MinutesItem {
  agendaItemId: string;
  speeches: MinutesSpeech[];
  notes?: string | null;
}

export interface MinutesContent {
  items: MinutesItem[];
}

export interface Minutes {
  id: string;
  meetingId: string;
  version: number;
  status: MinutesStatus;
  content: MinutesContent;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Decision {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  position: number;
  text: string;
  byPersonId: string | null;
}

export interface DecisionInput {
  agendaItemId?: string | null;
  text: string;
  byPersonId?: string | null;
}

export interface Action {
  id: string;
  meetingId: string | null;
  decisionId: string | null;
  territoryCode: string;
  title: string;
  ownerPersonId: string | null;
  ownerBodyId: string | null;
  ownerPerson: PersonRef | null;
  ownerBody: BodyRef | null;
  /** YYYY-MM-DD */
  dueOn: string | null;
  status: ActionStatus;
  statusNote: string | null;
  /** Open or in progress past its due date (in Africa/Casablanca). */
  isOverdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ActionInput {
  decisionId: string;
  title: string;
  ownerPersonId?: string | null;
  ownerBodyId?: string | null;
  dueOn?: string | null;
}

export interface ActionUpdate {
  title?: string;
  ownerPersonId?: string | null;
  ownerBodyId?: string | null;
  dueOn?: string | null;
  status?: ActionStatus;
  statusNote?: string | null;
}

export type ActionSort = 'dueOn' | '-dueOn' | 'updatedAt' | '-updatedAt' | 'status';

export interface ActionsQuery {
  territory?: string | null;
  status?: ActionStatus | null;
  isOverdue?: 'true' | 'false' | null;
  owner?: string | null;
  meeting?: string | null;
  sort?: ActionSort;
  limit?: number;
  offset?: number;
}

export interface ActionCounts {
  open: number;
  inProgress: number;
  overdue: number;
}

export interface ActionBoard {
  territory: { code: string; nameAr: string; nameFr: string; level: string };
  totals: ActionCounts & { done: number; dropped: number };
  byTerritory: (ActionCounts & { code: string; nameAr: string; nameFr: string; done: number })[];
  byOwner: (ActionCounts & { ownerPerson: PersonRef | null; ownerBody: BodyRef | null })[];
}

export type CommuniqueStatus = 'draft' | 'published';

export interface Communique {
  id: string;
  body: BodyRef;
  meetingId: string | null;
  bodyId: string;
  territoryCode: string;
  status: CommuniqueStatus;
  titleAr: string;
  bodyAr: string;
  titleFr: string | null;
  bodyFr: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CommuniqueUpdate {
  titleAr?: string;
  bodyAr?: string;
  titleFr?: string | null;
  bodyFr?: string | null;
}

export interface InvitationCounts {
  /** Invited now (withdrawn ones aside). */
  invited: number;
  /** Invited and sent the current version of the meeting. */
  upToDate: number;
  withoutEmail: number;
  withdrawn: number;
  yes: number;
  no: number;
  maybe: number;
  noAnswer: number;
}

export interface InvitationList extends ListResult<MeetingInvitation> {
  counts: InvitationCounts;
}

export interface SendInvitationsResult {
  invited: number;
  /** Invitations and updates e-mailed now. */
  sent: number;
  /** Cancellations e-mailed now. */
  cancelled: number;
  /** Refused by the mail server; they go out at the next sending. */
  failed: number;
  withoutEmail: number;
  /** Taken off the list by this sending (no longer members, consent withdrawn). */
  withdrawn: number;
  isMailConfigured: boolean;
}

/** A calendar subscription: a new one replaces the previous (whose address stops working). */
export interface CalendarFeed {
  /** webcal://… for calendar applications. */
  url: string;
  httpsUrl: string;
}

/** What an invitation's answer link shows: the meeting, and of the invited person only their first name and answer. */
export interface RsvpView {
  meeting: {
    title: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    mode: MeetingMode;
    status: MeetingStatus;
    place: string | null;
    bodyNameAr: string;
    bodyNameFr: string;
  };
  firstNameAr: string | null;
  firstNameLatin: string | null;
  answer: RsvpAnswer | null;
  answeredAt: string | null;
  /** Whether an answer is still taken (not after the meeting, nor once cancelled or withdrawn). */
  isOpen: boolean;
}
