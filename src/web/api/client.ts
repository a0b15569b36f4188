import i18n from '../i18n';
import type {
  RsvpAnswer,
  RsvpView,
  AccessSettings,
  Action,
  ActionBoard,
  ActionInput,
  ActionsQuery,
  ActionUpdate,
  Attendance,
  AttendanceEntryInput,
  CalendarFeed,
  Communique,
  CommuniqueUpdate,
  Decision,
  DecisionInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  InvitationList,
  MeetingsQuery,
  Minutes,
  MinutesContent,
  SendInvitationsResult,
  AuditPage,
  AuditQuery,
  Body,
  BodyDetail,
  BodyInput,
  BodyKindDeclaration,
  BodyStatus,
  Coverage,
  Grant,
  Health,
  InvitationInput,
  InvitationResult,
  ListResult,
  Mandate,
  Me,
  ConsentChannel,
  ConsentPurpose,
  Fee,
  PeopleQuery,
  Person,
  PersonDetail,
  PersonInput,
  Role,
  Territory,
  TerritoryDetail,
  TerritoryLevel,
  TerritoryMap,
  User,
  UserDetail,
} from './types';

/** One refused field of a request: `path` names it from the request's root (`body.cin`, `body.phones.1`). */
export interface ApiIssue {
  path: string;
  message: string;
}

/** An error answered by the API (`{"error": {"code", "message", "issues"?}}`), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function issuesOf(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (issue): issue is ApiIssue => typeof issue?.path === 'string' && typeof issue?.message === 'string',
  );
}

type Query = Record<string, string | number | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown): Promise<T> {
  // The server answers error messages in the interface language.
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language || 'ar' };
  if (method !== 'GET') {
    headers['X-Tanzim-CSRF'] = '1';
    headers['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('error.network'));
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
    const message = typeof error?.message === 'string' && error.message ? error.message : i18n.t('error.http', { status: response.status });
    throw new ApiError(response.status, code, message, issuesOf(error?.issues));
  }
  return payload as T;
}

const get = <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query));
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, body);
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, body);
const enc = encodeURIComponent;

export const api = {
  health: () => get<Health>('/api/health'),

  setupStatus: () => get<{ needed: boolean }>('/api/setup'),
  setup: (input: { token: string; email: string; name: string; password: string }) =>
    post<{ user: User }>('/api/setup', input),
  login: (email: string, password: string) => post<{ user: User }>('/api/auth/login', { email, password }),
  logout: () => post<unknown>('/api/auth/logout'),
  me: () => get<{ user: Me }>('/api/auth/me'),
  requestPasswordReset: (email: string) => post<null>('/api/auth/password-reset', { email }),
  completePasswordReset: (token: string, password: string) => post<null>('/api/auth/password-reset/complete', { token, password }),
  acceptInvitation: (token: string, password: string) => post<{ user: User }>('/api/invitations/accept', { token, password }),

  users: () => get<ListResult<User>>('/api/users'),
  user: (id: string) => get<UserDetail>(`/api/users/${enc(id)}`),
  inviteUser: (input: InvitationInput) => post<InvitationResult>('/api/users/invitations', input),
  deactivateUser: (id: string) => post<User>(`/api/users/${enc(id)}/deactivate`),
  activateUser: (id: string) => post<User>(`/api/users/${enc(id)}/activate`),
  addGrant: (userId: string, input: { role: Role; scopeCode: string; startsOn?: string; endsOn?: string | null }) =>
    post<Grant>(`/api/users/${enc(userId)}/grants`, input),
  endGrant: (id: string, endsOn?: string) => post<Grant>(`/api/grants/${enc(id)}/end`, endsOn ? { endsOn } : {}),
  accessSettings: () => get<AccessSettings>('/api/settings/access'),
  setAccessSettings: (input: AccessSettings) => put<AccessSettings>('/api/settings/access', input),

  audit: (query: AuditQuery) => get<AuditPage>('/api/audit', { ...query }),

  territories: (query: { level?: TerritoryLevel | null; parent?: string | null; q?: string | null; limit?: number }) =>
    get<ListResult<Territory>>('/api/territories', query),
  territory: (code: string) => get<TerritoryDetail>(`/api/territories/${enc(code)}`),
  coverage: (code: string) => get<Coverage>(`/api/territories/${enc(code)}/coverage`),
  territoryMap: (code: string) => get<TerritoryMap>(`/api/territories/${enc(code)}/map`),

  bodyKinds: () => get<{ items: BodyKindDeclaration[] }>('/api/body-kinds'),
  bodies: (query: {
    territory?: string | null;
    kind?: string | null;
    status?: string | null;
    q?: string | null;
    includeDissolved?: 'true' | null;
  }) =>
    get<ListResult<Body>>('/api/bodies', query),
  body: (id: string) => get<BodyDetail>(`/api/bodies/${enc(id)}`),
  createBody: (input: BodyInput) => post<Body>('/api/bodies', input),
  renameBody: (id: string, input: { nameAr?: string; nameFr?: string }) => patch<Body>(`/api/bodies/${enc(id)}`, input),
  changeBodyStatus: (id: string, input: { status: BodyStatus; date: string; note?: string }) =>
    post<Body>(`/api/bodies/${enc(id)}/status`, input),
  constituteBody: (id: string, input: { date: string; nameAr?: string; nameFr?: string }) =>
    post<Body>(`/api/bodies/${enc(id)}/constitute`, input),

  people: (query: PeopleQuery) => get<ListResult<Person>>('/api/people', { ...query }),
  person: (id: string) => get<PersonDetail>(`/api/people/${enc(id)}`),
  createPerson: (input: PersonInput) => post<Person>('/api/people', input),
  updatePerson: (id: string, input: Partial<PersonInput>) => patch<Person>(`/api/people/${enc(id)}`, input),
  recordFee: (id: string, fee: Fee) => post<unknown>(`/api/people/${enc(id)}/fees`, fee),
  addConsent: (id: string, input: { purpose: ConsentPurpose; channel: ConsentChannel; givenOn: string }) =>
    post<unknown>(`/api/people/${enc(id)}/consents`, input),
  withdrawConsent: (id: string, input: { purpose?: ConsentPurpose; withdrawnOn: string }) =>
    post<unknown>(`/api/people/${enc(id)}/consents/withdraw`, input),
  /** Everything held about the person, as the law 09-08 access right asks; the server records who took it. */
  personData: (id: string) => get<unknown>(`/api/people/${enc(id)}/data`),
  erasePerson: (id: string) => post<Person>(`/api/people/${enc(id)}/erase`),
  peopleToReview: (years: number) => get<ListResult<Person>>('/api/people/retention', { years }),

  createMandate: (input: { bodyId: string; personId: string; position: string; startedOn: string }) =>
    post<Mandate>('/api/mandates', input),
  endMandate: (id: string, endedOn: string) => post<Mandate>(`/api/mandates/${enc(id)}/end`, { endedOn }),
};

/** Meetings, their record and their follow-up (`/api/meetings`, `/api/actions`, `/api/communiques`). */
export const meetingsApi = {
  meetings: (query: MeetingsQuery) => get<ListResult<Meeting>>('/api/meetings', { ...query }),
  meeting: (id: string) => get<MeetingDetail>(`/api/meetings/${enc(id)}`),
  createMeeting: (input: MeetingInput) => post<MeetingDetail>('/api/meetings', input),
  updateMeeting: (id: string, input: Partial<Omit<MeetingInput, 'bodyId'>>) => patch<MeetingDetail>(`/api/meetings/${enc(id)}`, input),
  cancelMeeting: (id: string) => post<MeetingDetail>(`/api/meetings/${enc(id)}/cancel`),

  invitations: (id: string) => get<InvitationList>(`/api/meetings/${enc(id)}/invitations`),
  sendInvitations: (id: string) => post<SendInvitationsResult>(`/api/meetings/${enc(id)}/invitations/send`),
  calendarFeed: () => post<CalendarFeed>('/api/calendar/feed'),

  attendance: (id: string) => get<Attendance>(`/api/meetings/${enc(id)}/attendance`),
  recordAttendance: (id: string, entries: AttendanceEntryInput[]) => put<Attendance>(`/api/meetings/${enc(id)}/attendance`, { entries }),

  /** Every version of the minutes, newest first: the first is the draft being written or the last approved. */
  minutes: (id: string) => get<ListResult<Minutes>>(`/api/meetings/${enc(id)}/minutes`),
  saveMinutes: (id: string, content: MinutesContent) => put<Minutes>(`/api/meetings/${enc(id)}/minutes`, content),
  approveMinutes: (id: string) => post<Minutes>(`/api/meetings/${enc(id)}/minutes/approve`),

  decisions: (id: string) => get<ListResult<Decision>>(`/api/meetings/${enc(id)}/decisions`),
  addDecision: (id: string, input: DecisionInput) => post<Decision>(`/api/meetings/${enc(id)}/decisions`, input),
  updateDecision: (id: string, input: Partial<DecisionInput>) => patch<Decision>(`/api/decisions/${enc(id)}`, input),

  actions: (query: ActionsQuery) => get<ListResult<Action>>('/api/actions', { ...query }),
  createAction: (input: ActionInput) => post<Action>('/api/actions', input),
  updateAction: (id: string, input: ActionUpdate) => patch<Action>(`/api/actions/${enc(id)}`, input),
  actionBoard: (territory: string | null) => get<ActionBoard>('/api/actions/board', { territory }),

  generateCommunique: (meetingId: string) => post<Communique>(`/api/meetings/${enc(meetingId)}/communique`),
  communiques: (meetingId: string) => get<ListResult<Communique>>('/api/communiques', { meeting: meetingId }),
  updateCommunique: (id: string, input: CommuniqueUpdate) => patch<Communique>(`/api/communiques/${enc(id)}`, input),
};

/** Answering an invitation with the signed link of its e-mail, without signing in. */
export const rsvpApi = {
  view: (token: string) => get<RsvpView>('/api/rsvp', { token }),
  answer: (token: string, answer: RsvpAnswer) => post<RsvpView>('/api/rsvp', { token, answer }),
};

/** Addresses the browser downloads from directly (the session cookie goes with them). */
export const meetingFiles = {
  ics: (id: string) => `/api/meetings/${enc(id)}/ics`,
  actionsExport: (format: 'csv' | 'xlsx', lang: string, query: ActionsQuery) => withQuery('/api/actions/export', { ...query, format, lang }),
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
