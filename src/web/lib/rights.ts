import type { Role } from '../api/types';

/** What the rights below need of a grant: its role and the territory it names. */
export interface RoleOnTerritory {
  role: Role;
  scopeCode: string | null;
}

const COUNTRY = 'MA';

// Mirrors the server's role declarations: administrators and officers write, readers only read;
// an administrator's role is national whatever territory the grant names.
const WRITING_ROLES: ReadonlySet<Role> = new Set(['admin', 'officer']);

function isNational(grant: RoleOnTerritory): boolean {
  return grant.role === 'admin' || grant.scopeCode === null || grant.scopeCode === COUNTRY;
}

/** Administers users, grants and settings: any administrator grant in force. */
export function isAdmin(grants: readonly RoleOnTerritory[]): boolean {
  return grants.some((g) => g.role === 'admin');
}

/** Writes somewhere (and so reads the audit log of their territories): an administrator or an officer. */
export function canWriteSomewhere(grants: readonly RoleOnTerritory[]): boolean {
  return grants.some((g) => WRITING_ROLES.has(g.role));
}

/**
 * Whether the user reads all of territory `code`: some grant, of any role, covers the whole country, the
 * territory itself or one of its ancestors. Otherwise they read only the parts inside their territories.
 */
export function canReadAll(grants: readonly RoleOnTerritory[], code: string, ancestors: readonly { code: string }[]): boolean {
  return grants.some((g) => isNational(g) || g.scopeCode === code || ancestors.some((ancestor) => ancestor.code === g.scopeCode));
}

/**
 * Whether the user may write on territory `code`: some administrator or officer grant covers the
 * whole country, the territory itself, or one of its ancestors (as `GET /api/territories/:code` lists them).
 */
export function canWrite(grants: readonly RoleOnTerritory[], code: string, ancestors: readonly { code: string }[]): boolean {
  return grants.some(
    (g) =>
      WRITING_ROLES.has(g.role) &&
      (isNational(g) || g.scopeCode === code || ancestors.some((ancestor) => ancestor.code === g.scopeCode)),
  );
}
