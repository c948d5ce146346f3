// The title of a page that shows no request line (ReadMe's reference and guide pages, some Docusaurus
// captures), read from the lines above its first section: the merge places the operation by it. One rule
// for every reader of such pages, so a guide page's table and a reference page's nameless fields are
// titled alike.
//
// Above the first section a page shows its title, maybe a description, and ReadMe's try-it console
// (`Recent Requests` ... `LoadingLoading…`). A capture that took the site's navigation along has the
// sidebar above all that: `Skip to main content`, the site's name, the titles of some other operations.
// The first line is then no title, and the sidebar lists only some operations (a long one is cut, a
// collapsed group lists none), so the title is read from the page itself: the last title-like line, the
// one the description's sentences follow.
import type { Source } from "../fragment.ts";
import { singular } from "../../lib/words.ts";
import { isBareTypeLine } from "../type-phrase.ts";
import { plainText } from "./plain.ts";

export interface TitleLine {
  text: string;
  source: Source;
}

/**
 * A short line that does not end a sentence. A lower-case type line (`string`, `array of strings`) is a
 * field's type, never a title: ReadMe's scalar fields lost their names, so a section of them repeats the
 * type line, and a section heading glued to them (`Headers` right above its `string` lines) leaves them
 * above the first section the page shows.
 */
export function isTitleLike(text: string): boolean {
  if (text === "" || isBareTypeLine(text)) return false;
  return text.split(/\s+/).length <= 8 && !/[.!?:]$/.test(text);
}

// ReadMe's try-it console between the description and the first section (LAYOUTS.md family 7): no title
// and no description.
const README_CONSOLE = new Set([
  "Recent Requests",
  "Log in to see full request history",
  "TimeStatusUser Agent",
  "LoadingLoading…",
]);

/**
 * The title among the lines above a page's first section (one of them, as given). A line that repeats
 * an earlier one is the title a sidebar listed too. Where there is no more than a title and a
 * description, the first line is the title. Above a sidebar, the title is the last title-like line (the
 * description's sentences follow the title, the sidebar comes before it), or the one above it that the
 * last one says again (a short description without a full stop).
 */
export function titleAboveSections<L extends TitleLine>(lines: readonly L[]): L | undefined {
  const content = lines.filter((line) => {
    const text = plainText(line.text);
    return text !== "" && !README_CONSOLE.has(text);
  });
  const titleLike = (line: L): boolean => isTitleLike(plainText(line.text));
  const repeated = repeatedTitle(content.filter(titleLike));
  if (repeated) return repeated;
  if (content.length <= 2) return content[0] && titleLike(content[0]) ? content[0] : undefined;
  const last = content.findLastIndex(titleLike);
  const before = content[last - 1];
  const candidate = content[last];
  // A short description with no full stop reads like a title too, but it says again what the title
  // says: "Create collection", then "Create a new Collection by sending collection information".
  if (before && candidate && titleLike(before) && restates(candidate.text, before.text)) return before;
  return candidate;
}

/** Whether every word of a title appears again in a line (any case, singular or plural). */
function restates(line: string, title: string): boolean {
  const words = (text: string): string[] =>
    plainText(text)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== "")
      .map(singular);
  const said = new Set(words(line));
  const titleWords = words(title);
  return titleWords.length > 0 && titleWords.every((w) => said.has(w));
}

/** The first line that repeats an earlier one: a sidebar listed it, the page's heading is it. */
function repeatedTitle<L extends TitleLine>(lines: readonly L[]): L | undefined {
  const seen = new Set<string>();
  for (const line of lines) {
    const text = plainText(line.text);
    if (seen.has(text)) return line;
    seen.add(text);
  }
  return undefined;
}
