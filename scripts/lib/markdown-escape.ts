// Spec and page text in the markdown specsmith writes (report.md, `diff --format markdown` for pull-request
// comments, a generated package's README): it reads as the text it is and adds no markup. Without this,
// a property name or a page heading could add HTML or an image (GitHub loads it for every reader), a
// link whose text is not its target, a heading, a table column, an @mention that notifies someone, or
// close the code span or fence it sits in. Controls and invisible characters are shown as escapes, as on
// the terminal (visible.ts).
import { visible } from "./visible.ts";

/** Every character that starts markup inside a line; all are ASCII punctuation, so `\` escapes them. */
const MARKUP = /[\\`*_~[\]<>#|&]/g;

/**
 * Plain text inside a markdown line: a paragraph, a list item, a heading, a table cell. One line, with
 * runs of white space as one space. An @name becomes `@&#8203;name` (a zero-width space): GitHub finds
 * mentions in the rendered text, where a backslash escape is already gone. Bare URLs may still be
 * linked by GitHub, but such a link shows its own target.
 */
export function markdownText(text: string): string {
  return visible(text.replace(/\s+/g, " ").trim())
    .replace(MARKUP, "\\$&")
    .replace(/@(?=[A-Za-z0-9])/g, "@&#8203;");
}

/**
 * A code span showing `text` exactly, whatever backticks it holds: its fence is longer than any run of
 * backticks inside, and a space pads content that holds a backtick or starts or ends with a space
 * (markdown strips one from each side). Line breaks and other controls show as escapes. Not for table
 * cells: see markdownCellCode.
 */
export function markdownCode(text: string): string {
  return codeSpan(visible(text));
}

/** markdownCode of text already made visible (so a cell does not run visible() twice per text). */
function codeSpan(content: string): string {
  if (content === "") return "` `";
  // Most content holds no backtick and has no space at either end: one backtick on each side.
  if (!content.includes("`") && content.charCodeAt(0) !== 32 && content.charCodeAt(content.length - 1) !== 32)
    return `\`${content}\``;
  const fence = "`".repeat(longestBacktickRun(content) + 1);
  const pad = (content.includes("`") || /^ | $/.test(content)) && !/^ +$/.test(content) ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A code span in a table cell: a "|" ends a cell even inside a code span, so it is written "\|". Where a
 * backslash comes right before a "|", markdown parsers disagree on what "\\|" means inside a cell, so
 * such text is written as escaped plain text instead.
 */
export function markdownCellCode(text: string): string {
  const content = visible(text);
  if (!content.includes("|")) return codeSpan(content);
  if (/\\\|/.test(content)) return markdownText(text);
  return codeSpan(content).replace(/\|/g, "\\|");
}

/** A fenced code block that text cannot close: the fence is longer than any run of backticks inside. */
export function markdownCodeBlock(language: string, code: string): string[] {
  const lines = code.split("\n").map(visible);
  const fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
  return [`${fence}${language}`, ...lines, fence];
}

/** A loop, not Math.max(...runs): a page can hold more runs than a call can take arguments. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
