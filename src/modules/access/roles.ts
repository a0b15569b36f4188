import type { LocalizedText } from '../../server/messages';

export const ROLES = ['admin', 'officer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleDeclaration {
  role: Role;
  canWrite: boolean;
  /** Manages users, grants and the organization's settings; sees the whole audit log. */
  canAdminister: boolean;
  /** Scope of a national role is the whole country, whatever territory the grant names. */
  isNational: boolean;
  label: LocalizedText;
}

/** The roles, one declaration each. A visitor who has not signed in has none of them. */
export const roles: Record<Role, RoleDeclaration> = {
  admin: { role: 'admin', canWrite: true, canAdminister: true, isNational: true, label: { ar: 'مدير وطني', fr: 'Administrateur national', en: 'National administrator' } },
  officer: { role: 'officer', canWrite: true, canAdminister: false, isNational: false, label: { ar: 'مسؤول', fr: 'Responsable', en: 'Officer' } },
  reader: { role: 'reader', canWrite: false, canAdminister: false, isNational: false, label: { ar: 'قارئ', fr: 'Lecteur', en: 'Reader' } },
};

/**
 * What a route needs from its caller, declared on every route (see server/guard.ts):
 * public — anyone; user — any signed-in user; write — a user with a role that writes somewhere;
 * admin — a national administrator.
 */
export type Access = 'public' | 'user' | 'write' | 'admin';
