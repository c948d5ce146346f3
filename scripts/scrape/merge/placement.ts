// Places operation fragments that show no method or path of their own (a markdown capture with only titles
// and link slugs, a page whose request line was cut off): joined to a shown route by title, or placed by
// REST convention, where the verb of the title or slug ("create", "list", "cancel") and the resource noun
// must fit the route, and the path parameters the page declares must fit its slots. What nothing places is
// kept for the report as an unplaced operation with its fields.
import type { HttpMethod, OperationFragment, PageFragment, Source } from "../fragment.ts";
import type { OperationGroup, PlacedFragment } from "./join.ts";
import { formatSource } from "./merge-log.ts";
import { resourceKey } from "./naming.ts";
import { joinSegments, pathParamNames, routeBase, routeKey, routeShape, segments } from "../../lib/route.ts";
import { plural, singular } from "../../lib/words.ts";
import { readDocsLink } from "../read/docs-link.ts";
import { CRUD_VERBS, crudVerb } from "../read/crud-verbs.ts";

function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/(?<![.:!])[.:!]+$/, "")
    .trim();
}

interface Intent {
  verb: string;
  resource?: string;
  from: string;
}

// Words that join a phrase, never part of a resource's name: "the balance of a gift card".
const PHRASE_WORDS = new Set([
  "of",
  "for",
  "by",
  "from",
  "to",
  "in",
  "on",
  "with",
  "at",
  "into",
  "and",
  "or",
  "that",
  "which",
  "been",
]);

// Words of a title that name no resource: "List all widgets", "Create a new widget".
const FILLER_WORDS = new Set(["a", "an", "the", "all", "new", "existing", "one", "your"]);

/**
 * The words of a title, a camelCase one split at its capitals ("updateSandbox" -> update, Sandbox),
 * without articles and filler words, and without a trailing full stop or colon.
 */
function titleWords(title: string): string[] {
  return title
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/\s+/)
    .map((w) => w.replace(/[.:!]$/, ""))
    .filter((w) => w !== "" && !FILLER_WORDS.has(w.toLowerCase()));
}

/** "Create a VerificationSession" or "createVerificationSession" -> {verb: create, resource: VerificationSession}. */
function intentFromTitle(title: string): Intent | undefined {
  // An operation id written Resource_Verb ("SourceControl_Get", "Widget_CreateOrUpdate"): its verb is last.
  const resourceVerb = /^([A-Za-z][A-Za-z0-9]*)_([A-Za-z][A-Za-z0-9]*)$/.exec(title.trim());
  const words = resourceVerb
    ? [...titleWords(resourceVerb[2] ?? "").slice(0, 1), resourceVerb[1] ?? ""]
    : titleWords(title);
  const said = words[0]?.toLowerCase();
  if (!said || !/^[a-z]+$/.test(said)) return undefined;
  const resource = words.slice(1).join("");
  const last = words[words.length - 1] ?? "";
  // "getSandboxes" and "Retrieve all Categories" get many: a list, not one item.
  const named = crudVerb(said);
  const verb = named === "retrieve" && words.length > 1 && singular(last) !== last ? "list" : named;
  return { verb, from: `title "${title}"`, ...(resource ? { resource } : {}) };
}

/** "/api/identity/verification_sessions/create" -> {verb: create, resource: verification_sessions}. */
function intentFromSlug(slug: string): Intent | undefined {
  const parts = slug.split(/[/#?]/).filter((p) => p !== "");
  const verb = parts[parts.length - 1]?.toLowerCase();
  if (!verb || !/^[a-z_]+$/.test(verb)) return undefined;
  const resource = parts[parts.length - 2];
  return { verb: crudVerb(verb), from: `slug ${slug}`, ...(resource ? { resource } : {}) };
}

/** Whether a verb and noun fit a route by REST convention ("update" a widget: POST/PUT/PATCH /widgets/{id}). */
function fitsConvention(route: { method: HttpMethod; path: string }, intent: Intent): boolean {
  const shape = routeShape(route.path);
  if (!shape) return false;
  if (intent.resource && resourceKey(intent.resource) !== resourceKey(shape.resource)) return false;
  switch (intent.verb) {
    case "create":
      // A PUT to an item creates it where the client names it ("create or update").
      return (
        (shape.kind === "collection" && route.method === "post") ||
        (shape.kind === "item" && route.method === "put")
      );
    case "list":
      return shape.kind === "collection" && route.method === "get";
    case "retrieve":
      return shape.kind === "item" && route.method === "get";
    case "update":
      return shape.kind === "item" && ["post", "put", "patch"].includes(route.method);
    case "delete":
      return shape.kind === "item" && route.method === "delete";
    default:
      return shape.kind === "action" && shape.action.toLowerCase() === intent.verb && route.method === "post";
  }
}

/**
 * Whether a page that lists its inputs lists none for a route's item slot. Only a create has two shapes:
 * "Create new Article" with a body table and no path parameter creates in the collection (POST
 * /articles), not at a name the client gives the item (PUT /articles/{article_id}). A page that lists no
 * inputs at all says nothing either way.
 */
function namesNoItem(op: OperationFragment, route: { path: string }): boolean {
  const listsInputs = op.parameters.length > 0 || (op.requestBody?.fields.length ?? 0) > 0;
  const shape = routeShape(route.path);
  return listsInputs && shape?.kind === "item" && !hasListedParameters(route.path, op);
}

/** The path parameters a page declares for an operation, in page order. */
function declaredPathNames(op: OperationFragment): string[] {
  return [...new Set(op.parameters.filter((p) => p.in === "path").map((p) => p.path[0] ?? ""))].filter(
    (n) => n !== "",
  );
}

/**
 * The route with the path parameters the page declares written into its slots: a slot already named as
 * the page names a parameter keeps it; the other declared names take the remaining slots from the right
 * (the item's own parameter is the last one, its parents' are shown by other routes). Undefined when the
 * page declares more path parameters than the route has slots: the route contradicts the page.
 */
export function withDeclaredNames(path: string, declared: readonly string[]): string | undefined {
  const segs = segments(path);
  const slotNames = segs.filter((s) => s.param).map((s) => s.text);
  const free = declared.filter((n) => !slotNames.includes(n));
  const open = slotNames.flatMap((name, i) => (declared.includes(name) ? [] : [i]));
  if (free.length > open.length) return undefined;
  if (free.length === 0) return path;
  const taken = new Map(open.slice(open.length - free.length).map((slot, i) => [slot, free[i] ?? ""]));
  let slot = -1;
  return joinSegments(
    segs.map((s) => {
      if (!s.param) return s;
      slot++;
      return { text: taken.get(slot) ?? s.text, param: true };
    }),
  );
}

/**
 * The route for an operation with the path parameters its page declares written in (withDeclaredNames);
 * undefined where the route has fewer slots than the page lists path parameters, named or not.
 */
function placedPathFor(path: string, op: OperationFragment): string | undefined {
  const declared = declaredPathNames(op);
  if (pathParamNames(path).length < declared.length + (op.namelessPathParameters ?? 0)) return undefined;
  return withDeclaredNames(path, declared);
}

/** Whether a route's path parameters are exactly those the page lists: its named ones and as many unnamed. */
function hasListedParameters(path: string, op: OperationFragment): boolean {
  const names = pathParamNames(path);
  const declared = declaredPathNames(op);
  return (
    declared.every((n) => names.includes(n)) &&
    names.length === declared.length + (op.namelessPathParameters ?? 0)
  );
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

/**
 * Places each loose fragment on a group (adding a group where convention builds a new route), trying the
 * surest reading first: its title on a shown operation, an RPC site's pattern, a shown route whose path
 * parameters are those the page declares, REST convention under the site's base, and last its docs link.
 * Returns the operations nothing placed.
 */
export function placeLooseFragments(
  loose: readonly PlacedFragment[],
  groups: OperationGroup[],
  pages: readonly PageFragment[],
): UnplacedOperation[] {
  // Placed against the routes the pages show, before any convention adds one.
  const site: Site = { shown: [...groups], listed: listedMethods(pages) };
  const shared = sharedSlugs(loose);
  const formats = collectionFormats(loose);
  const unplaced: UnplacedOperation[] = [];
  for (const placed of loose) {
    if (
      !placeLoose(placed, groups, site.shown) &&
      !placeOnRpcTarget(placed, groups, site) &&
      !placeOnShownRoute(placed, groups, site) &&
      !placeByConvention(placed, groups, site) &&
      (shared.has(placed.op.slug?.value ?? "") || !placeBySlug(placed, groups, site.shown, formats))
    ) {
      unplaced.push(unplacedOperation(placed.op));
    }
  }
  return unplaced;
}

/** What the site shows besides one loose page: the routes other pages give, and the methods its navs list. */
interface Site {
  shown: OperationGroup[];
  /** Methods a nav lists beside an operation's title ("PUTupdateSandbox"), by normalised title. */
  listed: Map<string, Set<HttpMethod>>;
}

function listedMethods(pages: readonly PageFragment[]): Map<string, Set<HttpMethod>> {
  const listed = new Map<string, Set<HttpMethod>>();
  for (const page of pages) {
    for (const entry of page.listedOperations) {
      if (!entry.method) continue;
      const title = normalizeTitle(entry.title);
      const methods = listed.get(title) ?? new Set<HttpMethod>();
      methods.add(entry.method);
      listed.set(title, methods);
    }
  }
  return listed;
}

/** The one method the site's navs list beside this operation's title, when they list exactly one. */
function listedMethod(op: OperationFragment, site: Site): HttpMethod | undefined {
  const methods = op.title ? site.listed.get(normalizeTitle(op.title.value)) : undefined;
  return methods?.size === 1 ? [...methods][0] : undefined;
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

/**
 * A route that names its operation in a fragment or query ("/#X-Amz-Target=AWSGlue.CreateJob",
 * "/?Action=RunInstances"): an RPC call, not a resource, so REST convention says nothing about its site.
 */
function isRpcTarget(path: string): boolean {
  return /[#?]/.test(path);
}

/**
 * Whether a page shows something of an operation to place: a named field, or a response's status code (a
 * ReadMe reference page whose scalar fields lost their names still lists `Responses` 200, 404). A page of
 * prose under a title shows neither and is not made an operation by its title alone.
 */
function showsOperation(op: OperationFragment): boolean {
  return unplacedOperation(op).fields.length > 0 || op.responses.length > 0;
}

/**
 * On an RPC site every shown route is one prefix and its own operation's title, with one method
 * ("POST /#X-Amz-Target=AWSGlue." + "CreateJob"): a page titled "ListBlueprints" is that prefix and its
 * title. Nothing is placed where a shown route does not follow the pattern or the methods differ.
 */
function placeOnRpcTarget(placed: PlacedFragment, groups: OperationGroup[], site: Site): boolean {
  const title = placed.op.title?.value.trim() ?? "";
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(title) || site.shown.length < 2) return false;
  const prefixes = new Set<string>();
  const methods = new Set<HttpMethod>();
  for (const g of site.shown) {
    const own = g.fragments.map((f) => f.op.title?.value.trim() ?? "").find((t) => t && g.path.endsWith(t));
    if (!own) return false;
    prefixes.add(g.path.slice(0, -own.length));
    methods.add(g.method);
  }
  const [prefix] = prefixes;
  const [method] = methods;
  if (prefixes.size !== 1 || methods.size !== 1 || !prefix || !method || !isRpcTarget(prefix)) return false;
  const listed = listedMethod(placed.op, site);
  if (listed && listed !== method) return false;
  return addToRoute(
    placed,
    groups,
    { method, path: `${prefix}${title}` },
    (final) =>
      `"${describe(placed.op)}" has no method or path; placed at ${final}, the RPC target every other page ` +
      `builds from its title`,
  );
}

/** The base most shown routes share, when there is one at all; none where most are RPC targets. */
function siteBase(shown: OperationGroup[]): string | undefined {
  const rpc = shown.filter((g) => isRpcTarget(g.path)).length;
  if (rpc * 2 >= shown.length) return undefined;
  const counts = new Map<string, number>();
  for (const g of shown) {
    if (isRpcTarget(g.path)) continue;
    const base = routeBase(g.path);
    if (base !== undefined) counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** The method the site's other update operations use (POST at Stripe, PATCH or PUT elsewhere). */
function shownUpdateMethod(shown: OperationGroup[]): HttpMethod | undefined {
  const used = shown.filter(
    (g) => routeShape(g.path)?.kind === "item" && ["post", "put", "patch"].includes(g.method),
  );
  return used[0]?.method;
}

/**
 * The method of a CRUD verb by REST convention. An update takes the method the site's other updates use;
 * where none shows one (POST, PUT and PATCH are all common), there is none to take.
 */
function conventionalMethod(verb: string, shown: OperationGroup[]): HttpMethod | undefined {
  switch (verb) {
    case "create":
      return "post";
    case "list":
    case "retrieve":
      return "get";
    case "update":
      return shownUpdateMethod(shown);
    case "delete":
      return "delete";
    default:
      return undefined;
  }
}

/** The methods REST convention lets each CRUD verb take (a PUT may create where the client names the item). */
const VERB_METHODS: Record<string, readonly HttpMethod[]> = {
  create: ["post", "put"],
  list: ["get"],
  retrieve: ["get"],
  update: ["post", "put", "patch"],
  delete: ["delete"],
};

/**
 * The REST route of a CRUD verb on a collection with the method given or, when none is, the verb's by
 * convention ("update" -> the item, by the site's update method; none where no other page shows one:
 * POST, PUT and PATCH are all common, and a guessed method invents a route).
 */
function conventionalRoute(
  verb: string,
  collection: string,
  shown: OperationGroup[],
  given?: HttpMethod,
): { method: HttpMethod; path: string } | undefined {
  if (!CRUD_VERBS.has(verb)) return undefined;
  const method = given ?? conventionalMethod(verb, shown);
  if (!method) return undefined;
  return { method, path: verb === "create" || verb === "list" ? collection : `${collection}/{id}` };
}

/** Every shown path and each of its prefixes: the routes a site shows, and the collections above them. */
function shownTemplates(shown: OperationGroup[]): string[] {
  const templates = new Set<string>();
  for (const g of shown) {
    const segs = segments(g.path);
    for (let end = 1; end <= segs.length; end++) templates.add(joinSegments(segs.slice(0, end)));
  }
  return [...templates].sort();
}

/**
 * An operation that shows fields but no method or path, placed on a route other pages of the site show
 * (or a collection above one): the one whose path parameters are exactly those the page declares and
 * whose REST shape fits the title's verb and noun, with the method a nav lists beside the title or, when
 * none does, the verb's ("updateSandbox" declaring `sandboxName` -> PUT /1/sandboxes/{sandboxName}).
 */
function placeOnShownRoute(placed: PlacedFragment, groups: OperationGroup[], site: Site): boolean {
  const { op } = placed;
  const intent = op.title && intentFromTitle(op.title.value);
  if (!intent?.resource || !showsOperation(op)) return false;
  const listed = listedMethod(op, site);
  const method = listed ?? conventionalMethod(intent.verb, site.shown);
  if (!method) return false;
  const templates = shownTemplates(site.shown).filter((path) => hasListedParameters(path, op));
  const fits = templates.filter((path) => fitsConvention({ method, path }, intent));
  const subs = fits.length === 0 ? subResourceRoutes(templates, intent, op, site) : [];
  const candidates = fits.length > 0 ? fits : subs;
  const path = candidates.length === 1 ? candidates[0] : undefined;
  if (!path) return false;
  return addToRoute(
    placed,
    groups,
    { method, path },
    (final) =>
      `"${describe(op)}" has no method or path; placed at ${final}, ${fits.length > 0 ? "a route other pages show" : "below an item other pages show"} whose path ` +
      `parameters are those the page declares (${intent.from}; ` +
      `${listed ? `the method a nav lists beside the title` : `the method by REST convention`})`,
  );
}

/** The spelling of the site's paths: hyphens where they use hyphens and no underscores, else underscores. */
function wordSeparator(shown: OperationGroup[]): string {
  return shown.some((g) => g.path.includes("-")) && !shown.some((g) => g.path.includes("_")) ? "-" : "_";
}

/**
 * Routes below a shown item for a title that names the item's resource and then one of its parts:
 * "getSandboxState" declaring `sandboxName` under the shown /1/sandboxes/{sandboxName} ->
 * /1/sandboxes/{sandboxName}/state ("list"/"create" a part: its plural, "listSandboxForks" -> .../forks).
 * `templates` are the shown routes whose path parameters are those the page declares.
 */
function subResourceRoutes(templates: string[], intent: Intent, op: OperationFragment, site: Site): string[] {
  const nouns = titleWords(op.title?.value ?? "").slice(1);
  if (conventionalMethod(intent.verb, site.shown) === undefined) return [];
  if (!nouns.every((w) => /^[A-Za-z][A-Za-z0-9]*$/.test(w))) return [];
  const routes = new Set<string>();
  for (const path of templates) {
    const shape = routeShape(path);
    if (shape?.kind !== "item") continue;
    for (let k = 1; k < nouns.length; k++) {
      if (resourceKey(nouns.slice(0, k).join("")) !== resourceKey(shape.resource)) continue;
      const part = nouns.slice(k).join(wordSeparator(site.shown)).toLowerCase();
      const many = intent.verb === "list" || intent.verb === "create";
      routes.add(`${path}/${many ? plural(singular(part)) : part}`);
    }
  }
  return [...routes];
}

/**
 * An operation that shows fields but no method or path, and that no shown route fits: placed by REST
 * convention under the base the site's other pages show ("Create a widget" -> POST /v1/widgets), with the
 * path parameters the page declares ("/v1/widgets/{widget_id}"), never a route that lacks one of them.
 */
function placeByConvention(placed: PlacedFragment, groups: OperationGroup[], site: Site): boolean {
  const { op } = placed;
  const intent = op.title && intentFromTitle(op.title.value);
  const base = siteBase(site.shown);
  if (!intent || base === undefined || !showsOperation(op)) return false;
  // The resource words of the title, in the spelling of the site's paths: "Create a payment method" ->
  // payment_methods (or payment-methods where the paths use hyphens).
  const [said, ...nounWords] = titleWords(op.title?.value ?? "");
  // A search is as often a route of its own (/widgets/search) as the list: nothing to build one from.
  if (said?.toLowerCase() === "search") return false;
  if (nounWords.length === 0 || !nounWords.every((w) => /^[A-Za-z][A-Za-z0-9]*$/.test(w))) return false;
  // "the balance of a gift card", "List of API requests that have been made": a phrase, no resource name.
  if (nounWords.some((w) => PHRASE_WORDS.has(w.toLowerCase()))) return false;
  if (!declaredPathNames(op).every((name) => namesResource(name, nounWords.join("")))) return false;
  const noun = nounWords.join(wordSeparator(site.shown)).toLowerCase();
  const listed = listedMethod(op, site);
  // A nav listing a method the verb never takes ("Get server status" beside POST) says the operation is
  // not the verb's CRUD route: an RPC-style call whose path the convention cannot build.
  if (listed && !(VERB_METHODS[intent.verb] ?? [listed]).includes(listed)) return false;
  const route = conventionalRoute(intent.verb, `${base}/${plural(singular(noun))}`, site.shown, listed);
  if (!route) return false;
  return addToRoute(
    placed,
    groups,
    route,
    (final) =>
      `"${describe(op)}" has no method or path; placed by REST convention at ${final} (${intent.from}, ` +
      `under ${base || "/"}, the base the other pages show${listed ? "; the method a nav lists beside the title" : ""})`,
  );
}

/**
 * Whether a path parameter can be the item slot of a route built for this noun: a generic name ("id",
 * "name") or the noun's own ("widget_id", "widgetName"). `FeatureGroupName` on a page titled "Get record"
 * names another resource, so no /records/{id} route built by convention is the one the page documents.
 */
function namesResource(parameter: string, noun: string): boolean {
  const stem = parameter.replace(/[-_]?(id|name|key|uuid|code|slug)$/i, "");
  return stem === "" || resourceKey(stem) === resourceKey(noun);
}

/**
 * Adds a loose fragment to the route's group with the path parameters its page declares written in;
 * false (nothing added) when the route has no slot for one of them.
 */
function addToRoute(
  placed: PlacedFragment,
  groups: OperationGroup[],
  route: { method: HttpMethod; path: string },
  message: (route: string) => string,
): boolean {
  const placedPath = placedPathFor(route.path, placed.op);
  if (placedPath === undefined) return false;
  const key = `${route.method} ${routeKey(route.path)}`;
  let group = groups.find((g) => g.key === key);
  if (!group) {
    group = { method: route.method, path: placedPath, key, fragments: [], joins: [] };
    groups.push(group);
  }
  group.fragments.push({ ...placed, placedPath });
  group.joins.push({ message, sources: [placed.op.source] });
  return true;
}

/**
 * Whether a title that is just a CRUD verb and a noun ("List SourceControls", "Create a widget") names the
 * collection the docs link ends at ("categories.json" names categories, "album.get" AlbumGets): a link
 * that goes elsewhere ("/api/subscriptions/list" above source controls nested under a subscription) does
 * not name this operation's route. A longer title (a summary sentence) or another verb says nothing against the link.
 */
function titleNounFits(title: string, collection: string): boolean {
  const [verb, ...rest] = title.split(/\s+/).map((w) => w.replace(/[.:!]$/, ""));
  if (!CRUD_VERBS.has(verb?.toLowerCase() ?? "") || rest.length > 2) return true;
  const noun = rest.filter((w) => w !== "" && !FILLER_WORDS.has(w.toLowerCase()));
  if (noun.length !== 1 || !/^[A-Za-z][A-Za-z0-9]*$/.test(noun[0] ?? "")) return true;
  // "categories.json" names categories (a file extension); "album.get" (a dotted method name) album.get.
  const named = [collection, collection.replace(/\.[A-Za-z]+$/, "")];
  return named.some((c) => resourceKey(c) === resourceKey(noun[0] ?? ""));
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
 * The format suffix each collection's own docs links write (Rails-style routes: "/api/categories.json/list"
 * names GET /categories.json), by the collection without it ("/categories" -> ".json"). The site's links to
 * one item drop the suffix with the item's slot ("/api/categories/retrieve"), but its routes keep it
 * after the slot: GET /categories/{id}.json, as the collection's own route shows.
 */
function collectionFormats(loose: readonly PlacedFragment[]): Map<string, string> {
  const formats = new Map<string, string>();
  for (const { op } of loose) {
    const link = op.slug && readDocsLink(op.slug.value);
    const last = link?.collection[link.collection.length - 1] ?? "";
    const suffix = /^[A-Za-z][\w-]*(\.(?:json|xml))$/.exec(last)?.[1];
    if (!link || !suffix) continue;
    const named = [...link.collection.slice(0, -1), last.slice(0, -suffix.length)];
    formats.set(`/${named.join("/")}`, suffix);
  }
  return formats;
}

/**
 * An operation no page gives a method or path and no shown base places, whose link to itself names its
 * collection and a CRUD verb ("/api/identity/verification_sessions/retrieve"): placed by REST convention at
 * the collection the link names (GET /identity/verification_sessions/{id}; an update only where other
 * pages show the site's update method). The method and path are
 * INFERRED, not shown: the docs link is not the API's URL (docs.stripe.com drops the `/v1` base), so the
 * report says so for each one. The link's verb counts over a title's synonym of another: the link is the
 * site's own name for the action, the title a summary written by hand ("Search Authors" above
 * /api/account/authors/search/create, "getLastBlockNumber" above /api/v2/bitcoin/blocks/number/list). A
 * title that says another CRUD verb itself ("ListTransactionsByAddress" above /api/v2/bsc/addresses/retrieve)
 * says the link names another route (its first segments, above a nested collection): nothing is placed. A
 * retrieve of many ("Retrieve all Categories" above /api/categories.json/list) says a list, the link's verb.
 * An item's route takes the format suffix its collection's own link writes (collectionFormats).
 */
function placeBySlug(
  placed: PlacedFragment,
  groups: OperationGroup[],
  shown: OperationGroup[],
  formats: ReadonlyMap<string, string>,
): boolean {
  const { op } = placed;
  const slug = op.slug?.value;
  const link = slug === undefined ? undefined : readDocsLink(slug);
  if (!slug || !link) return false;
  const named = link.collection;
  // A title that is the link's last segment ("updateMediaAffinity" above
  // /api/intent/updateMediaAffinity/create) names that segment, an action, not a verb over the link.
  const namesSegment = op.title !== undefined && op.title.value.trim() === named[named.length - 1];
  const said = namesSegment ? "" : (titleWords(op.title?.value ?? "")[0]?.toLowerCase() ?? "");
  // "Retrieve all Categories" above .../list: a retrieve of many reads as a list (intentFromTitle).
  const readAs = op.title && intentFromTitle(op.title.value)?.verb;
  if (CRUD_VERBS.has(said) && said !== link.verb && readAs !== link.verb) return false;
  if (op.title && !titleNounFits(op.title.value, named[named.length - 1] ?? "")) return false;
  const collection = `/${named.join("/")}`;
  const conventional = conventionalRoute(link.verb, collection, shown);
  if (!conventional) return false;
  // An item of a collection whose own link writes a format suffix keeps it after its slot ("{id}.json").
  const format = conventional.path === collection ? undefined : formats.get(collection);
  const route = format ? { ...conventional, path: `${conventional.path}${format}` } : conventional;
  return addToRoute(
    placed,
    groups,
    route,
    (final) =>
      `"${describe(op)}" has no method or path and no page shows the API's base; INFERRED ${final} by REST ` +
      `convention from its docs link ${slug} ("${link.verb}"): the method and path are not shown, check them`,
  );
}

/**
 * Joins a fragment without method and path to a shown route by title or REST convention. Only routes a page
 * shows count, and a loose fragment of the same title only where it carries the same docs link (the same
 * operation captured twice): sites reuse titles ("sendTransaction" under each chain, "Public Licenses"), and
 * a route placed by another loose page's link is not shown, so nothing joined to it by title is either.
 */
function placeLoose(placed: PlacedFragment, groups: OperationGroup[], shown: OperationGroup[]): boolean {
  const { op } = placed;
  const title = op.title ? normalizeTitle(op.title.value) : undefined;
  if (title) {
    const byTitle = groups.filter((g) =>
      g.fragments.some(
        (f) =>
          f.op.title &&
          normalizeTitle(f.op.title.value) === title &&
          (shown.includes(g) || (f.op.slug !== undefined && f.op.slug.value === op.slug?.value)),
      ),
    );
    const group = byTitle.length === 1 ? byTitle[0] : undefined;
    const placedPath = group && placedPathFor(group.path, op);
    if (group && placedPath !== undefined) {
      const others = group.fragments.map((f) => f.op.source);
      group.fragments.push({ ...placed, placedPath });
      group.joins.push({
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
    const fits = shown.filter(
      (g) => fitsConvention(g, intent) && !(intent.verb === "create" && namesNoItem(op, g)),
    );
    const group = fits.length === 1 ? fits[0] : undefined;
    const placedPath = group && placedPathFor(group.path, op);
    if (group && placedPath !== undefined) {
      group.fragments.push({ ...placed, placedPath });
      group.joins.push({
        message: (route) =>
          `"${describe(op)}" has no method or path; joined by REST convention (${intent.from}: ` +
          `"${intent.verb}" fits ${route})`,
        sources: [op.source],
      });
      return true;
    }
  }
  return false;
}
