// `npm run bench -- <name> [args]`: runs one benchmark. No name lists them; an unknown name
// exits with code 2. Each benchmark is also runnable directly with `npx tsx tests/bench/<file>`.
import { UsageError } from "./tally.js";

type Main = (args: string[]) => Promise<void>;

const BENCHMARKS: Record<string, { file: string; about: string; load: () => Promise<{ run: Main }> }> = {
  counting: { file: "counting.ts", about: "greedy and equal shares on every shared Pabulib file", load: () => import("./counting.js") },
  ledger: { file: "ledger.ts", about: "ledger transfers against a bare transfer on PostgreSQL [--seconds N]", load: () => import("./ledger.js") },
  tally: { file: "tally.ts", about: "live tally push latency with websocket clients [--seconds N] [--clients N] [--rate N] [--coalesce-ms N]", load: () => import("./tally.js") },
  ballots: { file: "ballots-http.ts", about: "HTTP ballot submission with autocannon [--seconds N] [--connections N] [--voters N]", load: () => import("./ballots-http.js") },
};

function list(): string {
  const width = Math.max(...Object.keys(BENCHMARKS).map((n) => n.length));
  return ["usage: npm run bench -- <name> [args]", "", ...Object.entries(BENCHMARKS).map(([name, b]) => `  ${name.padEnd(width)}  ${b.about}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h") {
    console.log(list());
    return 0;
  }
  const bench = BENCHMARKS[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"\n\n${list()}`);
    return 2;
  }
  // Some benchmarks read their flags from process.argv rather than from run()'s argument, so
  // the name is taken out. argv[1] stays run.ts: each file runs itself only when argv[1] is it.
  process.argv = [process.argv[0]!, process.argv[1]!, ...args];
  const { run } = await bench.load();
  try {
    await run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && /needs DATABASE_URL|takes a number/.test(error.message))) {
      console.error(error.message);
      return 2;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
