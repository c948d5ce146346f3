// The seed-family captures issue 12 lists as misses: each is read by its family's extractor, with its fields.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseExtractor } from "../../scripts/scrape/extractors/index.ts";
import type { OperationFragment } from "../../scripts/scrape/fragment.ts";

const LAYOUTS = join(import.meta.dirname, "..", "fixtures", "pages", "layouts");

function read(file: string): { extractor: string; ops: OperationFragment[] } {
  const page = { file, text: readFileSync(join(LAYOUTS, file), "utf8") };
  const { extractor } = chooseExtractor(page);
  return { extractor: extractor.name, ops: extractor.extract(page).operations };
}

const route = (op: OperationFragment | undefined): string => `${op?.method?.value} ${op?.path?.value}`;
const bodyNames = (op: OperationFragment | undefined): string[] =>
  (op?.requestBody?.fields ?? []).map((f) => f.path.join("."));

describe("seed-family misses", () => {
  it("a catalogue table whose header and rows do not start with a pipe gives the operation its fields", () => {
    const { extractor, ops } = read("03-catalogue/create-rows-without-pipe.txt");
    expect(extractor).toBe("pipe-table");
    expect(route(ops[0])).toBe("post /v2/widgets");
    expect(bodyNames(ops[0])).toEqual(["color", "size_mm", "parts", "frame.depth"]);
  });

  it("a one-line docs.stripe.com markdown page with `## Parameters` items is read, its curl giving POST", () => {
    const { extractor, ops } = read("02-stripe-markdown/update-one-line.md");
    expect(extractor).toBe("markdown");
    expect(ops.map(route)).toEqual(["post /v2/widgets/{widget_id}"]);
    expect(ops[0]?.title?.value).toBe("Update a widget");
    expect(bodyNames(ops[0])).toEqual(
      expect.arrayContaining(["color", "finishes", "finishes.gloss", "frame.depth", "label"]),
    );
  });

  it("a Fern page captured without its method/URL line is an operation with its fields", () => {
    const { extractor, ops } = read("04-fern/main-content.txt");
    expect(extractor).toBe("fern");
    expect(ops).toHaveLength(1);
    expect(ops[0]?.method).toBeUndefined();
    expect(ops[0]?.title?.value).toBe("Update a widget");
    expect(ops[0]?.parameters.map((p) => `${p.in} ${p.path.join(".")}`)).toEqual([
      "path widget_id",
      "header Idem-Token",
    ]);
    expect(bodyNames(ops[0])).toEqual(["color", "extras", "tags"]);
  });
});
