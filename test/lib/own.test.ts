import { describe, expect, it } from "vitest";
import { getOwn, setOwn } from "../../scripts/lib/own.ts";

describe("setOwn", () => {
  it('makes "__proto__" an own data property, leaving the prototype and Object.prototype alone', () => {
    const node: Record<string, unknown> = {};
    setOwn(node, "__proto__", { polluted: "yes" });
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    expect(Object.hasOwn(node, "__proto__")).toBe(true);
    expect(getOwn(node, "__proto__")).toEqual({ polluted: "yes" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(node)).toEqual(["__proto__"]);
  });

  it("sets every other key as an own, enumerable, writable property, in insertion order", () => {
    const node: Record<string, unknown> = {};
    for (const key of ["type", "constructor", "toString", "hasOwnProperty", "b", "a"]) setOwn(node, key, key);
    setOwn(node, "type", "again");
    expect(Object.keys(node)).toEqual(["type", "constructor", "toString", "hasOwnProperty", "b", "a"]);
    expect(Object.getOwnPropertyDescriptor(node, "constructor")).toEqual({
      value: "constructor",
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(node.type).toBe("again");
  });

  it("works on objects without a prototype", () => {
    const node = Object.create(null) as Record<string, unknown>;
    setOwn(node, "__proto__", 1);
    setOwn(node, "x", 2);
    expect(Object.entries(node)).toEqual([
      ["__proto__", 1],
      ["x", 2],
    ]);
  });
});
