// What an operation returns, as docs say it in prose: "Returns the updated Widget object", "List of Widget
// objects that match the filter", "Returns a dictionary with a data property that contains an array of up
// to limit Widget objects", "Returns a list of Widgets". Every page format states its result this way
// somewhere (a Returns section, a closing line, the description), so one reader serves them all and the same
// sentence gives the same hint whichever page it is on.
import type { ReturnsHint } from "./fragment.ts";

// Words that stand before "object" without naming a type: "Returns an object", "a new object", "a JSON
// object", "the list object".
const NOT_A_TYPE_NAME = new Set([
  "a", "an", "the", "this", "that", "each", "every", "one", "such", "json", "new", "empty", "same", "single",
  "given", "whole", "entire", "list", "array", "nothing", "none",
]); // prettier-ignore

/** A type name has capitals or separators; a plain lowercase word must not be an article or participle. */
function isTypeName(word: string): boolean {
  if (NOT_A_TYPE_NAME.has(word.toLowerCase())) return false;
  if (/[A-Z_.]/.test(word)) return true;
  return !/ed$/.test(word);
}

const NAMED_OBJECT = /\b([A-Za-z][\w.]*)\s+(objects?)\b/gi;
const LIST_OF = /\b(?:list|array|collection|page)\s+of\b/i;
// "an array of up to limit PaymentIntents", "a list of all Widgets": a plural type name after "list of".
const PLURAL_LIST =
  /\b(?:list|array|collection|page)\s+of\s+(?:up\s+to\s+\S+\s+)?(?:(?:all|the)\s+)?([A-Z][\w.]*?)s\b/;
// "Returns the Widget.": a statement of at most three words that ends with a capitalised name.
const SHORT_STATEMENT = /^[Rr]eturns?\s+(?:(?:an?|the|one)\s+)?(?:[a-z]+\s+){0,2}?([A-Z][a-z]\w*)\s*\.?$/;

/**
 * The object a text about an operation's result names: "the updated Widget object", "the deleted
 * invoice_item object" (a Widget, not a list), "List of Widget objects that match", "an array of up to
 * limit Widgets" (lists). For text already known to describe the result, such as a Returns section.
 */
export function returnedObject(raw: string): ReturnsHint | undefined {
  const text = raw.replace(/`/g, "").replace(/\s+/g, " ").trim();
  for (const m of text.matchAll(NAMED_OBJECT)) {
    const name = m[1] ?? "";
    if (!isTypeName(name)) continue;
    const list = (m[2] ?? "").toLowerCase() === "objects" || LIST_OF.test(text.slice(0, m.index));
    return { name, list };
  }
  const plural = PLURAL_LIST.exec(text)?.[1];
  if (plural && isTypeName(plural)) return { name: plural, list: true };
  const short = /^\S+(?:\s+\S+){1,3}$/.test(text.replace(/\.$/, "")) ? SHORT_STATEMENT.exec(text) : null;
  if (short?.[1] && isTypeName(short[1])) return { name: short[1], list: false };
  return undefined;
}

// How a sentence that states the result starts: "Returns ...", "List of ...", "An array of ...".
const STATEMENT_START = /^(?:returns?\b|(?:an?\s+)?(?:list|array)\s+of\b)/i;

/** The object a sentence names when the sentence is a statement of the result ("Returns ..."). */
export function returnsStatement(sentence: string): ReturnsHint | undefined {
  const text = sentence.replace(/`/g, "").trim();
  return STATEMENT_START.test(text) ? returnedObject(text) : undefined;
}

/**
 * The result stated anywhere in free prose: the first sentence that is a statement of the result and names
 * its object. "Cancels a parcel. Returns a Parcel object." gives a Parcel.
 */
export function returnsHint(prose: string): ReturnsHint | undefined {
  const text = prose.replace(/`/g, "").replace(/\s+/g, " ").trim();
  for (const sentence of text.split(/(?<=[.!?:])\s+(?=[A-Z])/)) {
    const hint = returnsStatement(sentence);
    if (hint) return hint;
  }
  return undefined;
}
