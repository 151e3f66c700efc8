// `potluck user create` and `potluck user set-role`: the operator acting as the system.
import { CreatePersonSchema } from "../app/domain/account-rules.js";
import { isDomainError } from "../app/domain/errors.js";
import { messageFor } from "../app/domain/messages.js";
import { isRole, ROLES } from "../app/domain/roles.js";
import { createAccountForPerson } from "../app/services/accounts.server.js";
import type { Actor } from "../app/services/current-user.js";
import { grantRole } from "../app/services/people.server.js";
import { optionalFlag, parseArgs, requiredFlag, UsageError } from "./args.js";
import type { CliIo } from "./io.js";
import { t } from "../app/i18n/translate.js";

const SYSTEM: Actor = { user: null, ip: null, system: true };

export const USER_HELP = t("cli.user.help", { roles: ROLES.join(", ") });

const USER_FLAGS = {
  create: { valueFlags: ["name", "email", "area", "role", "organisation"], booleanFlags: ["temporary-password"] },
  "set-role": { valueFlags: ["email", "role", "organisation"], booleanFlags: [] },
} as const;

/** Checks the arguments before any database is opened, so a typo fails fast with exit 2. */
export function checkUserArgs(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub !== "create" && sub !== "set-role") {
    throw new UsageError(t("cli.user.unknownCommand", { command: sub ?? "" }));
  }
  const parsed = parseArgs(rest, USER_FLAGS[sub]);
  for (const name of sub === "create" ? ["name", "email"] : ["email", "role"]) requiredFlag(parsed, name);
  const role = optionalFlag(parsed, "role");
  if (role !== undefined && !isRole(role)) throw new UsageError(t("cli.user.unknownRole", { role, roles: ROLES.join(", ") }));
}

export async function userCommand(args: string[], io: CliIo & { appUrl: string }): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") return createUser(rest, io);
  if (sub === "set-role") return setRole(rest, io);
  throw new UsageError(t("cli.user.unknownCommand", { command: sub ?? "" }));
}

async function organisationIdFor(io: CliIo, slug: string | undefined): Promise<number | null> {
  if (!slug) return null;
  const organisation = await io.db.selectFrom("organisation").select("id").where("slug", "=", slug).executeTakeFirst();
  if (!organisation) throw new UsageError(t("cli.user.unknownOrganisation", { slug }));
  return organisation.id;
}

async function createUser(args: string[], io: CliIo & { appUrl: string }): Promise<number> {
  const parsed = parseArgs(args, USER_FLAGS.create);
  const form = CreatePersonSchema.safeParse({
    name: requiredFlag(parsed, "name"),
    email: requiredFlag(parsed, "email"),
    area: optionalFlag(parsed, "area") ?? "",
    method: parsed.flags.has("temporary-password") ? "temporary_password" : "setup_link",
  });
  if (!form.success) throw new UsageError(form.error.issues.map((issue) => issue.message).join("; "));
  const role = optionalFlag(parsed, "role");
  if (role !== undefined && !isRole(role)) throw new UsageError(t("cli.user.unknownRole", { role, roles: ROLES.join(", ") }));
  const organisationId = await organisationIdFor(io, optionalFlag(parsed, "organisation"));
  try {
    const result = await createAccountForPerson(io.db, SYSTEM, form.data, { appUrl: io.appUrl });
    if (role && role !== "resident") await grantRole(io.db, SYSTEM, { userId: result.userId, role, organisationId });
    io.stdout(t("cli.user.created", { id: result.userId, email: form.data.email }));
    io.stdout(
      result.method === "temporary_password"
        ? t("cli.user.temporaryPassword", { password: String(result.temporaryPassword) })
        : t("cli.user.setupLink", { link: `${io.appUrl}/setup/${result.setupToken}` }),
    );
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      io.stderr(t("cli.error", { message: messageFor(error) }));
      return 1;
    }
    throw error;
  }
}

async function setRole(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, USER_FLAGS["set-role"]);
  const email = requiredFlag(parsed, "email").trim().toLowerCase();
  const role = requiredFlag(parsed, "role");
  if (!isRole(role)) throw new UsageError(t("cli.user.unknownRole", { role, roles: ROLES.join(", ") }));
  const organisationId = await organisationIdFor(io, optionalFlag(parsed, "organisation"));
  const user = await io.db.selectFrom("app_user").select("id").where("email_normalised", "=", email).executeTakeFirst();
  if (!user) {
    io.stderr(t("cli.user.noAccount", { email }));
    return 1;
  }
  try {
    await grantRole(io.db, SYSTEM, { userId: user.id, role, organisationId });
  } catch (error) {
    if (isDomainError(error)) {
      io.stderr(t("cli.error", { message: messageFor(error) }));
      return 1;
    }
    throw error;
  }
  io.stdout(t("cli.user.roleSet", { email, role }));
  return 0;
}
