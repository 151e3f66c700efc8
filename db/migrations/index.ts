// Every migration, in order. Listing them here (rather than reading the folder) means the
// compiled server and the CLI run exactly the same set.
import type { Migration } from "kysely";
import * as m0001 from "./0001_foundation.js";
import * as m0002 from "./0002_ledger.js";
import * as m0003 from "./0003_budget_rounds.js";
import * as m0004 from "./0004_timebank.js";
import * as m0005 from "./0005_results.js";
import * as m0007 from "./0007_meetings.js";
import * as m0008 from "./0008_coproduction.js";
import * as m0010 from "./0010_ledger_checks_in_triggers.js";
import * as m0011 from "./0011_cast_ballot_function.js";
import * as m0012 from "./0012_ballot_references_without_locks.js";
import * as m0013 from "./0013_ballot_plans_that_scale.js";
import * as m0014 from "./0014_ballot_plans_on_indexes.js";
import * as m0015 from "./0015_user_for_session_function.js";
import * as m0016 from "./0016_round_tally_function.js";

export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_ledger": m0002,
  "0003_budget_rounds": m0003,
  "0004_timebank": m0004,
  "0005_results": m0005,
  "0007_meetings": m0007,
  "0008_coproduction": m0008,
  "0010_ledger_checks_in_triggers": m0010,
  "0011_cast_ballot_function": m0011,
  "0012_ballot_references_without_locks": m0012,
  "0013_ballot_plans_that_scale": m0013,
  "0014_ballot_plans_on_indexes": m0014,
  "0015_user_for_session_function": m0015,
  "0016_round_tally_function": m0016,
};
