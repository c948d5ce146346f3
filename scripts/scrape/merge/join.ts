// Decides which operation fragments describe the same operation. Fragments with a method and path are
// grouped by route (parameter names ignored). Fragments without them (a markdown capture that has only
// titles and link slugs) are joined to a group by title, or failing that by REST convention: the verb of
// the title or slug ("create", "list", "cancel") and the resource noun must fit the group's route.
import type { HttpMethod, OperationFragment, PageFragment, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import { formatSource } from "./merge-log.ts";
import { resourceKey } from "./naming.ts";
import { joinSegments, routeKey, routeShape, segments } from "../../lib/route.ts";
import { singular } from "../../lib/words.ts";

export interface PlacedFragment {
  op: OperationFragment;
  page: PageFragment;
}

export interface OperationGroup {
  method: HttpMethod;
  /** The path as the strongest fragment writes it; path-params.ts settles the parameter names. */
  path: string;
  key: string;
  fragments: PlacedFragment[];
  /**
   * Why loose fragments were joined here. Messages are written once path parameter names are settled,
   * so the report names the final route.
   */
  joins: { message: (route: string) => string; sources: Source[] }[];
}

function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/(?<![.:!])[.:!]+$/, "")
    .trim();
}

const VERB_SYNONYMS: Record<string, string> = {
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

interface Intent {
  verb: string;
  resource?: string;
  from: string;
}

/** "Create a VerificationSession" -> {verb: create, resource: VerificationSession}. */
function intentFromTitle(title: string): Intent | undefined {
  const words = title.split(/\s+/).filter((w) => !/^(a|an|the)$/i.test(w));
  const verb = words[0]?.toLowerCase();
  if (!verb || !/^[a-z]+$/.test(verb)) return undefined;
  const resource = words.slice(1).join("");
  return { verb: VERB_SYNONYMS[verb] ?? verb, from: `title "${title}"`, ...(resource ? { resource } : {}) };
}

/** "/api/identity/verification_sessions/create" -> {verb: create, resource: verification_sessions}. */
function intentFromSlug(slug: string): Intent | undefined {
  const parts = slug.split(/[/#?]/).filter((p) => p !== "");
  const verb = parts[parts.length - 1]?.toLowerCase();
  if (!verb || !/^[a-z_]+$/.test(verb)) return undefined;
  const resource = parts[parts.length - 2];
  return { verb: VERB_SYNONYMS[verb] ?? verb, from: `slug ${slug}`, ...(resource ? { resource } : {}) };
}

function fitsConvention(group: OperationGroup, intent: Intent): boolean {
  const shape = routeShape(group.path);
  if (!shape) return false;
  if (intent.resource && resourceKey(intent.resource) !== resourceKey(shape.resource)) return false;
  switch (intent.verb) {
    case "create":
      return shape.kind === "collection" && group.method === "post";
    case "list":
      return shape.kind === "collection" && group.method === "get";
    case "retrieve":
      return shape.kind === "item" && group.method === "get";
    case "update":
      return shape.kind === "item" && ["post", "put", "patch"].includes(group.method);
    case "delete":
      return shape.kind === "item" && group.method === "delete";
    default:
      return shape.kind === "action" && shape.action.toLowerCase() === intent.verb && group.method === "post";
  }
}

/**
 * The path of the strongest source. Among equally strong ones a spelling without a trailing slash wins:
 * the route key ignores the slash, and captures add one (GitBook's `PATCH https://host/x/:id/`, LAYOUTS.md
 * family 15) where another page shows the path without it. A path only ever shown with it keeps it.
 */
function strongestPath(fragments: PlacedFragment[]): string {
  let best: { path: string; rank: number } | undefined;
  const slashed = (path: string): boolean => path.length > 1 && path.endsWith("/");
  for (const { op } of fragments) {
    if (!op.path) continue;
    const rank = STRENGTH_RANK[op.path.strength];
    const tieWon = best !== undefined && rank === best.rank && slashed(best.path) && !slashed(op.path.value);
    if (!best || rank > best.rank || tieWon) best = { path: op.path.value, rank };
  }
  return best?.path ?? "/";
}

function describe(op: OperationFragment): string {
  return op.title?.value ?? op.slug?.value ?? formatSource(op.source);
}

/** A page's operation that neither a method and path nor any convention places: kept for the report. */
export interface UnplacedOperation {
  title: string;
  source: Source;
  /** The fields the page shows for it, as dotted names with their location ("body", "query"...). */
  fields: string[];
}

export function joinOperations(pages: PageFragment[]): {
  groups: OperationGroup[];
  unplaced: UnplacedOperation[];
} {
  const groups = new Map<string, OperationGroup>();
  const loose: PlacedFragment[] = [];
  for (const page of pages) {
    for (const op of page.operations) {
      if (op.method && op.path) {
        const key = `${op.method.value} ${routeKey(op.path.value)}`;
        let group = groups.get(key);
        if (!group) {
          group = { method: op.method.value, path: op.path.value, key, fragments: [], joins: [] };
          groups.set(key, group);
        }
        group.fragments.push({ op, page });
      } else {
        loose.push({ op, page });
      }
    }
  }
  for (const group of groups.values()) group.path = strongestPath(group.fragments);
  const all = [...groups.values()];
  // Placed against the routes the pages show, before any convention adds one.
  const shown = [...all];
  const shared = sharedSlugs(loose);
  const unplaced: UnplacedOperation[] = [];
  for (const placed of loose) {
    if (
      !placeLoose(placed, all) &&
      !placeByConvention(placed, all, shown) &&
      (shared.has(placed.op.slug?.value ?? "") || !placeBySlug(placed, all, shown))
    ) {
      unplaced.push(unplacedOperation(placed.op));
    }
  }
  return { groups: all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), unplaced };
}

function unplacedOperation(op: OperationFragment): UnplacedOperation {
  const fields = [
    ...op.parameters.map((p) => `${p.in} ${p.path.join(".")}`),
    ...(op.requestBody?.fields ?? []).filter((f) => f.path.length > 0).map((f) => `body ${f.path.join(".")}`),
    ...op.responses.flatMap((r) =>
      r.fields.filter((f) => f.path.length > 0).map((f) => `response ${r.status} ${f.path.join(".")}`),
    ),
  ];
  return { title: describe(op), source: op.source, fields: [...new Set(fields)] };
}

// Words of a title that name no resource: "List all widgets", "Create a new widget".
const FILLER_WORDS = new Set(["a", "an", "the", "all", "new", "existing", "one", "your"]);

/** "widget" -> "widgets", "policy" -> "policies", "box" -> "boxes": the collection segment of a noun. */
function plural(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The segments in front of each shown route's resource: "/v1/widgets/{id}" -> "/v1". */
function baseOf(path: string): string | undefined {
  const shape = routeShape(path);
  if (!shape) return undefined;
  const segs = segments(path);
  const at = segs.findIndex((s) => !s.param && s.text === shape.resource);
  return at < 0 ? undefined : joinSegments(segs.slice(0, at)).replace(/^\/$/, "");
}

/** The base most shown routes share, when there is one at all. */
function siteBase(shown: OperationGroup[]): string | undefined {
  const counts = new Map<string, number>();
  for (const g of shown) {
    const base = baseOf(g.path);
    if (base !== undefined) counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The method the site's other update operations use (POST at Stripe, PATCH or PUT elsewhere). */
function updateMethod(shown: OperationGroup[]): HttpMethod {
  const used = shown.filter(
    (g) => routeShape(g.path)?.kind === "item" && ["post", "put", "patch"].includes(g.method),
  );
  return used[0]?.method ?? "patch";
}

/** The REST route of a CRUD verb on a collection ("update" -> the item, by the site's update method). */
function conventionalRoute(
  verb: string,
  collection: string,
  shown: OperationGroup[],
): { method: HttpMethod; path: string } | undefined {
  const item = `${collection}/{id}`;
  switch (verb) {
    case "create":
      return { method: "post", path: collection };
    case "list":
      return { method: "get", path: collection };
    case "retrieve":
      return { method: "get", path: item };
    case "update":
      return { method: updateMethod(shown), path: item };
    case "delete":
      return { method: "delete", path: item };
    default:
      return undefined;
  }
}

/**
 * An operation that shows fields but no method or path, and that no shown route fits: placed by REST
 * convention under the base the site's other pages show ("Create a widget" -> POST /v1/widgets).
 */
function placeByConvention(
  placed: PlacedFragment,
  groups: OperationGroup[],
  shown: OperationGroup[],
): boolean {
  const { op } = placed;
  const intent = op.title && intentFromTitle(op.title.value);
  const base = siteBase(shown);
  if (!intent || base === undefined || unplacedOperation(op).fields.length === 0) return false;
  // The resource words of the title, in the spelling of the site's paths: "Create a payment method" ->
  // payment_methods (or payment-methods where the paths use hyphens).
  const nounWords = (op.title?.value ?? "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/\s+/)
    .slice(1)
    .map((w) => w.replace(/[.:!]$/, ""))
    .filter((w) => w !== "" && !FILLER_WORDS.has(w.toLowerCase()));
  if (nounWords.length === 0 || !nounWords.every((w) => /^[A-Za-z][A-Za-z0-9]*$/.test(w))) return false;
  const separator =
    shown.some((g) => g.path.includes("-")) && !shown.some((g) => g.path.includes("_")) ? "-" : "_";
  const noun = nounWords.join(separator).toLowerCase();
  const route = conventionalRoute(intent.verb, `${base}/${plural(singular(noun))}`, shown);
  if (!route) return false;
  addToRoute(
    placed,
    groups,
    route,
    (final) =>
      `"${describe(op)}" has no method or path; placed by REST convention at ${final} (${intent.from}, ` +
      `under ${base || "/"}, the base the other pages show)`,
  );
  return true;
}

function addToRoute(
  placed: PlacedFragment,
  groups: OperationGroup[],
  route: { method: HttpMethod; path: string },
  message: (route: string) => string,
): void {
  const key = `${route.method} ${routeKey(route.path)}`;
  let group = groups.find((g) => g.key === key);
  if (!group) {
    group = { method: route.method, path: route.path, key, fragments: [], joins: [] };
    groups.push(group);
  }
  group.fragments.push(placed);
  group.joins.push({ message, sources: [placed.op.source] });
}

/** The first segment of a link to an operation's own docs page on reference sites ("/api/widgets/create"). */
const DOCS_ROOTS = new Set(["api", "reference", "api-reference", "docs"]);
const CRUD_VERBS = new Set(["create", "list", "retrieve", "update", "delete"]);

/**
 * Whether a title that is just a CRUD verb and a noun ("List SourceControls", "Create a widget") names the
 * collection the docs link ends at ("categories.json" names categories): a link that goes elsewhere
 * ("/api/subscriptions/list" above source controls nested under a subscription) does not name this
 * operation's route. A longer title (a summary sentence) or another verb says nothing against the link.
 */
function titleNounFits(title: string, collection: string): boolean {
  const [verb, ...rest] = title.split(/\s+/).map((w) => w.replace(/[.:!]$/, ""));
  if (!CRUD_VERBS.has(verb?.toLowerCase() ?? "") || rest.length > 2) return true;
  const noun = rest.filter((w) => w !== "" && !FILLER_WORDS.has(w.toLowerCase()));
  if (noun.length !== 1 || !/^[A-Za-z][A-Za-z0-9]*$/.test(noun[0] ?? "")) return true;
  return resourceKey(noun[0] ?? "") === resourceKey(collection.replace(/\.[A-Za-z]+$/, ""));
}

/**
 * Docs links that operations with different titles carry: such a link names none of them (a renderer may
 * give a nested collection its parent's link), so placing each by it would pour their fields into one
 * operation. The same title under one link is the same operation captured twice.
 */
function sharedSlugs(loose: readonly PlacedFragment[]): Set<string> {
  const titles = new Map<string, Set<string>>();
  for (const { op } of loose) {
    if (!op.slug) continue;
    const seen = titles.get(op.slug.value) ?? new Set<string>();
    seen.add(op.title ? normalizeTitle(op.title.value) : "");
    titles.set(op.slug.value, seen);
  }
  return new Set([...titles].filter(([, t]) => t.size > 1).map(([slug]) => slug));
}

/**
 * An operation no page gives a method or path and no shown base places, whose link to itself names its
 * collection and a CRUD verb ("/api/identity/verification_sessions/update"): placed by REST convention at
 * the collection the link names (PATCH /identity/verification_sessions/{id}). The method and path are
 * INFERRED, not shown: the docs link is not the API's URL (docs.stripe.com drops the `/v1` base), so the
 * report says so for each one. A title whose own verb contradicts the link's keeps the operation unplaced.
 */
function placeBySlug(placed: PlacedFragment, groups: OperationGroup[], shown: OperationGroup[]): boolean {
  const { op } = placed;
  const slug = op.slug?.value;
  const intent = slug ? intentFromSlug(slug) : undefined;
  if (!slug || !intent || !CRUD_VERBS.has(intent.verb)) return false;
  const titled = op.title ? intentFromTitle(op.title.value) : undefined;
  if (titled && CRUD_VERBS.has(titled.verb) && titled.verb !== intent.verb) return false;
  const parts = (slug.split(/[?#]/)[0] ?? "").split("/").filter((p) => p !== "");
  const [root, ...rest] = parts;
  const named = rest.slice(0, -1);
  if (!root || !DOCS_ROOTS.has(root.toLowerCase()) || named.length === 0) return false;
  if (!named.every((s) => /^[A-Za-z0-9._~-]+$/.test(s))) return false;
  if (op.title && !titleNounFits(op.title.value, named[named.length - 1] ?? "")) return false;
  const route = conventionalRoute(intent.verb, `/${named.join("/")}`, shown);
  if (!route) return false;
  addToRoute(
    placed,
    groups,
    route,
    (final) =>
      `"${describe(op)}" has no method or path and no page shows the API's base; INFERRED ${final} by REST ` +
      `convention from its docs link ${slug} ("${intent.verb}"): the method and path are not shown, check them`,
  );
  return true;
}

/** Joins a fragment without method and path to a shown route by title or REST convention. */
function placeLoose(placed: PlacedFragment, groups: OperationGroup[]): boolean {
  const { op } = placed;
  const sources: Source[] = [op.source];
  const title = op.title ? normalizeTitle(op.title.value) : undefined;
  if (title) {
    const byTitle = groups.filter((g) =>
      g.fragments.some((f) => f.op.title && normalizeTitle(f.op.title.value) === title),
    );
    if (byTitle.length === 1 && byTitle[0]) {
      const others = byTitle[0].fragments.map((f) => f.op.source);
      byTitle[0].fragments.push(placed);
      byTitle[0].joins.push({
        message: () =>
          `"${op.title?.value}" has no method or path; joined by its title to the operation other pages give`,
        sources: [op.source, ...others],
      });
      return true;
    }
  }
  const intents = [
    op.title && intentFromTitle(op.title.value),
    op.slug && intentFromSlug(op.slug.value),
  ].filter((i): i is Intent => Boolean(i));
  for (const intent of intents) {
    const fits = groups.filter((g) => fitsConvention(g, intent));
    if (fits.length === 1 && fits[0]) {
      const group = fits[0];
      group.fragments.push(placed);
      group.joins.push({
        message: (route) =>
          `"${describe(op)}" has no method or path; joined by REST convention (${intent.from}: ` +
          `"${intent.verb}" fits ${route})`,
        sources,
      });
      return true;
    }
  }
  return false;
}
