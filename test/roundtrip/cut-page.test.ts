// The cut a round trip applies: which facts a page cut at ~2,000 bytes still states.
import { describe, expect, it } from "vitest";
import { cutPage } from "../../scripts/roundtrip/renderers/page-writer.ts";
import type { Fact, PlacedFact } from "../../scripts/roundtrip/types.ts";

const fact = (operation: string, kind: Fact["kind"], where: string): Fact => ({
  operation,
  kind,
  where,
  attribute: "exists",
  value: "true",
});

function page(facts: PlacedFact[]) {
  return { file: "p.txt", text: "x".repeat(100), facts };
}

const kept = (facts: PlacedFact[]) => cutPage(page(facts), 50).facts.map((f) => f.fact.where);

describe("cutPage", () => {
  it("keeps the facts that end before the cut and drops the rest", () => {
    expect(
      kept([
        { fact: fact("get /a", "operation", "op"), end: 10 },
        { fact: fact("get /a", "parameter", "query limit"), end: 40 },
        { fact: fact("get /a", "parameter", "query after"), end: 60 },
      ]),
    ).toEqual(["op", "query limit"]);
  });

  it("drops the fields of an operation whose method and path come after the cut", () => {
    // docs.stripe.com text: the parameters, then the request line.
    expect(
      kept([
        { fact: fact("post /a", "property", "body name"), end: 20 },
        { fact: fact("post /a", "operation", "op"), end: 70 },
        { fact: fact("get /b", "operation", "op b"), end: 5 },
        { fact: fact("get /b", "parameter", "query limit"), end: 30 },
      ]),
    ).toEqual(["op b", "query limit"]);
  });

  it("keeps the facts of a page that places no operation fact on their own offsets", () => {
    expect(kept([{ fact: fact("post /a", "property", "body name"), end: 20 }])).toEqual(["body name"]);
  });
});
