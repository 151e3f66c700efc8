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

export interface PbCountIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** When true, progress is redrawn in place on stderr while counting. */
  readonly stderrIsTTY?: boolean;
  /** Reads the file; defaults to the filesystem (tests pass their own). */
  readonly readFile?: (path: string) => Promise<string>;
  readonly now?: () => number;
}

export const PB_COUNT_USAGE = `usage: pb count FILE --rule greedy|mes|mes-completed [--utility cost|approval] [--tie-break id|support] [--json]

Counts a Pabulib .pb file and prints the funded projects in selection order and their total cost.
  --rule       greedy: most support first (points for cumulative/scoring ballots)
               mes: Method of Equal Shares
               mes-completed: equal shares, raising every voter's money by 1 currency unit
                              while that stays within budget, then greedy for what still fits
  --utility    for mes rules: cost (default) or approval
  --tie-break  id (default, as pabutools: smallest project_id as a string) or
               support (more supporters, then lower cost, then file order)
  --json       print {"selected": [...], "total_cost": "..."}
Exit codes: 0 done, 1 unreadable or malformed file, 2 bad arguments.
`;

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
      if (v !== "greedy" && v !== "mes" && v !== "mes-completed") return `--rule must be greedy, mes or mes-completed`;
      rule = v;
    } else if (flag === "--utility") {
      const v = value();
      if (v !== "cost" && v !== "approval") return `--utility must be cost or approval`;
      utility = v;
    } else if (flag === "--tie-break") {
      const v = value();
      if (v !== "id" && v !== "support") return `--tie-break must be id or support`;
      tieBreak = v;
    } else if (flag.startsWith("-")) {
      return `unknown option ${flag}`;
    } else if (file === null) {
      file = a;
    } else {
      return `only one FILE can be counted (got ${file} and ${a})`;
    }
  }
  if (file === null) return "missing FILE";
  if (rule === null) return "missing --rule";
  if (rule === "greedy" && utility !== null) return "--utility applies to the mes rules only";
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
    io.stderr(`pb count: ${parsed}\n${PB_COUNT_USAGE}`);
    return 2;
  }
  const now = io.now ?? (() => Date.now());
  const started = now();
  let text: string;
  try {
    text = await (io.readFile ?? ((p: string) => readFile(p, "utf8")))(parsed.file);
  } catch (err) {
    io.stderr(`pb count: cannot read ${parsed.file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  let pb: PabulibInstance;
  try {
    pb = parsePabulib(text);
  } catch (err) {
    if (err instanceof PabulibError) {
      io.stderr(`pb count: ${parsed.file}: ${err.message}\n`);
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
    const t = now();
    if (t - lastDraw < 100) return;
    lastDraw = t;
    drew = true;
    const run = parsed.rule === "mes-completed" ? ` (run ${p.runs}, +${p.budgetIncrease} per voter)` : "";
    io.stderr(`\rcounting… ${p.decided}/${total} projects${run}\u001b[K`);
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
    io.stdout(result.selected.map((id) => `${id}\n`).join("") + `total cost: ${totalCost}\n`);
  }
  const runs = result.rule === "equal-shares-completed" ? `, ${result.mesRuns} equal-shares runs` : "";
  io.stderr(
    `counted ${total} projects and ${instance.ballots.length} voters with ${parsed.rule}: ${result.selected.length} funded in ${now() - started} ms${runs}\n`,
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
      process.stderr.write(`pb count: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
