// The CRUD verbs that name operations on pages that show no method or path: the first word of a title
// ("Create a widget", "Fetch an order"), the last segment of a docs link (".../widgets/create"). One reading
// of them for the extractors (does the operation read, so its fields go in the query?) and for placement
// (which REST route does the verb build?), so the two never disagree on what a word means.

/** The verbs REST convention builds a route from. */
export const CRUD_VERBS = new Set(["create", "list", "retrieve", "update", "delete"]);

/** Other words docs write for them. "Search" lists (a filtered collection read). */
const SYNONYMS: Readonly<Record<string, string>> = {
  add: "create",
  new: "create",
  get: "retrieve",
  fetch: "retrieve",
  show: "retrieve",
  read: "retrieve",
  edit: "update",
  modify: "update",
  remove: "delete",
  destroy: "delete",
  search: "list",
};

/** A verb as the CRUD verb it stands for ("fetch" -> "retrieve"); any other word, lower-cased, as itself. */
export function crudVerb(word: string): string {
  const lower = word.toLowerCase();
  return Object.hasOwn(SYNONYMS, lower) ? (SYNONYMS[lower] as string) : lower;
}

/** Whether the verb reads (list, retrieve, or a word for them): its parameters go in the query string. */
export function verbReads(word: string): boolean {
  const verb = crudVerb(word);
  return verb === "list" || verb === "retrieve";
}
