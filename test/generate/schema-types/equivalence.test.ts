// Our src/openapi.ts (and the src/schema.ts its component schemas point into) against openapi-typescript's
// file, judged by the real tsc (equivalence.ts): the same types for every component and every
// operation's parameters, requestBody and responses.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../../scripts/spec/index.ts";
import { checkEquivalence, packageTypeFiles, type SpecUnderTest, TEST_SPECS } from "./equivalence.ts";

const root = join(import.meta.dirname, "..", "..", "..");

let dir: string;
let specs: SpecUnderTest[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-types-"));
  specs = await Promise.all(
    TEST_SPECS.map(async ([name, path]) => ({ name, document: (await loadSpec(join(root, path))).document })),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("equivalence with openapi-typescript", () => {
  it("gives identical types (strict Equal) for every component and operation of every spec", async () => {
    const result = await checkEquivalence(specs, join(dir, "real"));
    expect(result.oursErrors).toEqual([]);
    expect(result.differences).toEqual([]);
    // Every spec contributed checks: the zoo alone has one per component and three per operation.
    expect(result.checks).toBeGreaterThan(150);
  }, 120_000);

  it("reports a difference when our types differ (the check can fail)", async () => {
    const zoo = specs.filter((s) => s.name === "schema-zoo");
    // A plausible bug: every property optional, and the discriminator value widened to string.
    const wrong = (document: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(packageTypeFiles(document)).map(([name, text]) => [
          name,
          text
            .replace(/^(\s+)(\w+): string;$/gm, "$1$2?: string;")
            .replace('petType: "cat";', "petType: string;"),
        ]),
      );
    const result = await checkEquivalence(zoo, join(dir, "wrong"), wrong);
    const what = result.differences.map((d) => d.what);
    expect(what).toContain('components["schemas"]["Cat"]');
    expect(what).toContain('components["schemas"]["ObjBasic"]');
    // Through a $ref too: the response's content is ObjBasic.
    expect(what).toContain('paths["/items/{id}"]["get"]["responses"]');
    // Untouched types still agree.
    expect(what).not.toContain('components["schemas"]["Node"]');
  }, 120_000);
});
