// Plain text from what a page shows: the one place that says how a description or a cell is reduced to
// single-spaced words. Every reader calls these instead of keeping its own copy.

/** Line breaks and runs of spaces collapsed to single spaces, ends trimmed. */
export function collapseSpace(text: string): string {
  // Most texts are single-spaced already: test before rebuilding them (a replacement per space).
  return (NOT_SINGLE_SPACED.test(text) ? text.replace(/\s+/g, " ") : text).trim();
}
/** Two whitespace characters in a row, or one that is not a plain space. */
const NOT_SINGLE_SPACED = /\s\s|[^\S ]/;

/**
 * Light markup reduced to its text, whitespace collapsed: [links](url) and ![images](url) keep their text,
 * code ticks and ** bold markers go. `__` is kept: it is part of names such as `__typename`.
 */
export function plainText(text: string): string {
  return collapseSpace(text.replace(/!?\[([^[\]]*)\]\([^()\s]*\)/g, "$1").replace(/\*\*|`/g, ""));
}

/** HTML tags left in captured text (`<p>`, `<br/>`) replaced by spaces; `<=` and `a < b` are not tags. */
export function withoutTags(text: string): string {
  return text.replace(/<\/?[A-Za-z][^<>]*>/g, " ");
}
