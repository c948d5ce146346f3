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
    // Test files run one after another in each worker's module graph instead of a fresh one per file:
    // re-importing ts-morph, cheerio, TypeScript and the generator for each of ~60 files was half the run
    // (115 s against 66 s idle). So no test may rely on fresh module state: none mocks modules, and env
    // and global stubs are undone after each test.
    isolate: false,
    unstubEnvs: true,
    unstubGlobals: true,
  },
});
