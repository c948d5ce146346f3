import { describe, expect, it } from "vitest";
import { jsonDepth } from "../../scripts/lib/depth.ts";

describe("jsonDepth", () => {
  it("counts the levels of objects and arrays; values inside them add none", () => {
    expect(jsonDepth("text")).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth([1, "a", null])).toBe(1);
    expect(jsonDepth([[1]])).toBe(2);
    expect(jsonDepth({ a: "x", b: { c: [{}, 2] } })).toBe(4);
    expect(jsonDepth({ wide: [{}, {}, { deepest: { x: [[]] } }], other: {} })).toBe(6);
  });

  it("measures any depth without recursion, and stops once past stopAt", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep)).toBe(100_001);
    const stopped = jsonDepth(deep, 128);
    expect(stopped).toBeGreaterThan(128);
    expect(stopped).toBeLessThan(200);
  });
});
