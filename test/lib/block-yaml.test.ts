// blockYaml writes what yaml.stringify writes with the same options, byte for byte: on the committed
// specs, and on the values where the library's layout and quoting rules branch.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { BLOCK_YAML_OPTIONS, blockYaml } from "../../scripts/lib/block-yaml.ts";

const root = join(import.meta.dirname, "..", "..");

const STRINGS = [
  "",
  " ",
  "plain",
  "two words",
  "yes",
  "No",
  "on",
  "null",
  "~",
  "true",
  "200",
  "0x1F",
  "010",
  "1_000",
  "1:20",
  "3.5e3",
  ".inf",
  ".NaN",
  "2026-12-02",
  "2026-12-02T10:00:00Z",
  "a: b",
  "a #b",
  "- item",
  "-",
  "? key",
  "key:",
  "'quoted'",
  '"double"',
  "it's",
  `both ' and "`,
  "@at",
  "`tick`",
  "{flow}",
  "[list]",
  "*alias",
  "&anchor",
  "!tag",
  "%directive",
  "|",
  ">",
  "trailing ",
  " leading",
  "line\nbreak",
  "line\n\nparagraph\n",
  "ends with two\n\n",
  "\nstarts with break",
  "  indented\nblock",
  "trailing space \nthen",
  "tab\tinside",
  "control \u0007 bell",
  "nul \u0000",
  "non-breaking\u00a0space",
  "line sep\u2028here",
  "emoji 🙂",
  "---",
  "text\n---\nmore",
  "...\nend",
  "%YAML\nx",
  "C:\\path",
  "x".repeat(1100),
  `long ${"word ".repeat(60)}`,
  "a\n",
  "a\n\n",
  "\n",
  "\n\n",
  // Strings the writer may write as they are without asking the library (letters first, then letters,
  // digits, "_", " ", ",", ".", "(", ")", "/", "-"), and their near misses.
  "Yes",
  "YES",
  "yEs",
  "y",
  "N",
  "oN",
  "OFF",
  "Null",
  "NULL",
  "nUll",
  "True",
  "tRUE",
  "Infinity",
  "NaN",
  "nan",
  "e1",
  "E10",
  "a - b",
  "a -b",
  "x (y), z.",
  "a,b",
  "a/b/c",
  "word ",
  "A_b-c.d",
  "ok_",
  "Base64URL",
];

/** Strings over the alphabet the writer writes as they are, with a fixed seed: each checked against the library. */
function fastPathStrings(): string[] {
  const alphabet = "aAyYnNeE01_ ,.()/-tToOfFlLsSuU";
  let seed = 12;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const out: string[] = [];
  for (let i = 0; i < 3000; i++) {
    let text = "";
    for (let n = 1 + (next() % 6); n > 0; n--) text += alphabet[next() % alphabet.length];
    out.push(text);
  }
  return out;
}

/** Every string as a key and as a value, at several depths, in maps and lists. */
function edgeCases(): unknown[] {
  const out: unknown[] = [];
  for (const s of STRINGS) {
    out.push({ [s]: s });
    out.push({ a: { b: [s, { [s]: [s] }] } });
    out.push([[s]]);
    out.push({ list: [{ [s]: { x: s } }] });
  }
  out.push(
    { empty: {}, none: [], nested: [[], {}, [[]]], deep: { a: { b: { c: {} } } } },
    { undefinedSkipped: undefined, kept: 1, inList: [undefined, null] },
    { n: [0, -0, 1.5, -2, 1e21, 1e-7, 123456789012, 0.1] },
    { b: [true, false], z: null },
    { "": "empty key" },
    { "1": "numeric key first", a: "then" },
    [{ a: 1, b: [{ c: 2 }] }, "x"],
    // Every string at several depths of ONE document: the writer reuses a string's text within a
    // document, so a string written differently at another depth must not be taken from that reuse.
    STRINGS.map((s) => ({ [s]: s, deeper: { [s]: [s, { [s]: s, list: [[s]] }] } })),
    { "---": { "---": "---", "...": { "%x": ["...", "%x", "---"] } } },
  );
  return out;
}

function specs(): { name: string; doc: unknown }[] {
  const out: { name: string; doc: unknown }[] = [];
  for (const api of readdirSync(join(root, "specs"))) {
    try {
      out.push({ name: api, doc: parse(readFileSync(join(root, "specs", api, "openapi.yaml"), "utf8")) });
    } catch {
      // a folder without a spec
    }
  }
  return out;
}

describe("blockYaml", () => {
  it("writes the committed specs exactly as the yaml library does", () => {
    const all = specs();
    expect(all.length).toBeGreaterThan(0);
    for (const { name, doc } of all) {
      expect({ name, text: blockYaml(doc) }).toEqual({ name, text: stringify(doc, BLOCK_YAML_OPTIONS) });
    }
  });

  it("writes keys, values, lists and empty collections exactly as the yaml library does", () => {
    for (const value of edgeCases()) {
      expect(blockYaml(value)).toBe(stringify(value, BLOCK_YAML_OPTIONS));
    }
  });

  it("writes strings of the plain alphabet exactly as the yaml library does, as keys and values", () => {
    const strings = fastPathStrings();
    const doc = Object.fromEntries(strings.map((s) => [s, [s, { [s]: s }]]));
    expect(blockYaml(doc)).toBe(stringify(doc, BLOCK_YAML_OPTIONS));
  });

  it("reads back as the value it was written from", () => {
    for (const value of edgeCases()) {
      // Both through JSON: undefined map entries are left out, -0 reads back as 0 either way.
      const back: unknown = parse(blockYaml(value), { version: "1.1" });
      expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(value)));
    }
  });
});
