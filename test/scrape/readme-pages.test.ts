// LAYOUTS.md family 7 (ReadMe) read as a site: reference pages show no method or path and their scalar
// fields lost their names; `patch https://{host}/path` request pages show some routes. A reference page
// that shows only status codes is still placed by REST convention; its unnamed path parameters each ask
// for a slot in the route; an array's name repeated after its description closes it; a field's type line
// right after the previous description starts a field; under a navigation tree, the title is the line
// the tree listed too; a type line is never a title, nor a section word glued above type lines a field;
// a guide page's first line is its title; under a navigation tree that does not list it, the title is
// read from the page (the line above the description); a guide page cut before `Responses` is still one.
import { describe, expect, it } from "vitest";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";

const NOISE = "Recent Requests\nLog in to see full request history\nTimeStatusUser Agent\nLoadingLoading…\n";
const FOOTER = "Language\nShell Node Ruby PHP Python\nCredentials\nBearer\n";
const NAV =
  "Skip to main content\nWidgets API docs\nSearch...\nAPI Reference\nCreate a widget\nGuides\nChangelog\n";

const requestPage = (method: string, path: string): string =>
  `${method} https://api.widgets.test${path}\n\nExample:\n\n{\n  "color": "string"\n}Does it.\n`;

const PAGES: Record<string, string> = {
  "1-update.txt": requestPage("patch", "/v2/widgets/{widget_id}"),
  "2-get.txt": requestPage("get", "/v2/widgets/{widget_id}"),
  // Only unnamed scalar fields, an array whose name is repeated after its description, and status codes.
  "3-create.txt":
    `Create a widget\nCreates a widget.\n${NOISE}\nBody Params\nstring\nrequired\n\nPaint colour.\n` +
    `parts\narray of strings\n\nPart numbers.\n\nparts\nboolean\n\nWhether to paint.\nResponses\n\n201\n\n` +
    `Created\n\n${FOOTER}`,
  // Only an unnamed scalar field and status codes.
  "3-list.txt": `List all widgets\n${NOISE}\nQuery Params\nint32\n\nPage size.\nResponses\n\n200\n\nOK\n\n${FOOTER}`,
  // One unnamed path parameter: a route below the shown item, not a collection of its own.
  "4-parts.txt":
    `List widget parts\n${NOISE}\nPath Params\nstring\nrequired\n\nThe widget.\nQuery Params\nint32\n\n` +
    `Page size.\nResponses\n\n200\n\nOK\n\n${FOOTER}`,
  // Two unnamed path parameters, the second glued to the first's description: no one-slot route fits.
  "5-part.txt":
    `Get a part\n${NOISE}\nPath Params\nstring\nrequired\n\nThe widget.\nstring\nrequired\n\nThe part.\n` +
    `Responses\n\n200\n\nOK\n\n${FOOTER}`,
  // A navigation tree above the title.
  "6-delete.txt":
    `Skip to main content\nWidgets API docs\nAPI Reference\nCreate a widget\nDelete a widget\nGuides\n` +
    `Delete a widget\n${NOISE}\nPath Params\nstring\nrequired\n\nThe widget.\nResponses\n\n204\n\n` +
    `Deleted\n\n${FOOTER}`,
  // The guide-page variant: a `Name | Type | Description | Required` table under the title, no blank lines.
  "7-guide.txt":
    "Create a part\nCreates a part.\nBody Params\n| Name | Type | Description | Required |\n" +
    "| --- | --- | --- | --- |\n| label | string | The label. | Yes |\nResponses\n\n201\n\nCreated\n\nUpdated 3 days ago\n",
  // A `Headers` section glued to its unnamed, undescribed fields: their repeated `string` lines come before
  // the first section heading the page shows, and are no title.
  "8-gadget.txt":
    `Create a gadget\nCreates a gadget.\n${NOISE}\nHeaders\nstring\nstring\nstring\nBody Params\n` +
    `size\nobject\n\nThe size.\n\nsize\nResponses\n\n201\n\nCreated\n\n${FOOTER}`,
  // The same glued `Headers` right after a path parameter's description: a section, not a field `Headers`.
  "9-gadget-delete.txt":
    `Delete a gadget\n${NOISE}\nPath Params\nstring\nrequired\n\nThe gadget.\nHeaders\nstring\nstring\n` +
    `Responses\n\n204\n\nDeleted\n\n${FOOTER}`,
  // Two unnamed, undescribed path parameters in one run of lines: two slots, so no one-slot route fits.
  "13-label.txt": `Get a label\n${NOISE}\nPath Params\nstring\nrequired\nstring\nrequired\nResponses\n\n200\n\nOK\n`,
  // A title that names a request, as a request section's heading would.
  "14-part-request.txt":
    `Delete part request\nDeletes a part request.\n${NOISE}\nPath Params\nstring\nrequired\n\nThe request.\n` +
    `Responses\n\n204\n\nDeleted\n\n${FOOTER}`,
  // Navigation trees that list only other operations, above a reference page with no description and
  // a guide page whose short description has no full stop.
  "10-list-gadgets.txt": `${NAV}List all gadgets\n${NOISE}\nQuery Params\nint32\n\nPage size.\nResponses\n\n200\n\nOK\n\n${FOOTER}`,
  "11-create-sprocket.txt":
    `${NAV}Create sprocket\nCreate a new Sprocket by sending its size\nBody Params\n` +
    "| Name | Type | Description | Required |\n| --- | --- | --- | --- |\n| size | int32 | The size. | Yes |\n" +
    "Responses\n\n201\n\nCreated\n\nUpdated 3 days ago\n",
  // A guide page cut before its `Responses`: its `Body Params` table is all that is left of it.
  "12-create-cog.txt":
    `Create a cog\nCreates a cog.\nBody Params\n| Name | Type | Description | Required |\n` +
    "| --- | --- | --- | --- |\n| teeth | int32 | How many teeth. | Yes |\n| label | string | The la",
};

type Operation = { responses?: Record<string, unknown>; requestBody?: unknown; summary?: string };

describe("a ReadMe site's reference pages", async () => {
  const result = await scrapePages(
    Object.entries(PAGES).map(([file, text]) => ({ file, text })),
    { version: "1", servers: [], specFile: "widgets.yaml" },
  );
  const paths = result.document.paths as Record<string, Record<string, Operation>>;
  const routes = Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method} ${path.replace(/\{[^}]*\}/g, "{}")}`),
  );

  it("places a page that shows only status codes, by REST convention under the request pages' base", () => {
    const list = paths["/v2/widgets"]?.get;
    expect(Object.keys(list?.responses ?? {})).toEqual(["200"]);
  });

  it("places a guide page by its first line, the title, where no request line opens it", () => {
    expect(JSON.stringify(paths["/v2/parts"]?.post?.requestBody ?? {})).toContain('"label"');
  });

  it("closes an array at its repeated name: the unnamed field after it is not a second `parts`", () => {
    const body = JSON.stringify(paths["/v2/widgets"]?.post?.requestBody ?? {});
    expect(body).toContain('"parts"');
    expect(body).toContain('"array"');
    expect(body).not.toContain('"boolean"');
  });

  it("gives each unnamed path parameter a slot: below the shown item, never a one-slot route for two", () => {
    expect(routes).toContain("get /v2/widgets/{}/parts");
    expect(routes).not.toContain("get /v2/widget_parts");
    expect(routes.filter((r) => r.startsWith("get /v2/parts"))).toEqual([]);
  });

  it("counts each unnamed path parameter of one run of lines: two slots are no one-slot route", () => {
    expect(routes.filter((r) => r.startsWith("get /v2/labels"))).toEqual([]);
  });

  it("takes a title that names a request (`Delete part request`) for the title, not a request section", () => {
    const item = Object.entries(paths).find(([p]) => /^\/v2\/part_requests\/\{[^}]+\}$/.test(p))?.[1];
    expect(Object.keys(item?.delete?.responses ?? {})).toEqual(["204"]);
  });

  it("takes the title a navigation tree lists too, not the capture's first line", () => {
    expect(routes).toContain("delete /v2/widgets/{}");
    const item = Object.entries(paths).find(([p]) => /^\/v2\/widgets\/\{[^}]+\}$/.test(p))?.[1];
    expect(Object.keys(item?.delete?.responses ?? {})).toEqual(["204"]);
  });

  it("reads the title from the page itself where the navigation tree does not list it", () => {
    expect(Object.keys(paths["/v2/gadgets"]?.get?.responses ?? {})).toEqual(["200"]);
    expect(JSON.stringify(paths["/v2/sprockets"]?.post?.requestBody ?? {})).toContain('"size"');
    expect(Object.keys(paths["/v2/sprockets"]?.post?.responses ?? {})).toEqual(["201"]);
    expect(paths["/v2/sprockets"]?.post?.summary).toBe("Create sprocket");
  });

  it("reads a guide page cut before its Responses: the `Body Params` table is still a guide table", () => {
    const body = JSON.stringify(paths["/v2/cogs"]?.post?.requestBody ?? {});
    expect(body).toContain('"teeth"');
    expect(body).toContain('"integer"');
  });

  it("never takes a type line (`string`) for the title: the page is placed by its real title", () => {
    expect(Object.keys(paths["/v2/gadgets"]?.post?.responses ?? {})).toEqual(["201"]);
    expect(JSON.stringify(paths["/v2/gadgets"]?.post?.requestBody ?? {})).toContain('"size"');
  });

  it("reads a `Headers` line glued to its bare type lines as the section, never as a field", () => {
    const item = Object.entries(paths).find(([p]) => /^\/v2\/gadgets\/\{[^}]+\}$/.test(p))?.[1];
    expect(Object.keys(item?.delete?.responses ?? {})).toEqual(["204"]);
    expect(JSON.stringify(result.document)).not.toContain('"Headers"');
  });

  it("reads a long paragraph of descriptions and unnamed fields in linear time", async () => {
    const pairs = Array.from({ length: 20_000 }, (_, i) => `Field ${i}.\nstring`).join("\n");
    const page = `Get a thing\n${NOISE}\nPath Params\nstring\nrequired\n\n${pairs}\nResponses\n\n200\n\nOK\n`;
    const started = performance.now();
    await scrapePages([{ file: "long.txt", text: page }], { version: "1", servers: [], specFile: "x.yaml" });
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
