// The one request-line reader and the one server reader: every place LAYOUTS.md says a page puts an
// operation's method, path and base URL.
import { describe, expect, it } from "vitest";
import {
  readLabelledRequest,
  readRequestLine,
  readSplitRequestLine,
  readTarget,
  templateDeclaredParameters,
  requestOfCurl,
} from "../../scripts/scrape/read/request-line.ts";
import { serversInLines, serverStatement } from "../../scripts/scrape/read/servers.ts";
import { parseCurl } from "../../scripts/scrape/text.ts";
import { LINEAR_CEILING_MS } from "../setup/time-limits.ts";

describe("readRequestLine", () => {
  it("keeps the ')' that close a path's '(' in linear time (a line of 100,000 brackets)", () => {
    const line = `GET /x${"(".repeat(50_000)}${")".repeat(50_000)}`;
    const start = performance.now();
    expect(readRequestLine(line)?.path).toBe(line.slice(4));
    // Linear: milliseconds. Counting the brackets again for each ')' took minutes.
    expect(performance.now() - start).toBeLessThan(LINEAR_CEILING_MS);
  });

  const table: [string, string | undefined, string?][] = [
    ["POST /v2/widgets/:id", "post /v2/widgets/{id}"],
    ["POST\u00a0/v2/widgets/:id", "post /v2/widgets/{id}"],
    ["patch /v2/widgets/{widget_id}", "patch /v2/widgets/{widget_id}"],
    ["PATCH/v2/widgets/{widget_id}", "patch /v2/widgets/{widget_id}"],
    ["get/widgets/{widget_id}", "get /widgets/{widget_id}"],
    ["PATCH /v2/widgets/{widget_id}/tags HTTP/1.1", "patch /v2/widgets/{widget_id}/tags"],
    ["PATCH /v2/widgets/{widget_id}Request", "patch /v2/widgets/{widget_id}"],
    [
      "PATCH https://api.widgets.test/v2/widgets/:widget_id/",
      "patch /v2/widgets/{widget_id}/",
      "https://api.widgets.test",
    ],
    ["patch https://{host}/v2/widgets/{widget_id}", "patch /v2/widgets/{widget_id}"],
    ["GET {{baseUrl}}/v2/widgets/:widget_id", "get /v2/widgets/{widget_id}"],
    ["DELETE /widgets/<id>", "delete /widgets/{id}"],
    ["GET /widgets/:widget_id.json", "get /widgets/{widget_id}.json"],
    ["GET /widgets/:shelf/page-:page_no.atom", "get /widgets/{shelf}/page-{page_no}.atom"],
    ["POST /v1/:name:cancel", "post /v1/{name}:cancel"],
    ["GET /v1/urn:isbn", "get /v1/urn:isbn"],
    [
      "GET /certificates(algo={algo},thumbprint={thumbprint})",
      "get /certificates(algo={algo},thumbprint={thumbprint})",
    ],
    ["GET /jobs(id={id}).", "get /jobs(id={id})"],
    ["See (GET /widgets)", undefined],
    ["GET /widgets/{{WIDGET_ID}}", "get /widgets/{widget_id}"],
    ["PUT /widgets/{{WIDGET_ID}}.json", "put /widgets/{widget_id}.json"],
    ["GET https://x.test/v1/{{NAME}}:cancel", "get /v1/{name}:cancel", "https://x.test"],
    ["GET /widgets/$WIDGET_ID", "get /widgets/{widget_id}"],
    ["## POST /widgets¶", "post /widgets"],
    ["Endpoint: GET /v2/widgets", "get /v2/widgets"],
    ["* Method: GET", undefined],
    ["Example Request: GET /v2/widgets?limit=5", undefined],
    ["GETList widgets", undefined],
    ["Call GET /widgets to list them", undefined],
    ["GET /widgets to list them", undefined],
    ["patch", undefined],
  ];
  for (const [line, expected, server] of table) {
    it(JSON.stringify(line), () => {
      const r = readRequestLine(line);
      expect(r ? `${r.method} ${r.path}` : undefined).toBe(expected);
      expect(r?.server).toBe(server);
    });
  }

  it("reads a GitBook path glued to 'Last updated' and the title beside a request line", () => {
    expect(readRequestLine("PATCH /v2/widgets/{widget_id}Last updated")?.path).toBe(
      "/v2/widgets/{widget_id}",
    );
    expect(readRequestLine("GET /things — List things")?.title).toBe("List things");
  });
});

describe("readLabelledRequest", () => {
  it("reads a method and a target given as labelled values, on lines, bullets or joined", () => {
    const route = (lines: string[]): string | undefined => {
      const r = readLabelledRequest(lines);
      return r ? `${r.method} ${r.path}` : undefined;
    };
    expect(route(["• URL Endpoint: /v2/widgets", "• Method: POST"])).toBe("post /v2/widgets");
    expect(route(["Method", "GET", "URL", "https://mock.widgets.test/api/widgets/{{id}}/history"])).toBe(
      "get /api/widgets/{id}/history",
    );
    expect(route(["Method GET URL https://api.widgets.test/v2/widgets"])).toBe("get /v2/widgets");
    expect(route(["Method: POST"])).toBeUndefined();
    expect(
      route(["Use the method POST and the URL /widgets when you want to create a new widget."]),
    ).toBeUndefined();
  });

  it("reads Scalar's sample caption and a generator's placeholder word in a sample URL", () => {
    expect(readRequestLine("Request Example for patch/v2/widgets/{widget_id}")?.path).toBe(
      "/v2/widgets/{widget_id}",
    );
    const curl = parseCurl(`curl -X PATCH "https://example.com/v2/widgets/string" -d '{}'`);
    expect(curl && requestOfCurl(curl)?.path).toBe("/v2/widgets/{widget_id}");
  });
});

describe("readTarget", () => {
  it("turns RFC 6570 query templates into a clean path and query parameter names", () => {
    expect(readTarget("\\v1\\customers{?created*,email*,limit*}")).toEqual({
      path: "/v1/customers",
      query: ["created", "email", "limit"],
    });
    expect(readTarget("\\v1\\customers\\{customer}{?expand*}")).toEqual({
      path: "/v1/customers/{customer}",
      query: ["expand"],
    });
  });

  it("drops the query string and placeholder or mock hosts, keeps a trailing slash and real servers", () => {
    expect(readTarget("/v1/items/?limit=3#top")).toEqual({ path: "/v1/items/", query: [] });
    expect(readTarget("/api/v1/app/:app_id/")).toEqual({ path: "/api/v1/app/{app_id}/", query: [] });
    expect(readTarget("/")).toEqual({ path: "/", query: [] });
    expect(readTarget("https://api.x.test:443/v1/items").server).toBe("https://api.x.test");
    for (const host of ["localhost:8080", "example.com", "mock.widgets.test", "{host}", "127.0.0.1"]) {
      expect(readTarget(`http://${host}/v1/items`)).toEqual({ path: "/v1/items", query: [] });
    }
  });
});

describe("templateDeclaredParameters", () => {
  it.each([
    [
      "/files/{file_id}/thumbnail.:extension",
      ["file_id", "extension"],
      "/files/{file_id}/thumbnail.{extension}",
    ],
    ["/v1/:name:cancel", ["name"], "/v1/{name}:cancel"],
    ["/atoz/page-:pageno.atom", ["pageno"], "/atoz/page-{pageno}.atom"],
    ["/:brand-web-safe-title.atom", ["brand", "brand-web-safe-title"], "/{brand-web-safe-title}.atom"],
    // Undeclared names and colons glued to a word stay text.
    ["/a/:idx/:id", ["id"], "/a/:idx/{id}"],
    ["/a/b:id", ["id"], "/a/b:id"],
  ])("%s", (path, names, want) => {
    expect(templateDeclaredParameters(path, names)).toBe(want);
  });
});

describe("readTarget: what of a target is the path (TargetForm)", () => {
  it.each([
    // [target, form, path, query]
    ["/#X-Amz-Target=SageMaker.CreateAction", "documented", "/#X-Amz-Target=SageMaker.CreateAction", []],
    ["POST /items#top?x=1", "documented", "/items#top", []],
    ["/FeatureGroup/:name/#Id&EventTime", "documented", "/FeatureGroup/{name}#Id&EventTime", []],
    // A curl URL's `#` is the path key its renderer printed (Redoc's samples of AWS operations).
    ["https://mock.test/#X-Amz-Target=Svc.Act", "sent", "/#X-Amz-Target=Svc.Act", []],
    [
      "http://localhost:8080/FeatureGroup/{name}#Id&EventTime",
      "sent",
      "/FeatureGroup/{name}#Id&EventTime",
      [],
    ],
    ["http://localhost:8080/v1/items/?a=1#top", "sent", "/v1/items/", []],
    ["http://localhost:8080/", "sent", "/", []],
    ["\\user\\", "key", "/user/", []],
    ["\\{Bucket}?uploads{?max-uploads*,prefix*}", "key", "/{Bucket}?uploads", ["max-uploads", "prefix"]],
    ["\\#X-Amz-Target=Svc.Act{?MaxResults*}", "key", "/#X-Amz-Target=Svc.Act", ["MaxResults"]],
    ["\\items\\:id HTTP/1.1", "key", "/items/:id", []],
    ["\\", "key", "/", []],
  ] as const)("%s read as %s is %s", (target, form, path, query) => {
    expect(readTarget(target.replace(/^POST /, ""), form)).toEqual({ path, query });
  });
});

describe("readSplitRequestLine", () => {
  it("joins a method with the path on the next line, or one segment per line", () => {
    const mintlify = ["PATCH", "/", "v2", "/", "widgets", "/", "{widget_id}", "Update a widget"];
    const split = readSplitRequestLine(mintlify, 0);
    expect(split && `${split.request.method} ${split.request.path} ${split.end}`).toBe(
      "patch /v2/widgets/{widget_id} 6",
    );
    const gitbook = ["patch", "/v2/widgets/{widget_id}Last updated"];
    expect(readSplitRequestLine(gitbook, 0)?.request.path).toBe("/v2/widgets/{widget_id}");
    expect(readSplitRequestLine(["GET", "Lists widgets."], 0)).toBeUndefined();
  });

  it('keeps the root path and a trailing slash, whose last line is a lone "/" (6 Mintlify)', () => {
    const trailing = readSplitRequestLine(["GET", "/", "api", "/", "app", "/", "List Applications"], 0);
    expect(trailing && `${trailing.request.path} ${trailing.end}`).toBe("/api/app/ 5");
    const root = readSplitRequestLine(["GET", "/", "Get the server's status"], 0);
    expect(root && `${root.request.path} ${root.end}`).toBe("/ 1");
  });
});

describe("requestOfCurl", () => {
  const table: [string, string][] = [
    [
      "curl https://api.widgets.test/v2/widgets/{{WIDGET_ID}} -u '<>' -d color=blue",
      "post /v2/widgets/{widget_id}",
    ],
    ["curl -G https://api.widgets.test/v2/widgets -d limit=3", "get /v2/widgets"],
    ["curl -X DELETE https://api.widgets.test/v2/widgets/wd_1", "delete /v2/widgets/wd_1"],
    ["curl --request PATCH --url https://api.widgets.test/widgets/{widget_id}", "patch /widgets/{widget_id}"],
    ["curl http://localhost:4010/widgets/$WIDGET_ID -X PATCH", "patch /widgets/{widget_id}"],
    ["curl --location '{{baseUrl}}/v2/widgets/:id'", "get /v2/widgets/{id}"],
    // OData's "$metadata" is a literal segment; only a capitalised "$WIDGET_ID" is a shell variable.
    ["curl https://api.widgets.test/odata/$metadata", "get /odata/$metadata"],
    [
      "curl -X PATCH https://api.widgets.test/odata/Widgets/$WIDGET_ID/$value",
      "patch /odata/Widgets/{widget_id}/$value",
    ],
    // A URL without a host: Redoc prints a relative server's URL so (LAYOUTS.md 8: the URL on the next line).
    [
      "curl -i -X PUT \\\n  /v2/widgets/{widget_id} \\\n  -H 'Content-Type: application/json'",
      "put /v2/widgets/{widget_id}",
    ],
    ["curl -sS --url /v2/widgets", "get /v2/widgets"],
  ];
  for (const [command, expected] of table) {
    it(command, () => {
      const curl = parseCurl(command);
      const r = curl ? requestOfCurl(curl) : undefined;
      expect(r ? `${r.method} ${r.path}` : undefined).toBe(expected);
    });
  }

  it("takes no option's value for the path ('-o /tmp/widgets.json'), and a full URL over a bare path", () => {
    expect(parseCurl("curl -o /tmp/widgets.json")).toBeUndefined();
    expect(parseCurl("curl /v1/old https://api.widgets.test/v2/widgets")?.url).toBe(
      "https://api.widgets.test/v2/widgets",
    );
  });
});

describe("servers", () => {
  it("reads Servers lists, Base URL, Host and Copy endpoint lines; placeholder and mock hosts are no servers", () => {
    const lines = [
      "Servers",
      "Mock server",
      "https://mock.widgets.test/",
      "Production",
      "https://api.widgets.test/",
      "Base URL¶",
      "",
      "Example:",
      "",
      "https://api.widgets.test/v2",
      "Host: eu.widgets.test",
      "Copy endpoint",
      "http://localhost:3000",
    ];
    expect(serversInLines(lines, "p.txt").map((f) => [f.value, f.source.line])).toEqual([
      ["https://api.widgets.test", 5],
      ["https://api.widgets.test/v2", 10],
      ["https://eu.widgets.test", 11],
    ]);
    expect(serverStatement("Base URL: `https://api.widgets.test/v2/`")).toBe("https://api.widgets.test/v2");
    expect(serverStatement("Server errors are listed at https://status.widgets.test")).toBeUndefined();
  });
});

describe("linear time", () => {
  it("reads long hostile lines quickly", () => {
    const started = performance.now();
    for (const line of [
      "GET " + "/a".repeat(50_000) + " x".repeat(50_000),
      "GET /" + "{?".repeat(50_000),
      "Endpoint" + " ".repeat(100_000) + ": GET",
      "GET " + "\\".repeat(100_000) + " HTTP/1.1x",
      "patch/" + "{}".repeat(50_000) + "Request",
    ]) {
      readRequestLine(line);
      readTarget(line);
      serverStatement(line);
    }
    expect(performance.now() - started).toBeLessThan(LINEAR_CEILING_MS);
  });
});
