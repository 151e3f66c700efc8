// Every migration, in order. Listing them here (rather than reading the folder) means the
// compiled server and the CLI run exactly the same set.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation.js";
import * as m0002 from "./0002_ledger.js";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_ledger": m0002,
};
