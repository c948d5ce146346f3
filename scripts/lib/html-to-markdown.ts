// An OpenAPI description is CommonMark, and many specs write HTML in it (Stripe's are all `<p>...</p>`
// with `<code>` and `<a href>`): editors show JSDoc as markdown, so the HTML elements that have a
// markdown form become it, and everything else stays byte for byte as the author wrote it (markdown
// text, entities, and tags that are not HTML such as GitHub's `<owner>`). Read with htmlparser2, which
// streams (no recursion, linear time); the open elements are a stack of frames.
//
// - p, div, blockquote, h1-h6 (as bold): paragraphs; br a line break; hr a rule;
// - code, kbd, samp, tt: a code span; pre a fenced block (their text with entities decoded, as markdown
//   shows code verbatim); strong/b and em/i: ** and *; a: a link when it goes to http(s) or mailto,
//   else its text; ul/ol/li: lists, nested lists indented;
// - script, style, comments: dropped; span, u, small and the like: their content.
import { Tokenizer } from "htmlparser2";

const BLOCKS = new Set(["p", "div", "blockquote", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"]);
const CODE = new Set(["code", "kbd", "samp", "tt"]);
const INLINE = new Set([
  "span",
  "u",
  "small",
  "sup",
  "sub",
  "abbr",
  "mark",
  "ins",
  "del",
  "s",
  "cite",
  "dfn",
]);
const STRONG = new Set(["strong", "b"]);
const EMPHASIS = new Set(["em", "i"]);
const LISTS = new Set(["ul", "ol"]);
const DROPPED = new Set(["script", "style", "template"]);
const KNOWN = new Set([
  ...BLOCKS,
  ...CODE,
  ...INLINE,
  ...STRONG,
  ...EMPHASIS,
  ...LISTS,
  ...DROPPED,
  "pre",
  "a",
  "li",
]);
/** Lists nested deeper than this are written at this depth: indentation stays bounded. */
const MAX_LIST_DEPTH = 8;
/**
 * Elements nested deeper than this are taken as their content (no frame), so the work per tag, which
 * looks through the open elements, stays bounded.
 */
const MAX_DEPTH = 64;

interface Frame {
  tag: string;
  parts: string[];
  href?: string;
  /** ul/ol: the number of the next item. */
  next?: number;
  /** li: its marker ("- ", "3. "). */
  marker?: string;
}

/** Text of HTML source with its entities decoded and its tags dropped (htmlparser2's own decoder). */
function decoded(source: string): string {
  const out: string[] = [];
  const ignore = (): void => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      ontext: (start, end) => void out.push(source.slice(start, end)),
      ontextentity: (codepoint) => void out.push(String.fromCodePoint(codepoint)),
      oncdata: (start, end) => void out.push(source.slice(start, end)),
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      onclosetag: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onopentagname: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
    },
  );
  tokenizer.write(source);
  tokenizer.end();
  return out.join("");
}

/** The longest run of backticks in `text`. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === "`" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

function codeSpan(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return "";
  const fence = "`".repeat(longestBacktickRun(flat) + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function codeBlock(text: string): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `\n\n${fence}\n${text.replace(/^\n/, "").trimEnd()}\n${fence}\n\n`;
}

/** A link destination markdown keeps as written: http(s) and mailto, with spaces and parentheses encoded. */
function linkTarget(href: string | undefined): string | undefined {
  const target = href?.trim();
  if (target === undefined || !/^(https?:\/\/|mailto:)/i.test(target)) return undefined;
  // encodeURIComponent leaves parentheses as they are; in a markdown link they would end the target.
  const escapes: Record<string, string> = { "(": "%28", ")": "%29", "<": "%3C", ">": "%3E" };
  return target.replace(/[\s()<>]/g, (c) => escapes[c] ?? encodeURIComponent(c));
}

function listDepth(stack: readonly Frame[]): number {
  return stack.filter((f) => LISTS.has(f.tag)).length;
}

/** A frame's content as markdown, to go into its parent. */
function render(frame: Frame, stack: readonly Frame[]): string {
  const inner = frame.parts.join("");
  const tag = frame.tag;
  if (BLOCKS.has(tag)) {
    const text = inner.trim();
    if (text === "") return "";
    if (tag === "blockquote") return `\n\n${text.replace(/^/gm, "> ")}\n\n`;
    return tag.startsWith("h") && tag.length === 2 ? `\n\n**${text}**\n\n` : `\n\n${text}\n\n`;
  }
  if (STRONG.has(tag) || EMPHASIS.has(tag)) {
    const mark = STRONG.has(tag) ? "**" : "*";
    const text = inner.trim();
    return text === "" ? inner : `${mark}${text}${mark}`;
  }
  if (tag === "a") {
    const target = linkTarget(frame.href);
    const text = inner.trim();
    return target !== undefined && text !== "" ? `[${text}](${target})` : inner;
  }
  if (LISTS.has(tag)) {
    const items = inner.trim().replace(/\n{2,}/g, "\n");
    return items === "" ? "" : `\n\n${items}\n\n`;
  }
  if (tag === "li") {
    const marker = frame.marker ?? "- ";
    const lines = inner
      .trim()
      .replace(/\n{2,}/g, "\n")
      .split("\n");
    const indent = listDepth(stack) >= MAX_LIST_DEPTH ? "" : " ".repeat(marker.length);
    return `\n${marker}${lines.map((line, i) => (i === 0 ? line : `${indent}${line}`)).join("\n")}\n`;
  }
  return inner; // inline elements: their content
}

/** The description with its HTML elements written as markdown (see the file head). */
export function htmlToMarkdown(text: string): string {
  if (!text.includes("<")) return text;
  const root: Frame = { tag: "", parts: [] };
  const stack: Frame[] = [root];
  const top = (): Frame => stack[stack.length - 1] ?? root;
  /** An element whose source is taken whole (code, pre, script...): its tag, nesting and start. */
  let verbatim: { tag: string; depth: number; from: number } | undefined;
  /** Known elements opened beyond MAX_DEPTH, whose closing tags are skipped. */
  let beyond = 0;
  /** The start tag being read: its name, where its "<" is, and its href so far. */
  let opening: { name: string; from: number; href?: string } | undefined;
  let attribute: string | undefined;

  const open = (name: string, from: number, end: number, href: string | undefined): void => {
    if (verbatim !== undefined) {
      if (name === verbatim.tag) verbatim.depth++;
      return;
    }
    if (!KNOWN.has(name)) {
      if (name === "br") top().parts.push("\n");
      else if (name === "hr") top().parts.push("\n\n---\n\n");
      else top().parts.push(text.slice(from, end + 1));
      return;
    }
    if (CODE.has(name) || name === "pre" || DROPPED.has(name)) {
      verbatim = { tag: name, depth: 1, from: end + 1 };
      return;
    }
    if (stack.length > MAX_DEPTH) {
      beyond++;
      return;
    }
    const frame: Frame = { tag: name, parts: [] };
    if (name === "a" && href !== undefined) frame.href = href;
    if (LISTS.has(name)) frame.next = 1;
    if (name === "li") {
      const list = [...stack].reverse().find((f) => LISTS.has(f.tag));
      const number = list?.next;
      if (list !== undefined && list.tag === "ol" && number !== undefined) {
        frame.marker = `${number}. `;
        list.next = number + 1;
      } else frame.marker = "- ";
    }
    stack.push(frame);
  };

  const close = (name: string, from: number): void => {
    if (verbatim !== undefined) {
      if (name !== verbatim.tag || --verbatim.depth > 0) return;
      const inside = text.slice(verbatim.from, from);
      const tag = verbatim.tag;
      verbatim = undefined;
      if (DROPPED.has(tag)) return;
      const content = decoded(inside);
      top().parts.push(tag === "pre" ? codeBlock(content) : codeSpan(content));
      return;
    }
    if (!KNOWN.has(name)) {
      // A tag that is not HTML (`</owner>`): as written.
      if (name !== "br" && name !== "hr") top().parts.push(`</${name}>`);
      return;
    }
    if (beyond > 0) {
      beyond--;
      return;
    }
    const at = stack.map((f) => f.tag).lastIndexOf(name);
    if (at <= 0) return;
    while (stack.length > at) {
      const frame = stack.pop() as Frame;
      top().parts.push(render(frame, stack));
    }
  };

  const ignore = (): void => undefined;
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: false },
    {
      onopentagname(start, end) {
        opening = { name: text.slice(start, end).toLowerCase(), from: start - 1 };
      },
      onattribname(start, end) {
        attribute = text.slice(start, end).toLowerCase();
        if (attribute === "href" && opening) opening.href = "";
      },
      onattribdata(start, end) {
        if (attribute === "href" && opening) opening.href = (opening.href ?? "") + text.slice(start, end);
      },
      onattribend() {
        attribute = undefined;
      },
      onopentagend(end) {
        if (opening) open(opening.name, opening.from, end, opening.href);
        opening = undefined;
      },
      onselfclosingtag(end) {
        // "<x/>" is a start tag in HTML (the slash means nothing), so `<br/>` is a line break.
        if (opening) open(opening.name, opening.from, end, opening.href);
        opening = undefined;
      },
      onclosetag(start, end) {
        close(text.slice(start, end).toLowerCase(), start - 2);
      },
      ontext(start, end) {
        if (verbatim !== undefined) return;
        const chunk = text.slice(start, end);
        const frame = top();
        // Inside an HTML element, whitespace is HTML's (a line break is a space; an indent must not become
        // a markdown code block); at the top level the text is markdown and stays as written.
        if (frame === root) frame.parts.push(chunk);
        else if (!LISTS.has(frame.tag) || chunk.trim() !== "") frame.parts.push(chunk.replace(/\s+/g, " "));
      },
      onattribentity: ignore,
      ontextentity: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onprocessinginstruction: ignore,
      onend: ignore,
    },
  );
  tokenizer.write(text);
  tokenizer.end();
  if (verbatim !== undefined) {
    verbatim.depth = 1; // an element left open takes the rest of the text
    close(verbatim.tag, text.length);
  }
  while (stack.length > 1) {
    const frame = stack.pop() as Frame;
    top().parts.push(render(frame, stack));
  }
  return root.parts
    .join("")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
