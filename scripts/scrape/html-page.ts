// Loading an HTML page for the extractors, bounded in depth. parse5 (cheerio's HTML parser) checks the stack
// of open elements at almost every tag, so a page nested N elements deep costs N^2 to parse (100,000 nested
// <div>s: four minutes), and every walk of the tree afterwards, ours and cheerio's text(), recurses N deep
// (10,000 crash with a stack overflow). Real pages nest a few dozen elements deep.
//
// So before parse5 sees a page (a large one: see PARSE_FIRST_TAGS for small ones, whose tree is checked
// after parsing instead), the tags that would open elements deeper than MAX_PAGE_DEPTH are blanked
// out (replaced by spaces, line breaks kept, so every line number stays right): their text is read as part
// of the element at the limit, nothing of it is lost, and a warning names the line. The depth is counted on
// htmlparser2's tokenizer (a linear state machine), with the tree builder's rules that decide how deep an
// element ends up, kept to what is needed to never count less than parse5 builds: implied end tags,
// end tags that cannot close across a table or cell, and formatting elements (<b>, <a>...) that parse5
// reopens after a misnested end tag until their own end tag comes.
import { load, type CheerioAPI } from "cheerio";
import {
  type AnyNode,
  type ChildNode,
  type Document,
  type Element,
  hasChildren,
  isComment,
  isTag,
  isText,
} from "domhandler";
import { Tokenizer } from "htmlparser2";
import { MAX_PAGE_DEPTH } from "../lib/depth.ts";
import type { Diagnostic } from "./fragment.ts";
import { LineIndex } from "./text.ts";

const VOID = new Set(
  "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split(
    " ",
  ),
);
/** An end tag does not close an element across these (the "scope" boundaries of the HTML tree builder). */
const SCOPE_BOUNDARY = new Set("applet caption html table td th marquee object template button".split(" "));
/** Formatting elements: closed by a misnested end tag, parse5 reopens them until their own end tag. */
const FORMATTING = new Set("a b big code em font i nobr s small strike strong tt u".split(" "));
/** Start tags that close the element on top of the stack first (only on top: parse5 does at least that). */
const CLOSES_ON_TOP: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const closesP = new Set(["p"]);
  const map = new Map<string, Set<string>>();
  const blocks =
    "address article aside blockquote details dialog div dl fieldset figcaption figure footer form " +
    "h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul";
  for (const tag of blocks.split(" ")) map.set(tag, closesP);
  map.set("li", new Set(["li", "p"]));
  map.set("dt", new Set(["dt", "dd", "p"]));
  map.set("dd", new Set(["dt", "dd", "p"]));
  map.set("tr", new Set(["tr", "td", "th"]));
  map.set("td", new Set(["td", "th"]));
  map.set("th", new Set(["td", "th"]));
  map.set("tbody", new Set(["thead", "tbody", "tfoot", "tr", "td", "th"]));
  map.set("tfoot", new Set(["thead", "tbody", "tr", "td", "th"]));
  map.set("option", new Set(["option"]));
  map.set("optgroup", new Set(["option", "optgroup"]));
  return map;
})();

interface Open {
  name: string;
  /** Number of scope boundaries on the stack up to and including this element. */
  boundaries: number;
}

/**
 * Whether the page has so few start tags that no element can end up deeper than `limit`: parse5 puts each
 * start tag's element on the stack with at most two implied table wrappers (tbody, tr) and one reopened
 * formatting element, under html and body. Most pages of a captured site are that small; counting their
 * "<" is a fraction of the tokenizer pass below.
 */
function tooFewTagsToNest(html: string, limit: number): boolean {
  const most = mostStartTagsWithin(limit);
  return startTagsUpTo(html, most) <= most;
}

function mostStartTagsWithin(limit: number): number {
  return Math.floor((limit - 8) / 4);
}

/** The page's start tags ("<" and a letter), counted up to `most` + 1. */
function startTagsUpTo(html: string, most: number): number {
  let count = 0;
  for (let at = html.indexOf("<"); at !== -1; at = html.indexOf("<", at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20; // ASCII letters to lower case
    if (next >= 97 && next <= 122 && ++count > most) return count;
  }
  return count;
}

/**
 * Pages with at most this many start tags are parsed first and flattened (and parsed again) only when
 * their tree turns out too deep: parse5's cost per tag grows with the depth, but with this few tags the
 * worst page costs a few thousand steps per tag, and no real page is too deep. This saves the tokenizer
 * pass of flattenDeepHtml, a second read of the page, on the many small pages of a captured site (~4% of
 * the scrape of the 452-page stripe site). Pages with more tags are pre-scanned, so that a page nested
 * deep stays linear to parse.
 */
const PARSE_FIRST_TAGS = 512;

/** Whether a node below `root` sits more than `limit` levels below it (walked without recursion). */
function nestsDeeperThan(root: AnyNode, limit: number): boolean {
  let node: AnyNode = root;
  let depth = 0;
  for (;;) {
    const first = hasChildren(node) ? node.children[0] : undefined;
    if (first) {
      node = first;
      if (++depth > limit) return true;
      continue;
    }
    // No children: the next sibling, or that of the nearest ancestor that has one.
    while (node !== root && !node.next) {
      node = node.parent as AnyNode;
      depth--;
    }
    if (node === root || !node.next) return false;
    node = node.next;
  }
}

/** The page with the tags deeper than `limit` blanked out, and the offset of the first one (if any). */
export function flattenDeepHtml(html: string, limit = MAX_PAGE_DEPTH): { html: string; cutAt?: number } {
  if (tooFewTagsToNest(html, limit)) return { html };
  const stack: Open[] = [];
  /** Stack positions of each open element name (for "is it open, and where" in constant time). */
  const positions = new Map<string, number[]>();
  /** Formatting elements closed by a misnested end tag, which parse5 may reopen: still counted. */
  const reopenable = new Map<string, number>();
  let reopenableTotal = 0;
  /** Blanked start tags not yet closed, by name: their end tags are blanked too. */
  const blanked = new Map<string, number>();
  const cuts: [number, number][] = [];
  let foreign = 0;
  let tag: { name: string; start: number; cut: boolean; pushed: boolean } | undefined;

  const bump = (map: Map<string, number>, key: string, by: number): void => {
    const next = (map.get(key) ?? 0) + by;
    if (next === 0) map.delete(key);
    else map.set(key, next);
  };
  const pop = (closedByOwnEndTag: boolean): void => {
    const top = stack.pop() as Open;
    positions.get(top.name)?.pop();
    if (top.name === "svg" || top.name === "math") foreign--;
    if (!closedByOwnEndTag && FORMATTING.has(top.name)) {
      bump(reopenable, top.name, 1);
      reopenableTotal++;
    }
  };
  const push = (name: string): void => {
    const below = stack.at(-1)?.boundaries ?? 0;
    stack.push({ name, boundaries: below + (SCOPE_BOUNDARY.has(name) ? 1 : 0) });
    const list = positions.get(name);
    if (list) list.push(stack.length - 1);
    else positions.set(name, [stack.length - 1]);
    if (name === "svg" || name === "math") foreign++;
  };
  /** Offset of the "<" that starts the tag whose name begins at `nameStart` ("</ div>" has spaces). */
  const tagOpen = (nameStart: number): number => {
    let i = nameStart - 1;
    while (i > 0 && html.charCodeAt(i) !== 60 /* < */) i--;
    return i;
  };
  const cut = (from: number, to: number): void => void cuts.push([from, to]);

  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: false },
    {
      onopentagname(start, end) {
        const name = html.slice(start, end).toLowerCase();
        const closes = CLOSES_ON_TOP.get(name);
        while (closes && stack.length > 0 && closes.has((stack.at(-1) as Open).name)) pop(false);
        const isVoid = VOID.has(name);
        const depth = stack.length + reopenableTotal;
        const tooDeep = !isVoid && depth >= limit;
        if (tooDeep) bump(blanked, name, 1);
        else if (!isVoid) push(name);
        tag = { name, start: tagOpen(start), cut: tooDeep, pushed: !isVoid && !tooDeep };
      },
      onopentagend(end) {
        if (tag?.cut) cut(tag.start, end);
        tag = undefined;
      },
      onselfclosingtag(end) {
        if (!tag) return;
        // "<x/>" closes x only inside svg or math; in HTML the slash means nothing.
        if (foreign > 0 && !VOID.has(tag.name)) {
          if (tag.pushed && stack.at(-1)?.name === tag.name) pop(true);
          else if (tag.cut) bump(blanked, tag.name, -1);
        }
        if (tag.cut) cut(tag.start, end);
        tag = undefined;
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        const close = html.indexOf(">", end);
        const span: [number, number] = [tagOpen(start), close === -1 ? html.length - 1 : close];
        if ((blanked.get(name) ?? 0) > 0) {
          bump(blanked, name, -1);
          cut(...span);
          return;
        }
        const at = positions.get(name)?.at(-1);
        const top = stack.at(-1);
        if (at !== undefined && top && top.boundaries === (stack[at] as Open).boundaries) {
          while (stack.length > at + 1) pop(false);
          pop(true);
        } else if ((reopenable.get(name) ?? 0) > 0) {
          bump(reopenable, name, -1);
          reopenableTotal--;
        }
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (cuts.length === 0) return { html };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start), html.slice(start, end + 1).replace(/[^\n]/g, " "));
    from = end + 1;
  }
  parts.push(html.slice(from));
  return { html: parts.join(""), cutAt: (cuts[0] as [number, number])[0] };
}

/** The text each page loaded without source locations was parsed from (see startLineOf). */
const parsedText = new WeakMap<Document, string>();
/** The same pages parsed again with locations, once a line was asked for. */
const locatedTrees = new WeakMap<Document, Document>();

export interface LoadHtmlOptions {
  /**
   * parse5's source locations on every node (default true). They cost about as much again as the parse
   * itself (a 452-page site: 0.85 s of CPU with them, 0.45 s without), so a reader that needs a line only
   * for the odd warning loads without them and asks startLineOf.
   */
  locations?: boolean;
}

/**
 * The page parsed by cheerio, nested at most MAX_PAGE_DEPTH elements deep; a warning naming the line
 * where deeper elements were flattened. `lineOffset` places HTML embedded in a markdown page on that
 * page's lines.
 */
export function loadHtmlPage(
  html: string,
  file: string,
  warnings: Diagnostic[],
  lineOffset = 1,
  options: LoadHtmlOptions = {},
): CheerioAPI {
  const locations = options.locations ?? true;
  const parse = (text: string): CheerioAPI => {
    const $ = load(text, { sourceCodeLocationInfo: locations });
    if (!locations) parsedText.set($.root()[0] as Document, text);
    return $;
  };
  const tags = startTagsUpTo(html, PARSE_FIRST_TAGS);
  if (tags <= mostStartTagsWithin(MAX_PAGE_DEPTH)) return parse(html);
  if (tags <= PARSE_FIRST_TAGS) {
    const $ = parse(html);
    if (!nestsDeeperThan($.root()[0] as AnyNode, MAX_PAGE_DEPTH)) return $;
  }
  const bounded = flattenDeepHtml(html);
  if (bounded.cutAt !== undefined) {
    warnings.push({
      file,
      line: new LineIndex(html).lineAt(bounded.cutAt) + lineOffset - 1,
      message:
        `HTML nested more than ${MAX_PAGE_DEPTH} elements deep: the elements below that depth are read ` +
        `as text of the element at that depth`,
    });
  }
  return parse(bounded.html);
}

/**
 * The line (1-based) where `node` starts on its page. For a page loaded without locations, the page is
 * parsed once more with them (only pages that ask, for a warning) and the node found there by its path of
 * child positions from the root: parse5 builds the same tree from the same text either way.
 */
export function startLineOf(node: AnyNode): number | undefined {
  if (node.sourceCodeLocation) return node.sourceCodeLocation.startLine;
  const path: number[] = [];
  let at: AnyNode = node;
  for (let parent = at.parent; parent; parent = at.parent) {
    path.push(parent.children.indexOf(at as ChildNode));
    at = parent;
  }
  const root = at as Document;
  const text = parsedText.get(root);
  if (text === undefined) return undefined;
  let located = locatedTrees.get(root);
  if (!located) {
    located = load(text, { sourceCodeLocationInfo: true }).root()[0] as Document;
    locatedTrees.set(root, located);
  }
  let found: AnyNode = located;
  for (const index of path.reverse()) {
    const next: AnyNode | undefined = "children" in found ? found.children[index] : undefined;
    if (!next) return undefined;
    found = next;
  }
  return found.sourceCodeLocation?.startLine;
}

/**
 * Each element's rank among its parent's children of the same tag, and whether that tag occurs more than
 * once there: computed for all children of a parent at once, since counting the siblings again for each
 * element made a list of n items cost n^2.
 */
const ranks = new WeakMap<Element, { rank: number; shared: boolean }>();

export function rankOf(el: Element): { rank: number; shared: boolean } {
  let known = ranks.get(el);
  if (known) return known;
  const parent: AnyNode | null = el.parent;
  if (!parent || !("children" in parent)) return { rank: 1, shared: false };
  // Two passes over the children, with no list built between them: a site's pages ask this of every
  // element that names a source, and the filtered list and its pairs per parent were garbage to collect.
  const counts = new Map<string, number>();
  for (const c of parent.children) {
    if (isElementLike(c)) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  for (const c of parent.children) {
    if (!isElementLike(c)) continue;
    const rank = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, rank);
    ranks.set(c, { rank, shared: (counts.get(c.name) ?? 0) > 1 });
  }
  known = ranks.get(el) ?? { rank: 1, shared: false };
  return known;
}

/** The children that count as elements of a tag (cheerio gives <script> and <style> types of their own). */
function isElementLike(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/**
 * A node's text as cheerio's `.text()` gives it (domutils' textContent: every text node below, comments
 * left out), without building a cheerio selection for it: readers call this for every element of a page.
 * Recursion is bounded: loadHtmlPage nests pages at most MAX_PAGE_DEPTH deep.
 */
export function nodeText(node: AnyNode | undefined): string {
  if (!node) return "";
  if (isText(node)) return node.data;
  if (isComment(node) || !hasChildren(node)) return "";
  let text = "";
  for (const child of node.children) text += nodeText(child);
  return text;
}

/** The next sibling that is an element (cheerio's `.next()`), skipping text and comments. */
export function nextElement(node: AnyNode): Element | undefined {
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    if (isTag(next)) return next;
  }
  return undefined;
}
