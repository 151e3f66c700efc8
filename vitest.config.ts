import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Generous: PGlite boots in a few seconds on an idle machine, far slower on a busy one.
          hookTimeout: 180_000,
          testTimeout: 180_000,
          // PGlite boots per file; two workers keep the 2-core machine busy without thrashing.
          maxWorkers: 2,
          env: { PASSWORD_HASH_COST_LOG2: "14" },
        },
      },
    ],
  },
});
