// parseData's nesting bound: JSON is checked by its own walk (it cannot break the alias bounds), YAML by the
// walk that also follows aliases. Both must draw the line at the same level and name the same place.
import { describe, expect, it } from "vitest";
import { MAX_DATA_NESTING } from "../../scripts/lib/depth.ts";
import { parseData } from "../../scripts/lib/parse-data.ts";

/** `levels` containers, alternating objects (key "k") and arrays (the value at index 1). */
function nested(levels: number): string {
  let text = "0";
  for (let level = levels; level >= 1; level--) text = level % 2 ? `{"k":${text}}` : `[0,${text}]`;
  return text;
}

/** The same document in YAML's flow style, which JSON.parse rejects ("#" starts a comment). */
const asYaml = (json: string): string => `# yaml\n${json}`;

const refusal = (text: string): string => {
  try {
    parseData(text, "doc");
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
};

describe("parseData nesting", () => {
  it("accepts MAX_DATA_NESTING levels, in JSON and in YAML", () => {
    const text = nested(MAX_DATA_NESTING);
    expect(parseData(text, "doc")).toEqual(JSON.parse(text));
    expect(parseData(asYaml(text), "doc")).toEqual(JSON.parse(text));
  });

  it("refuses one level more at the same place, in JSON and in YAML", () => {
    const text = nested(MAX_DATA_NESTING + 1);
    const json = refusal(text);
    expect(json).toMatch(/^doc: nested too deeply at \/k\/1\/k\/1\/.*: more than 256 levels/);
    expect(refusal(asYaml(text))).toBe(json);
  });

  it("counts an array as a level like an object", () => {
    expect(refusal(`[${nested(MAX_DATA_NESTING - 1)}]`)).toBe("accepted");
    expect(refusal(`[${nested(MAX_DATA_NESTING)}]`)).toMatch(/^doc: nested too deeply at \/0\/k\/1\//);
  });
});
