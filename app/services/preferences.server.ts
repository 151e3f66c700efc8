// A person's own settings for how Potluck looks to them. Each change is one transaction with its
// audit row; saving the setting a person already has changes nothing and records nothing.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";
import { DomainError } from "../domain/errors.js";
import { recordAudit } from "./audit.server.js";
import type { Actor } from "./current-user.js";

/** Turns large print on or off for the signed-in person. Returns whether anything changed. */
export async function setLargePrint(db: Kysely<Database>, actor: Actor, largePrint: boolean): Promise<{ changed: boolean }> {
  const user = actor.user;
  if (!user) throw new DomainError("forbidden", { status: 403 });
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("app_user").select("large_print").where("id", "=", user.id).forUpdate().executeTakeFirst();
    if (!row) throw new DomainError("not_found", { status: 404 });
    if (row.large_print === largePrint) return { changed: false };
    await trx.updateTable("app_user").set({ large_print: largePrint }).where("id", "=", user.id).execute();
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "account.large_print_changed",
      subjectType: "user",
      subjectId: user.id,
      ip: actor.ip,
      details: { largePrint },
    });
    return { changed: true };
  });
}
