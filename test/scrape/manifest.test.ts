import { describe, expect, it } from "vitest";
import { parseManifest } from "../../scripts/scrape/manifest.ts";

const good = `title: Widgets
package: "@acme/widgets"
version: 1.0.0
servers:
  - https://api.example.com/
  - url: https://sandbox.example.com
    description: Sandbox
pages:
  - pages/a.html
  - file: pages/b.md
    url: https://docs.example.com/b
`;

describe("api.yaml", () => {
  it("reads a manifest", () => {
    expect(parseManifest(good, "specs/w/api.yaml", "w")).toEqual({
      name: "w",
      title: "Widgets",
      package: "@acme/widgets",
      version: "1.0.0",
      servers: [
        { url: "https://api.example.com/" },
        { url: "https://sandbox.example.com", description: "Sandbox" },
      ],
      pages: [{ file: "pages/a.html" }, { file: "pages/b.md", url: "https://docs.example.com/b" }],
    });
  });

  it("reads the idempotency header of an API whose spec does not declare it", () => {
    const manifest = parseManifest(`${good}idempotency:\n  header: Idempotency-Key\n`, "api.yaml", "w");
    expect(manifest.idempotency).toEqual({ header: "Idempotency-Key" });
  });

  it.each([
    ["title: [", "not valid YAML"],
    ["- a\n- b\n", "must be a YAML mapping"],
    [good.replace("title: Widgets\n", ""), '"title" must be a non-empty string'],
    [good.replace('"@acme/widgets"', '"Not A Name"'), '"package" is not a valid npm package name'],
    [good.replace("version: 1.0.0\n", ""), '"version" is required'],
    [good.replace(/pages:[\s\S]*$/, "pages: []\n"), '"pages" must be a non-empty list'],
    [good.replace("url: https://docs.example.com/b", "url: ftp://x"), "pages[1].url must be an http(s) URL"],
    [good.replace("- pages/a.html", "- ../../etc/passwd"), "pages[0].file must stay inside the API folder"],
    [good + "colour: blue\n", 'unknown key "colour"'],
    [good + "idempotency: Idempotency-Key\n", '"idempotency" must be a mapping with one key, header'],
    [good + "idempotency:\n  header: Idempotency Key\n", '"idempotency.header" must be an HTTP header name'],
    [good + "idempotency:\n  header: K\n  methods: [POST]\n", '"idempotency" must be a mapping'],
  ])("rejects a broken manifest (%#)", (text, message) => {
    expect(() => parseManifest(text, "specs/w/api.yaml", "w")).toThrow(`specs/w/api.yaml: ${message}`);
  });
});
