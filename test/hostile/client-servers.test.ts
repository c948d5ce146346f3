// The servers the codegen model hands the client: variables filled from defaults for the default base URL,
// expanded (defaults and enums, at every level) for the origins credentials may go to, and bounded.
import { describe, expect, it } from "vitest";
import { buildModel } from "../../scripts/generate/model/build-model.ts";
import { LINEAR_CEILING_MS } from "../setup/time-limits.ts";

const model = (document: Record<string, unknown>) =>
  buildModel({
    document: { openapi: "3.1.0", info: { title: "S", version: "1" }, paths: {}, ...document },
    packageName: "s",
    specName: "s.json",
    specHash: "0",
  });

describe("servers in the codegen model", () => {
  it("fills variables, keeps relative URLs, and collects every level", () => {
    const m = model({
      servers: [
        {
          url: "https://{region}.api.example/{version}",
          variables: { region: { default: "eu", enum: ["eu", "us"] }, version: { default: "v1" } },
        },
        { url: "/relative" },
      ],
      paths: {
        "/a": {
          servers: [{ url: "https://files.example" }],
          get: { servers: [{ url: "//ops.example" }], responses: {} },
        },
      },
    });
    expect(m.servers).toEqual(["https://eu.api.example/v1", "/relative"]);
    expect(m.apiServers).toEqual([
      "//ops.example",
      "/relative",
      "https://eu.api.example/v1",
      "https://files.example",
      "https://us.api.example/v1",
    ]);
  });

  it("expands at most 64 URLs per server however many variables and values it has", () => {
    const variables = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [
        `v${i}`,
        { default: "d", enum: Array.from({ length: 1000 }, (_, j) => `x${j}`) },
      ]),
    );
    const url = `https://${Object.keys(variables)
      .map((v) => `{${v}}`)
      .join("-")}.example`;
    const started = performance.now();
    const m = model({ servers: [{ url, variables }] });
    expect(performance.now() - started).toBeLessThan(LINEAR_CEILING_MS);
    expect(m.apiServers).toHaveLength(64);
    expect(m.servers).toEqual([`https://${Array(20).fill("d").join("-")}.example`]);
  });
});
