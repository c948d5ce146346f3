// HTML -> blocks (cheerio with htmlparser2, start offsets on every node: a selector and a line for every fact).
import type { AnyNode, Element, Text as DomText } from "domhandler";
import type { Source } from "../fragment.ts";
import {
  plain,
  textBlock,
  type Block,
  type CodeBlock,
  type Ctx,
  type Item,
  type Row,
  type TableBlock,
  warn,
} from "./blocks.ts";
import { DomUtils } from "htmlparser2";
import { hasOwnEndTag, loadHtmlPage, nodeText, rankOf, startLineOf } from "../html-page.ts";
import { pushCode } from "./code-blocks.ts";

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

/** A selector that finds the element again: the nearest id, then tag names with their rank among siblings. */
function cssPath(el: Element): string {
  const parts: string[] = [];
  let node: Element | undefined = el;
  while (node && node.name !== "html") {
    const id = node.attribs.id;
    if (id) {
      parts.push("#" + id.replace(/[^\w-]/g, (c) => `\\${c}`));
      break;
    }
    const { rank, shared } = rankOf(node);
    parts.push(shared ? `${node.name}:nth-of-type(${rank})` : node.name);
    const parent: AnyNode | null = node.parent;
    node = parent && isElement(parent) ? parent : undefined;
  }
  return parts.reverse().join(" > ");
}

function htmlInline(node: AnyNode): string {
  if (node.nodeType === 3) return (node as DomText).data.replace(/\s+/g, " ");
  if (!isElement(node) || SKIP_TAGS.has(node.name)) return "";
  if (node.name === "br") return "\n";
  if (node.name === "img") return node.attribs.alt ?? "";
  if (CODE_TAGS.has(node.name)) {
    const code = nodeText(node).replace(/\s+/g, " ").trim();
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
    const line = startLineOf(at) ?? startLineOf(el);
    if (this.lineOffset !== undefined)
      return { file: this.ctx.file, line: this.lineOffset + (line ?? 1) - 1 };
    return { file: this.ctx.file, selector: cssPath(el), ...(line !== undefined ? { line } : {}) };
  }

  /** True when the page does not close the element itself: it may have been cut off inside it. */
  private unclosed(el: Element): boolean {
    return this.mayBeCut && !hasOwnEndTag(el);
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
      text: nodeText(el).replace(/^\n/, "").trimEnd(),
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

export function htmlBlocks(
  html: string,
  ctx: Ctx,
  embedded?: { line: number; last: boolean },
): { blocks: Block[]; title?: string } {
  const doc = loadHtmlPage(html, ctx.file, ctx.warnings, embedded?.line);
  const reader = new HtmlReader(ctx, embedded?.line, embedded?.last ?? true);
  reader.walkChildren(doc);
  const titleEl = DomUtils.findOne((el) => el.name === "title", doc.children);
  const title = nodeText(titleEl ?? undefined)
    .replace(/\s+/g, " ")
    .trim();
  return { blocks: reader.blocks, ...(title ? { title } : {}) };
}
