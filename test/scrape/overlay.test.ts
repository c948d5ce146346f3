import { describe, expect, it } from "vitest";
import { applyOverlay, parseOverlay } from "../../scripts/scrape/overlay.ts";

const doc = () => ({
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  paths: {
    "/v1/w": { get: { summary: "List", parameters: [{ name: "a" }, { name: "b" }] } },
  },
});

const header = "overlay: 1.0.0\ninfo: { title: fixes, version: 1.0.0 }\n";

describe("overlay", () => {
  it("merges updates into the targets and appends to arrays", () => {
    const d = doc();
    const overlay = parseOverlay(
      header +
        "actions:\n  - target: $.paths['/v1/w'].get\n    update: { description: Lists widgets. }\n" +
        "  - target: $.paths['/v1/w'].get.parameters\n    update: { name: c }\n",
      "overlay.yaml",
    );
    const outcome = applyOverlay(d, overlay, "overlay.yaml");
    expect(outcome).toEqual({ applied: 2, unmatched: [] });
    expect(d.paths["/v1/w"].get).toEqual({
      summary: "List",
      description: "Lists widgets.",
      parameters: [{ name: "a" }, { name: "b" }, { name: "c" }],
    });
  });

  it("removes targets, including array items", () => {
    const d = doc();
    applyOverlay(
      d,
      parseOverlay(
        header + "actions:\n  - target: $.paths['/v1/w'].get.parameters[0]\n    remove: true\n",
        "o",
      ),
      "o",
    );
    expect(d.paths["/v1/w"].get.parameters).toEqual([{ name: "b" }]);
  });

  it("reports targets that match nothing", () => {
    const outcome = applyOverlay(
      doc(),
      parseOverlay(header + "actions:\n  - target: $.paths['/nope']\n    remove: true\n", "o"),
      "o",
    );
    expect(outcome.unmatched.map((a) => a.target)).toEqual(["$.paths['/nope']"]);
  });

  it("never writes through __proto__", () => {
    const d = doc();
    applyOverlay(
      d,
      parseOverlay(
        header + 'actions:\n  - target: $.info\n    update: { "__proto__": { polluted: true } }\n',
        "o",
      ),
      "o",
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["not yaml: [", "not valid YAML"],
    ["openapi: 3.1.0\n", "not an OpenAPI Overlay 1.0 document"],
    ["overlay: 1.0.0\n", "overlay needs info.title and info.version"],
    [header + "actions: []\n", "overlay needs a non-empty `actions` list"],
    [header + "actions:\n  - target: paths\n    remove: true\n", "actions[0] needs a JSONPath `target`"],
    [header + "actions:\n  - target: $.info\n", "actions[0] needs `update` or `remove: true`"],
  ])("rejects a broken overlay: %j", (text, message) => {
    expect(() => parseOverlay(text, "specs/x/overlay.yaml")).toThrow(`specs/x/overlay.yaml: ${message}`);
  });
});
