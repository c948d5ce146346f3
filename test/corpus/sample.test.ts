// The corpus sample must be the same list on any machine for a given seed and size.
import { describe, expect, it } from "vitest";
import { mulberry32, pickSample, slugOf } from "../../scripts/corpus/sample.ts";

const population = Array.from(
  { length: 500 },
  (_, i) => `package/api/api-${String(i).padStart(3, "0")}.json`,
);

describe("corpus sample", () => {
  it("picks the same sorted list for the same seed, whatever the input order", () => {
    const first = pickSample(population, 7, 50);
    const shuffled = [...population].reverse();
    expect(pickSample(shuffled, 7, 50)).toEqual(first);
    expect(first).toEqual([...first].sort());
    expect(new Set(first).size).toBe(50);
  });

  it("picks a different list for a different seed", () => {
    expect(pickSample(population, 8, 50)).not.toEqual(pickSample(population, 7, 50));
  });

  it("honours the size, and takes everything when the size exceeds the population", () => {
    expect(pickSample(population, 7, 13)).toHaveLength(13);
    expect(pickSample(population, 7, 0)).toEqual([]);
    expect(pickSample(population, 7, 900)).toEqual(population);
  });

  it("uses the reference mulberry32 sequence (a change here changes every published sample)", () => {
    // 0.6270739405881613 is the first value of the widely published mulberry32 for seed 1.
    expect(mulberry32(1)()).toBe(0.6270739405881613);
    const random = mulberry32(3);
    expect([random(), random(), random()].map((x) => Math.floor(x * 1e6))).toEqual([720226, 38662, 456192]);
  });

  it("names output folders after the spec path, one segment per folder level", () => {
    expect(slugOf("package/api/amazonaws.com/s3/2006-03-01/openapi.json")).toBe(
      "amazonaws.com__s3__2006-03-01__openapi",
    );
  });
});
