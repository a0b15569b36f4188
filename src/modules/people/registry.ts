import type { LocalizedText } from '../../server/messages';

/** Membership statuses, in the order of commitment. */
export const PERSON_STATUSES = ['sympathizer', 'member', 'cadre'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** Sectors a person can belong to, declared once: filters, counts, imports and the UI read this list. */
export const SECTORS = ['youth', 'women', 'professionals', 'students', 'workers', 'farmers', 'elected'] as const;
export type PersonSector = (typeof SECTORS)[number];

export const sectorLabels: Record<PersonSector, LocalizedText> = {
  youth: { ar: 'الشباب', fr: 'Jeunes', en: 'Youth' },
  women: { ar: 'النساء', fr: 'Femmes', en: 'Women' },
  professionals: { ar: 'المهنيون', fr: 'Professionnels', en: 'Professionals' },
  students: { ar: 'الطلبة', fr: 'Étudiants', en: 'Students' },
  workers: { ar: 'العمال', fr: 'Travailleurs', en: 'Workers' },
  farmers: { ar: 'الفلاحون', fr: 'Agriculteurs', en: 'Farmers' },
  elected: { ar: 'المنتخبون', fr: 'Élus', en: 'Elected officials' },
};

/** Why a person's data is processed, for the consent record (law 09-08 asks for a purpose). */
export const CONSENT_PURPOSES = ['membership', 'communication', 'invitations'] as const;
export const CONSENT_CHANNELS = ['paper_form', 'online_form', 'meeting', 'phone', 'import'] as const;

/** Youth is under 35 unless the organization says otherwise. */
export const DEFAULT_YOUTH_MAX_AGE = 34;
