// `pb export ROUND_SLUG` and `pb import FILE --organisation SLUG [--slug SLUG]`.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { isDomainError } from "../app/domain/errors.js";
import { messageFor } from "../app/domain/messages.js";
import { PabulibError, parsePabulib, PABULIB_MAX_CHARS } from "../app/domain/pabulib.js";
import { exportRoundPabulib } from "../app/services/results/export.server.js";
import { importPabulibRound, slugFor } from "../app/services/results/import.server.js";
import { findRoundBySlug } from "../app/services/rounds/rounds.server.js";
import { t } from "../app/i18n/translate.js";
import { parseArgs, requiredFlag, optionalFlag, UsageError } from "./args.js";
import type { CliIo } from "./io.js";

export const PB_IO_HELP = t("cli.pbIo.help");

const SYSTEM = { user: null, ip: null, system: true } as const;

export async function pbExport(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { valueFlags: [], booleanFlags: [] });
  if (parsed.positional.length !== 1) throw new UsageError(t("cli.pbExport.needsSlug"));
  const round = await findRoundBySlug(io.db, parsed.positional[0]!);
  if (!round) {
    io.stderr(t("cli.pbExport.noRound", { slug: parsed.positional[0]! }));
    return 1;
  }
  try {
    const text = await exportRoundPabulib(io.db, round.id, "officer");
    // io.stdout ends each write with a line break; the file already ends with one.
    io.stdout(text.replace(/\n$/, ""));
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    io.stderr(t("cli.error", { message: messageFor(error) }));
    return 1;
  }
}

export async function pbImport(args: string[], io: CliIo & { readFile?: (path: string) => Promise<string> }): Promise<number> {
  const parsed = parseArgs(args, { valueFlags: ["organisation", "slug"], booleanFlags: [] });
  if (parsed.positional.length !== 1) throw new UsageError(t("cli.pbImport.needsFile"));
  const file = parsed.positional[0]!;
  const organisationSlug = requiredFlag(parsed, "organisation");
  let text: string;
  try {
    text = await (io.readFile ?? ((p: string) => readFile(p, "utf8")))(file);
  } catch (error) {
    io.stderr(t("cli.pbImport.cannotRead", { file, message: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
  if (text.length > PABULIB_MAX_CHARS) {
    io.stderr(t("cli.pbImport.tooLarge", { file }));
    return 1;
  }
  try {
    const pb = parsePabulib(text);
    const slug = optionalFlag(parsed, "slug") ?? slugFor(basename(file).replace(/\.pb$/i, ""));
    const imported = await importPabulibRound(io.db, SYSTEM, { organisationSlug, slug, pb });
    io.stdout(t("cli.pbImport.done", { file, slug: imported.slug, projects: imported.projects, ballots: imported.ballots }));
    return 0;
  } catch (error) {
    if (error instanceof PabulibError) {
      io.stderr(t("cli.pbImport.fileError", { file, message: error.message }));
      return 1;
    }
    if (!isDomainError(error)) throw error;
    io.stderr(t("cli.error", { message: messageFor(error) }));
    return 1;
  }
}
