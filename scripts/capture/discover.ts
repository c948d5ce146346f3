// What a crawl reads off the documents it fetches, each with a real parser and in one linear pass: the
// links of an llms.txt or a markdown page (mdast), the <loc> entries of a sitemap or sitemap index and the
// links, title and published OpenAPI documents of an HTML page (htmlparser2's streaming parser, which
// builds no tree, so neither the nesting nor the size of a page can make it recurse or go quadratic).
import type { Nodes } from "mdast";
import { Parser } from "htmlparser2";
import { parseMarkdown, plainTextOf } from "../scrape/markdown.ts";
import { pageAddress } from "./url-scope.ts";

/** A link found on a page: where it leads and its text (a sidebar entry's title). */
export interface FoundLink {
  url: URL;
  text: string;
}

/** At most this many links are taken from one document: a page with more is not a navigation. */
export const MAX_LINKS_PER_DOCUMENT = 20_000;
/** Link texts are titles: longer text is cut. */
const MAX_LINK_TEXT = 200;

const squash = (text: string): string => text.replace(/\s+/g, " ").trim().slice(0, MAX_LINK_TEXT);

/** Whether a fetched text is HTML: by its declared type, else by its first characters. */
export function isHtml(text: string, contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "text/html" || type === "application/xhtml+xml") return true;
  if (type !== "" && type !== "application/octet-stream") return false;
  return /^\s*<(!doctype html|html|head|body)\b/i.test(text.slice(0, 512));
}

/** The links of a markdown document (an llms.txt, a page's markdown twin), in document order. */
export function markdownLinks(text: string, base: URL): FoundLink[] {
  const links: FoundLink[] = [];
  const stack: Nodes[] = [parseMarkdown(text)];
  // Depth first, in order, without recursion: children are pushed in reverse.
  while (stack.length > 0 && links.length < MAX_LINKS_PER_DOCUMENT) {
    const node = stack.pop() as Nodes;
    if (node.type === "link") {
      const url = pageAddress(node.url, base);
      if (url) links.push({ url, text: squash(plainTextOf(node)) });
      continue;
    }
    if ("children" in node)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return links;
}

/** The page URLs (<url><loc>) and nested sitemaps (<sitemap><loc>) of a sitemap or sitemap index. */
export function sitemapEntries(xml: string, base: URL): { pages: URL[]; sitemaps: URL[] } {
  const pages: URL[] = [];
  const sitemaps: URL[] = [];
  let inside: "url" | "sitemap" | undefined;
  let loc: string[] | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        const local = name.slice(name.indexOf(":") + 1).toLowerCase();
        if (local === "url" || local === "sitemap") inside = local;
        else if (local === "loc" && inside) loc = [];
      },
      ontext(text) {
        loc?.push(text);
      },
      onclosetag(name) {
        const local = name.slice(name.indexOf(":") + 1).toLowerCase();
        if (local === "loc" && loc && inside) {
          const url = pageAddress(loc.join(""), base);
          const list = inside === "url" ? pages : sitemaps;
          if (url && pages.length + sitemaps.length < MAX_LINKS_PER_DOCUMENT) list.push(url);
          loc = undefined;
        } else if (local === inside) inside = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { pages, sitemaps };
}

/** What an HTML page shows a crawler: its links, its title, and the OpenAPI documents it loads or links. */
export interface HtmlFindings {
  links: FoundLink[];
  title?: string;
  openapi: URL[];
}

/** A link target that names an OpenAPI document by its usual file names. */
const OPENAPI_FILE = /(?:^|\/)(?:openapi|swagger)[\w.-]*\.(?:json|ya?ml)$/i;
/** Swagger UI's bootstrap script: `SwaggerUIBundle({ url: "/openapi.json", ... })`. */
const SWAGGER_UI_URL = /\burl\s*:\s*["']([^"'\n]{1,2000})["']/;

export function htmlFindings(html: string, base: URL): HtmlFindings {
  const links: FoundLink[] = [];
  const openapi: URL[] = [];
  let link: { url: URL; text: string[] } | undefined;
  let title: string[] | undefined;
  let pageTitle: string | undefined;
  let heading: string[] | undefined;
  let firstHeading: string | undefined;
  let script: string[] | undefined;
  const offer = (href: string | undefined): void => {
    const url = href === undefined ? undefined : pageAddress(href, base);
    if (url && openapi.length < 20) openapi.push(url);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // Redoc's <redoc spec-url>, and any element that names its spec the same way.
        if (attributes["spec-url"]) offer(attributes["spec-url"]);
        if (name === "script") {
          // Scalar: <script id="api-reference" data-url="/openapi.json">.
          if (attributes.id === "api-reference" && attributes["data-url"]) offer(attributes["data-url"]);
          script = attributes.src === undefined ? [] : undefined;
        } else if ((name === "a" || name === "link") && attributes.href !== undefined) {
          const url = pageAddress(attributes.href, base);
          if (!url) return;
          if (OPENAPI_FILE.test(url.pathname)) offer(attributes.href);
          else if (name === "a" && links.length < MAX_LINKS_PER_DOCUMENT) link = { url, text: [] };
        } else if (name === "title" && pageTitle === undefined) title = [];
        else if (name === "h1" && firstHeading === undefined) heading = [];
      },
      ontext(text) {
        link?.text.push(text);
        title?.push(text);
        heading?.push(text);
        script?.push(text);
      },
      onclosetag(name) {
        if (name === "a" && link) {
          links.push({ url: link.url, text: squash(link.text.join("")) });
          link = undefined;
        } else if (name === "title" && title) {
          pageTitle = squash(title.join(""));
          title = undefined;
        } else if (name === "h1" && heading) {
          firstHeading = squash(heading.join(""));
          heading = undefined;
        } else if (name === "script" && script) {
          const code = script.join("");
          if (code.includes("SwaggerUIBundle") || code.includes("SwaggerUI("))
            offer(SWAGGER_UI_URL.exec(code)?.[1]);
          script = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const shown = firstHeading || pageTitle;
  return { links, openapi, ...(shown ? { title: shown } : {}) };
}
