// The round trip reads scraped routes under the source's servers: a spec that puts the server's path in its
// routes ("https://api.box.com" + "/2.0/files/{id}") describes the same calls as the source
// ("https://api.box.com/2.0" + "/files/{id}"), so its facts are right; a route that pages show relative to
// the server, with no server at all, still matches as written.
import { describe, expect, it } from "vitest";
import { apiFacts, factKey } from "../../scripts/roundtrip/facts.ts";
import { loadRenderApi } from "../../scripts/roundtrip/load-api.ts";
import { scoreFacts, totalOf } from "../../scripts/roundtrip/score.ts";
import { serverPath, underSourceServers } from "../../scripts/roundtrip/server-frame.ts";

function spec(servers: string[], paths: string[]): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "Files", version: "1" },
    servers: servers.map((url) => ({ url })),
    paths: Object.fromEntries(
      paths.map((path) => [
        path,
        {
          get: {
            parameters: path.includes("{")
              ? [{ name: "file_id", in: "path", required: true, schema: { type: "string" } }]
              : [],
            responses: { "200": { description: "OK" } },
          },
        },
      ]),
    ),
  };
}

describe("routes scored under the source's servers", () => {
  const source = loadRenderApi(spec(["https://api.box.com/2.0"], ["/files/{file_id}", "/2.0/odd"]), "s");
  const truth = apiFacts(source);

  it("takes the server path from a server URL", () => {
    expect(serverPath("https://api.box.com/2.0/")).toBe("/2.0");
    expect(serverPath("https://api.box.com")).toBe("");
    expect(serverPath("/api/v1")).toBe("/api/v1");
    expect(serverPath("")).toBe("");
  });

  it("scores a route that carries the server's path as the source's route", () => {
    const scraped = loadRenderApi(spec(["https://api.box.com"], ["/2.0/files/{file_id}"]), "s");
    const score = scoreFacts(truth, truth, apiFacts(underSourceServers(scraped, source)));
    expect(score.invented).toEqual([]);
    expect(totalOf(score.tallies).correct).toBe(5);
  });

  it("scores a route shown without a server, or a source route that starts like the server path, as written", () => {
    const relative = loadRenderApi(spec([], ["/files/{file_id}", "/2.0/odd"]), "s");
    const framed = underSourceServers(relative, source);
    expect(framed.operations.map((o) => o.path)).toEqual(["/files/{file_id}", "/2.0/odd"]);
    expect(scoreFacts(truth, truth, apiFacts(framed)).invented).toEqual([]);
  });

  it("leaves a route under no source server path as it is, and wrong", () => {
    const other = loadRenderApi(spec(["https://api.box.com"], ["/3.0/files/{file_id}"]), "s");
    const score = scoreFacts(truth, truth, apiFacts(underSourceServers(other, source)));
    expect(score.invented.map(factKey)[0]).toBe("GET /3.0/files/{}\toperation\t\texists=true");
  });

  it("scores a scrape that put more of the URL in its server than the source as the whole URL path", () => {
    const bare = loadRenderApi(spec(["https://api.box.com"], ["/2.0/files/{file_id}"]), "bare");
    const bareTruth = apiFacts(bare);
    const scraped = loadRenderApi(spec(["https://api.box.com/2.0"], ["/files/{file_id}"]), "s");
    const score = scoreFacts(bareTruth, bareTruth, apiFacts(underSourceServers(scraped, bare)));
    expect(score.invented).toEqual([]);
    expect(totalOf(score.tallies).correct).toBe(5);
  });
});
