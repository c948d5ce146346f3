// The one reader of an operation's link to its own docs page on a reference site that shows no method or
// path (docs.stripe.com: "/api/identity/verification_sessions/create"): the collection the link names and
// the CRUD verb it ends with. The extractor reads from the verb where a page's fields go (the query of a
// read, else the body) and placement builds the route from both, so both read the link the same way.

import { CRUD_VERBS } from "./crud-verbs.ts";

/** The first segment of a link to an operation's own docs page ("/api/widgets/create"). */
const DOCS_ROOTS = new Set(["api", "reference", "api-reference", "docs"]);
/** The CRUD verbs whose operations read: GET on a collection or an item, DELETE on an item (no body). */
const BODYLESS_VERBS = new Set(["list", "retrieve", "delete"]);
// A path segment's literal characters, with the `:`, `@` and `$` RFC 3986 allows in one: Google's custom
// methods sit after a colon ("/api/v2/keys:lookupKey/list" names GET /v2/keys:lookupKey), OData's after a
// dollar ("/api/timeseries/instances/$batch/create" names POST /timeseries/instances/$batch).
const SEGMENT = /^[A-Za-z0-9._~:@$-]+$/;

export interface DocsLink {
  /** The CRUD verb the link ends with. */
  verb: string;
  /** The literal segments between the docs root and the verb: the collection ("identity", "verification_sessions"). */
  collection: string[];
}

/**
 * A docs link's CRUD verb and collection, or undefined when the link is not one: another root, a verb that is
 * no CRUD verb (a custom action names neither its method nor where it sits), no collection, or a `#`/`?`
 * (`/api/#X-Amz-Target=Svc.Op/create` links to `/api/` and an anchor after it).
 */
export function readDocsLink(link: string): DocsLink | undefined {
  if (/[#?]/.test(link)) return undefined;
  const [root, ...rest] = link.split("/").filter((p) => p !== "");
  const verb = rest.pop()?.toLowerCase();
  if (!root || !DOCS_ROOTS.has(root.toLowerCase()) || !verb || !CRUD_VERBS.has(verb)) return undefined;
  if (rest.length === 0 || !rest.every((s) => SEGMENT.test(s))) return undefined;
  return { verb, collection: rest };
}

/** Whether a docs link names an operation that reads (list, retrieve, delete): undefined when it is no docs link. */
export function docsLinkReadsOnly(link: string): boolean | undefined {
  const read = readDocsLink(link);
  return read && BODYLESS_VERBS.has(read.verb);
}
