// Markdown pages as an mdast tree with GitHub's extensions (tables above all), for the extractors that read
// markdown structure. One parser setup and one cache: a page is parsed once however many extractors look
// at it (detection, then extraction, perhaps by the generic fallback).
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

/** The last page parsed: detect() and extract() run on the same page one after the other. */
let lastParse: { text: string; tree: Root } | undefined;

/** The page's mdast tree (GFM). Callers read it and never change it, since the tree is shared. */
export function parseMarkdown(text: string): Root {
  if (lastParse?.text === text) return lastParse.tree;
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  lastParse = { text, tree };
  return tree;
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
