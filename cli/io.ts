import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

export interface CliIo {
  db: Kysely<Database>;
  stdout(text: string): void;
  stderr(text: string): void;
}
