// The `potluck` command line, independent of the process it runs in (so tests run it in-process).
// Exit codes: 0 done, 1 the command failed, 2 the command was not understood.
import type { DbHandle } from "../db/client.js";
import { migrateToLatest } from "../db/migrate.js";
import { isEmpty, seedDemo } from "../db/seed.js";
import { UsageError } from "./args.js";
import { ledgerCommand } from "./ledger.js";
import { pbCount } from "./pb-count.js";
import { PB_IO_HELP, pbExport, pbImport } from "./pb-io.js";
import { USER_HELP, checkUserArgs, userCommand } from "./user.js";

const HELP = `Usage: npm run potluck -- <command> [options]

Commands:
  migrate                 Bring the database schema up to date.
  seed [--force]          Add the demo data to an empty database (--force: even if not empty).
${USER_HELP.replace(/^/gm, "  ")}
  ledger export --format hledger|csv [--account CODE]
                          Write the ledger as an hledger journal or CSV statements.
  ledger verify           Recompute every balance and hash chain; exit 1 naming the first problem.
  pb count FILE --rule greedy|mes|mes-completed [--utility cost|approval] [--json]
                          Count a Pabulib .pb file and print the selected projects.
  ${PB_IO_HELP}
  --help                  Show this help.

The database is DATABASE_URL when set, otherwise the embedded database in POTLUCK_DATA_DIR (./data).`;

export interface CliDeps {
  /** Opens the (migrated) database; the returned close() releases it. */
  openDb(): Promise<{ handle: DbHandle; close(): Promise<void> }>;
  stdout(text: string): void;
  stderr(text: string): void;
  appUrl: string;
}

export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  try {
    return await dispatch(argv, deps);
  } catch (error) {
    if (error instanceof UsageError) {
      deps.stderr(`potluck: ${error.message}\nRun "npm run potluck -- --help" for usage.`);
      return 2;
    }
    deps.stderr(`potluck: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function dispatch(argv: string[], deps: CliDeps): Promise<number> {
  const { stdout, stderr } = deps;
  const withDb = async <T>(run: (handle: DbHandle) => Promise<T>): Promise<T> => {
    const opened = await deps.openDb();
    try {
      await migrateToLatest(opened.handle.db);
      return await run(opened.handle);
    } finally {
      await opened.close();
    }
  };
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    stdout(HELP);
    return command ? 0 : 2;
  }
  switch (command) {
    case "migrate":
      if (rest.length > 0) throw new UsageError("migrate takes no arguments");
      return withDb(async () => {
        stdout("The database is up to date.");
        return 0;
      });
    case "seed": {
      const force = rest[0] === "--force";
      if (rest.length > (force ? 1 : 0)) throw new UsageError("seed takes only --force");
      return withDb(async ({ db }) => {
        if (!force && !(await isEmpty(db))) {
          stderr("potluck: the database already has data; the demo is only added to an empty database (use --force to add it anyway)");
          return 1;
        }
        const result = await seedDemo(db);
        stdout(`Seeded the demo: ${result.people} people.`);
        return 0;
      });
    }
    case "user":
      checkUserArgs(rest);
      return withDb(({ db }) => userCommand(rest, { db, stdout, stderr, appUrl: deps.appUrl }));
    case "ledger":
      return withDb(({ db }) => ledgerCommand(rest, { db, stdout, stderr }));
    case "pb":
      if (rest[0] === "count") return pbCount(rest.slice(1), { stdout, stderr });
      if (rest[0] === "export") return withDb(({ db }) => pbExport(rest.slice(1), { db, stdout, stderr }));
      if (rest[0] === "import") return withDb(({ db }) => pbImport(rest.slice(1), { db, stdout, stderr }));
      throw new UsageError(`unknown pb command "${rest[0] ?? ""}"; use "pb count", "pb export" or "pb import"`);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
