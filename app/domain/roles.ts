import type { OrganisationKind, Role } from "../../db/schema.js";
import type { MessageKey } from "../i18n/en.js";
import { t } from "../i18n/translate.js";

export const ROLES = ["resident", "coordinator", "officer", "moderator", "admin"] as const satisfies readonly Role[];

/** Each role's name in the catalogue. */
export const ROLE_LABEL_KEYS = {
  resident: "accounts.role.resident",
  coordinator: "accounts.role.coordinator",
  officer: "accounts.role.officer",
  moderator: "accounts.role.moderator",
  admin: "accounts.role.admin",
} as const satisfies Record<Role, MessageKey>;

/** A role's name, as people read it. */
export function roleLabel(role: Role): string {
  return t(ROLE_LABEL_KEYS[role]);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Which kinds of organisation a staff role belongs to; null = held without an organisation. */
export const ROLE_ORGANISATION_KINDS: Record<Role, readonly OrganisationKind[] | null> = {
  resident: null,
  admin: null,
  coordinator: ["hostel", "community_centre"],
  officer: ["council"],
  moderator: ["council", "hostel", "community_centre"],
};

export interface RoleGrant {
  role: Role;
  organisationId: number | null;
}

export function hasRole(grants: readonly RoleGrant[], role: Role): boolean {
  return grants.some((grant) => grant.role === role);
}

export function hasAnyRole(grants: readonly RoleGrant[], roles: readonly Role[]): boolean {
  return grants.some((grant) => roles.includes(grant.role));
}

/** Staff who meet people face to face can open an account for someone who is not online. */
export const ACCOUNT_CREATOR_ROLES: readonly Role[] = ["coordinator", "officer", "admin"];

export function canCreateAccountsForOthers(grants: readonly RoleGrant[]): boolean {
  return hasAnyRole(grants, ACCOUNT_CREATOR_ROLES);
}

export function canAssignRoles(grants: readonly RoleGrant[]): boolean {
  return hasRole(grants, "admin");
}

export function canViewAuditTrail(grants: readonly RoleGrant[]): boolean {
  return hasRole(grants, "admin");
}

export type RoleGrantProblem =
  | { code: "organisation_required"; role: Role }
  | { code: "organisation_not_allowed"; role: Role }
  | { code: "organisation_kind_wrong"; role: Role; kind: OrganisationKind };

/** Checks that a role is granted with the right kind of organisation (or none). */
export function checkRoleGrant(role: Role, organisationKind: OrganisationKind | null): RoleGrantProblem | null {
  const kinds = ROLE_ORGANISATION_KINDS[role];
  if (kinds === null) return organisationKind === null ? null : { code: "organisation_not_allowed", role };
  if (organisationKind === null) return { code: "organisation_required", role };
  if (!kinds.includes(organisationKind)) return { code: "organisation_kind_wrong", role, kind: organisationKind };
  return null;
}
