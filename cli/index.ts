// The `potluck` command line: `npm run potluck -- <command>`.
import { createDb, dbOptionsFromEnv } from "../db/client.js";
import { acquireLock } from "../db/data-dir-lock.js";
import { runCli } from "./main.js";

const options = dbOptionsFromEnv();

runCli(process.argv.slice(2), {
  async openDb() {
    const release = options.databaseUrl ? () => undefined : acquireLock(options.dataDir ?? "./data");
    const handle = await createDb(options);
    return {
      handle,
      async close() {
        await handle.close();
        release();
      },
    };
  },
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  appUrl: (process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, ""),
}).then((code) => {
  process.exitCode = code;
});
