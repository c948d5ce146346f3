import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toDeterministicYaml } from "../../scripts/scrape/emit.ts";

describe("toDeterministicYaml", () => {
  it("orders keys the way OpenAPI readers expect, whatever the insertion order", () => {
    const a = {
      paths: { "/b": { post: { responses: {}, summary: "B" }, get: { summary: "b" } }, "/a": {} },
      info: { version: "1", title: "T" },
      openapi: "3.1.0",
      components: {
        schemas: {
          Z: {
            properties: { z: { type: "string" }, a: { description: "d", type: "integer" } },
            type: "object",
          },
          A: {},
        },
      },
    };
    const text = toDeterministicYaml(a);
    expect(text.split("\n").slice(0, 4)).toEqual(["openapi: 3.1.0", "info:", "  title: T", '  version: "1"']);
    expect(text.indexOf("/a:")).toBeLessThan(text.indexOf("/b:"));
    expect(text.indexOf("get:")).toBeLessThan(text.indexOf("post:"));
    expect(text.indexOf("    A: {}")).toBeLessThan(text.indexOf("    Z:"));
    expect(parse(text)).toEqual(a);
  });

  it("keeps example data in its own order", () => {
    const text = toDeterministicYaml({ example: { zeta: 1, alpha: 2 } });
    expect(text.indexOf("zeta")).toBeLessThan(text.indexOf("alpha"));
  });

  it("gives the same bytes for the same document", () => {
    const doc = { openapi: "3.1.0", info: { title: "x", version: "1" }, paths: {} };
    expect(toDeterministicYaml(doc)).toBe(toDeterministicYaml(structuredClone(doc)));
  });

  it("writes names that are array indices first, in numeric order, as an object lists them", () => {
    const doc = {
      paths: {
        "/a": { get: { responses: { default: { description: "d" }, "404": {}, "10": {}, "2XX": {} } } },
      },
    };
    const statuses = toDeterministicYaml(doc)
      .split("\n")
      .filter((line) => /^ {8}\S/.test(line));
    expect(statuses).toEqual([
      '        "10": {}',
      '        "404": {}',
      "        2XX: {}",
      "        default:",
    ]);
  });

  it("reads only its own tables for a key's role: a key named `constructor` is no map of names", () => {
    // Inherited Object.prototype members once made "constructor" a map of names, sorted alphabetically
    // (x-a before z); like any other object it ranks extensions last.
    const text = toDeterministicYaml({
      info: { title: "t", version: "1", "x-meta": { constructor: { "x-a": 1, z: 2 } } },
    });
    expect(text.indexOf("z: 2")).toBeLessThan(text.indexOf("x-a: 1"));
  });
});
