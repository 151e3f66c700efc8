// The `potluck` command line: `npm run potluck -- <command>`.
// Exit codes: 0 done, 1 the command failed, 2 the command was not understood.
import { createDb, dbOptionsFromEnv, type DbHandle } from "../db/client.js";
import { acquireLock } from "../db/data-dir-lock.js";
import { migrateToLatest } from "../db/migrate.js";
import { isEmpty, seedDemo } from "../db/seed.js";
import { UsageError } from "./args.js";
import { ledgerCommand } from "./ledger.js";
import { pbCount } from "./pb-count.js";
import { USER_HELP, userCommand } from "./user.js";

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
  --help                  Show this help.

The database is DATABASE_URL when set, otherwise the embedded database in POTLUCK_DATA_DIR (./data).`;

const stdout = (text: string) => process.stdout.write(`${text}\n`);
const stderr = (text: string) => process.stderr.write(`${text}\n`);

async function withDb<T>(run: (handle: DbHandle) => Promise<T>): Promise<T> {
  const options = dbOptionsFromEnv();
  const release = options.databaseUrl ? () => undefined : acquireLock(options.dataDir ?? "./data");
  const handle = await createDb(options);
  try {
    await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.close();
    release();
  }
}

export async function main(argv: string[]): Promise<number> {
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
      return withDb(({ db }) => userCommand(rest, { db, stdout, stderr, appUrl: (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "") }));
    case "ledger":
      return withDb(({ db }) => ledgerCommand(rest, { db, stdout, stderr }));
    case "pb":
      if (rest[0] !== "count") throw new UsageError(`unknown pb command "${rest[0] ?? ""}"; use "pb count FILE --rule ..."`);
      return pbCount(rest.slice(1), { stdout, stderr });
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      stderr(`potluck: ${error.message}\nRun "npm run potluck -- --help" for usage.`);
      process.exitCode = 2;
    } else {
      stderr(`potluck: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  },
);
