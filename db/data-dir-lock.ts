// PGlite is a single-process database: two processes opening one data directory can corrupt
// it. The server holds a lock file while it runs; the command line refuses to open the
// directory while a live process holds it.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const LOCK_NAME = "potluck.lock";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, LOCK_NAME);
}

/** The pid of a live process holding the directory, or null. */
export function lockHolder(dataDir: string): number | null {
  if (dataDir === "memory://") return null;
  const file = lockPath(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
  return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
}

export function acquireLock(dataDir: string): () => void {
  if (dataDir === "memory://") return () => undefined;
  const holder = lockHolder(dataDir);
  if (holder !== null) throw new Error(`the database in ${dataDir} is in use by process ${holder}; stop it first`);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockPath(dataDir), String(process.pid));
  return () => rmSync(lockPath(dataDir), { force: true });
}
