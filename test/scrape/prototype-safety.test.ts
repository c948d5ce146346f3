// Objects built from page text never reach a prototype: a form field named "__proto__[polluted]" in a curl
// sample is a field like any other. Through the real scrapePages, on the seed's own API reference page.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";

const seed = join(
  import.meta.dirname,
  "../../specs/stripe-identity/pages/verification-sessions.api-reference.txt",
);
const meta = { version: "1.0.0", servers: [], specFile: "test.yaml" };

afterEach(() => {
  // A failing run must not leave the pollution behind for the other tests of this worker.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("prototype safety of objects built from page text", () => {
  it('reads `-d "__proto__[polluted]=yes"` in a curl sample without touching Object.prototype', async () => {
    const text = (await readFile(seed, "utf8")).replace(
      "-d type=id_number",
      '-d "__proto__[polluted]=yes" \\\n-d "constructor[prototype][polluted]=yes"',
    );
    expect(text).toContain("__proto__[polluted]");
    const result = await scrapePages([{ file: "reference.txt", text }], meta);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.operationCount).toBeGreaterThan(0);
  });

  it("keeps a JSON Schema property named __proto__ as a property", async () => {
    // Written as JSON text: in a JS object literal, `__proto__:` would set the prototype instead.
    const schema =
      '{"type":"object","properties":{"__proto__":{"type":"object","properties":{"polluted":{"type":"string"}}}}}'.replace(
        /"/g,
        "&quot;",
      );
    const text =
      `<html><body><article><section class="requestOverview"><h1 class="requestSummary">createWidget</h1></section>` +
      `<section class="http"><pre class="httpExample"><span class="requestLine">POST</span> ` +
      `<span class="httpTarget">\\v1\\widgets</span> <span class="httpVersion">HTTP/1.1</span></pre></section>` +
      `<section class="requestContent"><pre class="schema">${schema}</pre></section>` +
      `<section class="responses"><ul class="responses"><li class="response"><span class="statusLine">200</span> ` +
      `<span class="statusDescription">OK.</span></li></ul></section></article></body></html>`;
    const result = await scrapePages([{ file: "a.html", text }], meta);
    const body = (result.document as { paths: Record<string, Record<string, unknown>> }).paths["/v1/widgets"]
      ?.post as { requestBody: { content: Record<string, { schema: { properties: object } }> } };
    const properties = Object.values(body.requestBody.content)[0]?.schema.properties ?? {};
    expect(Object.hasOwn(properties, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(result.yaml).toContain("__proto__:");
  });
});
