// A documentation site served on 127.0.0.1 (port 0) for the capture tests and the capture bench. Its API
// (the "Toys API": six resources, four operations each) is rendered by the round-trip renderers into the
// seed formats and LAYOUTS.md families, one renderer per resource: seed 000's OpenAPI-to-HTML pages (real
// HTML), and Fern, Mintlify, API-catalogue pipe tables, Redoc and docs.stripe.com markdown renderings, each
// served the way such platforms serve them: an HTML page that is only a JavaScript shell, and its content
// as a markdown twin (`page.md`). Beside them: guides and a changelog that document no API, a Redoc shell
// that loads the published OpenAPI document, an image, an llms.txt, a sitemap index with two sitemaps, and
// navigation (the landing page links to /docs/, whose sidebar, on every page, links to every page).
//
// Each discovery source can be switched off (`llms`, `sitemap`, `nav`), so that each is tested on a site
// that offers only it. Version 2 of the site changes two pages and removes one. Pages answer conditional
// requests: ETag / If-None-Match on most, Last-Modified / If-Modified-Since on the text pages. Every
// request is logged with its headers for the tests to check.
//
// The misbehaving routes of test/capture/hostile-routes.ts (robots.txt, redirects, 429, 500, a page
// that never finishes, a huge page, non-HTML files) are mounted through `extraRoutes`, which is asked first.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { RENDERERS } from "../../scripts/roundtrip/renderers/index.ts";
import type { RenderApi, RenderOperation, Renderer } from "../../scripts/roundtrip/types.ts";

export interface SiteOptions {
  llms?: boolean;
  sitemap?: boolean;
  nav?: boolean;
  /** Serve the markdown twins (without them a shell page documents nothing). */
  twins?: boolean;
  version?: 1 | 2;
  /** Asked first for every request: returns true when it answered (the hostile routes). */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Resources beyond the six (for the bench): each adds four operations, rendered like the first six. */
  extraResources?: number;
  /** Only the first this many of the six resources (a smaller site for the faster tests). */
  resources?: number;
}

export interface SitePage {
  /** The page's path: /docs/api/widgets/get-v1-widgets. */
  path: string;
  title: string;
  /** What the page's own URL serves. */
  html: string;
  /** The markdown twin, when the page has one. */
  markdown?: string;
  /** "text/plain" for text renderings served as they are, else text/html. */
  type: string;
  /** Whether the page documents operations (guides do not). */
  api: boolean;
  /** The operations it documents: "GET /v1/widgets". */
  operations: string[];
}

export interface TestSite {
  base: string;
  pages: SitePage[];
  /** Every operation of the API: "GET /v1/widgets/{id}". */
  operations: string[];
  requests: { url: string; headers: IncomingMessage["headers"] }[];
  setVersion(version: 1 | 2): void;
  close(): Promise<void>;
}

const RESOURCES = ["widgets", "gadgets", "sprockets", "gizmos", "doodads", "thingies"];
/** The renderer of each resource, by name (cycled for extra resources). */
const LAYOUT_OF = ["seed-000", "seed-004", "stripe-markdown", "mintlify", "seed-002", "redoc"];

function renderer(name: string): Renderer {
  const found = RENDERERS.find((r) => r.name === name);
  if (!found) throw new Error(`no renderer ${name}`);
  return found;
}

function operations(resource: string, version: 1 | 2): RenderOperation[] {
  const one = resource.slice(0, -1);
  const json = "application/json";
  const idParam = {
    name: "id",
    in: "path" as const,
    required: true,
    schema: { type: "string" },
    description: `The ${one}'s id.`,
  };
  const object = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } };
  const query = [
    {
      name: "limit",
      in: "query" as const,
      required: false,
      schema: { type: "integer" },
      description: "How many to return.",
    },
  ];
  // Version 2 changes two pages: widgets' list gains a parameter, gadgets' create a field.
  if (version === 2 && resource === "widgets")
    query.push({
      name: "color",
      in: "query",
      required: false,
      schema: { type: "string" },
      description: "Only this colour.",
    });
  const createProps: Record<string, unknown> = {
    name: { type: "string", description: `The ${one}'s name.` },
  };
  if (version === 2 && resource === "gadgets")
    createProps.size = { type: "integer", description: "The size in mm." };
  return [
    {
      method: "get",
      path: `/v1/${resource}`,
      operationId: `list_${resource}`,
      summary: `List ${resource}`,
      tags: [resource],
      parameters: query,
      responses: [
        {
          status: "200",
          description: "OK",
          contentType: json,
          schema: { type: "object", properties: { data: { type: "array", items: object } } },
        },
      ],
    },
    {
      method: "post",
      path: `/v1/${resource}`,
      operationId: `create_${one}`,
      summary: `Create a ${one}`,
      tags: [resource],
      parameters: [],
      requestBody: {
        contentType: json,
        required: true,
        schema: { type: "object", required: ["name"], properties: createProps },
      },
      responses: [{ status: "200", description: "OK", contentType: json, schema: object }],
    },
    {
      method: "get",
      path: `/v1/${resource}/{id}`,
      operationId: `get_${one}`,
      summary: `Retrieve a ${one}`,
      tags: [resource],
      parameters: [idParam],
      responses: [{ status: "200", description: "OK", contentType: json, schema: object }],
    },
    {
      method: "delete",
      path: `/v1/${resource}/{id}`,
      operationId: `delete_${one}`,
      summary: `Delete a ${one}`,
      tags: [resource],
      parameters: [idParam],
      responses: [{ status: "204", description: "Deleted" }],
    },
  ];
}

/** An operation as the renderers' facts name it: "GET /v1/widgets/{}". */
const operationKey = (op: RenderOperation): string =>
  `${op.method.toUpperCase()} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The JavaScript shell a docs platform serves before its script renders the page. */
function shell(title: string, sidebar: string): string {
  return `<!DOCTYPE html><html><head><title>${escape(title)}</title></head><body>${sidebar}<main><h1>${escape(title)}</h1><div id="root">Loading…</div></main><script src="/assets/app.js"></script></body></html>\n`;
}

function guide(title: string, sidebar: string, paragraphs: string[]): string {
  return `<!DOCTYPE html><html><head><title>${escape(title)}</title></head><body>${sidebar}<main><h1>${escape(title)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join("")}</main></body></html>\n`;
}

/** Inserts the sidebar after <body> of a rendered HTML page. */
function withSidebar(html: string, sidebar: string): string {
  return html.replace(/<body>/, `<body>${sidebar}`);
}

function buildPages(
  version: 1 | 2,
  extraResources: number,
  first: number,
): { pages: SitePage[]; operations: string[]; sidebar: string } {
  const resources = RESOURCES.slice(0, first);
  for (let i = 0; i < extraResources; i++) resources.push(`parts${i}s`);
  const rendered: Omit<SitePage, "html" | "markdown" | "type">[] = [];
  const content = new Map<string, { text: string; html: boolean }>();
  const all: string[] = [];
  for (const [i, resource] of resources.entries()) {
    const layout = LAYOUT_OF[i % LAYOUT_OF.length] as string;
    const ops = operations(resource, version);
    const api: RenderApi = {
      name: "toys",
      title: "Toys API",
      version: "1.0.0",
      servers: ["https://api.toys.test"],
      operations: ops,
    };
    for (const op of ops) all.push(`${op.method.toUpperCase()} ${op.path}`);
    for (const page of renderer(layout).render(api, {})) {
      const stem = page.file.replace(/\.[a-z]+$/, "").replace(/^\d+-/, "");
      const path = `/docs/api/${resource}/${stem}`;
      const documented = ops.filter((op) =>
        page.facts.some((f) => f.fact.kind === "operation" && f.fact.operation === operationKey(op)),
      );
      // Version 2 removes one page: gizmos' delete.
      if (version === 2 && resource === "gizmos" && stem.startsWith("delete")) continue;
      const title =
        documented.length === 1
          ? (documented[0]?.summary as string)
          : `${resource[0]?.toUpperCase()}${resource.slice(1)}`;
      rendered.push({
        path,
        title,
        api: true,
        operations: documented.map((op) => `${op.method.toUpperCase()} ${op.path}`),
      });
      content.set(path, { text: page.text, html: page.file.endsWith(".html") });
    }
  }
  const guides = [
    {
      path: "/docs/guides/introduction",
      title: "Introduction",
      text: ["The Toys API manages toys.", "Read the quickstart next."],
    },
    {
      path: "/docs/guides/authentication",
      title: "Authentication",
      text: ["Send your key in the Authorization header.", "Keys are made in the dashboard."],
    },
    {
      path: "/docs/guides/quickstart",
      title: "Quickstart",
      text: ["Install the client, then list your widgets."],
    },
    { path: "/docs/changelog", title: "Changelog", text: [`Version ${version}: a better API.`] },
  ];
  const links = [
    ...guides.map((g) => ({ path: g.path, title: g.title })),
    ...rendered.map((p) => ({ path: p.path, title: p.title })),
    { path: "/docs/reference", title: "API reference (Redoc)" },
    { path: "/docs/logo.png", title: "Logo" },
  ];
  const sidebarOf = (chosen: { path: string; title: string }[]): string =>
    `<nav class="sidebar"><ul>${chosen.map((l) => `<li><a href="${l.path}">${escape(l.title)}</a></li>`).join("")}</ul></nav>`;
  const sidebar = sidebarOf(links);
  const pages: SitePage[] = [];
  for (const page of rendered) {
    const { text, html } = content.get(page.path) as { text: string; html: boolean };
    // Generated HTML pages link their own section only, so that a page removed elsewhere changes none
    // of them (the test counts the pages a new version rewrites).
    const section = page.path.slice(0, page.path.lastIndexOf("/") + 1);
    const own = links.filter((l) => l.path.startsWith(section));
    if (html) pages.push({ ...page, html: withSidebar(text, sidebarOf(own)), type: "text/html" });
    else pages.push({ ...page, html: shell(page.title, sidebar), markdown: text, type: "text/html" });
  }
  for (const g of guides)
    pages.push({
      path: g.path,
      title: g.title,
      api: false,
      operations: [],
      html: guide(g.title, sidebar, g.text),
      markdown: `# ${g.title}\n\n${g.text.join("\n\n")}\n`,
      type: "text/html",
    });
  return { pages, operations: all, sidebar };
}

function etagOf(text: string): string {
  return `"${createHash("sha256").update(text).digest("hex").slice(0, 16)}"`;
}

const LAST_MODIFIED = { 1: "Tue, 01 Dec 2026 00:00:00 GMT", 2: "Wed, 02 Dec 2026 00:00:00 GMT" } as const;

export async function serveSite(options: SiteOptions = {}): Promise<TestSite> {
  const { llms = true, sitemap = true, nav = true, twins = true } = options;
  let version: 1 | 2 = options.version ?? 1;
  const first = options.resources ?? RESOURCES.length;
  const built = {
    1: buildPages(1, options.extraResources ?? 0, first),
    2: buildPages(2, options.extraResources ?? 0, first),
  };
  const requests: TestSite["requests"] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? "", headers: req.headers });
    if (options.extraRoutes?.(req, res)) return;
    const { pages } = built[version];
    const path = new URL(req.url ?? "/", "http://site").pathname;
    const send = (
      status: number,
      type: string,
      body: string,
      validators?: { etag?: boolean; lastModified?: string },
    ): void => {
      const headers: Record<string, string> = { "content-type": type };
      if (validators?.etag) headers.etag = etagOf(body);
      if (validators?.lastModified) headers["last-modified"] = validators.lastModified;
      const fresh =
        (validators?.etag && req.headers["if-none-match"] === headers.etag) ||
        (!req.headers["if-none-match"] &&
          validators?.lastModified &&
          req.headers["if-modified-since"] === validators.lastModified);
      if (status === 200 && fresh) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(status, headers);
      res.end(body);
    };
    const apiPages = pages.filter((p) => p.api || p.markdown);
    if (path === "/") {
      const body = nav
        ? `<!DOCTYPE html><html><head><title>Toys</title></head><body><h1>Toys</h1><p><a href="/docs/">Documentation</a></p></body></html>`
        : `<!DOCTYPE html><html><head><title>Toys</title></head><body><h1>Toys</h1><p>Welcome.</p></body></html>`;
      return send(200, "text/html", body);
    }
    if (path === "/docs/" || path === "/docs") {
      const sidebar = nav ? built[version].sidebar : "";
      return send(200, "text/html", guide("Toys documentation", sidebar, ["Everything about the Toys API."]));
    }
    if (path === "/llms.txt" && llms) {
      const lines = ["# Toys API", "", "> Documentation of the Toys API.", "", "## Docs", ""];
      for (const p of apiPages)
        lines.push(`- [${p.title}](${base}${p.markdown && twins ? `${p.path}.md` : p.path})`);
      return send(200, "text/plain", lines.join("\n") + "\n");
    }
    if (path === "/sitemap.xml" && sitemap) {
      return send(
        200,
        "application/xml",
        `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
          `<sitemap><loc>${base}/sitemap-api.xml</loc></sitemap><sitemap><loc>${base}/sitemap-guides.xml</loc></sitemap></sitemapindex>\n`,
      );
    }
    if ((path === "/sitemap-api.xml" || path === "/sitemap-guides.xml") && sitemap) {
      const chosen = pages.filter((p) => p.api === (path === "/sitemap-api.xml"));
      return send(
        200,
        "application/xml",
        `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
          chosen.map((p) => `<url><loc>${base}${p.path}</loc></url>`).join("") +
          `</urlset>\n`,
      );
    }
    if (path === "/docs/reference")
      return send(
        200,
        "text/html",
        `<!DOCTYPE html><html><head><title>API reference</title></head><body><redoc spec-url="/docs/openapi.json"></redoc><script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script></body></html>`,
      );
    if (path === "/docs/openapi.json")
      return send(
        200,
        "application/json",
        JSON.stringify({ openapi: "3.1.0", info: { title: "Toys API", version: "1.0.0" }, paths: {} }),
      );
    if (path === "/docs/logo.png") {
      res.writeHead(200, { "content-type": "image/png" });
      return void res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    }
    const twin =
      twins && path.endsWith(".md") ? pages.find((p) => `${p.path}.md` === path && p.markdown) : undefined;
    if (twin) {
      // Twins answer with Last-Modified only: the date of the version that last changed the page.
      const before = built[1].pages.find((p) => p.path === twin.path)?.markdown;
      const lastModified = LAST_MODIFIED[before === twin.markdown ? 1 : version];
      return send(200, "text/markdown; charset=utf-8", twin.markdown as string, { lastModified });
    }
    const page = pages.find((p) => p.path === path);
    if (page) return send(200, page.type, page.html, { etag: true });
    send(404, "text/html", "<!DOCTYPE html><html><body><h1>Not found</h1></body></html>");
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    get pages() {
      return built[version].pages;
    },
    get operations() {
      return built[version].operations;
    },
    requests,
    setVersion(v) {
      version = v;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}
