import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.js";

export interface OutgoingMessage {
  to: string;
  subject: string;
  bodyText: string;
}

/**
 * Emails are written to the outbox in the same transaction as the change they describe,
 * so a message is never sent for something that did not happen. A mail relay (or, in
 * development, the server log) reads the outbox.
 */
export async function queueMessage(db: Kysely<Database>, message: OutgoingMessage): Promise<number> {
  const row = await db
    .insertInto("outbox_message")
    .values({ to_address: message.to, subject: message.subject, body_text: message.bodyText })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function latestMessageTo(db: Kysely<Database>, to: string) {
  return db
    .selectFrom("outbox_message")
    .selectAll()
    .where("to_address", "=", to)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Development delivery: print unsent messages to the log and mark them sent. */
export async function printOutbox(db: Kysely<Database>, log: (line: string) => void): Promise<number> {
  const messages = await db
    .selectFrom("outbox_message")
    .selectAll()
    .where("sent_at", "is", null)
    .orderBy("id")
    .limit(100)
    .execute();
  for (const message of messages) {
    log(`[outbox] to ${message.to_address}: ${message.subject}\n${message.body_text}`);
    await db.updateTable("outbox_message").set({ sent_at: new Date() }).where("id", "=", message.id).execute();
  }
  return messages.length;
}
