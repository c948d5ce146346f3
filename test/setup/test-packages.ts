// A build step for the tests, run once by vitest before any test file (globalSetup): packages generated
// from fixture specs by the real CLI, which builds them (dist/, ESM and CommonJS) as it does for users. Done in a test file's beforeAll, this
// took a hook's whole time budget on a busy machine while other workers ran tsc too; here it runs before
// the workers start, with no hook timeout, and test files only import the result (`inject`).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { main } from "../../scripts/cli.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";

const root = join(import.meta.dirname, "..", "..");

/** Package name -> fixture spec: each becomes `<folder>/<name>/` with `src/` and a compiled `dist/`. */
const PACKAGES = {
  things: "test/fixtures/specs/things.json",
  // An OpenAI-like API: tagged tool unions and a long enum in a JSON body, a form body, a documented
  // error body, a write that declares Idempotency-Key and writes that do not.
  assistant: "test/fixtures/specs/assistant.json",
  // One list operation per pagination style (Stripe list and search, OpenAI, GitHub's Link header,
  // page numbers, offsets, cursor fields, next links), each with the same item schema.
  pages: "test/fixtures/specs/pages.json",
  // Every response kind: binary (octet-stream, PDF), text (CSV), event streams (JSON and text data), a
  // body the spec does not describe, a 204 and JSON.
  media: "test/fixtures/specs/media.json",
} as const;

export type TestPackages = Record<keyof typeof PACKAGES, string>;

declare module "vitest" {
  export interface ProvidedContext {
    /** Package folder by name (see test/setup/test-packages.ts). */
    testPackages: TestPackages;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "specsmith-test-packages-"));
  const folders = {} as TestPackages;
  for (const [name, spec] of Object.entries(PACKAGES) as [keyof typeof PACKAGES, string][]) {
    const out = join(dir, name);
    const term = memoryTerminal();
    const code = await main(["generate", join(root, spec), "--out", out, "--name", name], term, root);
    if (code !== 0) throw new Error(`generating the ${name} test package failed:\n${term.stderr.join("\n")}`);
    folders[name] = out;
  }
  project.provide("testPackages", folders);
  return () => rm(dir, { recursive: true, force: true });
}
