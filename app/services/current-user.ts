import type { RoleGrant } from "../domain/roles.js";

/** The signed-in person as every service sees them. */
export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  area: string | null;
  mustChangePassword: boolean;
  largePrint: boolean;
  roles: RoleGrant[];
}

/** Who is acting and from where, passed to every service that changes something. */
export interface Actor {
  user: CurrentUser | null;
  ip: string | null;
  /** True for the operator's command line on the server itself, which acts as the system. */
  system?: boolean;
}
