import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import {
  byProjectId,
  bySupportThenCostThenSeed,
  equalShares,
  equalSharesCompleted,
  greedy,
  type CountingProgress,
  type CountingResult,
  type MesUtility,
  type TieBreak,
} from "../app/domain/counting.js";
import { formatDecimal, PabulibError, pabulibToCounting, parsePabulib, type PabulibInstance } from "../app/domain/pabulib.js";
import { t } from "../app/i18n/translate.js";

export interface PbCountIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** When true, progress is redrawn in place on stderr while counting. */
  readonly stderrIsTTY?: boolean;
  /** Reads the file; defaults to the filesystem (tests pass their own). */
  readonly readFile?: (path: string) => Promise<string>;
  readonly now?: () => number;
}

export const PB_COUNT_USAGE = t("cli.pbCount.usage", {
  // i18n-exempt: the shape of the --json output
  jsonShape: '{"selected": [...], "total_cost": "..."}',
});

type Rule = "greedy" | "mes" | "mes-completed";

interface Parsed {
  readonly file: string;
  readonly rule: Rule;
  readonly utility: MesUtility | null;
  readonly tieBreak: "id" | "support";
  readonly json: boolean;
}

function parseArgs(args: readonly string[]): Parsed | string | "help" {
  const rest = args[0] === "count" ? args.slice(1) : args.slice();
  let file: string | null = null;
  let rule: Rule | null = null;
  let utility: MesUtility | null = null;
  let tieBreak: "id" | "support" = "id";
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? "";
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = (): string | null => {
      if (inline !== undefined) return inline;
      const v = rest[i + 1];
      if (v === undefined || v.startsWith("--")) return null;
      i++;
      return v;
    };
    if (flag === "--help" || flag === "-h") return "help";
    if (flag === "--json") {
      json = true;
    } else if (flag === "--rule") {
      const v = value();
      if (v !== "greedy" && v !== "mes" && v !== "mes-completed") return t("cli.pbCount.ruleInvalid");
      rule = v;
    } else if (flag === "--utility") {
      const v = value();
      if (v !== "cost" && v !== "approval") return t("cli.pbCount.utilityInvalid");
      utility = v;
    } else if (flag === "--tie-break") {
      const v = value();
      if (v !== "id" && v !== "support") return t("cli.pbCount.tieBreakInvalid");
      tieBreak = v;
    } else if (flag.startsWith("-")) {
      return t("cli.pbCount.unknownOption", { flag });
    } else if (file === null) {
      file = a;
    } else {
      return t("cli.pbCount.oneFile", { first: file, second: a });
    }
  }
  if (file === null) return t("cli.pbCount.missingFile");
  if (rule === null) return t("cli.pbCount.missingRule");
  if (rule === "greedy" && utility !== null) return t("cli.pbCount.utilityGreedy");
  return { file, rule, utility, tieBreak, json };
}

/** `pb count`; returns the exit code. */
export async function pbCount(args: string[], io: PbCountIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === "help") {
    io.stdout(PB_COUNT_USAGE);
    return 0;
  }
  if (typeof parsed === "string") {
    io.stderr(`${t("cli.pbCount.error", { message: parsed })}\n${PB_COUNT_USAGE}`);
    return 2;
  }
  const now = io.now ?? (() => Date.now());
  const started = now();
  let text: string;
  try {
    text = await (io.readFile ?? ((p: string) => readFile(p, "utf8")))(parsed.file);
  } catch (err) {
    io.stderr(`${t("cli.pbCount.cannotRead", { file: parsed.file, message: err instanceof Error ? err.message : String(err) })}\n`);
    return 1;
  }
  let pb: PabulibInstance;
  try {
    pb = parsePabulib(text);
  } catch (err) {
    if (err instanceof PabulibError) {
      io.stderr(`${t("cli.pbCount.fileError", { file: parsed.file, message: err.message })}\n`);
      return 1;
    }
    throw err;
  }
  const { instance, decimals } = pabulibToCounting(pb);
  const tieBreak: TieBreak = parsed.tieBreak === "id" ? byProjectId : bySupportThenCostThenSeed(pb.projects.map((p) => p.id));
  const utility = parsed.utility ?? "cost";
  const total = instance.projects.length;

  let lastDraw = 0;
  let drew = false;
  const onProgress = (p: CountingProgress): void => {
    if (io.stderrIsTTY !== true) return;
    const at = now();
    if (at - lastDraw < 100) return;
    lastDraw = at;
    drew = true;
    const progress =
      parsed.rule === "mes-completed"
        ? t("cli.pbCount.progressCompleted", { decided: p.decided, total, runs: p.runs, increase: String(p.budgetIncrease) })
        : t("cli.pbCount.progress", { decided: p.decided, total });
    io.stderr(`\r${progress}\u001b[K`);
  };

  let result: CountingResult;
  const unit = 10n ** BigInt(decimals);
  if (parsed.rule === "greedy") {
    const points = pb.voteType === "cumulative" || pb.voteType === "scoring";
    result = greedy(instance, { score: points ? "points" : "approvals", tieBreak });
  } else if (parsed.rule === "mes") {
    result = equalShares(instance, { utility, tieBreak, onProgress });
  } else {
    result = equalSharesCompleted(instance, { utility, tieBreak, onProgress, increment: unit });
  }
  if (drew) io.stderr("\r\u001b[K");

  const totalCost = formatDecimal({ units: result.totalCost, scale: decimals });
  if (parsed.json) {
    io.stdout(`${JSON.stringify({ selected: result.selected, total_cost: totalCost })}\n`);
  } else {
    io.stdout(result.selected.map((id) => `${id}\n`).join("") + `${t("cli.pbCount.totalCost", { cost: totalCost })}\n`);
  }
  const counted = { projects: total, voters: instance.ballots.length, rule: parsed.rule, funded: result.selected.length, ms: now() - started };
  io.stderr(
    `${result.rule === "equal-shares-completed" ? t("cli.pbCount.countedCompleted", { ...counted, runs: result.mesRuns }) : t("cli.pbCount.counted", counted)}\n`,
  );
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  pbCount(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${t("cli.pbCount.error", { message: err instanceof Error ? (err.stack ?? err.message) : String(err) })}\n`);
      process.exitCode = 1;
    },
  );
}
