import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packages the tests import, generated and compiled once before any test file runs.
    globalSetup: ["test/setup/test-packages.ts"],
    // Guards against a hung test, not speed checks (those are in `npm run bench`): on a busy 2-core
    // machine a test that runs tsc or spawns the CLI takes many times its idle time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores on CI: keep workers modest so end-to-end tests that spawn the CLI are not starved.
    maxWorkers: 2,
  },
});
