import { describe, expect, it } from "vitest";
import { canAssignRoles, canCreateAccountsForOthers, checkRoleGrant, isRole, type RoleGrant } from "../../app/domain/roles.js";

const grants = (...roles: RoleGrant["role"][]): RoleGrant[] => roles.map((role) => ({ role, organisationId: null }));

describe("role rules", () => {
  it("only administrators assign roles", () => {
    expect(canAssignRoles(grants("admin"))).toBe(true);
    for (const role of ["resident", "coordinator", "officer", "moderator"] as const) {
      expect(canAssignRoles(grants("resident", role))).toBe(false);
    }
  });

  it("coordinators, officers and administrators open accounts for people who are not online", () => {
    expect(canCreateAccountsForOthers(grants("coordinator"))).toBe(true);
    expect(canCreateAccountsForOthers(grants("officer"))).toBe(true);
    expect(canCreateAccountsForOthers(grants("admin"))).toBe(true);
    expect(canCreateAccountsForOthers(grants("resident", "moderator"))).toBe(false);
    expect(canCreateAccountsForOthers([])).toBe(false);
  });

  it("staff roles belong to the right kind of organisation", () => {
    expect(checkRoleGrant("officer", "council")).toBeNull();
    expect(checkRoleGrant("officer", "hostel")).toEqual({ code: "organisation_kind_wrong", role: "officer", kind: "hostel" });
    expect(checkRoleGrant("coordinator", "hostel")).toBeNull();
    expect(checkRoleGrant("coordinator", "community_centre")).toBeNull();
    expect(checkRoleGrant("coordinator", null)).toEqual({ code: "organisation_required", role: "coordinator" });
    expect(checkRoleGrant("resident", "council")).toEqual({ code: "organisation_not_allowed", role: "resident" });
    expect(checkRoleGrant("admin", null)).toBeNull();
  });

  it("knows the five roles and nothing else", () => {
    expect(["resident", "coordinator", "officer", "moderator", "admin"].every(isRole)).toBe(true);
    expect(isRole("superuser")).toBe(false);
    expect(isRole("")).toBe(false);
  });
});
