// A scraped spec states only the responses its pages show. OpenAPI needs one response per operation, so
// an operation whose pages show none gets `default` and one whose pages say what it returns without a
// status code gets `2XX`, both marked as not shown; the round trip counts neither as a status fact. An
// error response one page documents is not copied to the other operations.
import { describe, expect, it } from "vitest";
import { SUCCESS_NOT_SHOWN, fact } from "../../scripts/scrape/fragment.ts";
import { mergePages } from "../../scripts/scrape/merge/merge.ts";
import { STATUS_NOT_SHOWN } from "../../scripts/scrape/merge/responses.ts";
import { apiFacts } from "../../scripts/roundtrip/facts.ts";
import { loadRenderApi } from "../../scripts/roundtrip/load-api.ts";
import { op, page } from "./fragments.ts";

type Responses = Record<string, Record<string, unknown>>;

function scrape() {
  const src = { file: "a.txt", line: 1 };
  const result = mergePages({
    title: "T",
    version: "1",
    servers: [],
    pages: [
      page("a.txt", [
        // Shows nothing about its response.
        op("a.txt", 1, { method: "delete", path: "/widgets/{id}" }),
        // Says what it returns, not the status code.
        op("a.txt", 5, {
          method: "post",
          path: "/widgets",
          returns: fact({ name: "Widget", list: false }, { ...src, line: 6 }, "prose"),
        }),
        // Documents a default error response.
        op("a.txt", 9, {
          method: "get",
          path: "/widgets",
          responses: [
            { status: "200", fields: [], source: { ...src, line: 10 } },
            { status: "default", fields: [], source: { ...src, line: 11 } },
          ],
        }),
      ]),
    ],
  });
  const paths = result.document.paths as Record<string, Record<string, { responses: Responses }>>;
  return { result, paths };
}

describe("responses the pages do not show", () => {
  it("writes `default` marked as not shown where a page shows no response, and no 200", () => {
    const { paths } = scrape();
    expect(paths["/widgets/{id}"]?.delete?.responses).toEqual({
      default: {
        description: "The documentation shows no response for this operation.",
        [STATUS_NOT_SHOWN]: true,
      },
    });
  });

  it("writes what a page says it returns under `2XX` marked as not shown", () => {
    const { paths } = scrape();
    const responses = paths["/widgets"]?.post?.responses ?? {};
    expect(Object.keys(responses)).toEqual(["2XX"]);
    expect(responses["2XX"]).toMatchObject({
      [STATUS_NOT_SHOWN]: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/Widget" } } },
    });
  });

  it("does not copy one operation's default response to the others", () => {
    const { paths } = scrape();
    expect(Object.keys(paths["/widgets"]?.get?.responses ?? {})).toEqual(["200", "default"]);
    expect(paths["/widgets"]?.post?.responses?.default).toBeUndefined();
    expect(paths["/widgets/{id}"]?.delete?.responses?.default?.[STATUS_NOT_SHOWN]).toBe(true);
  });

  it("counts no status fact for a response marked as not shown", () => {
    const { result } = scrape();
    const statuses = apiFacts(loadRenderApi(result.document, "t"))
      .filter((f) => f.kind === "status")
      .map((f) => `${f.operation} ${f.where}`)
      .sort();
    expect(statuses).toEqual(["GET /widgets 200", "GET /widgets DEFAULT"]);
  });

  it("files a response shown without its code under the success status another page shows", () => {
    const example = (line: number) => fact({ id: "wd_1", color: "red" }, { file: "b.txt", line }, "example");
    const result = mergePages({
      title: "T",
      version: "1",
      servers: [],
      pages: [
        page("a.txt", [
          op("a.txt", 1, {
            method: "post",
            path: "/widgets",
            responses: [{ status: "201", fields: [], source: { file: "a.txt", line: 2 } }],
          }),
        ]),
        page("b.txt", [
          op("b.txt", 1, {
            method: "post",
            path: "/widgets",
            responses: [
              {
                status: SUCCESS_NOT_SHOWN,
                fields: [],
                source: { file: "b.txt", line: 3 },
                example: example(3),
              },
            ],
          }),
          // Only a reply without its code: 2XX, described by what the page says of it.
          op("b.txt", 9, {
            method: "get",
            path: "/widgets/{id}",
            responses: [
              {
                status: SUCCESS_NOT_SHOWN,
                fields: [],
                source: { file: "b.txt", line: 10 },
                description: fact("The widget.", { file: "b.txt", line: 10 }, "prose"),
                example: example(11),
              },
            ],
          }),
        ]),
      ],
    });
    const paths = result.document.paths as Record<string, Record<string, { responses: Responses }>>;
    const created = paths["/widgets"]?.post?.responses ?? {};
    expect(Object.keys(created)).toEqual(["201"]);
    expect(created["201"]?.[STATUS_NOT_SHOWN]).toBeUndefined();
    expect(created["201"]).toMatchObject({
      content: { "application/json": { example: { id: "wd_1", color: "red" } } },
    });
    const got = paths["/widgets/{id}"]?.get?.responses ?? {};
    expect(Object.keys(got)).toEqual(["2XX"]);
    expect(got["2XX"]).toMatchObject({
      description: "The widget; the documentation shows no status code.",
      [STATUS_NOT_SHOWN]: true,
      content: { "application/json": { example: { id: "wd_1", color: "red" } } },
    });
    // The status a page shows is a fact; the one no page shows is not.
    const statuses = apiFacts(loadRenderApi(result.document, "t"))
      .filter((f) => f.kind === "status")
      .map((f) => `${f.operation} ${f.where}`);
    expect(statuses).toEqual(["POST /widgets 201"]);
  });
});
