// The seed-000 renderer holds to the page it imitates: given the stripe.com operation seed 000 shows, it
// writes the seed's sequence of blocks (element kinds, headings, request line, parameter and status
// rows, the body schema's property names), and its query templates are RFC 6570 as the issue describes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { seed000, requestTarget } from "../../scripts/roundtrip/renderers/seed-000.ts";
import { cutPage } from "../../scripts/roundtrip/renderers/page-writer.ts";
import { apiFacts, factKey } from "../../scripts/roundtrip/facts.ts";
import { stripeIdentityApi } from "./stripe-fixture.ts";

/** The copy of seed 000 in the repository (specs/stripe-identity/pages/). */
const SEED_000 = join(
  import.meta.dirname,
  "..",
  "..",
  "specs",
  "stripe-identity",
  "pages",
  "update-verification-session.openapi-renderer.html",
);

/** Property paths of a JSON Schema (sorted): the trimmed fixture orders keys differently from the seed. */
function propertyPaths(schema: unknown, prefix = ""): string[] {
  if (typeof schema !== "object" || schema === null) return [];
  const s = schema as Record<string, unknown>;
  const out: string[] = [];
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    if (Array.isArray(s[key])) for (const b of s[key] as unknown[]) out.push(...propertyPaths(b, prefix));
  }
  if (s.items) out.push(...propertyPaths(s.items, `${prefix}[]`));
  if (typeof s.properties === "object" && s.properties !== null) {
    for (const [name, child] of Object.entries(s.properties)) {
      const path = prefix === "" ? name : `${prefix}.${name}`;
      out.push(path, ...propertyPaths(child, path));
    }
  }
  return [...new Set(out)].sort();
}

/** The page as a sequence of blocks: element kinds with the text that identifies them (no descriptions). */
function blocks(html: string): string[] {
  const $ = load(html);
  const out: string[] = [];
  $("article *").each((_, el) => {
    const node = $(el);
    const cls = node.attr("class") ?? "";
    const tag = el.tagName;
    if (/^h[1-6]$/.test(tag) && cls !== "requestSummary") out.push(`${tag}: ${node.text()}`);
    else if (tag === "h1") out.push(`h1.requestSummary: ${node.text()}`);
    else if (["section", "dl", "ul", "dt", "dd", "li"].includes(tag)) out.push(`${tag}.${cls}`);
    else if (tag === "pre" && cls === "schema")
      out.push(`pre.schema: ${propertyPaths(JSON.parse(node.text())).join(" ")}`);
    else if (tag === "pre") out.push(`pre.${cls}`);
    else if (
      tag === "span" &&
      [
        "requestLine",
        "httpTarget",
        "httpVersion",
        "headerLine",
        "parameterName",
        "parameterLocation",
        "parameterType",
        "parameterRequired",
        "statusLine",
      ].includes(cls)
    )
      out.push(`span.${cls}: ${node.text()}`);
  });
  return out;
}

describe("seed-000 renderer", () => {
  it("reproduces seed 000's sequence of blocks for the operation it shows", async () => {
    const api = await stripeIdentityApi();
    const seedHtml = readFileSync(SEED_000, "utf8");
    const op = api.operations.find(
      (o) => o.method === "post" && o.path === "/v1/identity/verification_sessions/{session}",
    );
    expect(op).toBeDefined();
    const [page] = seed000.render({ ...api, operations: [op!] }, {});
    expect(blocks(page!.text)).toEqual(blocks(seedHtml));
    expect(blocks(seedHtml).length).toBeGreaterThan(20);
  });

  it("writes query parameters as an RFC 6570 template after a backslashed path", async () => {
    const api = await stripeIdentityApi();
    const list = api.operations.find(
      (o) => o.method === "get" && o.path === "/v1/identity/verification_sessions",
    )!;
    expect(requestTarget(list)).toBe(
      "\\v1\\identity\\verification_sessions{?created*,ending_before*,expand*,limit*,starting_after*,status*}",
    );
    const one = api.operations.find(
      (o) => o.method === "get" && o.path === "/v1/identity/verification_sessions/{session}",
    )!;
    expect(requestTarget(one)).toBe("\\v1\\identity\\verification_sessions\\{session}{?expand*}");
  });

  it("places every fact of every operation (lossless), and a cut keeps only those before it", async () => {
    const api = await stripeIdentityApi();
    const pages = seed000.render(api, {});
    const placed = new Set(pages.flatMap((p) => p.facts.map((f) => factKey(f.fact))));
    expect([...new Set(apiFacts(api).map(factKey))].sort()).toEqual([...placed].sort());
    for (const page of pages) {
      for (const f of page.facts) expect(f.end).toBeLessThanOrEqual(Buffer.byteLength(page.text));
      const cut = cutPage(page);
      expect(Buffer.byteLength(cut.text)).toBeLessThanOrEqual(2000);
      expect(cut.facts).toEqual(page.facts.filter((f) => f.end <= Buffer.byteLength(cut.text)));
    }
    // The body property `type` is stated inside the schema block: its facts end before the block does.
    const update = pages.find((p) => p.text.includes("PostIdentityVerificationSessionsSession<"))!;
    const typeEnd = update.facts.find(
      (f) => f.fact.where === "body.type" && f.fact.attribute === "enum",
    )!.end;
    expect(update.text.slice(0, typeEnd)).toContain("id_number");
    expect(update.text.slice(typeEnd)).toContain("</pre>");
  });
});
