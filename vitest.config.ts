import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // Two cores on CI: keep workers modest so end-to-end tests that spawn the CLI are not starved.
    maxWorkers: 2,
  },
});
