// docs.stripe.com markdown captures usually arrive flattened onto one line (LAYOUTS.md family 2):
// "# Title desc ## Returns … ```curl curl https://… \ -d x=1 ``` ## Parameters - `name` (type, optional) desc
// - …". Markdown needs its line breaks back before it can be parsed: headings, fences, list items and curl
// continuations go on lines of their own. A page that keeps its newlines is left as it is.
import { labelZone } from "./statements.ts";

/**
 * A capture flattened with each line break made one space keeps a blank line between paragraphs as two or
 * more spaces ("# Title  [Title](/api/x)  - namestring"): those runs are where its paragraphs were.
 */
const PARAGRAPH_BREAK = / {2,}/;

/** A capture is flattened when its text sits on a few very long lines that hold several headings or fences. */
function isFlattened(text: string): boolean {
  const lines = text.trim().split("\n");
  if (lines.length > 3) return false;
  const longest = Math.max(...lines.map((l) => l.length));
  const headings = text.match(/(?:^|\s)#{1,6} /g)?.length ?? 0;
  // Headings or a fence inside a line: a short page flattened (one operation, no parameters) is one too.
  if (/[ \t]#{1,6} [^\n]*[ \t]#{1,6} |[^\n]```/.test(text)) return true;
  // One heading is enough when runs of spaces show where the paragraphs were (PARAGRAPH_BREAK).
  const breaks = text.match(new RegExp(PARAGRAPH_BREAK.source, "g"))?.length ?? 0;
  return longest > 200 && (headings > 2 || (headings > 0 && breaks > 2));
}

/** One code block's content: the first word is its language when another word follows. */
function codeBlock(inside: string): string {
  const t = inside.trim();
  const space = t.indexOf(" ");
  const lang = space > 0 && /^[a-z]+$/.test(t.slice(0, space)) ? t.slice(0, space) : "";
  const body = lang ? t.slice(space + 1) : t;
  // "curl https://… \ -u "<>" \ -d x=1": each continuation back on a line of its own.
  const lines = body.split(" \\ ").join(" \\\n");
  return `\n\n\`\`\`${lang}\n${lines.trim()}\n\`\`\`\n\n`;
}

// Section words a flattened heading starts with; the rest of the heading's line is the section's text.
const SECTION_WORD =
  /^(#{2,6} (?:Prerequisites|Request|Response|Parameters|Returns|Errors|Attributes))\s+(\S)/;
// "## Prerequisites" introduces steps that call OTHER operations; as a heading of its own it would look like
// an operation's section, so it stays a label paragraph inside the operation.
const PREREQUISITES = /^#{2,6} (Prerequisites)$/;
// A description's first word: a verb in the third person ("Updates", "Retrieves", "Lists").
const DESCRIPTION_VERB = /^[A-Z][a-z]+s$/;

/** A paragraph that is only a link: "[Create a widget](/api/widgets/create)". */
const LINK_ONLY = /^\[([^[\]]+)\]\([^()\s]*\)$/;

/**
 * A flattened heading's own text: a section heading is its section word; an operation's title ends
 * before its description's first verb ("# Update a widget Updates one widget." -> "Update a widget").
 * A heading that is a whole section label ("#### Response (200)", "### Response 201 Created", "## Request
 * body") is kept whole: what follows its section word is the label's status or kind, not prose. So is a
 * title the next paragraph links to (`selfLink`, seed 003's "# Title" then "[Title](/api/…)"): the
 * link's text is the title, so "# Lists all of the Certificates" is not cut before "Certificates".
 */
function splitHeading(line: string, selfLink?: string): string {
  const section = SECTION_WORD.exec(line);
  if (section?.[1]) {
    if (labelZone(line.replace(/^#+/, ""))) return line;
    const heading = section[1].replace(PREREQUISITES, "$1:");
    return `${heading}\n\n${line.slice(section[1].length).trim()}`;
  }
  const words = line.split(" ");
  if (!/^#{1,6}$/.test(words[0] ?? "")) return line;
  const title = words.slice(1).join(" ");
  if (selfLink !== undefined && title === selfLink) return line;
  if (selfLink !== undefined && title.startsWith(`${selfLink} `))
    return `${words[0]} ${selfLink}\n\n${title.slice(selfLink.length + 1)}`;
  const verb = words.findIndex((w, i) => i >= 3 && DESCRIPTION_VERB.test(w));
  if (verb === -1) return line;
  return `${words.slice(0, verb).join(" ")}\n\n${words.slice(verb).join(" ")}`;
}

/**
 * Prose between fences: headings and list items ("- `name` (…)", "- 1. step") start lines. After "Possible
 * enum values:", the items that are only a value ("- `red`") are the enum's, one level deeper.
 */
function proseBlock(outside: string, next: string | undefined): string {
  const parts = outside.split(/ (?=#{1,6} )/);
  const selfLink = LINK_ONLY.exec(next?.trim() ?? "")?.[1]?.trim();
  // Only the paragraph's last heading runs up to the next paragraph, the one that may link to it.
  const withHeadings = parts
    .map((part, i) => splitHeading(part.trim(), i === parts.length - 1 ? selfLink : undefined))
    .join("\n\n");
  const items = withHeadings.split(/ (?=- (?:`|\d+\. ))/);
  const out: string[] = [];
  let inEnum = false;
  for (const item of items) {
    const valueOnly = /^- `[^`]*`\s*$/.test(item);
    out.push(inEnum && valueOnly ? `  ${item.trim()}` : item.trim());
    if (!valueOnly) inEnum = /Possible enum values:?\s*$/i.test(item);
  }
  return out.join("\n");
}

/** The paragraphs between two fences, each read with the one after it (which may be its heading's self-link). */
function proseBlocks(paragraphs: readonly string[]): string {
  return paragraphs.map((p, i) => proseBlock(p, paragraphs[i + 1])).join("\n\n");
}

/**
 * The page text with its line breaks restored. A page that kept them still gets its section headings
 * that run on into prose ("## Returns Returns the object.") split into the heading and a paragraph.
 */
export function unflattenMarkdown(text: string): string {
  if (!isFlattened(text)) {
    // A description kept as HTML ("<p>Deletes a project.</p>") with the next heading straight under it: in
    // markdown an HTML block runs on to the next blank line and would swallow the heading and everything
    // after it, but the page means a new section there.
    return text
      .replace(/^(<[A-Za-z][^\n]*)\n(?=#{1,6} )/gm, "$1\n\n")
      .replace(/^#{2,6} [^\n]*$/gm, (line) => (SECTION_WORD.test(line) ? splitHeading(line) : line));
  }
  return text
    .split("```")
    .map((part, i) => (i % 2 === 1 ? codeBlock(part) : proseBlocks(part.split(PARAGRAPH_BREAK))))
    .join("")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
