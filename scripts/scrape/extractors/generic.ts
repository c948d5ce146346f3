// The generic fallback extractor: reads the pages no specific extractor claims, whatever their layout.
// Every page (HTML, markdown or plain text) is first turned into one stream of blocks (headings, paragraphs,
// lists, tables, code); a single reader then finds the operations by their request lines
// ("GET /v1/things/{id}") or, when the page has none, by its curl commands, and reads the blocks between one
// operation and the next: parameter tables and lists, JSON examples, curl commands, prose.
// It never knows the site, so everything it reads is judged from the page's own structure and words.
import * as cheerio from "cheerio";
import type { AnyNode, Element, Text as DomText } from "domhandler";
import type { List, ListItem as MdListItem, PhrasingContent, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type {
  Diagnostic,
  Extractor,
  Fact,
  FieldFragment,
  HttpMethod,
  JsonSchema,
  ListedOperation,
  OperationFragment,
  Page,
  ParameterFragment,
  PageFragment,
  ParameterLocation,
  RequestBodyFragment,
  ResponseFragment,
  ReturnsHint,
  SecurityHint,
  Source,
  Strength,
} from "../fragment.ts";
import { STRENGTH_RANK, emptyOperation, emptyPageFragment, fact } from "../fragment.ts";
import { findJsonEnd, parseLenientJson, stripLineNumbers } from "../lenient-json.ts";
import { fieldsFromSchema } from "../schema-fields.ts";
import {
  joinContinuationLines,
  lineAt,
  parseCurl,
  parseMethod,
  splitUrl,
  toPathTemplate,
  type CurlCommand,
} from "../text.ts";
import { makeNullable, parseConstraints, parseTypePhrase, splitGluedField } from "../type-phrase.ts";

// ---------------------------------------------------------------------------------------------------------
// Blocks: the one structure all three page formats are read into. Inline text keeps a light markup
// (`code`, **bold**) because code spans and bold names carry meaning for field lists.
// ---------------------------------------------------------------------------------------------------------

interface Line {
  text: string;
  source: Source;
}
interface HeadingBlock {
  kind: "heading";
  text: string;
  depth: number;
  source: Source;
}
interface TextBlock {
  kind: "text";
  lines: Line[];
  source: Source;
}
interface Item {
  /** The item's first line or paragraph. */
  text: string;
  /** Its further lines; "" separates paragraphs. */
  rest: string[];
  children: Item[];
  source: Source;
}
interface ListBlock {
  kind: "list";
  items: Item[];
  source: Source;
}
interface Row {
  cells: string[];
  source: Source;
}
interface TableBlock {
  kind: "table";
  header: string[];
  rows: Row[];
  source: Source;
  /** False for space-aligned text tables, whose short rows are layout, not loss. */
  checkCells: boolean;
}
interface CodeBlock {
  kind: "code";
  lang: string;
  meta: string;
  text: string;
  source: Source;
  /** The page ends inside the block. */
  cut: boolean;
}
type Block = HeadingBlock | TextBlock | ListBlock | TableBlock | CodeBlock;

interface Ctx {
  file: string;
  warnings: Diagnostic[];
  /** The base URLs the page states, to tell the server from the path in example URLs. */
  bases: string[];
}

function warn(ctx: Ctx, source: Source, message: string): void {
  ctx.warnings.push({ file: ctx.file, ...(source.line !== undefined ? { line: source.line } : {}), message });
}

/** Removes the light markup kept in block text (`code`, **bold**, [links](url)) and collapses whitespace. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, "$1")
    .replace(/\*\*|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function textBlock(text: string, source: Source): TextBlock | undefined {
  const lines: Line[] = [];
  text.split("\n").forEach((raw, i) => {
    const t = raw.replace(/\s+/g, " ").trim();
    if (t === "") return;
    const line = source.line === undefined ? source : { ...source, line: source.line + i };
    lines.push({ text: t, source: line });
  });
  const first = lines[0];
  return first ? { kind: "text", lines, source: first.source } : undefined;
}

/** Says what was lost when the page ends inside a code block: a JSON example, a curl command, other code. */
function warnCutCode(ctx: Ctx, block: CodeBlock): void {
  const kind = codeKind(block);
  const what = kind === "json" ? "JSON example" : kind === "curl" ? "curl command" : "code block";
  warn(ctx, block.source, `unterminated ${what}: the page ends inside it (cut off); kept what could be read`);
}

/** A JSON value that starts at `start` (a bare `{ ... }` in prose), or undefined when it does not look like one. */
function bareJsonAt(text: string, start: number): { text: string; end: number; cut: boolean } | undefined {
  const head = text.slice(start, start + 120);
  const looksJson =
    /^\{\s*("[^"\n]*"\s*:|\}|$)/.test(head) || /^\[\s*("|-?\d|\{|\[|\]|true\b|false\b|null\b|$)/.test(head);
  if (!looksJson) return undefined;
  const end = findJsonEnd(text, start);
  const cut = end === -1;
  const stop = cut ? text.length : end;
  return { text: text.slice(start, stop), end: stop, cut };
}

// ---------------------------------------------------------------------------------------------------------
// Format sniffing
// ---------------------------------------------------------------------------------------------------------

type Format = "html" | "markdown" | "text";

function formatOf(text: string): Format {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (/^<(!doctype html|html|head|body|\?xml)\b/.test(head)) return "html";
  const tags = text.match(
    /<\/?(div|p|table|tr|td|th|h[1-6]|pre|ul|ol|li|section|article|dl|dt|dd)\b[^>]*>/gi,
  );
  if (head.startsWith("<") && (tags?.length ?? 0) >= 2) return "html";
  if (/^#{1,6}\s+\S/m.test(text) || /^\s*(```|~~~)/m.test(text) || /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(text)) {
    return "markdown";
  }
  return "text";
}

// ---------------------------------------------------------------------------------------------------------
// Markdown -> blocks (mdast with GFM: tables, lists, fences, headings)
// ---------------------------------------------------------------------------------------------------------

// Inline HTML tags that only format text; other inline "tags" ("<id>" in a path) are kept as written.
const FORMAT_TAG = /^<\/?(b|i|em|strong|code|span|a|sup|sub|small|kbd|u|s|mark|abbr)\b[^>]*>$/i;

function mdInline(nodes: PhrasingContent[]): string {
  return nodes.map(mdInlineNode).join("");
}

function mdInlineNode(node: PhrasingContent): string {
  switch (node.type) {
    case "text":
      return node.value;
    case "inlineCode":
      return "`" + node.value + "`";
    case "strong":
      return `**${mdInline(node.children)}**`;
    case "break":
      return "\n";
    case "image":
    case "imageReference":
      return node.alt ?? "";
    case "html":
      if (/^<br\s*\/?>$/i.test(node.value)) return "\n";
      return FORMAT_TAG.test(node.value) ? "" : node.value;
    default:
      return "children" in node ? mdInline(node.children as PhrasingContent[]) : "";
  }
}

function markdownBlocks(text: string, ctx: Ctx): Block[] {
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const out: Block[] = [];
  // A bare JSON example spans several mdast nodes (paragraphs, even lists); the nodes it covers are skipped.
  let consumedTo = -1;

  const visit = (node: RootContent): void => {
    const start = node.position?.start.offset ?? 0;
    if (start < consumedTo) return;
    const source: Source = { file: ctx.file, line: node.position?.start.line ?? 1 };
    switch (node.type) {
      case "heading":
        out.push({ kind: "heading", text: plain(mdInline(node.children)), depth: node.depth, source });
        return;
      case "paragraph": {
        const bare = bareJsonAt(text, start);
        if (bare) {
          consumedTo = bare.end;
          pushCode(out, ctx, {
            kind: "code",
            lang: "json",
            meta: "",
            text: bare.text,
            source,
            cut: bare.cut,
          });
          return;
        }
        const block = textBlock(mdInline(node.children), source);
        if (block) out.push(block);
        return;
      }
      case "list": {
        const extra: RootContent[] = [];
        out.push({ kind: "list", items: mdItems(node, ctx, extra), source });
        extra.forEach(visit);
        return;
      }
      case "table":
        out.push(mdTable(node, ctx, source));
        return;
      case "code": {
        const raw = text.slice(start, node.position?.end.offset ?? text.length);
        const fenced = /^\s*(`{3,}|~{3,})/.test(raw);
        const lastLine = raw.split("\n").at(-1) ?? "";
        const closed = raw.includes("\n") && /^\s*(`{3,}|~{3,})\s*$/.test(lastLine);
        const block: CodeBlock = {
          kind: "code",
          lang: node.lang ?? "",
          meta: node.meta ?? "",
          text: node.value,
          source,
          cut: fenced && !closed,
        };
        pushCode(out, ctx, block);
        return;
      }
      case "blockquote":
        node.children.forEach(visit);
        return;
      case "html": {
        const last = (node.position?.end.offset ?? 0) >= text.trimEnd().length;
        out.push(...htmlBlocks(node.value, ctx, { line: source.line ?? 1, last }).blocks);
        return;
      }
      default:
        return;
    }
  };
  tree.children.forEach(visit);
  return out;
}

function mdItems(list: List, ctx: Ctx, extra: RootContent[]): Item[] {
  return list.children.map((li: MdListItem) => {
    const item: Item = {
      text: "",
      rest: [],
      children: [],
      source: { file: ctx.file, line: li.position?.start.line ?? 1 },
    };
    for (const child of li.children) {
      if (child.type === "paragraph") {
        const text = mdInline(child.children);
        if (item.text === "") item.text = text.replace(/\s*\n\s*/g, " ");
        else item.rest.push("", ...text.split("\n"));
      } else if (child.type === "list") item.children.push(...mdItems(child, ctx, extra));
      else extra.push(child);
    }
    return item;
  });
}

function mdTable(table: Table, ctx: Ctx, source: Source): TableBlock {
  const rows: Row[] = table.children.map((row) => ({
    cells: row.children.map((cell) => mdInline(cell.children).replace(/\s+/g, " ").trim()),
    source: { file: ctx.file, line: row.position?.start.line ?? source.line ?? 1 },
  }));
  const [header, ...body] = rows;
  return { kind: "table", header: header?.cells ?? [], rows: body, source, checkCells: true };
}

function pushCode(out: Block[], ctx: Ctx, block: CodeBlock): void {
  if (block.cut) warnCutCode(ctx, block);
  out.push(block);
}

// ---------------------------------------------------------------------------------------------------------
// HTML -> blocks (cheerio/parse5 with source locations: a selector and a line for every fact)
// ---------------------------------------------------------------------------------------------------------

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "tr", "ul", "html",
]); // prettier-ignore
// Not content: scripts and styles; site navigation would list every endpoint of the site as operations.
const SKIP_TAGS = new Set([
  "script", "style", "noscript", "svg", "template", "head", "nav", "aside", "button", "select",
  "textarea", "iframe", "canvas",
]); // prettier-ignore
const CODE_TAGS = new Set(["code", "kbd", "tt", "samp"]);

function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1;
}

function textOf(node: AnyNode): string {
  if (node.nodeType === 3) return (node as DomText).data;
  return isElement(node) ? node.children.map(textOf).join("") : "";
}

/** A selector that finds the element again: the nearest id, then tag names with their rank among siblings. */
function cssPath(el: Element): string {
  const parts: string[] = [];
  let node: Element | undefined = el;
  while (node && node.name !== "html") {
    const id = node.attribs.id;
    if (id) {
      parts.unshift("#" + id.replace(/[^\w-]/g, (c) => `\\${c}`));
      break;
    }
    const name: string = node.name;
    const parent: AnyNode | null = node.parent;
    const same =
      parent && "children" in parent ? parent.children.filter((c) => isElement(c) && c.name === name) : [];
    parts.unshift(same.length > 1 ? `${name}:nth-of-type(${same.indexOf(node) + 1})` : name);
    node = parent && isElement(parent) ? parent : undefined;
  }
  return parts.join(" > ");
}

function htmlInline(node: AnyNode): string {
  if (node.nodeType === 3) return (node as DomText).data.replace(/\s+/g, " ");
  if (!isElement(node) || SKIP_TAGS.has(node.name)) return "";
  if (node.name === "br") return "\n";
  if (node.name === "img") return node.attribs.alt ?? "";
  if (CODE_TAGS.has(node.name)) {
    const code = textOf(node).replace(/\s+/g, " ").trim();
    return code ? "`" + code + "`" : "";
  }
  const inner = node.children.map(htmlInline).join("");
  if (node.name === "strong" || node.name === "b") return inner.trim() ? ` **${inner.trim()}** ` : "";
  return BLOCK_TAGS.has(node.name) ? `\n${inner}\n` : inner;
}

function inlineOf(nodes: AnyNode[]): string {
  return nodes
    .map(htmlInline)
    .join("")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

class HtmlReader {
  readonly blocks: Block[] = [];

  /**
   * `lineOffset` is set for HTML embedded in a markdown page: sources are then that page's lines. `mayBeCut`
   * is false for an embedded block the page goes on after, whose unclosed tags are the markdown's doing.
   */
  constructor(
    private readonly ctx: Ctx,
    private readonly lineOffset?: number,
    private readonly mayBeCut = true,
  ) {}

  source(el: Element, at: AnyNode = el): Source {
    const line = at.sourceCodeLocation?.startLine ?? el.sourceCodeLocation?.startLine;
    if (this.lineOffset !== undefined)
      return { file: this.ctx.file, line: this.lineOffset + (line ?? 1) - 1 };
    return { file: this.ctx.file, selector: cssPath(el), ...(line !== undefined ? { line } : {}) };
  }

  /** True when parse5 closed the element itself because the page ended inside it. */
  private unclosed(el: Element): boolean {
    const loc = el.sourceCodeLocation;
    return this.mayBeCut && loc !== undefined && loc !== null && loc.endTag === undefined;
  }

  walk(el: Element): void {
    const tag = el.name;
    if (SKIP_TAGS.has(tag)) return;
    if (/^h[1-6]$/.test(tag)) {
      const text = plain(inlineOf(el.children));
      if (text) this.blocks.push({ kind: "heading", text, depth: Number(tag[1]), source: this.source(el) });
    } else if (tag === "table") this.table(el);
    else if (tag === "pre") this.pre(el);
    else if (tag === "ul" || tag === "ol") this.list(el);
    else if (tag === "dl") this.definitions(el);
    else this.walkChildren(el);
  }

  /** Block children are walked; the inline runs between them become paragraphs. */
  walkChildren(parent: Element | AnyNode): void {
    if (!("children" in parent)) return;
    let run: AnyNode[] = [];
    const flush = (): void => {
      const first = run[0];
      if (first && isElement(parent)) {
        const block = textBlock(inlineOf(run), this.source(parent, first));
        if (block) this.blocks.push(block);
      }
      run = [];
    };
    for (const child of parent.children) {
      if (isElement(child) && (BLOCK_TAGS.has(child.name) || SKIP_TAGS.has(child.name))) {
        flush();
        this.walk(child);
      } else run.push(child);
    }
    flush();
  }

  private table(el: Element): void {
    const rows: Row[] = [];
    const collect = (node: Element): void => {
      for (const child of node.children) {
        if (!isElement(child)) continue;
        if (child.name === "tr") rows.push(this.row(child));
        else if (["thead", "tbody", "tfoot"].includes(child.name)) collect(child);
      }
    };
    collect(el);
    const [header, ...body] = rows;
    const block: TableBlock = {
      kind: "table",
      header: header?.cells ?? [],
      rows: body,
      source: this.source(el),
      checkCells: true,
    };
    if (this.unclosed(el))
      warn(this.ctx, block.source, "the page ends inside a table (cut off); kept its rows");
    this.blocks.push(block);
  }

  private row(tr: Element): Row {
    const cells: string[] = [];
    for (const cell of tr.children) {
      if (!isElement(cell) || (cell.name !== "td" && cell.name !== "th")) continue;
      cells.push(inlineOf(cell.children).replace(/\n/g, " "));
      // A spanning cell stands for several columns: keep the columns aligned with the header.
      const span = Number(cell.attribs.colspan ?? 1);
      for (let i = 1; i < span && i < 20; i++) cells.push("");
    }
    return { cells, source: this.source(tr) };
  }

  private pre(el: Element): void {
    const code = el.children.find((c): c is Element => isElement(c) && c.name === "code");
    const classes = `${el.attribs.class ?? ""} ${code?.attribs.class ?? ""}`;
    const lang =
      /(?:^|\s)(?:lang(?:uage)?-)([\w+#-]+)/.exec(classes)?.[1] ??
      /\b(json|http|bash|shell|curl)\b/.exec(classes)?.[1] ??
      "";
    const block: CodeBlock = {
      kind: "code",
      lang,
      meta: el.attribs["data-title"] ?? el.attribs.title ?? "",
      text: textOf(el).replace(/^\n/, "").trimEnd(),
      source: this.source(el),
      cut: this.unclosed(el),
    };
    pushCode(this.blocks, this.ctx, block);
  }

  private list(el: Element): void {
    const extra: Element[] = [];
    const items = this.items(el, extra);
    if (this.unclosed(el))
      warn(this.ctx, this.source(el), "the page ends inside a list (cut off); kept its items");
    if (items.length > 0) this.blocks.push({ kind: "list", items, source: this.source(el) });
    extra.forEach((e) => this.walk(e));
  }

  private items(list: Element, extra: Element[]): Item[] {
    return list.children
      .filter((c): c is Element => isElement(c) && c.name === "li")
      .map((li) => this.item(li, extra));
  }

  /** A list item: its first paragraph, its further paragraphs, its nested lists; code and tables go after the list. */
  private item(li: Element, extra: Element[]): Item {
    const item: Item = { text: "", rest: [], children: [], source: this.source(li) };
    const paragraphs: string[] = [];
    let run: AnyNode[] = [];
    const flush = (): void => {
      const text = inlineOf(run);
      if (text) paragraphs.push(text);
      run = [];
    };
    for (const child of li.children) {
      if (isElement(child) && (child.name === "ul" || child.name === "ol")) {
        flush();
        item.children.push(...this.items(child, extra));
      } else if (isElement(child) && ["pre", "table", "dl"].includes(child.name)) {
        flush();
        extra.push(child);
      } else if (isElement(child) && BLOCK_TAGS.has(child.name)) {
        flush();
        run = [child];
        flush();
      } else run.push(child);
    }
    flush();
    const [first, ...others] = paragraphs;
    item.text = (first ?? "").replace(/\n/g, " ");
    for (const p of others) item.rest.push("", ...p.split("\n"));
    return item;
  }

  /** A definition list: each <dt> is an item and its <dd>s the item's description. */
  private definitions(dl: Element): void {
    let items: Item[] = [];
    const flush = (): void => {
      if (items.length > 0) this.blocks.push({ kind: "list", items, source: this.source(dl) });
      items = [];
    };
    // HTML allows each <dt>/<dd> group to be wrapped in a <div>.
    const children = dl.children.flatMap((c) => (isElement(c) && c.name === "div" ? c.children : [c]));
    for (const child of children) {
      if (!isElement(child)) continue;
      if (child.name === "dt") {
        items.push({
          text: inlineOf(child.children).replace(/\n/g, " "),
          rest: [],
          children: [],
          source: this.source(child),
        });
      } else if (child.name === "dd") {
        items.at(-1)?.rest.push("", ...inlineOf(child.children).split("\n"));
      } else {
        flush();
        this.walk(child);
      }
    }
    flush();
  }
}

function htmlBlocks(
  html: string,
  ctx: Ctx,
  embedded?: { line: number; last: boolean },
): { blocks: Block[]; title?: string } {
  const $ = cheerio.load(html, { sourceCodeLocationInfo: true });
  const reader = new HtmlReader(ctx, embedded?.line, embedded?.last ?? true);
  const root = $.root()[0];
  if (root) reader.walkChildren(root);
  const title = $("title").first().text().replace(/\s+/g, " ").trim();
  return { blocks: reader.blocks, ...(title ? { title } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Plain text -> blocks (line by line: fences, curl commands, JSON, tables, bullets, headings, paragraphs)
// ---------------------------------------------------------------------------------------------------------

const FENCE = /^\s*(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;
const CURL_START = /^\s*\$?\s*curl\s/;
const BULLET = /^(\s*)([-*•+◦▪‣]|\d{1,3}[.)])\s+(.*)$/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const METHOD_ONLY = /^\s*(GET|POST|PUT|PATCH|DELETE|DEL|HEAD|OPTIONS)\s*$/;
const NUMBERED_JSON_START = /^\s*1\s?[{[]\s*$/;

interface TextScan {
  lines: string[];
  /** Character offset of each line, for the JSON bracket matcher. */
  offsets: number[];
  text: string;
  ctx: Ctx;
  out: Block[];
}

/** Each reader takes the block starting at line `i`, or returns undefined when the line does not start one. */
type LineReader = (scan: TextScan, i: number) => number | undefined;

function indentOf(line: string): number {
  return (/^\s*/.exec(line.replace(/\t/g, "    "))?.[0] ?? "").length;
}

function at(scan: TextScan, i: number): Source {
  return { file: scan.ctx.file, line: i + 1 };
}

function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith("|") ? t.length > 1 : (t.match(/\|/g)?.length ?? 0) >= 2;
}

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function startsJson(scan: TextScan, i: number): boolean {
  const line = scan.lines[i] ?? "";
  const t = line.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return false;
  return bareJsonAt(scan.text, (scan.offsets[i] ?? 0) + line.length - t.length) !== undefined;
}

function startsBlock(scan: TextScan, i: number): boolean {
  const line = scan.lines[i] ?? "";
  return (
    FENCE.test(line) ||
    CURL_START.test(line) ||
    BULLET.test(line) ||
    ATX.test(line) ||
    isPipeRow(line) ||
    NUMBERED_JSON_START.test(line) ||
    requestLineOf(line) !== undefined ||
    METHOD_ONLY.test(line) ||
    startsJson(scan, i)
  );
}

const readFence: LineReader = (scan, i) => {
  const m = FENCE.exec(scan.lines[i] ?? "");
  if (!m?.[1]) return undefined;
  const marker = m[1];
  const close = new RegExp(`^\\s*${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
  let j = i + 1;
  while (j < scan.lines.length && !close.test(scan.lines[j] ?? "")) j++;
  const cut = j >= scan.lines.length;
  pushCode(scan.out, scan.ctx, {
    kind: "code",
    lang: m[2] ?? "",
    meta: m[3] ?? "",
    text: scan.lines.slice(i + 1, j).join("\n"),
    source: at(scan, i),
    cut,
  });
  return j + 1;
};

const readCurl: LineReader = (scan, i) => {
  if (!CURL_START.test(scan.lines[i] ?? "")) return undefined;
  const { end } = joinContinuationLines(scan.lines, i);
  // A command whose last line still asks for a continuation was cut off with the page.
  const cut = end === scan.lines.length - 1 && /\\\s*$/.test(scan.lines[end] ?? "");
  const text = scan.lines.slice(i, end + 1).join("\n");
  pushCode(scan.out, scan.ctx, { kind: "code", lang: "shell", meta: "", text, source: at(scan, i), cut });
  return end + 1;
};

/** A JSON example from a code viewer that numbers its lines ("1{", "2  \"id\": 1", ...). */
const readNumberedJson: LineReader = (scan, i) => {
  if (!NUMBERED_JSON_START.test(scan.lines[i] ?? "") || !/^\s*2\b/.test(scan.lines[i + 1] ?? ""))
    return undefined;
  let j = i;
  while (j < scan.lines.length && Number(/^\s*(\d+)/.exec(scan.lines[j] ?? "")?.[1]) === j - i + 1) j++;
  const text = scan.lines.slice(i, j).join("\n");
  const body = stripLineNumbers(text);
  const cut = findJsonEnd(body, body.search(/[{[]/)) === -1 && j >= scan.lines.length;
  pushCode(scan.out, scan.ctx, { kind: "code", lang: "json", meta: "", text, source: at(scan, i), cut });
  return j;
};

const readBareJson: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  const t = line.trimStart();
  if (!t.startsWith("{") && !t.startsWith("[")) return undefined;
  const start = (scan.offsets[i] ?? 0) + line.length - t.length;
  const json = bareJsonAt(scan.text, start);
  if (!json) return undefined;
  pushCode(scan.out, scan.ctx, {
    kind: "code",
    lang: "json",
    meta: "",
    text: json.text,
    source: at(scan, i),
    cut: json.cut,
  });
  return lineAt(scan.text, Math.max(start, json.end - 1));
};

const readPipeTable: LineReader = (scan, i) => {
  if (!isPipeRow(scan.lines[i] ?? "")) return undefined;
  const rows: Row[] = [];
  let j = i;
  for (; j < scan.lines.length && isPipeRow(scan.lines[j] ?? ""); j++) {
    const line = scan.lines[j] ?? "";
    if (/^[\s|:+-]+$/.test(line)) continue; // the |---|---| separator
    rows.push({ cells: pipeCells(line), source: at(scan, j) });
  }
  const [header, ...body] = rows;
  if (!header) return j;
  scan.out.push({ kind: "table", header: header.cells, rows: body, source: header.source, checkCells: true });
  return j;
};

function alignedCells(line: string): string[] {
  return line
    .trim()
    .split(/\t+|\s{2,}/)
    .map((c) => c.trim());
}

/** A table laid out with tabs or runs of spaces; only taken when its header names a field column. */
const readAlignedTable: LineReader = (scan, i) => {
  const header = alignedCells(scan.lines[i] ?? "");
  const next = scan.lines[i + 1] ?? "";
  if (header.length < 2 || alignedCells(next).length < 2) return undefined;
  const cols = tableColumns(header);
  if (cols.name === undefined && cols.status === undefined) return undefined;
  const rows: Row[] = [];
  let j = i + 1;
  for (; j < scan.lines.length && (scan.lines[j] ?? "").trim() !== ""; j++) {
    const line = scan.lines[j] ?? "";
    if (/^[\s=+-]+$/.test(line)) continue;
    const cells = alignedCells(line);
    const last = rows.at(-1);
    // A one-cell line under a row is its description wrapping onto the next line.
    if (cells.length === 1 && last) last.cells[last.cells.length - 1] += " " + (cells[0] ?? "");
    else rows.push({ cells, source: at(scan, j) });
  }
  scan.out.push({ kind: "table", header, rows, source: at(scan, i), checkCells: false });
  return j;
};

/** Bullets, nested by indentation; indented lines under a bullet are its description. */
const readBullets: LineReader = (scan, i) => {
  const first = BULLET.exec(scan.lines[i] ?? "");
  if (!first) return undefined;
  const base = indentOf(scan.lines[i] ?? "");
  const roots: Item[] = [];
  const stack: { indent: number; item: Item }[] = [];
  let gap = false;
  let j = i;
  for (; j < scan.lines.length; j++) {
    const line = scan.lines[j] ?? "";
    if (line.trim() === "") {
      let k = j + 1;
      while (k < scan.lines.length && (scan.lines[k] ?? "").trim() === "") k++;
      const next = scan.lines[k];
      if (next === undefined || indentOf(next) < base || (indentOf(next) === base && !BULLET.test(next)))
        break;
      gap = true;
      continue;
    }
    const m = BULLET.exec(line);
    const indent = indentOf(line);
    if (m && !CURL_START.test(line)) {
      const item: Item = { text: m[3] ?? "", rest: [], children: [], source: at(scan, j) };
      while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
      (stack.at(-1)?.item.children ?? roots).push(item);
      stack.push({ indent, item });
      gap = false;
      continue;
    }
    while (stack.length > 1 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const owner = stack.at(-1);
    if (!owner || indent <= owner.indent) break;
    const target = owner.item;
    if (gap || target.rest.length > 0) target.rest.push(...(gap ? ["", line.trim()] : [line.trim()]));
    else target.text += " " + line.trim();
    gap = false;
  }
  scan.out.push({ kind: "list", items: roots, source: at(scan, i) });
  return j;
};

const readAtxHeading: LineReader = (scan, i) => {
  const m = ATX.exec(scan.lines[i] ?? "");
  if (!m?.[1]) return undefined;
  scan.out.push({ kind: "heading", text: plain(m[2] ?? ""), depth: m[1].length, source: at(scan, i) });
  return i + 1;
};

const readSetextHeading: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  const under = /^\s*(=+|-{3,})\s*$/.exec(scan.lines[i + 1] ?? "");
  if (!under?.[1] || line.trim() === "") return undefined;
  scan.out.push({
    kind: "heading",
    text: plain(line),
    depth: under[1].startsWith("=") ? 1 : 2,
    source: at(scan, i),
  });
  return i + 2;
};

/** A request line is a block of its own; "PATCH" on one line and the URL on the next is one request line. */
const readRequestLine: LineReader = (scan, i) => {
  const line = scan.lines[i] ?? "";
  if (requestLineOf(line)) {
    scan.out.push({ kind: "text", lines: [{ text: line.trim(), source: at(scan, i) }], source: at(scan, i) });
    return i + 1;
  }
  const word = METHOD_ONLY.exec(line)?.[1];
  const method = word ? parseMethod(word)?.toUpperCase() : undefined;
  const next = (scan.lines[i + 1] ?? "").trim();
  if (!method || !requestLineOf(`${method} ${next}`)) return undefined;
  const text = `${method} ${next}`;
  scan.out.push({ kind: "text", lines: [{ text, source: at(scan, i) }], source: at(scan, i) });
  return i + 2;
};

/** A short line standing alone, without closing punctuation, is a heading in a plain-text capture. */
function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 70 || /[.,;!?]$/.test(t) || !/^[A-Z0-9]/.test(t)) return false;
  if (t.split(/\s+/).length > 8 || /https?:\/\/|[{}=<>|`]/.test(t)) return false;
  // "Verifa-VersiondateOptional", "Limit (integer)": a field line, not a heading.
  const item: Item = { text: t, rest: [], children: [], source: { file: "" } };
  return gluedField(t) === undefined && !parseFieldItem(item, "params")?.typed;
}

const readParagraph: LineReader = (scan, i) => {
  let j = i + 1;
  while (j < scan.lines.length && (scan.lines[j] ?? "").trim() !== "" && !startsBlock(scan, j)) j++;
  const lines = scan.lines.slice(i, j);
  const only = lines.length === 1 ? (lines[0] ?? "") : undefined;
  if (only !== undefined && looksLikeHeading(only)) {
    const depth = /[a-z]/.test(only) ? 3 : 2;
    scan.out.push({ kind: "heading", text: plain(only), depth, source: at(scan, i) });
  } else {
    const block = textBlock(lines.join("\n"), at(scan, i));
    if (block) scan.out.push(block);
  }
  return j;
};

const LINE_READERS: LineReader[] = [
  readFence,
  readCurl,
  readNumberedJson,
  readBareJson,
  readPipeTable,
  readAlignedTable,
  readBullets,
  readAtxHeading,
  readRequestLine,
  readSetextHeading,
  readParagraph,
];

function plainTextBlocks(text: string, ctx: Ctx): Block[] {
  const lines = text.split("\n");
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const scan: TextScan = { lines, offsets, text, ctx, out: [] };
  let i = 0;
  while (i < lines.length) {
    if ((lines[i] ?? "").trim() === "") {
      i++;
      continue;
    }
    let next: number | undefined;
    for (const reader of LINE_READERS) {
      next = reader(scan, i);
      if (next !== undefined) break;
    }
    // Every reader that takes a line consumes it; the guard only protects against a reader bug looping.
    i = next !== undefined && next > i ? next : i + 1;
  }
  return scan.out;
}

// ---------------------------------------------------------------------------------------------------------
// Words: request lines, status codes, section headings
// ---------------------------------------------------------------------------------------------------------

interface RequestLine {
  method: HttpMethod;
  target: string;
  /** Text beside the request line ("— List things", "Create a thing: POST ..."), a title when no heading gives one. */
  title?: string;
}

const REQUEST_AT_START =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+((?:https?:\/\/[^\s/]+)?[/\\][^\s]*)(?:\s+HTTP\/[\d.]+)?(.*)$/;

/**
 * Reads "GET /v1/things/{id}", "`DELETE https://api.x.com/v2/things/:id`", "Endpoint: POST /things",
 * "GET /things — List things". Prose that merely mentions a request ("call GET /things to list them") is not
 * a request line: only a separator may follow the target.
 */
function requestLineOf(raw: string): RequestLine | undefined {
  let s = plain(raw).replace(/^[-*•+]\s+/, "");
  let label: string | undefined;
  const labelled =
    /^([A-Za-z][\w ()'’-]{0,40}?)\s*:\s*(?=(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s)/.exec(s);
  if (labelled) {
    label = labelled[1];
    s = s.slice(labelled[0].length);
  }
  const m = REQUEST_AT_START.exec(s);
  const method = m?.[1] ? parseMethod(m[1]) : undefined;
  if (!m?.[2] || !method) return undefined;
  const rest = (m[3] ?? "").trim();
  if (rest !== "" && !/^([—–:|(]|-\s)/.test(rest)) return undefined;
  const target = m[2].replace(/[.,;:)\]`'"]+$/, "");
  const beside = rest
    .replace(/^[—–:|-]\s*/, "")
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  const title =
    beside ||
    (label && !/^(endpoint|request|http request|url|method|route|definition)$/i.test(label) ? label : "");
  return { method, target, ...(title ? { title } : {}) };
}

/** A status code near a label: "200 OK", "404 Not Found", "Response 201", "status: 422", "HTTP/1.1 204". */
function statusIn(text: string): string | undefined {
  const reason = /\b([1-5]\d\d)\s*(?:[-–—:]\s*)?(?:OK|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)\b/.exec(text);
  if (reason?.[1]) return reason[1];
  const labelled =
    /\b(?:status(?: code)?|code|HTTP(?:\/[\d.]+)?|response|error)\s*[:(]?\s*([1-5]\d\d|[1-5]XX)\b/i.exec(
      text,
    );
  if (labelled?.[1]) return labelled[1].toUpperCase();
  return /^\s*\(?([1-5]\d\d)\)?:?\s*$/.exec(text)?.[1];
}

type SectionKind = ParameterLocation | "body" | "params" | "response" | "errors" | "ignore" | "servers";

interface SectionInfo {
  kind: SectionKind;
  status?: string;
}

/** What a heading (or a "Query parameters:" label) says the fields and examples under it are. */
function classifySection(raw: string): SectionInfo | undefined {
  const text = plain(raw).replace(/:$/, "");
  const t = text.toLowerCase();
  if (t === "" || t.split(" ").length > 6) return undefined;
  const status = statusIn(text);
  const withStatus = (kind: SectionKind): SectionInfo => (status ? { kind, status } : { kind });
  if (/\bresponse\b/.test(t) && /\bheaders?\b/.test(t)) return { kind: "ignore" };
  if (/\b(errors?|error codes|error responses)\b/.test(t)) return withStatus("errors");
  if (status || /\b(responses?|returns?|return value|result|output)\b/.test(t)) return withStatus("response");
  if (/\b(path|url|route) (param|parameter|variable|argument)s?\b/.test(t) || t === "path")
    return { kind: "path" };
  if (/\bquery\b/.test(t)) return { kind: "query" };
  if (/\b(headers?|authentication|authorization)\b/.test(t)) return { kind: "header" };
  if (/\bcookies?\b/.test(t)) return { kind: "cookie" };
  if (/\b(body|payload|form (data|fields|parameters))\b/.test(t)) return { kind: "body" };
  if (/\b(parameters?|params|arguments?|fields|properties|attributes|request|inputs?)\b/.test(t))
    return { kind: "params" };
  if (/\b(servers?|base urls?|hosts?|environments?)\b/.test(t)) return { kind: "servers" };
  return undefined;
}

/** Headings that name a part of an operation rather than the operation itself. */
function isSectionHeading(text: string): boolean {
  return (
    classifySection(text) !== undefined ||
    /^(examples?|sample|description|overview|usage|endpoint|definition|notes?|http request|try it)\b/i.test(
      text,
    )
  );
}

/** A location marker in a description: "in: query", "Location: header". */
function markedLocation(text: string): ParameterLocation | "body" | undefined {
  return locationOf(/\b(?:in|location)\s*:\s*(path|query|header|cookie|body)\b/i.exec(text)?.[1]);
}

function locationOf(word: string | undefined): ParameterLocation | "body" | undefined {
  const w = (word ?? "").trim().toLowerCase();
  if (/^(path|url|route)$/.test(w)) return "path";
  if (/^(query|querystring|query string)$/.test(w)) return "query";
  if (/^headers?$/.test(w)) return "header";
  if (/^cookies?$/.test(w)) return "cookie";
  if (/^(body|form|formdata|json)$/.test(w)) return "body";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Fields: type cells, field list items, table rows
// ---------------------------------------------------------------------------------------------------------

interface FieldSpec {
  /** As written; dots nest body and response properties. */
  name: string;
  schema?: JsonSchema;
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  location?: ParameterLocation | "body";
  /** A type was stated; otherwise the field is only named (prose strength). */
  typed: boolean;
}

interface TypeInfo {
  schema?: JsonSchema;
  required?: boolean;
  deprecated?: boolean;
  nullable?: boolean;
  location?: ParameterLocation | "body";
  /** Tokens that were neither a type, a flag, a location nor a constraint. */
  leftover: number;
}

const FLAG_WORDS = /\b(required|optional|deprecated|nullable|read[- ]?only|write[- ]?only)\b/gi;

function setFlag(info: { required?: boolean; deprecated?: boolean; nullable?: boolean }, word: string): void {
  const w = word.toLowerCase();
  if (w === "required") info.required = true;
  else if (w === "optional") info.required = false;
  else if (w === "deprecated") info.deprecated = true;
  else if (w === "nullable") info.nullable = true;
}

/** One type phrase: "string", "string | null", "integer?", "list of strings", "string | number". */
function typeOf(raw: string): JsonSchema | undefined {
  let t = raw.trim().toLowerCase();
  let nullable = false;
  if (t.endsWith("?")) {
    nullable = true;
    t = t.slice(0, -1);
  }
  const parts = t.split(/\s*\|\s*/).filter((p) => p !== "");
  if (parts.includes("null")) nullable = true;
  const types = parts.filter((p) => p !== "null");
  let schema: JsonSchema | undefined;
  if (types.length === 1) schema = parseTypePhrase(types[0] ?? "");
  else if (types.length > 1) {
    const each = types.map((p) => parseTypePhrase(p));
    if (each.some((s) => s === undefined)) return undefined;
    const simple = each.every((s) => s && Object.keys(s).length === 1 && typeof s.type === "string");
    schema = simple ? { type: each.map((s) => s?.type) } : { anyOf: each };
  }
  if (!schema) return undefined;
  return nullable ? makeNullable(schema) : schema;
}

/** `"a" | "b"` or `'a', 'b'`: a type written as its values. */
function literalUnion(raw: string): JsonSchema | undefined {
  if (!/^\s*(["'`])[^"'`]*\1(?:\s*(?:\||,|or)\s*(["'`])[^"'`]*\2)+\s*$/.test(raw)) return undefined;
  const values = [...raw.matchAll(/(["'`])([^"'`]*)\1/g)].map((m) => m[2] ?? "");
  return { type: "string", enum: values };
}

/** Turns "12" into 12 for an integer field, "true" into true for a boolean; strips quotes otherwise. */
function coerce(raw: string, schema: JsonSchema | undefined): unknown {
  const v = raw.trim().replace(/^(["'`])(.*)\1$/, "$2");
  const types = Array.isArray(schema?.type) ? (schema?.type as string[]) : [schema?.type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (types.includes("boolean") && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return v;
}

/** Keeps the format a second token adds ("integer (int64)") when it names the same type. */
function addFormat(schema: JsonSchema, extra: JsonSchema): void {
  if (typeof extra.format === "string" && schema.format === undefined && extra.type === schema.type) {
    schema.format = extra.format;
  }
}

/**
 * Reads a type cell or a parenthesised group: "string", "integer (int64), optional", "string, required",
 * "in: path type: string", "Array<string>", "query, integer, default 10", "`\"a\" | \"b\"`".
 */
function parseTypeCell(raw: string): TypeInfo {
  const info: TypeInfo = { leftover: 0 };
  const literal = literalUnion(raw) ?? literalUnion(raw.replace(/^\s*`|`\s*$/g, ""));
  if (literal) return { ...info, schema: literal };
  let t = plain(raw)
    .replace(/\b(?:in|location)\s*[:=]\s*(\w+)/i, (_, w: string) => {
      info.location = locationOf(w);
      return ",";
    })
    .replace(/\btype\s*[:=]\s*/i, ",")
    .replace(/\b(list|array|set)\s*[[<]\s*([^\]>]+?)\s*[\]>]/gi, "list of $2")
    .replace(/\s*<([\w-]+)>/g, ", $1");
  // Brackets group like commas, except the "[]" of an array type ("string[]").
  t = t.replace(/[()]|\[(?!\])|(?<!\[)\]/g, ",");
  let defaultText: string | undefined;
  const constraints: JsonSchema = {};
  for (const token of t.split(/[,;·]/)) {
    const tok = token
      .replace(FLAG_WORDS, (w) => {
        setFlag(info, w);
        return " ";
      })
      .trim();
    if (tok === "") continue;
    // Only the location words themselves: "url" and "json" in a type cell are types, not locations.
    const where = /^(?:in\s+)?(path|query|header|cookie|body|formdata)$/i.test(tok)
      ? locationOf(tok.replace(/^in\s+/i, ""))
      : undefined;
    const def = /^default(?:s to| value)?\s*[:=]?\s*(.+)$/i.exec(tok);
    const schema = typeOf(tok);
    if (where) info.location = where;
    else if (def?.[1]) defaultText = def[1];
    else if (schema) {
      if (!info.schema) info.schema = schema;
      else addFormat(info.schema, schema);
    } else {
      const found = parseConstraints(tok, info.schema ?? {});
      if (Object.keys(found).length > 0) Object.assign(constraints, found);
      else info.leftover++;
    }
  }
  if (info.schema) {
    if (info.nullable) info.schema = makeNullable(info.schema);
    Object.assign(info.schema, constraints);
    if (defaultText !== undefined) info.schema.default = coerce(defaultText, info.schema);
  }
  return info;
}

function requiredCell(raw: string): boolean | undefined {
  const t = plain(raw).toLowerCase();
  if (/^(yes|y|true|required|mandatory|✓|✔|✔️|✅|x|\*)$/.test(t)) return true;
  if (/^(no|n|false|optional|-|–|—)$/.test(t)) return false;
  if (/\bnot required\b/.test(t)) return false;
  if (/\brequired\b/.test(t)) return true;
  if (/\boptional\b/.test(t)) return false;
  return undefined;
}

/** A description in plain text, with the flags docs put in front of it ("Required. The id") taken out. */
function describe(raw: string): { description?: string; required?: boolean; deprecated?: boolean } {
  let t = plain(raw);
  const out: { description?: string; required?: boolean; deprecated?: boolean } = {};
  for (;;) {
    // "Required. The id", "(optional) The id"; but "Optional settings for…" is a sentence.
    const flag =
      /^(?:\((required|optional|deprecated)\)|(required|optional|deprecated)(?:[.:,;—–-]|$))\s*/i.exec(t);
    const word = flag?.[1] ?? flag?.[2];
    if (!flag || !word) break;
    setFlag(out, word);
    t = t.slice(flag[0].length);
  }
  if (t) out.description = t;
  return out;
}

const ENUM_INTRO =
  /\b(?:(?:must|can) be one of|one of|(?:possible|allowed|accepted|valid|supported)(?: enum)? values(?: are| include)?|enum values|(either))\s*:?\s*/i;

/**
 * Values listed in a sentence: "One of `a`, `b` or `c`.", "Allowed values: draft, live", "Either `x` or `y`".
 * After a loose intro ("either") only code-formatted values count: "either a string or null" lists none.
 */
function enumFromText(text: string, schema: JsonSchema | undefined): unknown[] | undefined {
  const m = ENUM_INTRO.exec(text);
  if (!m) return undefined;
  const tail = text.slice(m.index + m[0].length);
  const sentence = tail.split(/(?<=[^\s`])\.(?:\s|$)/)[0] ?? "";
  const ticked = [...sentence.matchAll(/`([^`]+)`/g)].map((x) => x[1] ?? "");
  let values = ticked;
  if (values.length === 0) {
    if (m[1]) return undefined;
    values = sentence
      .split(/\s*,\s*|\s+or\s+|\s+and\s+|\s*\|\s*/)
      .map((v) => v.trim().replace(/^["']|["']$/g, ""))
      .filter((v) => v !== "");
    if (values.length > 12 || values.some((v) => !/^[\w.:/+-]+$/.test(v))) return undefined;
  }
  if (values.length < 2) return undefined;
  return [...new Set(values.map((v) => coerce(v, schema)))];
}

/** Values listed one per line after "Possible enum values" in a field's description lines. */
function enumFromLines(lines: string[]): string[] | undefined {
  const intro = lines.findIndex((l) =>
    /(possible|allowed|accepted|valid|supported)( enum)? values:?\s*$|^one of:?$/i.test(plain(l)),
  );
  if (intro === -1) return undefined;
  const values = lines
    .slice(intro + 1)
    .map((l) => plain(l))
    .filter((l) => /^[\w.:/+-]+$/.test(l));
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** Adds what the description states to the schema: enum values, a default, length and range limits. */
function enrichSchema(
  schema: JsonSchema | undefined,
  description: string,
  lines: string[] = [],
): JsonSchema | undefined {
  const values = enumFromText(description, schema) ?? enumFromLines(lines);
  const found = parseConstraints(description, schema ?? {});
  // "Default: 2", "default is `draft`", 'default "active"' (parseConstraints reads "Defaults to x").
  const stated =
    /\bdefault(?: is| value(?: is)?)?:?\s*(`[^`]+`|"[^"]+"|'[^']+')/i.exec(description)?.[1] ??
    /\bdefault(?: value)?:\s*([^\s,;`"']+?)\.?(?=\s|$|[,;])/i.exec(description)?.[1];
  if (stated && found.default === undefined) found.default = coerce(stated, schema);
  if (!values && Object.keys(found).length === 0) return schema;
  const out: JsonSchema = { ...(schema ?? {}) };
  if (values && out.enum === undefined) {
    if (out.type === "array" && typeof out.items === "object" && out.items !== null)
      out.items = { ...out.items, enum: values };
    else out.enum = values;
  }
  for (const [k, v] of Object.entries(found)) if (out[k] === undefined) out[k] = v;
  return out;
}

interface NameLead {
  name: string;
  rest: string;
  required?: boolean;
}

const NAME_LEAD = /^\s*(\*\*|__)?(`)?([A-Za-z_$@][\w$@.-]*(?:\[[\w.-]*\])*)(`)?(\*\*|__)?/;

/** The field name at the start of an item or cell: `name`, **name**, name*, name?, options.document, expand[]. */
function parseNameLead(text: string): NameLead | undefined {
  const m = NAME_LEAD.exec(text);
  const name = m?.[3]?.replace(/[.-]+$/, "");
  if (!m || !name) return undefined;
  let rest = text.slice(m[0].length);
  if (rest !== "" && !/^[\s([:,—–?*]/.test(rest)) return undefined;
  let required: boolean | undefined;
  const marker = /^(\*|\?)(?=[\s:(`]|$)/.exec(rest);
  if (marker) {
    required = marker[1] === "*";
    rest = rest.slice(1);
  }
  return { name, rest, ...(required !== undefined ? { required } : {}) };
}

function applyInfo(spec: FieldSpec, info: TypeInfo): void {
  if (info.schema && !spec.schema) spec.schema = info.schema;
  if (info.required !== undefined && spec.required === undefined) spec.required = info.required;
  if (info.deprecated) spec.deprecated = true;
  if (info.location && !spec.location) spec.location = info.location;
}

/** Reads a type written right after a name: "`string`", "integer, optional.", "list of strings — ...". */
function takeType(text: string, spec: FieldSpec): string {
  const r = text.trimStart();
  const code = /^`([^`]+)`/.exec(r);
  if (code?.[1]) {
    const info = parseTypeCell(code[1]);
    if (info.schema && info.leftover === 0) {
      applyInfo(spec, info);
      return r.slice(code[0].length);
    }
  }
  // The longest run of up to six words that reads as a type and is followed by a separator, a flag or the end.
  const words = [...r.matchAll(/\S+/g)];
  for (let k = Math.min(6, words.length); k >= 1; k--) {
    const last = words[k - 1];
    if (!last) continue;
    const end = (last.index ?? 0) + last[0].length;
    let candidate = r.slice(0, end);
    let tail = r.slice(end);
    const trail = /[,;:.]+$/.exec(candidate);
    if (trail) {
      candidate = candidate.slice(0, -trail[0].length);
      tail = trail[0] + tail;
    }
    if (!/^\s*($|[,;:.(—–]|-\s|(required|optional|deprecated|nullable)\b)/i.test(tail)) continue;
    const info = parseTypeCell(candidate);
    if (info.schema && info.leftover === 0) {
      applyInfo(spec, info);
      return tail;
    }
  }
  return r;
}

/** Index of the bracket closing the one at `r[0]`, or the end of the text. */
function closingBracket(r: string): number {
  const open = r[0];
  const close = open === "(" ? ")" : "]";
  let depth = 0;
  for (let i = 0; i < r.length; i++) {
    if (r[i] === open) depth++;
    else if (r[i] === close && --depth === 0) return i;
  }
  return r.length;
}

/** What follows a field's name: a (type, flags) group, ": type — description", `type` flags. Description. */
function readAfterName(rest: string, spec: FieldSpec): { description: string; structured: boolean } {
  let r = rest.trim();
  let structured = false;
  if (r.startsWith("(") || r.startsWith("[")) {
    const close = closingBracket(r);
    applyInfo(spec, parseTypeCell(r.slice(1, close)));
    r = r.slice(close + 1);
    structured = true;
  } else if (/^(:|[—–]|-\s)/.test(r)) {
    r = takeType(r.replace(/^(:|[—–]|-\s)\s*/, ""), spec);
    structured = true;
  } else r = takeType(r, spec);
  for (;;) {
    const flag = /^\s*[,(]?\s*(required|optional|deprecated|nullable)\b\s*\)?/i.exec(r);
    if (!flag?.[1]) break;
    if (flag[1].toLowerCase() === "nullable" && spec.schema) spec.schema = makeNullable(spec.schema);
    else setFlag(spec, flag[1]);
    r = r.slice(flag[0].length);
    structured = true;
  }
  if (/^\s*([—–:;,.]|-\s)/.test(r)) structured = true;
  return { description: r.replace(/^\s*(?:[—–:;,.]|-(?=\s))\s*/, ""), structured };
}

/** Field names that read as identifiers, not as the first word of a sentence ("Note: ..."). */
function identifierLike(name: string): boolean {
  return (
    /[_.[\]-]/.test(name) || /^[a-z$@]/.test(name) || /[a-z][A-Z]/.test(name) || /^[A-Z0-9_]+$/.test(name)
  );
}

/**
 * Reads a field list item: "`name` (string, required): description", "name (integer) - description",
 * "name: string — description", "**name** `string` optional. Desc", and captures that glue the name to its
 * type ("metadataobject", "external_refstringOptional<=255 characters").
 * Untyped items are fields only under a field section heading.
 */
function parseFieldItem(item: Item, section: SectionKind | undefined): FieldSpec | undefined {
  const text = item.text.trim();
  const lead = parseNameLead(text);
  let spec: FieldSpec | undefined;
  let description = "";
  let structured = false;
  if (lead) {
    spec = {
      name: lead.name,
      typed: false,
      ...(lead.required !== undefined ? { required: lead.required } : {}),
    };
    ({ description, structured } = readAfterName(lead.rest, spec));
  }
  const glued = gluedField(text);
  if (glued && (!spec?.schema || /^[A-Z]/.test(glued.rest))) {
    const { rest, ...found } = glued;
    spec = found;
    description = rest;
    structured = true;
  }
  if (!spec) return undefined;
  spec.typed = spec.schema !== undefined;
  const fieldSection = section !== undefined && !["errors", "ignore", "servers"].includes(section);
  if (!spec.typed) {
    const named = structured || spec.required !== undefined;
    if (!named || !fieldSection || (!identifierLike(spec.name) && section !== "header")) return undefined;
  }
  const restDescription =
    item.rest
      .join("\n")
      .split(/\n\s*\n/)
      .map(plain)
      .find(Boolean) ?? "";
  const said = describe(description || restDescription);
  if (said.required !== undefined && spec.required === undefined) spec.required = said.required;
  if (said.deprecated) spec.deprecated = true;
  if (said.description) spec.description = said.description;
  spec.location ??= markedLocation(said.description ?? "");
  const allText = [description, ...item.rest].join(" ");
  const schema = enrichSchema(spec.schema, allText.replace(/\s+/g, " "), item.rest);
  if (schema) spec.schema = schema;
  return spec;
}

/** "metadataobject", "client_reference_idstringA string to…": a capture that lost the space after the name. */
function gluedField(text: string): (FieldSpec & { schema: JsonSchema; rest: string }) | undefined {
  const g = splitGluedField(plain(text));
  // "Update" is not "Up" + date: a glued name must read as an identifier.
  if (!g?.schema || g.name.length < 2 || /[_.-]$/.test(g.name) || !identifierLike(g.name)) return undefined;
  const spec: FieldSpec & { schema: JsonSchema; rest: string } = {
    name: g.name,
    schema: { ...g.schema },
    typed: true,
    rest: g.rest,
  };
  // Captures run flags and limits into the text: "Optional<=255 characters", "RequiredDefaults to snake".
  for (;;) {
    const flag = /^(Required|Optional|Deprecated)/.exec(spec.rest);
    const limit = /^(<=|>=|<|>)\s*-?\d+(\.\d+)?\s*(characters?|items?)?/.exec(spec.rest);
    if (flag?.[1]) {
      setFlag(spec, flag[1]);
      spec.rest = spec.rest.slice(flag[1].length);
    } else if (limit) {
      Object.assign(spec.schema, parseConstraints(limit[0], spec.schema));
      spec.rest = spec.rest.slice(limit[0].length);
    } else break;
    spec.rest = spec.rest.trimStart();
  }
  return spec;
}

interface Columns {
  name?: number;
  type?: number;
  required?: number;
  description?: number;
  in?: number;
  default?: number;
  values?: number;
  status?: number;
}

function columnRole(cell: string): keyof Columns | undefined {
  const t = plain(cell)
    .toLowerCase()
    .replace(/[:?*]$/, "")
    .trim();
  if (/^(in|location|param(eter)? ?type|placement|where)$/.test(t)) return "in";
  if (/^(http )?(status|status code|code|http code|response code)$/.test(t)) return "status";
  if (/^(\w+ )?(name|param|parameter|field|property|key|attribute|argument|header)s?( name)?$/.test(t))
    return "name";
  if (/^(data ?type|type|schema|format|value type|kind)$/.test(t)) return "type";
  if (/^(required|req\.?|mandatory|optional|presence|required\/optional)$/.test(t)) return "required";
  if (/^(description|desc|details|notes?|comments?|meaning|explanation|purpose|info|summary)$/.test(t))
    return "description";
  if (/^default( value)?$/.test(t)) return "default";
  if (/^((allowed|possible|accepted|valid|supported) values|values|enum|enum values|options)$/.test(t))
    return "values";
  return undefined;
}

function tableColumns(header: string[]): Columns {
  const cols: Columns = {};
  header.forEach((cell, i) => {
    const role = columnRole(cell);
    if (role && cols[role] === undefined) cols[role] = i;
  });
  return cols;
}

/** One row of a parameter table, read through the columns its header names. */
function rowSpec(row: Row, cols: Columns): FieldSpec | undefined {
  const cell = (i: number | undefined): string => (i === undefined ? "" : (row.cells[i] ?? ""));
  const lead = parseNameLead(cell(cols.name));
  if (!lead) return undefined;
  const spec: FieldSpec = { name: lead.name, typed: true };
  // Without a type column the name cell may carry the type: "id (string, required)".
  const nameInfo = parseTypeCell(lead.rest);
  applyInfo(spec, cols.type !== undefined ? parseTypeCell(cell(cols.type)) : nameInfo);
  const said = describe(cell(cols.description));
  spec.required =
    requiredCell(cell(cols.required)) ?? spec.required ?? lead.required ?? nameInfo.required ?? said.required;
  if (nameInfo.deprecated || said.deprecated) spec.deprecated = true;
  spec.location =
    locationOf(plain(cell(cols.in))) ??
    spec.location ??
    nameInfo.location ??
    markedLocation(said.description ?? "");
  if (said.description) spec.description = said.description;
  let schema = spec.schema;
  const def = plain(cell(cols.default));
  if (def && def !== "-") schema = { ...(schema ?? {}), default: coerce(def, schema) };
  const values = cell(cols.values);
  const listed = values ? enumFromText(`one of ${values}`, schema) : undefined;
  if (listed) schema = { ...(schema ?? {}), enum: listed };
  schema = enrichSchema(schema, said.description ?? "");
  if (schema) spec.schema = schema;
  else delete spec.schema;
  if (spec.required === undefined) delete spec.required;
  if (spec.location === undefined) delete spec.location;
  return spec;
}

// ---------------------------------------------------------------------------------------------------------
// Normalising blocks: request lines start their own block; index lists become listed operations
// ---------------------------------------------------------------------------------------------------------

/** A paragraph holding several request lines ("GET /a\nLists a.\nPOST /a") is one block per request line. */
function splitAtRequestLines(block: TextBlock): TextBlock[] {
  const out: TextBlock[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    const first = current[0];
    if (first) out.push({ kind: "text", lines: current, source: first.source });
    current = [];
  };
  for (const line of block.lines) {
    if (requestLineOf(line.text) && current.length > 0) flush();
    current.push(line);
  }
  flush();
  return out;
}

/** A list whose items are operations with their fields nested under them is unrolled into blocks. */
function unrollOperationItems(block: ListBlock): Block[] {
  const documented = block.items.some(
    (it) => requestLineOf(it.text) && (it.children.length > 0 || it.rest.some((l) => l.trim() !== "")),
  );
  if (!documented) return [block];
  const out: Block[] = [];
  let pending: Item[] = [];
  const flush = (): void => {
    const first = pending[0];
    if (first) out.push({ kind: "list", items: pending, source: first.source });
    pending = [];
  };
  for (const item of block.items) {
    if (!requestLineOf(item.text)) {
      pending.push(item);
      continue;
    }
    flush();
    out.push({ kind: "text", lines: [{ text: item.text, source: item.source }], source: item.source });
    const rest = textBlock(item.rest.join("\n"), item.source);
    if (rest) out.push(rest);
    pending = item.children;
    flush();
  }
  flush();
  return out;
}

function normalise(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => {
    if (b.kind === "text") return splitAtRequestLines(b);
    if (b.kind === "list") return unrollOperationItems(b);
    return [b];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Code blocks: what kind of example they are
// ---------------------------------------------------------------------------------------------------------

type CodeKind = "curl" | "http-request" | "http-response" | "headers" | "index" | "json" | "other";

const HEADER_LINE = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/;

function codeKind(block: CodeBlock): CodeKind {
  const text = block.text.trim();
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const first = lines[0] ?? "";
  if (/^\$?\s*curl\s/.test(first)) return "curl";
  if (/^HTTP\/[\d.]+\s+\d{3}/.test(first)) return "http-response";
  if (lines.length > 1 && lines.every((l) => requestLineOf(l))) return "index";
  if (requestLineOf(first)) return "http-request";
  if (/^(json|jsonc|json5)$/i.test(block.lang) || /^[[{]/.test(stripLineNumbers(text).trim())) return "json";
  // Header lines only ("Authorization: Bearer …"), told apart from YAML by the language and hyphenated names.
  const headerNames = lines.map((l) => HEADER_LINE.exec(l.trim())?.[1]);
  const plainLang = /^(|http|text|txt|plaintext)$/i.test(block.lang);
  if (
    plainLang &&
    headerNames.every((n) => n !== undefined) &&
    headerNames.some((n) => n && /^(authorization|[\w]+-[\w-]+)$/i.test(n))
  ) {
    return "headers";
  }
  return "other";
}

/** The curl command of a code block, joined across its continuation lines. */
function curlOf(block: CodeBlock): CurlCommand | undefined {
  return parseCurl(joinContinuationLines(block.text.trim().split("\n"), 0).command);
}

interface HttpMessage {
  start: string;
  headers: { name: string; value: string }[];
  body: string;
}

function splitHttpMessage(text: string): HttpMessage {
  const lines = text.trim().split("\n");
  const headers: { name: string; value: string }[] = [];
  let i = 1;
  for (; i < lines.length && (lines[i] ?? "").trim() !== ""; i++) {
    const m = HEADER_LINE.exec((lines[i] ?? "").trim());
    if (m?.[1]) headers.push({ name: m[1], value: (m[2] ?? "").trim() });
  }
  return { start: lines[0] ?? "", headers, body: lines.slice(i).join("\n").trim() };
}

/** What a request header in an example says about authentication. */
function securityFromHeader(name: string, value: string): SecurityHint | undefined {
  if (/^authorization$/i.test(name)) {
    if (/^bearer\b/i.test(value)) return { type: "http", scheme: "bearer" };
    if (/^basic\b/i.test(value)) return { type: "http", scheme: "basic" };
    return { type: "apiKey", in: "header", name };
  }
  if (/key|token|auth|secret/i.test(name) && !/^(content-|accept|idempotency|x-idempotency)/i.test(name)) {
    return { type: "apiKey", in: "header", name };
  }
  return undefined;
}

function isJsonSchema(value: unknown): value is JsonSchema {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const props = v.properties;
  if (typeof v.$schema === "string") return true;
  if (typeof props !== "object" || props === null || Array.isArray(props)) return false;
  return (
    v.type === "object" ||
    Object.values(props).some((p) => typeof p === "object" && p !== null && ("type" in p || "$ref" in p))
  );
}

function segments(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

function isParam(segment: string): boolean {
  return /^\{[^}]+\}$/.test(segment);
}

/**
 * Matches a concrete URL path against a path template by its tail ("/v2/things/th_1" against
 * "/things/{id}") and returns the part before the match ("/v2"), or undefined when they differ.
 */
function matchTail(urlPath: string, template: string): string | undefined {
  const u = segments(urlPath);
  const t = segments(template);
  if (u.length < t.length) return undefined;
  const offset = u.length - t.length;
  for (let i = 0; i < t.length; i++) {
    const a = t[i] ?? "";
    const b = u[offset + i] ?? "";
    if (!isParam(a) && !isParam(b) && a !== b) return undefined;
  }
  return u
    .slice(0, offset)
    .map((s) => `/${s}`)
    .join("");
}

/**
 * The server of an example URL: the URL minus the documented path; when the path does not match, the stated
 * base URL the URL starts with, else the URL's origin.
 */
function serverFor(url: string, template: string | undefined, bases: string[]): string | undefined {
  const parts = splitUrl(url);
  if (!parts) return undefined;
  const prefix = template ? matchTail(parts.path.replace(/[?#].*$/, ""), template) : undefined;
  if (prefix !== undefined) return parts.server + prefix;
  return bases.find((b) => url.startsWith(b + "/")) ?? parts.server;
}

/** "a[b][c]" -> ["a", "b", "c"]; "expand[]" stays as written, as parameter tables write it. */
function formKeyPath(key: string): string[] {
  const m = /^([^[\]]+)((?:\[[^\]]+\])+)$/.exec(key);
  if (!m?.[1] || !m[2]) return [key];
  return [m[1], ...[...m[2].matchAll(/\[([^\]]+)\]/g)].map((x) => x[1] ?? "")];
}

// ---------------------------------------------------------------------------------------------------------
// Anchors: where operations are, and the span of blocks each one reads
// ---------------------------------------------------------------------------------------------------------

interface Anchor {
  block: number;
  method: HttpMethod;
  path: string;
  server?: string;
  source: Source;
  strength: Strength;
  title?: string;
  /** Shown by an example (curl, HTTP message): its path may hold concrete ids instead of parameters. */
  example: boolean;
}

interface Span {
  anchor: Anchor;
  start: number;
  end: number;
  title?: { text: string; source: Source };
}

/** Splits a target into path template and server, using the page's base URLs to find where the path starts. */
function resolveTarget(target: string, bases: string[]): { path: string; server?: string } | undefined {
  if (!/^https?:\/\//i.test(target)) return { path: toPathTemplate(target) };
  const parts = splitUrl(target);
  if (!parts) return undefined;
  const full = parts.server + parts.path;
  const base = bases.find((b) => full.startsWith(b + "/"));
  if (base) return { path: toPathTemplate(full.slice(base.length)), server: base };
  return { path: toPathTemplate(parts.path), server: parts.server };
}

function lineAnchor(
  block: number,
  hit: RequestLine,
  source: Source,
  bases: string[],
  shown: { strength: Strength; example: boolean },
): Anchor | undefined {
  const resolved = resolveTarget(hit.target, bases);
  if (!resolved) return undefined;
  return {
    block,
    method: hit.method,
    path: resolved.path,
    ...(resolved.server ? { server: resolved.server } : {}),
    source,
    strength: shown.strength,
    ...(hit.title ? { title: hit.title } : {}),
    example: shown.example,
  };
}

const STATED = { strength: "typed", example: false } as const;
const EXAMPLE = { strength: "example", example: true } as const;

/** Request lines found in one table row: in one cell, or a method cell beside a path cell. */
function rowRequestLine(row: Row): RequestLine | undefined {
  for (const cell of row.cells) {
    const hit = requestLineOf(cell);
    if (hit) return hit;
  }
  const method = row.cells
    .map((c) => plain(c))
    .find((c) => /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(c));
  const path = row.cells.map((c) => plain(c)).find((c) => /^(https?:\/\/\S+|\/\S*)$/.test(c));
  if (!method || !path) return undefined;
  const hit = requestLineOf(`${method} ${path}`);
  const title = row.cells.map((c) => plain(c)).find((c) => c !== method && c !== path && c !== "");
  return hit && title ? { ...hit, title } : hit;
}

interface Found {
  lines: Anchor[];
  curls: Anchor[];
  listed: ListedOperation[];
}

/** The request lines in the items of a list, the rows of a table or the lines of a code block. */
function hitsIn(block: ListBlock | TableBlock | CodeBlock): { hit: RequestLine; source: Source }[] {
  const hits: { hit: RequestLine; source: Source }[] = [];
  const take = (hit: RequestLine | undefined, source: Source): void => {
    if (hit) hits.push({ hit, source });
  };
  if (block.kind === "list") block.items.forEach((it) => take(requestLineOf(it.text), it.source));
  else if (block.kind === "table") block.rows.forEach((r) => take(rowRequestLine(r), r.source));
  else block.text.split("\n").forEach((l) => take(requestLineOf(l), block.source));
  return hits;
}

/**
 * The request lines, curl commands and operation indexes of every block. A list, table or code block
 * naming several requests is an index of operations, listed but not documented there.
 */
function scanAnchors(blocks: Block[], bases: string[]): Found {
  const found: Found = { lines: [], curls: [], listed: [] };
  const add = (a: Anchor | undefined, to: Anchor[]): void => {
    if (a) to.push(a);
  };
  blocks.forEach((block, i) => {
    if (block.kind === "heading" || block.kind === "text") {
      const hit = requestLineOf(block.kind === "heading" ? block.text : (block.lines[0]?.text ?? ""));
      if (hit) add(lineAnchor(i, hit, block.source, bases, STATED), found.lines);
      return;
    }
    const kind = block.kind === "code" ? codeKind(block) : undefined;
    if (kind === "curl" && block.kind === "code") {
      const curl = curlOf(block);
      const hit = curl?.method ? { method: curl.method, target: curl.url } : undefined;
      if (hit) add(lineAnchor(i, hit, block.source, bases, EXAMPLE), found.curls);
      return;
    }
    if (kind !== undefined && kind !== "index" && kind !== "http-request") return;
    const hits = hitsIn(block);
    const only = hits[0];
    if (hits.length > 1) {
      for (const { hit, source } of hits) {
        found.listed.push({ method: hit.method, title: hit.title ?? toPathTemplate(hit.target), source });
      }
    } else if (only) {
      // A code block holding only the request line states it; one with headers and a body is an example.
      const lines = block.kind === "code" ? block.text.trim().split("\n").length : 1;
      const shown =
        kind === undefined ? STATED : lines === 1 ? { strength: "typed" as const, example: true } : EXAMPLE;
      add(lineAnchor(i, only.hit, only.source, bases, shown), found.lines);
    }
  });
  return found;
}

/** Two request lines name the same operation: same method, same route; examples may hold concrete ids. */
function sameOperation(a: Anchor, b: Anchor): boolean {
  if (a.method !== b.method) return false;
  if (a.example || b.example)
    return matchTail(a.path, b.path) !== undefined || matchTail(b.path, a.path) !== undefined;
  const sa = segments(a.path);
  const sb = segments(b.path);
  return sa.length === sb.length && sa.every((s, i) => s === sb[i] || (isParam(s) && isParam(sb[i] ?? "")));
}

/**
 * The operations of the page: request lines, or, on a page that has none, curl commands. A request line that
 * repeats the current operation (a heading, then a code block showing the same request) does not start
 * another one; the stronger of the two names it.
 */
function findAnchors(found: Found): Anchor[] {
  const candidates = found.lines.length > 0 ? found.lines : found.curls;
  const anchors: Anchor[] = [];
  for (const c of candidates) {
    const prev = anchors.at(-1);
    if (prev && sameOperation(prev, c)) {
      if (STRENGTH_RANK[c.strength] > STRENGTH_RANK[prev.strength]) {
        Object.assign(prev, {
          method: c.method,
          path: c.path,
          source: c.source,
          strength: c.strength,
          example: c.example,
        });
        if (c.server) prev.server = c.server;
      }
      prev.title ??= c.title;
      continue;
    }
    anchors.push({ ...c });
  }
  return anchors;
}

/**
 * Each operation starts at its title heading (the nearest heading before its request line that is not a
 * section such as "Parameters") and runs until the next operation starts. A page's only top-level heading is
 * the page's title, not the first operation's, when the page documents several operations.
 */
function spansOf(blocks: Block[], anchors: Anchor[]): Span[] {
  const pageTitle = pageTitleIndex(blocks);
  const spans: Span[] = [];
  let prevBlock = -1;
  let prevDepth: number | undefined;
  for (const anchor of anchors) {
    const own = blocks[anchor.block];
    let title: Span["title"];
    let start = anchor.block;
    if (own?.kind === "heading") {
      if (anchor.title) title = { text: anchor.title, source: own.source };
      prevDepth = own.depth;
    } else {
      const eligible = (i: number): boolean => {
        const b = blocks[i];
        return b?.kind === "heading" && !isSectionHeading(b.text) && !(anchors.length > 1 && i === pageTitle);
      };
      const window = [...Array(anchor.block - prevBlock - 1).keys()].map((k) => anchor.block - 1 - k);
      const found =
        window.find(
          (i) => eligible(i) && (prevDepth === undefined || (blocks[i] as HeadingBlock).depth <= prevDepth),
        ) ?? window.find(eligible);
      const heading = found !== undefined ? (blocks[found] as HeadingBlock) : undefined;
      if (heading && found !== undefined) {
        title = { text: heading.text, source: heading.source };
        start = found;
        prevDepth = heading.depth;
      } else if (anchor.title) title = { text: anchor.title, source: anchor.source };
    }
    spans.push({ anchor, start, end: blocks.length, ...(title ? { title } : {}) });
    prevBlock = anchor.block;
  }
  for (let k = 0; k + 1 < spans.length; k++) {
    const span = spans[k];
    const next = spans[k + 1];
    if (span && next) span.end = next.start;
  }
  return spans;
}

/** The page's own title: its first heading when that is the only top-level (depth 1) heading. */
function pageTitleIndex(blocks: Block[]): number | undefined {
  const tops = blocks.flatMap((b, i) => (b.kind === "heading" && b.depth === 1 ? [i] : []));
  return tops.length === 1 ? tops[0] : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Reading one operation's blocks
// ---------------------------------------------------------------------------------------------------------

const BODYLESS = new Set<HttpMethod>(["get", "delete", "head", "options", "trace"]);

const RETURNS_RE =
  /\bReturns?\s+(?:(?:an?|the|one)\s+)?(?:[a-z]+\s+){0,2}?(?:(list|array|collection|page)\s+of\s+(?:(?:all|the)\s+)?)?`?([A-Z][a-z]\w*)`?(\s+objects?)?(?=$|[\s.,;:])/;
const LIST_OF_RE = /^(?:an?\s+)?(list|array) of (?:the\s+)?`?([A-Z][a-z]\w*)`?\s+objects?/i;

/** "Returns the updated Thing object", "Returns a list of Things", "List of Thing objects that…". */
function returnsHint(text: string): ReturnsHint | undefined {
  const t = plain(text);
  const m = RETURNS_RE.exec(t);
  if (m?.[2] && (m[1] || m[3] || /^Returns?\s+\S+(\s+\S+){0,2}\s*\.?$/.test(t))) {
    const list = m[1] !== undefined;
    const name = list && !m[3] && /[^s]s$/.test(m[2]) ? m[2].slice(0, -1) : m[2];
    return { name, list };
  }
  const l = LIST_OF_RE.exec(t);
  return l?.[2] ? { name: l[2], list: true } : undefined;
}

const RESPONDS_RE =
  /\b(?:[Rr]eturns?|[Rr]esponds? with)\s+(?:an?\s+|the\s+)?(?:HTTP\s+)?(?:status\s+)?([1-5]\d\d)\b(?:\s+((?:OK|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*))?/;
const MEDIA_TYPE_RE =
  /\b(?:content[- ]type|media type|mime type|encoded as|sent as)\b[^.\n]{0,40}?`?((?:application|multipart|text)\/[\w.+-]+)/i;

class OperationReader {
  private readonly op: OperationFragment;
  private readonly sections: { depth: number; info: SectionInfo }[] = [];
  /** The last heading or paragraph: it names the next code block ("Example response", "201 Created"). */
  private label = "";
  private describing = true;
  private readonly description: Line[] = [];
  private body: RequestBodyFragment | undefined;
  private readonly responses = new Map<string, ResponseFragment>();
  private readonly pathParams: Set<string>;
  /** The last field read from a field line: the paragraph after it may be its description. */
  private pendingField: FieldFragment | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly span: Span,
    startSource: Source,
  ) {
    const { anchor } = span;
    this.op = emptyOperation(startSource);
    this.op.method = fact(anchor.method, anchor.source, anchor.strength);
    this.op.path = fact(anchor.path, anchor.source, anchor.strength);
    if (anchor.server) this.addServer(anchor.server, anchor.source, anchor.strength);
    if (span.title) this.op.title = fact(span.title.text, span.title.source, "prose");
    this.pathParams = new Set([...anchor.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? ""));
  }

  read(block: Block, index: number): void {
    const isAnchor = index === this.span.anchor.block;
    if (block.kind !== "text") this.pendingField = undefined;
    if (block.kind === "heading") {
      if (isAnchor || index === this.span.start) return;
      this.enterSection(block.text, block.depth);
      this.hint(block.text, block.source);
      this.label = block.text;
      this.describing = false;
    } else if (block.kind === "text") this.readText(block, isAnchor);
    else if (block.kind === "list") {
      this.describing = false;
      for (const item of block.items) this.readItem(item, []);
    } else if (block.kind === "table") {
      this.describing = false;
      this.readTable(block);
    } else {
      this.describing = false;
      this.readCode(block);
      this.label = "";
    }
  }

  finish(): OperationFragment {
    const first = this.description[0];
    if (first) {
      const text = this.description.map((l) => plain(l.text)).join(" ");
      this.op.description = fact(text, first.source, "prose");
    }
    const said = `${this.op.title?.value ?? ""} ${this.op.description?.value ?? ""}`;
    if (/\bdeprecated\b/i.test(said))
      this.op.deprecated = fact(true, this.op.title?.source ?? this.op.source, "prose");
    if (this.body && (this.body.fields.length > 0 || this.body.example || this.body.contentType)) {
      this.op.requestBody = this.body;
    }
    this.op.responses = [...this.responses.values()];
    return this.op;
  }

  // --- sections -----------------------------------------------------------------------------------------

  /** A heading closes the sections at its depth or deeper; a section heading opens one. */
  private enterSection(text: string, depth: number): void {
    while ((this.sections.at(-1)?.depth ?? -1) >= depth) this.sections.pop();
    const info = classifySection(text);
    if (info) this.sections.push({ depth, info });
  }

  private section(): SectionInfo | undefined {
    return this.sections.at(-1)?.info;
  }

  /** "Query parameters:" or "**Response**" alone on a line works as a heading below the real ones. */
  private static isLabel(block: TextBlock): boolean {
    if (block.lines.length !== 1) return false;
    const raw = (block.lines[0]?.text ?? "").trim();
    const t = plain(raw);
    const shaped = (t.endsWith(":") && t.split(" ").length <= 6) || /^\*\*[^*]+\*\*:?$/.test(raw);
    return shaped && classifySection(t) !== undefined;
  }

  // --- prose --------------------------------------------------------------------------------------------

  private readText(block: TextBlock, isAnchor: boolean): void {
    // The request line is not prose, nor is a repeat of it ("PATCH https://host/x" then "PATCH /x").
    const repeat = isAnchor || requestLineOf(block.lines[0]?.text ?? "") !== undefined;
    const lines = repeat ? block.lines.slice(1) : block.lines;
    if (lines.length === 0) return;
    const text = lines.map((l) => l.text).join(" ");
    if (!repeat && OperationReader.isLabel(block)) {
      this.enterSection(text, 99);
      this.label = text;
      this.describing = false;
      return;
    }
    if (this.readFieldLines(lines)) {
      this.describing = false;
      return;
    }
    const pending = this.pendingField;
    this.pendingField = undefined;
    if (pending && !pending.description && this.inFieldSection()) {
      pending.description = plain(text);
      return;
    }
    this.hint(text, block.source);
    const status = statusIn(plain(text));
    const caption = /:$/.test(plain(text)) && plain(text).split(" ").length <= 6;
    if (this.describing && !caption && !status) this.description.push(...lines);
    else this.describing = false;
    this.label = text;
  }

  private inFieldSection(): boolean {
    const kind = this.section()?.kind;
    return kind !== undefined && !["errors", "ignore", "servers"].includes(kind);
  }

  /**
   * Fields written as lines rather than list items, under a field section: "limit (integer) - Max items",
   * "external_refstringOptional<=255 characters". A line that is not a field describes the field above it,
   * and so does the paragraph after a field line that has no description.
   */
  private readFieldLines(lines: Line[]): boolean {
    if (!this.inFieldSection()) return false;
    const section = this.section();
    const asField = (line: Line): FieldSpec | undefined => {
      const spec = parseFieldItem(
        { text: line.text, rest: [], children: [], source: line.source },
        section?.kind,
      );
      return spec?.typed ? spec : undefined;
    };
    const first = lines.findIndex((l) => asField(l) !== undefined);
    if (first === -1) return false;
    // Prose above the first field line of a response is the response's description ("Updated session.").
    const lead = lines.slice(0, first);
    const leadLine = lead[0];
    if (leadLine && section?.kind === "response") {
      const response = this.response(section.status ?? "200", leadLine.source);
      response.description ??= fact(lead.map((l) => plain(l.text)).join(" "), leadLine.source, "prose");
    }
    let current: FieldFragment | undefined;
    for (const line of lines.slice(first)) {
      const spec = asField(line);
      if (spec) current = this.place(spec, line.source, "typed", [])?.fragment;
      else if (current)
        current.description = [current.description, plain(line.text)].filter(Boolean).join(" ");
    }
    this.pendingField = current;
    return true;
  }

  /** Prose that states the return object or the request's media type. */
  private hint(text: string, source: Source): void {
    const returns = this.op.returns ? undefined : returnsHint(text);
    if (returns) this.op.returns = fact(returns, source, "prose");
    const kind = this.section()?.kind;
    const media = MEDIA_TYPE_RE.exec(plain(text))?.[1];
    if (media && kind !== "response" && kind !== "errors") this.setContentType(media, source, "typed");
    // "Returns `204 No Content`", "Responds with 202 Accepted": a response the prose states.
    const stated = RESPONDS_RE.exec(plain(text));
    if (stated?.[1]) {
      const response = this.response(stated[1], source);
      if (stated[2] && !response.description) response.description = fact(stated[2], source, "prose");
    }
  }

  // --- fields -------------------------------------------------------------------------------------------

  private readItem(item: Item, prefix: string[], forced?: Target): void {
    // "- Query parameters:" with the parameters nested under it.
    const section = classifySection(item.text);
    if (
      prefix.length === 0 &&
      !forced &&
      section &&
      item.children.length > 0 &&
      /:\s*$|^\*\*/.test(item.text.trim())
    ) {
      this.sections.push({ depth: 100, info: section });
      for (const child of item.children) this.readItem(child, []);
      this.sections.pop();
      return;
    }
    if (prefix.length === 0 && !forced && item.children.length === 0) {
      const returns = returnsHint(item.text);
      if (returns && !this.op.returns) this.op.returns = fact(returns, item.source, "prose");
    }
    const spec = parseFieldItem(item, forced ? "params" : this.section()?.kind);
    if (!spec) return;
    const values = enumChildren(item);
    if (values && spec.schema?.enum === undefined)
      spec.schema = { ...(spec.schema ?? { type: "string" }), enum: values };
    const placed = this.place(spec, item.source, spec.typed ? "typed" : "prose", prefix, forced);
    if (!placed || values) return;
    for (const child of item.children) this.readItem(child, placed.fragment.path, placed.target);
  }

  private readTable(table: TableBlock): void {
    const cols = tableColumns(table.header);
    const expected = table.header.length;
    // "Code | Name | Description" with 404 in the code column lists responses, not fields.
    const statuses =
      cols.status !== undefined &&
      table.rows.some((r) => /^([1-5]\d\d|[1-5]XX|default)\b/i.test(plain(r.cells[cols.status ?? 0] ?? "")));
    for (const row of table.rows) {
      if (table.checkCells && row.cells.length < expected && row.cells.some((c) => c !== "")) {
        const name = plain(row.cells[0] ?? "");
        warn(
          this.ctx,
          row.source,
          `table row "${name}" has ${row.cells.length} of ${expected} cells (cut off?); read what it holds`,
        );
      }
      if (statuses) this.readStatusRow(row, cols);
      else if (cols.name !== undefined) {
        const spec = rowSpec(row, cols);
        if (spec) this.place(spec, row.source, "typed", []);
      }
    }
  }

  /** A "Status | Description" table: the responses the operation documents. */
  private readStatusRow(row: Row, cols: Columns): void {
    const code = plain(row.cells[cols.status ?? 0] ?? "");
    const status = /^([1-5]\d\d|[1-5]XX|default)\b/i.exec(code)?.[1];
    if (!status) return;
    const response = this.response(
      status.toLowerCase() === "default" ? "default" : status.toUpperCase(),
      row.source,
    );
    const description = plain(
      cols.description !== undefined ? (row.cells[cols.description] ?? "") : code.slice(status.length),
    );
    if (description && !response.description) response.description = fact(description, row.source, "typed");
  }

  /** Where a field goes: its own marker, else its section, else a path parameter by name, else by method. */
  private place(
    spec: FieldSpec,
    source: Source,
    strength: Strength,
    prefix: string[],
    forced?: Target,
  ): { target: Target; fragment: FieldFragment } | undefined {
    let target: Target | undefined = forced ?? spec.location;
    if (!target) {
      const section = this.section();
      switch (section?.kind) {
        case "path":
        case "query":
        case "header":
        case "cookie":
        case "body":
          target = section.kind;
          break;
        case "response":
          target = { status: section.status ?? "200" };
          break;
        case "errors":
        case "ignore":
        case "servers":
          return undefined;
        default:
          break;
      }
    }
    if (!target) {
      const method = this.op.method?.value ?? "get";
      target =
        prefix.length === 0 && this.pathParams.has(spec.name)
          ? "path"
          : BODYLESS.has(method)
            ? "query"
            : "body";
    }
    const fragment = fieldFragment(spec, [...prefix, ...this.split(spec.name, target)], source, strength);
    if (typeof target === "object") {
      this.response(target.status, source).fields.push(fragment);
      return { target, fragment };
    }
    if (target === "body") {
      this.requestBody().fields.push(fragment);
      return { target, fragment };
    }
    // Parameters have no children of their own in the contract: items nested under one are left out.
    if (prefix.length > 0) return undefined;
    const parameter: ParameterFragment = { ...fragment, in: target };
    this.op.parameters.push(parameter);
    return { target, fragment: parameter };
  }

  /** Dotted names nest body and response properties; a parameter's name stays whole. */
  private split(name: string, target: Target): string[] {
    return typeof target === "object" || target === "body" ? name.split(".").filter(Boolean) : [name];
  }

  // --- examples -----------------------------------------------------------------------------------------

  private readCode(block: CodeBlock): void {
    switch (codeKind(block)) {
      case "curl": {
        const curl = curlOf(block);
        if (curl) this.applyCurl(curl, block.source);
        return;
      }
      case "http-request":
        this.applyHttpRequest(splitHttpMessage(block.text), block);
        return;
      case "http-response":
        this.applyHttpResponse(splitHttpMessage(block.text), block);
        return;
      case "headers":
        for (const line of block.text.split("\n")) {
          const m = HEADER_LINE.exec(line.trim());
          const hint = m?.[1] ? securityFromHeader(m[1], (m[2] ?? "").trim()) : undefined;
          if (hint) this.addSecurity(hint, block.source);
        }
        return;
      case "json":
        this.readJson(block.text, block, this.exampleRole(block));
        return;
      default:
        return;
    }
  }

  /** Whether a JSON block is the request or the response, from its label, caption and section. */
  private exampleRole(block: CodeBlock): { role: "request" | "response"; status: string } {
    const section = this.section();
    const words = `${block.meta} ${plain(this.label)}`;
    const status = statusIn(block.meta) ?? statusIn(plain(this.label)) ?? section?.status;
    const fallback = section?.kind === "errors" ? "default" : "200";
    if (status || /\b(responses?|returns?|result|output|reply)\b/i.test(words))
      return { role: "response", status: status ?? fallback };
    if (/\b(request|body|payload|input)\b/i.test(words)) return { role: "request", status: fallback };
    if (section?.kind === "body") return { role: "request", status: fallback };
    return { role: "response", status: fallback };
  }

  private readJson(
    text: string,
    block: CodeBlock,
    where: { role: "request" | "response"; status: string },
  ): void {
    const body = stripLineNumbers(text).trim();
    if (body === "") return;
    const start = body.search(/[{[]/);
    if (!block.cut && start !== -1 && findJsonEnd(body, start) === -1) {
      warn(
        this.ctx,
        block.source,
        "unterminated JSON example: its brackets are not closed; kept what could be read",
      );
    }
    const parsed = parseLenientJson(body);
    if (!parsed.ok) {
      warn(this.ctx, block.source, `JSON example could not be read (${parsed.error}); skipped`);
      return;
    }
    if (isJsonSchema(parsed.value)) {
      const fields = fieldsFromSchema(parsed.value, block.source, "schema");
      if (where.role === "request") this.requestBody().fields.push(...fields);
      else this.response(where.status, block.source).fields.push(...fields);
      return;
    }
    const example = fact(parsed.value, block.source, "example");
    if (where.role === "request") this.requestBody().example ??= example;
    else this.response(where.status, block.source).example ??= example;
  }

  /** What a curl command shows: the server, the credentials, the media type, the body or query fields. */
  private applyCurl(curl: CurlCommand, source: Source): void {
    const server = serverFor(curl.url, this.op.path?.value, this.ctx.bases);
    if (server) this.addServer(server, source, "example");
    if (curl.user !== undefined) this.addSecurity({ type: "http", scheme: "basic" }, source);
    for (const h of curl.headers) {
      const hint = securityFromHeader(h.name, h.value);
      if (hint) this.addSecurity(hint, source);
    }
    const queryKey = /[?&]([\w.-]*(?:api[_-]?key|apikey|access[_-]?token|token)[\w.-]*)=/i.exec(
      curl.url,
    )?.[1];
    if (queryKey) this.addSecurity({ type: "apiKey", in: "query", name: queryKey }, source);
    if (curl.get) {
      for (const key of formKeys(curl.data)) this.exampleField(key, "query", source);
      return;
    }
    const stated = curl.headers
      .find((h) => /^content-type$/i.test(h.name))
      ?.value.split(";")[0]
      ?.trim();
    const json = curl.data.find((d) => /^\s*[{[]/.test(d));
    const inferred =
      curl.form.length > 0
        ? "multipart/form-data"
        : json !== undefined
          ? "application/json"
          : curl.data.length > 0
            ? "application/x-www-form-urlencoded"
            : undefined;
    const media = stated ?? inferred;
    if (media) this.setContentType(media, source, "example");
    if (json !== undefined) {
      const parsed = parseLenientJson(json);
      if (parsed.ok) this.requestBody().example ??= fact(parsed.value, source, "example");
    } else {
      for (const key of formKeys([...curl.data, ...curl.form])) this.exampleField(key, "body", source);
    }
  }

  private exampleField(key: string, target: "query" | "body", source: Source): void {
    const path = formKeyPath(key);
    if (target === "body") {
      // Each level of "options[document][x]" is a node of its own.
      for (let i = 1; i <= path.length; i++) {
        const sub = path.slice(0, i);
        const body = this.requestBody();
        if (!body.fields.some((f) => f.strength === "example" && f.path.join(".") === sub.join("."))) {
          body.fields.push({ path: sub, source, strength: "example" });
        }
      }
    } else if (!this.op.parameters.some((p) => p.in === "query" && p.path[0] === key)) {
      this.op.parameters.push({ path: [key], in: "query", source, strength: "example" });
    }
  }

  private applyHttpRequest(message: HttpMessage, block: CodeBlock): void {
    for (const h of message.headers) {
      const hint = securityFromHeader(h.name, h.value);
      if (hint) this.addSecurity(hint, block.source);
      if (/^host$/i.test(h.name))
        this.addServer(`https://${h.value.replace(/:443$/, "")}`, block.source, "example");
      if (/^content-type$/i.test(h.name))
        this.setContentType(h.value.split(";")[0]?.trim() ?? h.value, block.source, "example");
    }
    if (/^[[{]/.test(message.body)) this.readJson(message.body, block, { role: "request", status: "200" });
  }

  private applyHttpResponse(message: HttpMessage, block: CodeBlock): void {
    const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(message.start)?.[1] ?? "200";
    const response = this.response(status, block.source);
    const media = message.headers
      .find((h) => /^content-type$/i.test(h.name))
      ?.value.split(";")[0]
      ?.trim();
    if (media) response.contentType ??= fact(media, block.source, "example");
    if (/^[[{]/.test(message.body)) this.readJson(message.body, block, { role: "response", status });
  }

  // --- accumulators -------------------------------------------------------------------------------------

  private requestBody(): RequestBodyFragment {
    this.body ??= { fields: [] };
    return this.body;
  }

  private response(status: string, source: Source): ResponseFragment {
    let response = this.responses.get(status);
    if (!response) {
      response = { status, fields: [], source };
      this.responses.set(status, response);
    }
    return response;
  }

  private setContentType(value: string, source: Source, strength: Strength): void {
    const body = this.requestBody();
    const current = body.contentType;
    if (!current || STRENGTH_RANK[strength] > STRENGTH_RANK[current.strength])
      body.contentType = fact(value.toLowerCase(), source, strength);
  }

  private addServer(url: string, source: Source, strength: Strength): void {
    addServer(this.op.servers, url, source, strength);
  }

  private addSecurity(hint: SecurityHint, source: Source): void {
    addSecurity(this.op.security, hint, source);
  }
}

/** Where a field goes: a parameter location, the request body, or a response by status. */
type Target = ParameterLocation | "body" | { status: string };

/** Nested items that are bare values ("- `draft`", "- live") list the parent's enum, not child fields. */
function enumChildren(item: Item): string[] | undefined {
  if (item.children.length === 0) return undefined;
  const intro = /(values|one of|either|enum)\b[^.]*:?\s*$/i.test(plain([item.text, ...item.rest].join(" ")));
  const values = item.children.map(
    (c) =>
      /^`([^`]+)`(?:\s*([—–:-]|$))/.exec(c.text.trim())?.[1] ??
      (/^[\w.:/+-]+$/.test(c.text.trim()) ? c.text.trim() : undefined),
  );
  if (!intro || values.some((v) => v === undefined)) return undefined;
  return values as string[];
}

function formKeys(data: string[]): string[] {
  return data.flatMap((d) =>
    d
      .split("&")
      .map((pair) => pair.split("=")[0]?.trim() ?? "")
      .filter((k) => /^[\w.[\]-]+$/.test(k)),
  );
}

function fieldFragment(spec: FieldSpec, path: string[], source: Source, strength: Strength): FieldFragment {
  const out: FieldFragment = { path, source, strength };
  if (spec.schema) out.schema = spec.schema;
  if (spec.required !== undefined) out.required = spec.required;
  if (spec.description) out.description = spec.description;
  if (spec.deprecated) out.deprecated = true;
  return out;
}

function addServer(list: Fact<string>[], url: string, source: Source, strength: Strength): void {
  const value = url.replace(/\/+$/, "");
  if (value && !list.some((f) => f.value === value)) list.push(fact(value, source, strength));
}

function addSecurity(list: Fact<SecurityHint>[], hint: SecurityHint, source: Source): void {
  const key = JSON.stringify(hint);
  if (!list.some((f) => JSON.stringify(f.value) === key)) list.push(fact(hint, source, "example"));
}

// ---------------------------------------------------------------------------------------------------------
// Page level: base URLs, examples before the first operation, the page title
// ---------------------------------------------------------------------------------------------------------

const BASE_URL_RE =
  /\b(?:base[ _-]?url|base[ _-]?uri|api[ _-]?url|root url|server(?: url)?|host)s?\b[^:\n]{0,30}?[:=]?\s*[`"']?(https?:\/\/[^\s`"'<>)]+)/i;

/** Base URLs the page states: "Base URL: https://api.x.com/v2", or the URLs listed under a "Servers" heading. */
function pageServers(blocks: Block[]): Fact<string>[] {
  const out: Fact<string>[] = [];
  let inServers = false;
  const take = (text: string, source: Source, listed: boolean): void => {
    const stated = BASE_URL_RE.exec(plain(text))?.[1];
    if (stated) addServer(out, stated.replace(/[.,;]+$/, ""), source, "prose");
    else if (listed) {
      const url = /(https?:\/\/[^\s`"'<>)]+)/.exec(plain(text))?.[1];
      if (url) addServer(out, url.replace(/[.,;]+$/, ""), source, "typed");
    }
  };
  for (const block of blocks) {
    if (block.kind === "heading") inServers = classifySection(block.text)?.kind === "servers";
    else if (block.kind === "text") {
      block.lines.forEach((l) => take(l.text, l.source, false));
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
    if (curl.user !== undefined)
      addSecurity(fragment.security, { type: "http", scheme: "basic" }, block.source);
    for (const h of curl.headers) {
      const hint = securityFromHeader(h.name, h.value);
      if (hint) addSecurity(fragment.security, hint, block.source);
    }
  }
}

function extract(page: Page): PageFragment {
  const ctx: Ctx = { file: page.file, warnings: [], bases: [] };
  const fragment = emptyPageFragment(page.file, genericExtractor.name);
  const read = blocksOf(page, ctx);
  const blocks = normalise(read.blocks);
  fragment.servers = pageServers(blocks);
  ctx.bases = fragment.servers.map((f) => f.value);
  const found = scanAnchors(blocks, ctx.bases);
  fragment.listedOperations = found.listed;
  const spans = spansOf(blocks, findAnchors(found));
  for (const span of spans) {
    const startBlock = blocks[span.start];
    const reader = new OperationReader(ctx, span, startBlock?.source ?? span.anchor.source);
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
