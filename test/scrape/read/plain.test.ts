import { describe, expect, it } from "vitest";
import { collapseSpace } from "../../../scripts/scrape/read/plain.ts";

describe("collapseSpace", () => {
  it("gives single-spaced, trimmed text for every kind of whitespace, as the plain rule does", () => {
    const pieces = ["a", "bc", " ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2003", "\u3000", "x y"];
    let seed = 12;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 2000; i++) {
      let text = "";
      for (let n = next() % 8; n > 0; n--) text += pieces[next() % pieces.length];
      expect(collapseSpace(text)).toBe(text.replace(/\s+/g, " ").trim());
    }
    expect(collapseSpace("  one two ")).toBe("one two");
    expect(collapseSpace("one\u00a0two")).toBe("one two");
  });
});
