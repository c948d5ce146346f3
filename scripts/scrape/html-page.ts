// Loading an HTML page for the extractors, bounded in depth. Pages are parsed by htmlparser2 (cheerio's
// other parser), not parse5: a whole captured site is mostly parsing, and htmlparser2 builds the same
// tree of a rendered docs page in about a quarter of parse5's time (the 452-page stripe.com site: 0.1 s
// against 0.4 s), with each node's start and end offsets instead of parse5's line objects. What it does
// not do is rebuild broken HTML the way a browser does (no implied <html>, <body> or <tbody>, no
// reparenting of misnested tags): readers look for elements by name and walk from the root, so they do
// not depend on those wrappers.
//
// htmlparser2 keeps its stack of open elements in an array it shifts and searches at every tag, so a
// page nested N elements deep costs N^2 to parse (50,000 nested <div>s: seconds), and every walk of the
// tree afterwards, ours and cheerio's text(), recurses N deep (10,000 crash with a stack overflow). Real
// pages nest a few dozen elements deep. So before the parser sees a large page (small ones are checked
// on the tree after parsing, see PARSE_FIRST_TAGS), the start tags that would open elements deeper than
// MAX_PAGE_DEPTH are blanked out with their end tags (replaced by spaces, line breaks kept, so every line
// and offset stays right): their text is read as part of the element at the limit, nothing of it is lost,
// and a warning names the line. The depth is counted on htmlparser2's own tokenizer with its parser's
// rules (implied end tags, voids, end tags closing the nearest open element of their name), applied to
// the page as the parser will see it after the blanking, so the count is the depth it builds.
import { type AnyNode, type Document, type Element, hasChildren, isComment, isTag, isText } from "domhandler";
import { parseDocument, Tokenizer } from "htmlparser2";
import { MAX_PAGE_DEPTH } from "../lib/depth.ts";
import type { Diagnostic } from "./fragment.ts";
import { LineIndex } from "./text.ts";

/** htmlparser2's void elements (Parser.ts voidElements): never open. */
const VOID = new Set(
  "area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr".split(
    " ",
  ),
);
/**
 * Elements whose content htmlparser2's tokenizer reads as raw text: never blanked, since without its start
 * tag the content would be read as tags. They hold no elements, so they add at most one level.
 */
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp"]);
/** htmlparser2's implied end tags (Parser.ts openImpliesClose): a start tag closes these while on top. */
const CLOSES_ON_TOP: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const p = new Set(["p"]);
  const form = new Set(["input", "option", "optgroup", "select", "button", "datalist", "textarea"]);
  const map = new Map<string, ReadonlySet<string>>([
    ["tr", new Set(["tr", "th", "td"])],
    ["th", new Set(["th"])],
    ["td", new Set(["thead", "th", "td"])],
    ["body", new Set(["head", "link", "script"])],
    ["li", new Set(["li"])],
    ["option", new Set(["option"])],
    ["optgroup", new Set(["optgroup", "option"])],
    ["dd", new Set(["dd", "dt"])],
    ["dt", new Set(["dd", "dt"])],
    ["rt", new Set(["rt", "rp"])],
    ["rp", new Set(["rt", "rp"])],
    ["tbody", new Set(["thead", "tbody"])],
    ["tfoot", new Set(["thead", "tbody"])],
  ]);
  for (const tag of "select input output button datalist textarea".split(" ")) map.set(tag, form);
  const closesP =
    "p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure " +
    "footer form header hr main nav ol pre section table ul";
  for (const tag of closesP.split(" ")) map.set(tag, p);
  return map;
})();
/** Where "<x/>" closes x (htmlparser2's foreign context): inside svg and math, not inside their HTML islands. */
const FOREIGN = new Set(["math", "svg"]);
const HTML_ISLANDS = new Set([
  "mi",
  "mo",
  "mn",
  "ms",
  "mtext",
  "annotation-xml",
  "foreignobject",
  "desc",
  "title",
]);

/** Whether the page has so few start tags that no element can end up deeper than `limit`. */
function tooFewTagsToNest(html: string, limit: number): boolean {
  return startTagsUpTo(html, limit) <= limit;
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
 * their tree turns out too deep: with this few tags the parser's stack work is bounded, and no real page
 * is too deep. This saves the tokenizer pass of flattenDeepHtml, a second read of the page, on the many
 * small pages of a captured site. Pages with more tags are pre-scanned, so that a page nested deep stays
 * linear to parse.
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
  /** The open elements, innermost last: what htmlparser2's parser will hold at this point. */
  const stack: string[] = [];
  /** Stack positions of each open element name (for "is it open, and where" in constant time). */
  const positions = new Map<string, number[]>();
  /** htmlparser2's foreign-context stack: whether "<x/>" closes x here. */
  const foreign: boolean[] = [];
  /** Blanked start tags not yet closed, by name: their end tags are blanked too. */
  const blanked = new Map<string, number>();
  const cuts: [number, number][] = [];
  let tag: { name: string; start: number; cut: boolean; pushed: boolean } | undefined;

  const bump = (key: string, by: number): void => {
    const next = (blanked.get(key) ?? 0) + by;
    if (next === 0) blanked.delete(key);
    else blanked.set(key, next);
  };
  const pop = (): void => {
    const top = stack.pop() as string;
    positions.get(top)?.pop();
  };
  const push = (name: string): void => {
    stack.push(name);
    const list = positions.get(name);
    if (list) list.push(stack.length - 1);
    else positions.set(name, [stack.length - 1]);
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
        const isVoid = VOID.has(name);
        // The elements this tag closes first, counted before deciding: a blanked tag closes nothing,
        // since the parser never sees it.
        const closes = CLOSES_ON_TOP.get(name);
        let closed = 0;
        while (closes && closed < stack.length && closes.has(stack[stack.length - 1 - closed] as string))
          closed++;
        const tooDeep = !isVoid && !RAW_TEXT.has(name) && stack.length - closed >= limit;
        if (tooDeep) bump(name, 1);
        else {
          for (let i = 0; i < closed; i++) pop();
          if (!isVoid) {
            push(name);
            if (FOREIGN.has(name)) foreign.push(true);
            else if (HTML_ISLANDS.has(name)) foreign.push(false);
          }
        }
        tag = { name, start: tagOpen(start), cut: tooDeep, pushed: !isVoid && !tooDeep };
      },
      onopentagend(end) {
        if (tag?.cut) cut(tag.start, end);
        tag = undefined;
      },
      onselfclosingtag(end) {
        if (!tag) return;
        if (tag.cut) {
          // A blanked "<x/>" that would have closed itself leaves no open element to match an end tag.
          if (foreign.at(-1) === true) bump(tag.name, -1);
          cut(tag.start, end);
        } else if (foreign.at(-1) === true && tag.pushed && stack.at(-1) === tag.name) {
          // "<x/>" closes x only in foreign content; in HTML the slash means nothing.
          pop();
          if (FOREIGN.has(tag.name) || HTML_ISLANDS.has(tag.name)) foreign.pop();
        }
        tag = undefined;
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        const close = html.indexOf(">", end);
        const span: [number, number] = [tagOpen(start), close === -1 ? html.length - 1 : close];
        if ((blanked.get(name) ?? 0) > 0) {
          bump(name, -1);
          cut(...span);
          return;
        }
        // The parser leaves a foreign context at any end tag of those names, matched or not.
        if (FOREIGN.has(name) || HTML_ISLANDS.has(name)) foreign.pop();
        const at = positions.get(name)?.at(-1);
        if (at !== undefined) while (stack.length > at) pop();
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

/** The text each page was parsed from, and its line index once a line was asked for (see startLineOf). */
const parsedText = new WeakMap<Document, { text: string; lines?: LineIndex }>();

/**
 * The page parsed by htmlparser2 (the parser cheerio uses for it; a cheerio wrapper costs a class per
 * page, so readers walk the tree and wrap it with cheerio's load() only where they want selectors),
 * nested at most MAX_PAGE_DEPTH elements deep; a warning naming the line where deeper elements were
 * flattened. `lineOffset` places HTML embedded in a markdown page on that page's lines. Every node has
 * its start and end offsets in the page (startIndex, endIndex).
 */
export function loadHtmlPage(html: string, file: string, warnings: Diagnostic[], lineOffset = 1): Document {
  const parse = (text: string): Document => {
    const doc = parseDocument(text, { withStartIndices: true, withEndIndices: true });
    parsedText.set(doc, { text });
    return doc;
  };
  const tags = startTagsUpTo(html, PARSE_FIRST_TAGS);
  if (tags <= MAX_PAGE_DEPTH) return parse(html);
  if (tags <= PARSE_FIRST_TAGS) {
    const doc = parse(html);
    if (!nestsDeeperThan(doc, MAX_PAGE_DEPTH)) return doc;
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

function rootOf(node: AnyNode): Document | undefined {
  let at: AnyNode = node;
  while (at.parent) at = at.parent;
  return at.type === "root" ? (at as Document) : undefined;
}

/** The line (1-based) where `node` starts in the HTML it was parsed from. */
export function startLineOf(node: AnyNode): number | undefined {
  if (node.startIndex === null) return undefined;
  const root = rootOf(node);
  const parsed = root && parsedText.get(root);
  if (!parsed) return undefined;
  parsed.lines ??= new LineIndex(parsed.text);
  return parsed.lines.lineAt(node.startIndex);
}

/**
 * Whether the element's end tag is in the page ("</td>"), rather than implied by the parser: by a
 * following start tag, an enclosing end tag, or the end of the page (a capture cut off inside it).
 */
export function hasOwnEndTag(el: Element): boolean {
  const root = rootOf(el);
  const text = root && parsedText.get(root)?.text;
  if (text === undefined || el.endIndex === null) return false;
  // The parser ends an element just after its end tag's name (at the ">" of "</td>", the space of
  // "</td >"); an implied end lies at the end of whatever tag implied it.
  const start = el.endIndex - el.name.length - 2;
  return start >= 0 && text.slice(start, el.endIndex).toLowerCase() === `</${el.name}`;
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
