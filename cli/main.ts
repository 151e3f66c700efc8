// The `potluck` command line, independent of the process it runs in (so tests run it in-process).
// Exit codes: 0 done, 1 the command failed, 2 the command was not understood.
import type { DbHandle } from "../db/client.js";
import { migrateToLatest } from "../db/migrate.js";
import { isEmpty, seedDemo } from "../db/seed.js";
import { t } from "../app/i18n/translate.js";
import { UsageError } from "./args.js";
import { ledgerCommand } from "./ledger.js";
import { pbCount } from "./pb-count.js";
import { PB_IO_HELP, pbExport, pbImport } from "./pb-io.js";
import { USER_HELP, checkUserArgs, userCommand } from "./user.js";

const HELP = t("cli.help", { userHelp: USER_HELP.replace(/^/gm, "  "), pbIoHelp: PB_IO_HELP });

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
      deps.stderr(t("cli.usageError", { message: error.message }));
      return 2;
    }
    deps.stderr(t("cli.error", { message: error instanceof Error ? error.message : String(error) }));
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
      if (rest.length > 0) throw new UsageError(t("cli.migrate.noArguments"));
      return withDb(async () => {
        stdout(t("cli.migrate.done"));
        return 0;
      });
    case "seed": {
      const force = rest[0] === "--force";
      if (rest.length > (force ? 1 : 0)) throw new UsageError(t("cli.seed.onlyForce"));
      return withDb(async ({ db }) => {
        if (!force && !(await isEmpty(db))) {
          stderr(t("cli.seed.notEmpty"));
          return 1;
        }
        const result = await seedDemo(db);
        stdout(t("cli.seed.done", { people: result.people }));
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
      throw new UsageError(t("cli.pb.unknownCommand", { command: rest[0] ?? "" }));
    default:
      throw new UsageError(t("cli.unknownCommand", { command }));
  }
}
