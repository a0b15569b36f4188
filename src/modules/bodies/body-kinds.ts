import type { LocalizedText } from '../../server/messages';
import type { Role } from '../access/roles';

export type TerritoryLevel = 'country' | 'region' | 'province' | 'commune';
export const BODY_KINDS = [
  'national_secretariat',
  'regional_secretariat',
  'provincial_secretariat',
  'local_secretariat',
  'preparatory_committee',
  'sector_body',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_STATUSES = ['preparatory', 'constituted', 'dissolved'] as const;
export type BodyStatus = (typeof BODY_STATUSES)[number];
export const SECTORS = ['youth', 'women'] as const;
export type Sector = (typeof SECTORS)[number];

export const POSITIONS = [
  'secretary_general',
  'regional_secretary_general',
  'provincial_secretary',
  'local_secretary',
  'committee_president',
  'sector_coordinator',
  'deputy',
  'treasurer',
  'rapporteur',
  'member',
] as const;
export type Position = (typeof POSITIONS)[number];

export interface PositionDeclaration {
  code: Position;
  /** One holder at a time: naming a new holder ends the previous mandate. */
  isSingle: boolean;
  /** The role its holder gets on the body's territory while the mandate lasts, where the organization enables it. */
  grants?: Role;
}

export interface BodyKindDeclaration {
  kind: BodyKind;
  levels: readonly TerritoryLevel[];
  /** Kinds its parent may be; empty for the top of the organization. */
  parentKinds: readonly BodyKind[];
  positions: readonly PositionDeclaration[];
  /** Whether an active body of this kind in a commune makes that commune covered. */
  isCoverage: boolean;
  /** Status a new body takes when the request does not say. */
  initialStatus: BodyStatus;
  /** Statuses a body of this kind can be in: a committee is never constituted, it is succeeded by a secretariat. */
  statuses: readonly BodyStatus[];
  label: LocalizedText;
}

const single = (code: Position, grants?: Role): PositionDeclaration => ({ code, isSingle: true, ...(grants ? { grants } : {}) });
const many = (code: Position, grants?: Role): PositionDeclaration => ({ code, isSingle: false, ...(grants ? { grants } : {}) });
const officers = [single('deputy', 'officer'), single('treasurer', 'reader'), single('rapporteur', 'officer'), many('member', 'reader')];
const ALL_LEVELS: readonly TerritoryLevel[] = ['country', 'region', 'province', 'commune'];

/** The organization's structure, one declaration per body kind (hitobito's layers, as data). */
export const bodyKinds: Record<BodyKind, BodyKindDeclaration> = {
  national_secretariat: {
    kind: 'national_secretariat',
    levels: ['country'],
    parentKinds: [],
    positions: [single('secretary_general', 'officer'), ...officers],
    isCoverage: false,
    initialStatus: 'constituted',
    statuses: BODY_STATUSES,
    label: { ar: 'الأمانة العامة', fr: 'Secrétariat national', en: 'National secretariat' },
  },
  regional_secretariat: {
    kind: 'regional_secretariat',
    levels: ['region'],
    parentKinds: ['national_secretariat'],
    positions: [single('regional_secretary_general', 'officer'), ...officers],
    isCoverage: false,
    initialStatus: 'constituted',
    statuses: BODY_STATUSES,
    label: { ar: 'الأمانة الجهوية', fr: 'Secrétariat régional', en: 'Regional secretariat' },
  },
  provincial_secretariat: {
    kind: 'provincial_secretariat',
    levels: ['province'],
    parentKinds: ['regional_secretariat'],
    positions: [single('provincial_secretary', 'officer'), ...officers],
    isCoverage: false,
    initialStatus: 'constituted',
    statuses: BODY_STATUSES,
    label: { ar: 'الأمانة الإقليمية', fr: 'Secrétariat provincial', en: 'Provincial secretariat' },
  },
  local_secretariat: {
    kind: 'local_secretariat',
    levels: ['commune'],
    parentKinds: ['provincial_secretariat'],
    positions: [single('local_secretary', 'officer'), ...officers],
    isCoverage: true,
    initialStatus: 'constituted',
    statuses: BODY_STATUSES,
    label: { ar: 'الأمانة المحلية', fr: 'Secrétariat local', en: 'Local secretariat' },
  },
  preparatory_committee: {
    kind: 'preparatory_committee',
    levels: ['commune'],
    parentKinds: ['provincial_secretariat'],
    positions: [single('committee_president', 'officer'), single('rapporteur', 'officer'), many('member', 'reader')],
    isCoverage: true,
    initialStatus: 'preparatory',
    statuses: ['preparatory', 'dissolved'],
    label: { ar: 'اللجنة التحضيرية', fr: 'Comité préparatoire', en: 'Preparatory committee' },
  },
  sector_body: {
    kind: 'sector_body',
    levels: ALL_LEVELS,
    parentKinds: ['national_secretariat', 'regional_secretariat', 'provincial_secretariat', 'local_secretariat', 'sector_body'],
    positions: [single('sector_coordinator', 'reader'), ...officers],
    isCoverage: false,
    initialStatus: 'constituted',
    statuses: BODY_STATUSES,
    label: { ar: 'هيئة قطاعية', fr: 'Organe sectoriel', en: 'Sector body' },
  },
};

/** Allowed status moves; a dissolved body stays dissolved (a new body is created instead). */
export const statusTransitions: Record<BodyStatus, readonly BodyStatus[]> = {
  preparatory: ['constituted', 'dissolved'],
  constituted: ['dissolved'],
  dissolved: [],
};

export const levelLabels: Record<TerritoryLevel, LocalizedText> = {
  country: { ar: 'وطني', fr: 'national', en: 'national' },
  region: { ar: 'الجهة', fr: 'régional', en: 'region' },
  province: { ar: 'الإقليم أو العمالة', fr: 'provincial', en: 'province' },
  commune: { ar: 'الجماعة', fr: 'communal', en: 'commune' },
};

export const statusLabels: Record<BodyStatus, LocalizedText> = {
  preparatory: { ar: 'تحضيرية', fr: 'préparatoire', en: 'preparatory' },
  constituted: { ar: 'مؤسسة', fr: 'constituée', en: 'constituted' },
  dissolved: { ar: 'منحلة', fr: 'dissoute', en: 'dissolved' },
};

export const positionLabels: Record<Position, LocalizedText> = {
  secretary_general: { ar: 'الأمين العام', fr: 'Secrétaire général', en: 'Secretary general' },
  regional_secretary_general: { ar: 'الأمين الجهوي', fr: 'Secrétaire général régional', en: 'Regional secretary general' },
  provincial_secretary: { ar: 'الأمين الإقليمي', fr: 'Secrétaire provincial', en: 'Provincial secretary' },
  local_secretary: { ar: 'الأمين المحلي', fr: 'Secrétaire local', en: 'Local secretary' },
  committee_president: { ar: 'رئيس اللجنة التحضيرية', fr: 'Président du comité préparatoire', en: 'Committee president' },
  sector_coordinator: { ar: 'المنسق القطاعي', fr: 'Coordinateur sectoriel', en: 'Sector coordinator' },
  deputy: { ar: 'النائب', fr: 'Adjoint', en: 'Deputy' },
  treasurer: { ar: 'أمين المال', fr: 'Trésorier', en: 'Treasurer' },
  rapporteur: { ar: 'المقرر', fr: 'Rapporteur', en: 'Rapporteur' },
  member: { ar: 'عضو', fr: 'Membre', en: 'Member' },
};

export function positionOf(kind: BodyKind, position: string): PositionDeclaration | undefined {
  return bodyKinds[kind].positions.find((p) => p.code === position);
}
