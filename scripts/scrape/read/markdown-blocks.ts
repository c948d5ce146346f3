// Markdown -> blocks (mdast with GFM: tables, lists, fences, headings). HTML embedded in the markdown is
// read by the HTML reader with the markdown page's line numbers.
import type { List, ListItem as MdListItem, PhrasingContent, RootContent, Table } from "mdast";
import type { Source } from "../fragment.ts";
import { fenceIsOpen, parseMarkdown } from "../markdown.ts";
import {
  bareJsonAt,
  plain,
  textBlock,
  type Block,
  type CodeBlock,
  type Ctx,
  type Item,
  type Row,
  type TableBlock,
} from "./blocks.ts";
import { pushCode } from "./code-blocks.ts";
import { htmlBlocks } from "./html-blocks.ts";

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

export function markdownBlocks(text: string, ctx: Ctx): Block[] {
  const tree = parseMarkdown(text, ctx.file, ctx.warnings);
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
        const block: CodeBlock = {
          kind: "code",
          lang: node.lang ?? "",
          meta: node.meta ?? "",
          text: node.value,
          source,
          cut: fenceIsOpen(raw),
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
        if (item.text === "") item.text = text.replace(/(?<!\s)\s*\n\s*/g, " ");
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
