// Issue 12 step 2, the merge side: among many pages, a page that documents nothing is a warning; a page
// that shows fields but no method or path is placed by REST convention, or reported as unplaced. Through
// the real scrapePages and, for the exit codes, the real CLI in-process.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";
import { rendererPage } from "./renderer-page.ts";

const root = join(import.meta.dirname, "..", "..");
const meta = { version: "1.0.0", servers: [], specFile: "test.yaml" };
const guide = {
  file: "guide.md",
  text: "# Getting started\n\nWelcome. Read our guides about cats and the weather.\n",
};

// A markdown page that shows a parameter table under an operation title, but no method or path.
function fieldsOnly(file: string, title: string): { file: string; text: string } {
  return {
    file,
    text:
      `# ${title}\n\nCreates a widget.\n\n## Body parameters\n\n| Name | Type | Required | Description |\n` +
      `|---|---|---|---|\n| name | string | yes | The widget's name. |\n| size | integer | no | Its size. |\n`,
  };
}

type Doc = { paths: Record<string, Record<string, { requestBody?: unknown; summary?: string }>> };

describe("never refuse what a page shows", () => {
  it("scrapes a site with a guide page among its pages, and warns about the guide", async () => {
    const r = await scrapePages(
      [rendererPage("list.html", { summary: "listGadgets", method: "get", path: "/v1/gadgets" }), guide],
      meta,
    );
    expect(r.operationCount).toBe(1);
    expect(r.warnings).toEqual([
      { file: "guide.md", message: expect.stringMatching(/^documents no API: .*; skipped$/) },
    ]);
    expect(r.report).toMatch(/## Warnings\n\n- `guide\.md`: documents no API/);
  });

  it("places a page with fields but no method or path by REST convention under the site's base", async () => {
    const r = await scrapePages(
      [
        rendererPage("list.html", { summary: "listGadgets", method: "get", path: "/v1/gadgets" }),
        fieldsOnly("create.md", "Create a widget"),
        fieldsOnly("list.md", "List all payment methods."),
      ],
      meta,
    );
    const doc = r.document as unknown as Doc;
    expect(Object.keys(doc.paths).sort()).toEqual(["/v1/gadgets", "/v1/payment_methods", "/v1/widgets"]);
    expect(Object.keys(doc.paths["/v1/payment_methods"] ?? {})).toEqual(["get"]);
    expect(doc.paths["/v1/widgets"]?.post).toMatchObject({
      summary: "Create a widget",
      requestBody: {
        content: {
          "application/json": {
            schema: {
              properties: { name: { type: "string" }, size: { type: "integer" } },
              required: ["name"],
            },
          },
        },
      },
    });
    expect(r.report).toMatch(/placed by REST convention at POST \/v1\/widgets/);
  });

  it("places operations of a site that shows no base by their docs links, and says the route is inferred", async () => {
    // Seed 003's layout: a title, a link to the operation's own docs page, glued fields; no method or path
    // on any page of the run.
    const page = {
      file: "widgets.md",
      text:
        "# Update a widget\n\n[Update a widget](/api/v2/widgets/update)\n\n- colorstringRequired\n\n" +
        "Returns the updated Widget object\n\n# Retrieve a widget\n\n[Retrieve a widget](/api/v2/widgets/retrieve)" +
        "\n\nNo parameters.\n\nReturns a Widget object\n\n# Delete a widget\n\n" +
        "[Delete a widget](/api/v2/widgets/create)\n\nNo parameters.\n\nReturns a Widget object\n",
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as Doc;
    expect(Object.keys(doc.paths)).toEqual(["/v2/widgets/{id}"]);
    expect(Object.keys(doc.paths["/v2/widgets/{id}"] ?? {}).sort()).toEqual(["get"]);
    expect(r.report).toMatch(
      /INFERRED GET \/v2\/widgets\/\{id\} by REST convention from its docs link \/api\/v2\/widgets\/retrieve/,
    );
    // No page shows the site's update method (POST at Stripe, PUT or PATCH elsewhere): the update is kept
    // unplaced, not given a guessed method. The title says delete, the link says create: nothing places it.
    expect(r.report).toMatch(/## Unplaced operations\n\n.*\n\n- Update a widget[^]*\n- Delete a widget/);
  });

  it("places no operation by a docs link that operations with other titles share", async () => {
    // Two titles under one link: the link names neither. The same title twice is one operation.
    const op = (title: string, link: string, field: string): string =>
      `# ${title}\n\n[${title}](${link})\n\n- ${field}string\n\nReturns the object\n\n`;
    const page = {
      file: "widgets.md",
      text:
        op("Create a widget", "/api/v2/widgets/create", "color") +
        op("Create a part", "/api/v2/widgets/create", "serial") +
        op("List widgets", "/api/v2/widgets/list", "limit"),
    };
    const again = { file: "widgets-again.md", text: op("List widgets", "/api/v2/widgets/list", "limit") };
    const r = await scrapePages([page, again], meta);
    const doc = r.document as unknown as Doc;
    expect(Object.keys(doc.paths)).toEqual(["/v2/widgets"]);
    expect(Object.keys(doc.paths["/v2/widgets"] ?? {})).toEqual(["get"]);
    expect(r.report).toMatch(/## Unplaced operations\n\n.*\n\n- Create a widget[^\n]*\n- Create a part/);
  });

  it("places by the docs link's verb where the title, a summary, says a synonym of another", async () => {
    // Titles are summaries written by hand; the link is the site's name for the action. Its verb also says
    // where the fields go: the query of a list, the body of a create.
    const page = {
      file: "chain.md",
      text:
        "# getLastBlockNumber\n\n[getLastBlockNumber](/api/v2/chain/blocks/number/list)\n\n" +
        "- confirmedbooleanOnly confirmed blocks\n\nOnly confirmed blocks\n\nThe number\n\n" +
        "# Get user's login details\n\n[Get user's login details](/api/ConnectionDetails/create)\n\n" +
        "- ApiKeystringClient API Key\n\nClient API Key\n\nThe details\n\n" +
        "# ListTransactionsByAddress\n\n[ListTransactionsByAddress](/api/v2/chain/addresses/retrieve)\n\n" +
        "- pageintegerThe page\n\nThe page\n\nThe transactions\n",
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>
      >;
    };
    expect(Object.keys(doc.paths).sort()).toEqual(["/ConnectionDetails", "/v2/chain/blocks/number"]);
    expect(doc.paths["/v2/chain/blocks/number"]?.get?.parameters).toMatchObject([
      { name: "confirmed", in: "query" },
    ]);
    expect(doc.paths["/ConnectionDetails"]?.post?.requestBody).toMatchObject({
      content: { "application/json": { schema: { properties: { ApiKey: { type: "string" } } } } },
    });
    // A title that says another CRUD verb itself ("List" above .../retrieve): the link names another route.
    expect(r.report).toMatch(/## Unplaced operations\n\n.*\n\n- ListTransactionsByAddress/);
  });

  it("places by a list link where the title retrieves many, and not where it retrieves one", async () => {
    // "Retrieve all Categories" is a list in words: the link's verb. "Retrieve Store Information" says
    // retrieve of one item, the link says list: they disagree, nothing is placed.
    const op = (title: string, link: string, field: string): string =>
      `# ${title}\n\n[${title}](${link})\n\n- ${field}stringRequiredThe ${field}\n\nThe ${field}\n\nOK\n\n`;
    const page = {
      file: "categories.md",
      text:
        op("Retrieve all Categories.", "/api/categories.json/list", "authtoken") +
        op("Retrieve Store Information.", "/api/store/info.json/list", "login"),
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(["/categories.json"]);
    expect(doc.paths["/categories.json"]?.get?.parameters).toMatchObject([
      { name: "authtoken", in: "query" },
    ]);
    expect(r.report).toMatch(/## Unplaced operations\n\n.*\n\n- Retrieve Store Information/);
  });

  it("places by a docs link whose collection is a dotted method name the title names", async () => {
    // Musixmatch-style RPC paths ("/album.get"): the title's noun is the whole segment, not "album".
    const page = {
      file: "album-get.md",
      text:
        "# List AlbumGets\n\n[List AlbumGets](/api/album.get/list)\n\n" +
        "- album_idstringRequiredThe album id\n\nThe album id\n\nThe request was successful.\n\n",
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(["/album.get"]);
    expect(doc.paths["/album.get"]?.get?.parameters).toMatchObject([{ name: "album_id", in: "query" }]);
  });

  it("places an item under a collection whose own link writes a format suffix with the suffix after its slot", async () => {
    // Jumpseller's Rails routes: the list link says /categories.json, the item links drop the ".json".
    const op = (title: string, link: string): string =>
      `# ${title}\n\n[${title}](${link})\n\n- authtokenstringRequiredThe token\n\nThe token\n\nOK\n\n`;
    const page = {
      file: "categories.md",
      text:
        op("Retrieve all Categories.", "/api/categories.json/list") +
        op("Retrieve a single Category.", "/api/categories/retrieve") +
        op("Delete an existing Category.", "/api/categories/delete") +
        op("Retrieve a single Hook.", "/api/hooks/retrieve"),
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/categories.json",
      "/categories/{id}.json",
      "/hooks/{id}",
    ]);
    expect(Object.keys(doc.paths["/categories/{id}.json"] ?? {}).sort()).toEqual(["delete", "get"]);
  });

  it("places by a docs link whose collection ends in a custom method after a colon", async () => {
    // RFC 3986 allows `:` in a segment; Google's custom methods sit after one (GET /v2/keys:lookupKey).
    const page = {
      file: "keys.md",
      text:
        "# List KeysLookupKeys\n\n[List KeysLookupKeys](/api/v2/keys:lookupKey/list)\n\n" +
        "- keyStringstringThe key string\n\nThe key string\n\nOK\n\n",
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(["/v2/keys:lookupKey"]);
    expect(doc.paths["/v2/keys:lookupKey"]?.get?.parameters).toMatchObject([
      { name: "keyString", in: "query" },
    ]);
  });

  it("places by a docs link whose collection ends in an OData action after a dollar", async () => {
    // RFC 3986 allows `$` in a segment; OData's batch endpoints are `/…/$batch` (Azure Time Series Insights).
    const page = {
      file: "instances-batch.md",
      text:
        "# Create a Batch\n\n[Create a Batch](/api/timeseries/instances/$batch/create)\n\n" +
        "- deleteobjectInstances to delete.\n\nInstances to delete.\n\nOK\n\n",
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(["/timeseries/instances/$batch"]);
    expect(doc.paths["/timeseries/instances/$batch"]?.post).toMatchObject({
      requestBody: {
        content: { "application/json": { schema: { properties: { delete: { type: "object" } } } } },
      },
    });
  });

  it("places by a docs link whose last segment is the title, a verb-first action name", async () => {
    // "updateMediaAffinity" names the segment the link ends at, not an update over the link's create.
    const page = {
      file: "intent.md",
      text:
        "# updateMediaAffinity\n\n[updateMediaAffinity](/api/intent/updateMediaAffinity/create)\n\n" +
        "- versionstringRequiredThe version\n\nThe version\n\nOK\n\n",
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(["/intent/updateMediaAffinity"]);
    expect(doc.paths["/intent/updateMediaAffinity"]?.post).toMatchObject({
      requestBody: {
        content: { "application/json": { schema: { properties: { version: { type: "string" } } } } },
      },
    });
  });

  it("joins no loose operation to another by a title the site reuses under other docs links", async () => {
    // Each chain has its own sendTransaction page: one title, two operations.
    const op = (chain: string): string =>
      `# sendTransaction\n\n[sendTransaction](/api/v2/${chain}/transactions/create)\n\n` +
      `- ${chain}_amountstringThe amount\n\nThe amount\n\nThe transaction\n\n`;
    const r = await scrapePages([{ file: "a.md", text: op("bitcoin") + op("tron") }], meta);
    const doc = r.document as unknown as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Obj }> } }>>;
    };
    type Obj = { properties?: Record<string, unknown> };
    expect(Object.keys(doc.paths).sort()).toEqual(["/v2/bitcoin/transactions", "/v2/tron/transactions"]);
    const fields = (path: string): string[] =>
      Object.keys(doc.paths[path]?.post?.requestBody?.content["application/json"]?.schema.properties ?? {});
    expect(fields("/v2/bitcoin/transactions")).toEqual(["bitcoin_amount"]);
    expect(fields("/v2/tron/transactions")).toEqual(["tron_amount"]);
  });

  it("places no operation by a docs link whose collection its title does not name", async () => {
    const page = {
      file: "subscriptions.md",
      text:
        "# List SourceControls\n\n[List SourceControls](/api/subscriptions/list)\n\n- limitinteger\n\n" +
        "A list of SourceControl objects.\n\n" +
        "# Retrieve a subscription\n\n[Retrieve a subscription](/api/v1/subscriptions/retrieve)\n\nNo parameters.\n\n",
    };
    const r = await scrapePages([page], meta);
    const doc = r.document as unknown as Doc;
    expect(Object.keys(doc.paths)).toEqual(["/v1/subscriptions/{id}"]);
    expect(r.report).toMatch(/## Unplaced operations\n\n.*\n\n- List SourceControls/);
  });

  it("reads every example URL of a site under the base one of its pages shows", async () => {
    // Only the second page shows, by a prerequisite step, that "/api" belongs to the server.
    const curlPage = (
      file: string,
      title: string,
      url: string,
      extra = "",
    ): { file: string; text: string } => ({
      file,
      text: `# ${title} ${extra}## Request \`\`\`curl curl ${url} \\ -u "<>" \`\`\` ## Returns The widget object.`,
    });
    const r = await scrapePages(
      [
        curlPage("list.md", "List widgets", "https://x.test/api/1/widgets"),
        curlPage(
          "get.md",
          "Retrieve a widget",
          "https://x.test/api/1/widgets/{{WIDGET_ID}}",
          "## Prerequisites Run this first. - 1. createWidget POST /1/widgets {} ",
        ),
      ],
      meta,
    );
    const doc = r.document as unknown as Doc & { servers: { url: string }[] };
    expect(Object.keys(doc.paths).sort()).toEqual(["/1/widgets", "/1/widgets/{widget_id}"]);
    expect(doc.servers).toEqual([{ url: "https://x.test/api" }]);
    expect(r.report).toMatch(
      /example URL read as https:\/\/x\.test\/api \+ \/1\/widgets: another page shows/,
    );
  });

  it("keeps an operation nothing places in the report with its fields, and writes the rest", async () => {
    const r = await scrapePages(
      [
        rendererPage("list.html", { summary: "listGadgets", method: "get", path: "/v1/gadgets" }),
        fieldsOnly("frob.md", "Frobnicate the gadgets"),
      ],
      meta,
    );
    expect(Object.keys((r.document as unknown as Doc).paths)).toEqual(["/v1/gadgets"]);
    expect(r.report).toMatch(
      /## Unplaced operations\n\n.*\n\n- Frobnicate the gadgets \(`frob\.md:1`\): `body name`, `body size`/,
    );
  });

  it("names at most five of a site's empty pages when none documents anything", async () => {
    const pages = Array.from({ length: 40 }, (_, i) => ({ file: `guide-${i}.md`, text: guide.text }));
    const failure = await scrapePages(pages, meta).then(
      () => undefined,
      (err: unknown) => err as Error,
    );
    expect(failure?.message).toMatch(
      /^guide-0\.md: documents no API: .*; so do guide-1\.md, .*guide-5\.md and 34 more$/,
    );
  });

  it("exits 2 naming the pages when no page of the run documents anything", async () => {
    const dir = await mkdtemp(join(tmpdir(), "specsmith-refuse-"));
    try {
      await cp(join(root, "specs/verifa"), join(dir, "specs/verifa"), { recursive: true });
      await writeFile(join(dir, "specs/verifa/pages/update-session.fern.txt"), guide.text);
      const before = await readFile(join(dir, "specs/verifa/openapi.yaml"), "utf8");
      const term = memoryTerminal();
      expect(await main(["scrape", "--api", "verifa"], term, dir)).toBe(2);
      expect(term.stderr.join("\n")).toMatch(/pages\/update-session\.fern\.txt: documents no API/);
      expect(await readFile(join(dir, "specs/verifa/openapi.yaml"), "utf8")).toBe(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
