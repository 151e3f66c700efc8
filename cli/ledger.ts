// `potluck ledger ...`: exports and verification for people who check the books with their own
// tools. `args` are the words after `ledger`. Exit codes: 0 fine, 1 the ledger failed a check
// or a request was refused, 2 the command line was wrong.
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { isDomainError } from "../app/domain/errors.js";
import { messageFor } from "../app/domain/messages.js";
import { createCheckpoint } from "../app/services/ledger/checkpoints.server.js";
import { exportCsv, exportHledger } from "../app/services/ledger/export.server.js";
import { verifyLedger } from "../app/services/ledger/verify.server.js";
import { t } from "../app/i18n/translate.js";

export interface LedgerCommandIo {
  db: Kysely<Database>;
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = t("cli.ledger.usage");

type Parsed = { ok: true; options: Map<string, string> } | { ok: false; message: string };

function parseOptions(args: string[], allowed: string[]): Parsed {
  const options = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith("--")) return { ok: false, message: t("cli.ledger.unexpectedArgument", { argument: arg }) };
    const equals = arg.indexOf("=");
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    if (!allowed.includes(name)) return { ok: false, message: t("cli.ledger.unknownOption", { name }) };
    if (options.has(name)) return { ok: false, message: t("cli.ledger.optionTwice", { name }) };
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else {
      value = args[index + 1];
      index++;
    }
    if (value === undefined || value === "" || value.startsWith("--")) return { ok: false, message: t("cli.ledger.needsValue", { name }) };
    options.set(name, value);
  }
  return { ok: true, options };
}

function usageError(io: LedgerCommandIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}`);
  return 2;
}

export async function ledgerCommand(args: string[], io: LedgerCommandIo): Promise<number> {
  const [subcommand, ...rest] = args;
  try {
    switch (subcommand) {
      case "export":
        return await exportCommand(rest, io);
      case "verify":
        if (rest.length > 0) return usageError(io, t("cli.ledger.verifyNoArguments"));
        return await verifyCommand(io);
      case "checkpoint": {
        if (rest.length > 0) return usageError(io, t("cli.ledger.checkpointNoArguments"));
        const checkpoint = await createCheckpoint(io.db);
        io.stdout(`${t("cli.ledger.checkpointDone", { id: String(checkpoint.id), accounts: checkpoint.accountCount, postings: String(checkpoint.postingCount), root: checkpoint.rootHashHex })}\n`);
        return 0;
      }
      case "--help":
      case "help":
        io.stdout(USAGE);
        return 0;
      case undefined:
        return usageError(io, t("cli.ledger.missingCommand"));
      default:
        return usageError(io, t("cli.ledger.unknownCommand", { command: subcommand }));
    }
  } catch (error) {
    if (isDomainError(error)) {
      io.stderr(`${messageFor(error)}\n`);
      return 1;
    }
    throw error;
  }
}

async function exportCommand(args: string[], io: LedgerCommandIo): Promise<number> {
  const parsed = parseOptions(args, ["format", "account"]);
  if (!parsed.ok) return usageError(io, parsed.message);
  const format = parsed.options.get("format");
  if (format === undefined) return usageError(io, t("cli.ledger.exportNeedsFormat"));
  const accountCode = parsed.options.get("account");
  const options = accountCode === undefined ? {} : { accountCode };
  const write = (chunk: string) => io.stdout(chunk);
  if (format === "hledger") await exportHledger(io.db, write, options);
  else if (format === "csv") await exportCsv(io.db, write, options);
  else return usageError(io, t("cli.ledger.unknownFormat", { format }));
  return 0;
}

async function verifyCommand(io: LedgerCommandIo): Promise<number> {
  const report = await verifyLedger(io.db);
  const { accounts, entries, postings, checkpoints } = report.counts;
  const summary = t("cli.ledger.summary", { accounts, entries, postings, checkpoints });
  if (report.ok) {
    io.stdout(`${t("cli.ledger.verified", { summary })}\n`);
    return 0;
  }
  const first = report.violations[0]!;
  io.stderr(`${t("cli.ledger.verifyFailed", { code: first.code, message: first.message })}\n`);
  for (const violation of report.violations.slice(1)) io.stderr(`${t("cli.ledger.alsoViolation", { code: violation.code, message: violation.message })}\n`);
  io.stderr(`${t("cli.ledger.checked", { summary })}\n`);
  return 1;
}
