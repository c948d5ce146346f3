// Markdown pages as an mdast tree with GitHub's extensions (tables above all), for the extractors that read
// markdown structure. One parser setup and one cache: a page is parsed once however many extractors look
// at it (detection, then extraction, perhaps by the generic fallback).
//
// Bounded in depth: micromark's time grows much faster than the page with the number of containers (lists,
// quotes) open at once ("- - - ... x", 5,000 deep on one line: 27 s; 10,000: 146 s), and the GFM transforms
// and our walks recurse as deep as the tree. A line that opens more than MARKERS_PER_LINE containers has
// the markers past that blanked before parsing (same length, so offsets and lines stay right: the rest of
// the line is read as text inside the deepest container), and containers that still end up deeper (nested
// by indentation over many lines) are read as plain text of the node at the limit. Both with a warning.
import type { Nodes, Parent, Root, RootContent } from "mdast";
import { fromMarkdown, type Extension } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { MAX_PAGE_DEPTH } from "../lib/depth.ts";
import type { Diagnostic } from "./fragment.ts";

interface ParseNote {
  line: number;
  message: string;
}

/** A list level is two tree levels (list, item): this many markers on a line stay within MAX_PAGE_DEPTH. */
const MARKERS_PER_LINE = MAX_PAGE_DEPTH / 2;

/** The last page parsed: detect() and extract() run on the same page one after the other. */
let lastParse: { text: string; tree: Root; notes: ParseNote[] } | undefined;

/**
 * The page's mdast tree (GFM). Callers read it and never change it, since the tree is shared. Extractors
 * pass `warnings` to receive what the depth bound changed (detection does not).
 */
export function parseMarkdown(text: string, file?: string, warnings?: Diagnostic[]): Root {
  if (lastParse?.text !== text) {
    const notes: ParseNote[] = [];
    const bounded = blankDeepMarkers(text, notes);
    const tree = fromMarkdown(bounded, {
      extensions: [gfm()],
      // First, so that the GFM transforms (which recurse) already see the bounded tree.
      mdastExtensions: [flattenDeepNodes(notes), gfmFromMarkdown()],
    });
    lastParse = { text, tree, notes };
  }
  if (file !== undefined && warnings)
    for (const note of lastParse.notes) warnings.push({ file, line: note.line, message: note.message });
  return lastParse.tree;
}

/** The length of a list marker ("-", "+", "*", "1.", "12)") at `i` followed by a space, tab or line end; else 0. */
function listMarkerAt(text: string, i: number): number {
  let j = i;
  const c = text[j];
  if (c === "-" || c === "+" || c === "*") j++;
  else {
    while (j < text.length && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === i || (text[j] !== "." && text[j] !== ")")) return 0;
    j++;
  }
  const after = text[j];
  return after === undefined || after === " " || after === "\t" || after === "\n" ? j - i : 0;
}

/** The page with the container markers past MARKERS_PER_LINE on any one line replaced by spaces. */
function blankDeepMarkers(text: string, notes: ParseNote[]): string {
  let out: string[] | undefined;
  let copied = 0;
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let markers = 0;
    let i = start;
    while (i < end) {
      const c = text[i];
      if (c === " " || c === "\t") {
        i++;
        continue;
      }
      const length = c === ">" ? 1 : listMarkerAt(text, i);
      if (length === 0) break;
      if (++markers > MARKERS_PER_LINE) {
        out ??= [];
        out.push(text.slice(copied, i), " ".repeat(length));
        copied = i + length;
      }
      i += length;
    }
    if (markers > MARKERS_PER_LINE)
      notes.push({ line, message: deepMessage(`opens ${markers} lists or quotes on one line`) });
    start = end + 1;
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join("");
}

function deepMessage(what: string): string {
  return (
    `markdown ${what}, more than the ${MAX_PAGE_DEPTH} levels specsmith reads: ` +
    `what is deeper is read as plain text of the level at the limit`
  );
}

/** The text under a node, collected without recursion. */
export function plainTextOf(node: Nodes): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Nodes;
    if ("value" in n && typeof n.value === "string") parts.push(n.value);
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return parts.join(" ");
}

const FLOW_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/** An mdast transform that replaces what lies deeper than MAX_PAGE_DEPTH by its plain text. */
function flattenDeepNodes(notes: ParseNote[]): Extension {
  return {
    transforms: [
      (tree) => {
        let noted = false;
        const stack: [Parent, number][] = [[tree, 0]];
        while (stack.length > 0) {
          const [node, depth] = stack.pop() as [Parent, number];
          if (depth < MAX_PAGE_DEPTH) {
            for (const child of node.children) if ("children" in child) stack.push([child, depth + 1]);
            continue;
          }
          if (!node.children.some((child) => "children" in child)) continue;
          const position = node.position;
          const text = {
            type: "text",
            value: plainTextOf(node as Nodes),
            ...(position ? { position } : {}),
          } as const;
          const paragraph = {
            type: "paragraph",
            children: [text],
            ...(position ? { position } : {}),
          } as const;
          const item = { type: "listItem", spread: false, children: [paragraph] } as const;
          node.children = (
            node.type === "list" ? [item] : FLOW_PARENTS.has(node.type) ? [paragraph] : [text]
          ) as RootContent[];
          if (!noted) {
            notes.push({ line: position?.start.line ?? 1, message: deepMessage("nests lists or quotes") });
            noted = true;
          }
        }
      },
    ],
  };
}

/**
 * Whether the source text of a fenced code node lacks its closing fence: the page was cut inside the block.
 * The closing fence is a line of the opening fence's character, at least as long. Indented code has no
 * fence and is never open.
 */
export function fenceIsOpen(raw: string): boolean {
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!fence) return false;
  const lines = raw.split("\n");
  const last = lines[lines.length - 1] ?? "";
  const closing = new RegExp(`^[ \\t]*\\${fence[0]}{${fence.length},}[ \\t]*$`);
  return lines.length < 2 || !closing.test(last);
}
