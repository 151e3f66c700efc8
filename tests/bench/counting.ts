import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { equalShares, equalSharesCompleted, greedy } from "../../app/domain/counting.js";
import { pabulibToCounting, parsePabulib } from "../../app/domain/pabulib.js";

/*
 * Times greedy, equal shares (cost utility) and equal shares with add1
 * completion on every shared Pabulib file, largest first. Parsing the same
 * file is the baseline measured in the same run, so the ratios stay
 * comparable on a busy or slower machine.
 *
 *   npx tsx tests/bench/counting.ts
 */

const DATA_DIR = process.env.PABULIB_DIR ?? path.resolve(process.cwd(), "../shared/pabulib/data");

function time<T>(f: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

export interface CountingBenchRow {
  readonly file: string;
  readonly voters: number;
  readonly projects: number;
  readonly parseMs: number;
  readonly greedyMs: number;
  readonly mesMs: number;
  readonly mesCompletedMs: number;
  /** CPU time of the same count: on a shared machine wall time also measures the neighbours. */
  readonly mesCompletedCpuMs: number;
  readonly mesRuns: number;
  readonly budgetIncrease: bigint;
}

export async function run(): Promise<void> {
  const files = fs
    .readdirSync(DATA_DIR)
    .filter((f) => f.endsWith(".pb"))
    .map((f) => ({ f, size: fs.statSync(path.join(DATA_DIR, f)).size }))
    .sort((a, b) => b.size - a.size)
    .map((x) => x.f);
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(DATA_DIR, f), "utf8")]));

  // Warm the JIT on the smaller files so the first large file is not charged for compilation.
  for (const f of files.slice(-6)) {
    const { instance } = pabulibToCounting(parsePabulib(texts.get(f) ?? ""));
    greedy(instance, { score: "approvals" });
    equalSharesCompleted(instance, { utility: "cost" });
  }

  const rows: CountingBenchRow[] = [];
  for (const f of files) {
    const text = texts.get(f) ?? "";
    const parsed = time(() => parsePabulib(text));
    const pb = parsed.value;
    const { instance } = pabulibToCounting(pb);
    const points = pb.voteType === "cumulative" || pb.voteType === "scoring";
    const g = time(() => greedy(instance, { score: points ? "points" : "approvals" }));
    const m = time(() => equalShares(instance, { utility: "cost" }));
    const c = time(() => equalSharesCompleted(instance, { utility: "cost" }));
    rows.push({
      file: f.replace(/\.pb$/, ""),
      voters: instance.ballots.length,
      projects: instance.projects.length,
      parseMs: parsed.ms,
      greedyMs: g.ms,
      mesMs: m.ms,
      mesCompletedMs: c.ms,
      mesCompletedCpuMs: c.cpuMs,
      mesRuns: c.value.mesRuns,
      budgetIncrease: c.value.budgetIncrease,
    });
  }

  const header = ["file", "voters", "projects", "parse ms", "greedy ms", "mes ms", "mes-completed ms", "(cpu ms)", "runs", "+per voter", "completed/parse"];
  const body = rows.map((r) => [
    r.file.length > 44 ? `${r.file.slice(0, 41)}...` : r.file,
    String(r.voters),
    String(r.projects),
    r.parseMs.toFixed(1),
    r.greedyMs.toFixed(1),
    r.mesMs.toFixed(1),
    r.mesCompletedMs.toFixed(1),
    r.mesCompletedCpuMs.toFixed(0),
    String(r.mesRuns),
    r.budgetIncrease.toString(),
    (r.mesCompletedMs / Math.max(r.parseMs, 0.01)).toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const out = [line(header), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...body.map(line)];
  const total = rows.reduce((a, r) => a + r.mesCompletedMs, 0);
  const worst = rows.reduce((a, r) => (r.mesCompletedMs > a.mesCompletedMs ? r : a));
  const load = os.loadavg()[0] ?? 0;
  out.push(
    "",
    `mes-completed: slowest ${worst.file} ${worst.mesCompletedMs.toFixed(0)} ms; all files ${total.toFixed(0)} ms (target: every file under 2000 ms)`,
    `${os.cpus().length} CPUs, load average ${load.toFixed(2)} when the table was printed`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  run().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}
