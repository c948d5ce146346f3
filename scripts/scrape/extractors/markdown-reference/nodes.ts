// The mdast nodes as a reader sees them: their plain text, their line, link-only paragraphs, and the
// reading context (the page, its warnings, the base URLs it states) with its warning and source helpers.
import type { Root, RootContent } from "mdast";
import type { Diagnostic, Source } from "../../fragment.ts";
import { collapseSpace } from "../../read/plain.ts";

/** Any node that can appear in the tree; mdast's own union. */
export type MdNode = Root | RootContent;

/**
 * The text a reader sees: link text without the URL, code without backticks, no HTML tags. With `ticks`,
 * inline code keeps its backticks so callers can tell code values ("One of `a`, `b`") from prose.
 */
export function inlineText(node: MdNode, ticks = false): string {
  switch (node.type) {
    case "text":
      return node.value;
    case "inlineCode":
      return ticks ? "`" + node.value + "`" : node.value;
    case "break":
      return " ";
    case "image":
      return node.alt ?? "";
    case "html":
      return "";
    default:
      return "children" in node ? node.children.map((c: MdNode) => inlineText(c, ticks)).join("") : "";
  }
}

export function textOf(node: MdNode, ticks = false): string {
  return collapseSpace(inlineText(node, ticks));
}

export function lineOf(node: MdNode): number {
  return node.position?.start.line ?? 1;
}

/** A paragraph made of a single link (and whitespace): the capture's slug and "see also" lines. */
export function linkOnly(node: MdNode): { url: string; text: string } | undefined {
  if (node.type !== "paragraph") return undefined;
  const parts = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  const link = parts[0];
  if (parts.length !== 1 || link?.type !== "link") return undefined;
  return { url: link.url, text: textOf(link) };
}

export interface Ctx {
  file: string;
  text: string;
  warnings: Diagnostic[];
  /** Base URLs the page states before its operations; example URLs under them keep the base as server. */
  pageServers: string[];
}

export function warn(ctx: Ctx, line: number, message: string): void {
  ctx.warnings.push({ file: ctx.file, line, message });
}

export function source(ctx: Ctx, line: number): Source {
  return { file: ctx.file, line };
}

/** Whether a node reaches the end of the page: where a cut-off page shows its damage. */
export function atPageEnd(node: MdNode, ctx: Ctx): boolean {
  return (node.position?.end.offset ?? 0) >= ctx.text.trimEnd().length;
}
