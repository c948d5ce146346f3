// The generic fallback extractor: reads the pages no specific extractor claims, whatever their layout.
// Every page (HTML, markdown or plain text) is first turned into one stream of blocks (headings, paragraphs,
// lists, tables, code); a single reader then finds the operations by their request lines
// ("GET /v1/things/{id}") or, when the page has none, by its curl commands, and reads the blocks between one
// operation and the next: parameter tables and lists, JSON examples, curl commands, prose.
// It never knows the site, so everything it reads is judged from the page's own structure and words.
//
// This file sniffs the page's format, reads what belongs to the page rather than to one operation (base
// URLs, examples before the first operation, the title) and runs the operation reader over each span.
import {
  emptyPageFragment,
  type Extractor,
  type Fact,
  type Page,
  type PageFragment,
  type Source,
} from "../../fragment.ts";
import { securityFromCurl } from "../../curl-facts.ts";
import { fieldsOnlySpan, findAnchors, pageTitleIndex, scanAnchors, spansOf } from "./anchors.ts";
import { plain, type Block, type Ctx } from "../../read/blocks.ts";
import { codeKind, curlOf } from "../../read/code-blocks.ts";
import { serverFor } from "./examples.ts";
import { htmlBlocks } from "../../read/html-blocks.ts";
import { markdownBlocks } from "../../read/markdown-blocks.ts";
import { normalise } from "./normalise.ts";
import { addSecurity } from "./operation-parts.ts";
import { addServer } from "../../read/servers.ts";
import { OperationReader } from "./operation.ts";
import { plainTextBlocks } from "../../read/text-blocks.ts";
import { classifySection } from "../../read/sections.ts";

type Format = "html" | "markdown" | "text";

function formatOf(text: string): Format {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (/^<(!doctype html|html|head|body|\?xml)\b/.test(head)) return "html";
  const tags = text.match(
    /<\/?(div|p|table|tr|td|th|h[1-6]|pre|ul|ol|li|section|article|dl|dt|dd)\b[^>]*>/gi,
  );
  if (head.startsWith("<") && (tags?.length ?? 0) >= 2) return "html";
  if (
    /^#{1,6}[ \t]+\S/m.test(text) ||
    /^[ \t]*(```|~~~)/m.test(text) ||
    /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/m.test(text)
  ) {
    return "markdown";
  }
  return "text";
}

const BASE_URL_RE =
  /\b(?:base[ _-]?url|base[ _-]?uri|api[ _-]?url|root url|server(?: url)?|host)s?\b[^:\n]{0,30}?[:=]?\s*[`"']?(https?:\/\/[^\s`"'<>)]+)/i;

/** Base URLs the page states: "Base URL: https://api.x.com/v2", or the URLs listed under a "Servers" heading. */
function pageServers(blocks: Block[]): Fact<string>[] {
  const out: Fact<string>[] = [];
  let inServers = false;
  const take = (text: string, source: Source, listed: boolean): void => {
    const stated = BASE_URL_RE.exec(plain(text))?.[1];
    if (stated) addServer(out, stated.replace(/(?<![.,;])[.,;]+$/, ""), source, "prose");
    else if (listed) {
      const url = /(https?:\/\/[^\s`"'<>)]+)/.exec(plain(text))?.[1];
      if (url) addServer(out, url.replace(/(?<![.,;])[.,;]+$/, ""), source, "typed");
    }
  };
  for (const block of blocks) {
    if (block.kind === "heading") inServers = classifySection(block.text)?.kind === "servers";
    else if (block.kind === "text") {
      // Under a "Servers" heading, a line that is only a URL is a server (Redoc: a label, then its URL).
      block.lines.forEach((l) =>
        take(l.text, l.source, inServers && /^https?:\/\/\S+$/.test(plain(l.text).trim())),
      );
      // "Servers" as the last line of a paragraph, right above its list, heads that list.
      inServers = classifySection(block.lines.at(-1)?.text ?? "")?.kind === "servers";
    } else if (block.kind === "list") block.items.forEach((it) => take(it.text, it.source, inServers));
  }
  return out;
}

function blocksOf(page: Page, ctx: Ctx): { blocks: Block[]; title?: string } {
  const format = formatOf(page.text);
  if (format === "html") return htmlBlocks(page.text, ctx);
  return { blocks: format === "markdown" ? markdownBlocks(page.text, ctx) : plainTextBlocks(page.text, ctx) };
}

/** Curl commands before the first operation (an Authentication section) show the API's server and credentials. */
function readPreamble(blocks: Block[], fragment: PageFragment, ctx: Ctx): void {
  for (const block of blocks) {
    if (block.kind !== "code" || codeKind(block) !== "curl") continue;
    const curl = curlOf(block);
    if (!curl) continue;
    const server = serverFor(curl.url, undefined, ctx.bases);
    if (server) addServer(fragment.servers, server, block.source, "example");
    for (const hint of securityFromCurl(curl)) addSecurity(fragment.security, hint, block.source);
  }
}

function extract(page: Page): PageFragment {
  const ctx: Ctx = { file: page.file, warnings: [], bases: [] };
  const fragment = emptyPageFragment(page.file, genericExtractor.name);
  const read = blocksOf(page, ctx);
  const blocks = normalise(read.blocks);
  fragment.servers = pageServers(blocks);
  ctx.bases = fragment.servers.map((f) => f.value);
  // A page that ends mid-line was cut there (a saved capture ends with a newline).
  const found = scanAnchors(blocks, ctx.bases, !page.text.slice(page.text.trimEnd().length).includes("\n"));
  fragment.listedOperations = found.listed;
  const anchored = spansOf(blocks, findAnchors(found));
  const fieldsOnly = anchored.length === 0 ? fieldsOnlySpan(blocks) : undefined;
  const spans = fieldsOnly ? [fieldsOnly] : anchored;
  for (const span of spans) {
    const startBlock = blocks[span.start];
    const reader = new OperationReader(
      ctx,
      span,
      startBlock?.source ?? span.anchor?.source ?? { file: page.file },
    );
    for (let i = span.start; i < span.end; i++) {
      const block = blocks[i];
      if (block) reader.read(block, i);
    }
    fragment.operations.push(reader.finish());
  }
  readPreamble(blocks.slice(0, spans[0]?.start ?? blocks.length), fragment, ctx);
  const titleIndex = pageTitleIndex(blocks);
  const titleBlock =
    titleIndex !== undefined && titleIndex < (spans[0]?.start ?? blocks.length)
      ? blocks[titleIndex]
      : undefined;
  const title = titleBlock?.kind === "heading" ? titleBlock.text : read.title;
  if (title) fragment.title = title;
  fragment.warnings = ctx.warnings;
  return fragment;
}

export const genericExtractor: Extractor = {
  name: "generic",
  // The fallback: any specific extractor that recognises the page wins over it.
  detect: () => 0.05,
  extract,
};
