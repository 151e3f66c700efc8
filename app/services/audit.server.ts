import type { Kysely } from "kysely";
import type { AuditEvent, Database } from "../../db/schema.js";

export interface AuditInput {
  actorUserId: number | null;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<void> {
  await db
    .insertInto("audit_event")
    .values({
      actor_user_id: input.actorUserId,
      action: input.action,
      subject_type: input.subjectType ?? null,
      subject_id: input.subjectId === undefined ? null : String(input.subjectId),
      ip: input.ip ?? null,
      details: JSON.stringify(input.details ?? {}),
    })
    .execute();
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(
  db: Kysely<Database>,
  options: { beforeId?: bigint; subjectType?: string; subjectId?: string },
): Promise<AuditEvent[]> {
  let query = db.selectFrom("audit_event").selectAll().orderBy("id", "desc").limit(AUDIT_PAGE_SIZE);
  if (options.beforeId !== undefined) query = query.where("id", "<", options.beforeId);
  if (options.subjectType) query = query.where("subject_type", "=", options.subjectType);
  if (options.subjectId) query = query.where("subject_id", "=", options.subjectId);
  return query.execute();
}
