import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);

// The server under test runs in production mode on a fresh in-memory database with the demo
// seeded, so every run starts from the same state.
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  webServer: {
    command: "node dist/server/index.js",
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_URL: "",
      POTLUCK_DATA_DIR: "memory://",
      POTLUCK_DEMO_SEED: "on",
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
      PASSWORD_HASH_COST_LOG2: "14",
      POTLUCK_LOG_OUTBOX: "off",
      APP_URL: `http://127.0.0.1:${PORT}`,
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
