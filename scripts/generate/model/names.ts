// Every name of a package, chosen in one pass over the spec in sorted order: the client class, the schema
// types, the resource tree and its methods, each operation's function, constant, types and path
// arguments, then the validators (after every function, so adding a validator never renames a function).
//
// Names follow rules, not per-API tables, measured against hand-written SDKs (npm run bench -- --names):
// - Resources nest by path: /v1/checkout/sessions is `client.checkout.sessions`; a segment is a resource
//   where an item parameter follows it or the spec has a path for it, else a namespace. An operationId of
//   the form "group/name" (GitHub's "repos/get-content") names its resource and method itself.
// - Methods follow REST shape and HTTP method: list, create, retrieve, update, del on the resource;
//   listLineItems, createSource, retrieveSource, deleteDiscount, verifySource on what hangs under an
//   item; an action's own word (capture, cancel); `search`; a GET of a non-JSON body its word (pdf). A
//   path with a GET that returns one object and no items under it is a singleton: retrieve, update, del.
// - No name is longer than MAX_NAME: longer ones lose their qualifiers, then the words before the last; an
//   operationId that reads like a sentence is not used at all. Clashes fall back to a longer name before
//   a number. A method name that fits is claimed before any shortened one; a long method name first
//   loses a trailing qualifier naming the path's owner ("for authenticated user" on /user/...), else takes
//   the spec's summary when it is a short command, each only where no sibling would read the same; only
//   then are words cut (chooseMethodNames).
import type {
  HttpMethod,
  OperationModel,
  ResourceModel,
  SchemaAlias,
  ValidatorModel,
} from "./codegen-model.ts";
import { claimInAll, NameRegistry, camelCase, pascalCase, safeIdentifier, words } from "./identifiers.ts";
import { routeKey, segments, type Segment } from "../../lib/route.ts";
import { singular } from "../../lib/words.ts";
import { isObject } from "../../spec/pointer.ts";
import type { OperationEntry } from "./operation.ts";

type Json = Record<string, unknown>;

/** The longest name a rule may produce, unless the caller asks for another cap. */
export const MAX_NAME = 40;
/** An operationId of more words than this is a sentence (a scraped summary), not a name. */
const MAX_ID_WORDS = 6;

/** Leading path segments that version or prefix an API rather than name a resource. */
const VERSION_SEGMENT = /^(?:v\d+(?:\.\d+)*|api|rest)$/i;
/** "repos/get-content": a group and a name. Route-like ids ("get/v1/x") are not. */
const GROUPED_ID = /^([A-Za-z][A-Za-z0-9_-]*)\/([A-Za-z][A-Za-z0-9_-]*)$/;
const HTTP_WORD = /^(?:get|put|post|delete|patch|head|options)$/i;
/** Words a standalone function cannot be named (a method can, but an SDK would not name an action so). */
const KEYWORDS = new Set([
  "void",
  "return",
  "delete",
  "new",
  "default",
  "import",
  "export",
  "class",
  "function",
]);

/** What the naming rules read of an operation besides its path and method. */
export interface NamingFacts {
  /** The success body is a list (paged, or a JSON array). */
  returnsList: boolean;
  /** The success body is one documented object that is no list. */
  returnsObject: boolean;
  /** The success body is not JSON (a PDF, a CSV): a GET of it is named by its word. */
  returnsNonJSON: boolean;
}

/** `successSchema` is the dereferenced schema of the success body, when there is one. */
export function namingFacts(
  op: Pick<OperationModel, "pagination" | "responses" | "successStatuses">,
  successSchema: Json | undefined,
): NamingFacts {
  const media = op.responses.find((r) => op.successStatuses.includes(r.status) && r.mediaType)?.mediaType;
  const returnsList = op.pagination !== undefined || successSchema?.type === "array";
  return {
    returnsList,
    returnsObject: !returnsList && (successSchema?.type === "object" || isObject(successSchema?.properties)),
    returnsNonJSON: media !== undefined && !/json/i.test(media),
  };
}

/** The routes of the document with what the rules ask of them. */
class Routes {
  private readonly keys = new Set<string>();
  private readonly listKeys = new Set<string>();
  private readonly getKeys = new Set<string>();
  private readonly objectKeys = new Set<string>();

  constructor(entries: OperationEntry[], facts: NamingFacts[]) {
    entries.forEach((e, i) => {
      const key = routeKey(e.path);
      this.keys.add(key);
      if (e.method === "get") this.getKeys.add(key);
      if (e.method === "get" && facts[i]?.returnsList) this.listKeys.add(key);
      if (e.method === "get" && facts[i]?.returnsObject) this.objectKeys.add(key);
    });
  }

  has(segs: Segment[]): boolean {
    return this.keys.has(keyOf(segs));
  }
  /** Items under the route: /x/{id} is a path of the spec. */
  hasItems(segs: Segment[]): boolean {
    return this.keys.has(`${keyOf(segs)}/{}`);
  }
  hasGet(segs: Segment[]): boolean {
    return this.getKeys.has(keyOf(segs));
  }
  /**
   * One thing, not many (/v1/balance, /v1/account): no items under it, and its GET returns one object
   * (or, undocumented, its word is singular).
   */
  isSingleton(segs: Segment[]): boolean {
    const word = segs.at(-1)?.text ?? "";
    const key = keyOf(segs);
    return (
      !this.isCollection(segs) &&
      this.getKeys.has(key) &&
      (this.objectKeys.has(key) || singular(word) === word)
    );
  }
  /** A route of many things: it has items, or its GET returns a list. */
  isCollection(segs: Segment[]): boolean {
    return this.hasItems(segs) || this.listKeys.has(keyOf(segs));
  }
}

function keyOf(segs: Segment[]): string {
  return "/" + segs.map((s) => (s.param ? "{}" : s.text)).join("/");
}

/** Where an operation sits: the resource chain from the client and what follows the resource. */
interface Placement {
  /** Path words of the resource, namespaces first: ["checkout", "sessions"]. */
  chain: string[];
  /** The method name's words: ["list", "line", "items"]; the first is the verb. */
  method: string[];
  /** The operationId named the method ("repos/get-content"), rather than the path's REST shape. */
  fromId: boolean;
}

/** The resource a path belongs to: namespaces, then the first segment that is a resource. */
function placeByPath(path: string, routes: Routes): { chain: string[]; base: Segment[]; rest: Segment[] } {
  const all = segments(path);
  let start = 0;
  while (start < all.length - 1 && !all[start]?.param && VERSION_SEGMENT.test(all[start]?.text ?? ""))
    start++;
  const chain: string[] = [];
  for (let i = start; i < all.length; i++) {
    const seg = all[i] as Segment;
    if (seg.param) return { chain, base: all.slice(0, i), rest: all.slice(i) };
    chain.push(seg.text);
    const next = all[i + 1];
    const prefix = all.slice(0, i + 1);
    if (!next || next.param || routes.has(prefix) || routes.hasItems(prefix))
      return { chain, base: all.slice(0, i + 1), rest: all.slice(i + 1) };
  }
  return { chain, base: all, rest: [] };
}

const UPDATE: HttpMethod[] = ["post", "put", "patch"];

/** The method's words by REST shape: what follows the resource, and the HTTP method. */
function methodWords(
  method: HttpMethod,
  base: Segment[],
  rest: Segment[],
  routes: Routes,
  facts: NamingFacts,
): string[] {
  const full = [...base, ...rest];
  const shape = rest.map((s) => (s.param ? "P" : "w")).join("");
  const word = (i: number) => (rest[i] as Segment).text;
  if (shape === "" && routes.isSingleton(base)) {
    // A singleton: one object with no items under it (/v1/balance, /v1/account).
    if (method === "get") return ["retrieve"];
    if (UPDATE.includes(method)) return ["update"];
    if (method === "delete") return ["del"];
  }
  if (shape === "") {
    if (method === "get") return ["list"];
    if (method === "post") return ["create"];
    if (method === "put" || method === "patch") return ["update"];
    if (method === "delete") return ["del"];
  }
  if (shape === "P") {
    if (method === "get") return ["retrieve"];
    if (UPDATE.includes(method)) return ["update"];
    if (method === "delete") return ["del"];
  }
  if (shape === "Pw" || shape === "w") {
    const sub = word(shape.length - 1);
    if (method === "get" && shape === "w" && sub.toLowerCase() === "search") return ["search"];
    if (method === "get" && facts.returnsNonJSON) return [sub];
    const many = routes.isCollection(full);
    if (method === "get") return [many ? "list" : "retrieve", sub];
    if (method === "post" && many) return ["create", singular(sub)];
    if (UPDATE.includes(method) && routes.hasGet(full)) return ["update", sub];
    // An action named by a keyword (void, return) says what it acts on, as SDKs write it: voidInvoice.
    if (method === "post")
      return KEYWORDS.has(camelCase(sub)) ? [sub, singular(base.at(-1)?.text ?? "")] : [sub];
    if (method === "delete") return ["delete", sub];
  }
  if (shape === "PwP") {
    const sub = singular(word(1));
    if (method === "get") return ["retrieve", sub];
    if (UPDATE.includes(method)) return ["update", sub];
    if (method === "delete") return ["delete", sub];
  }
  if (shape === "PwPw" && method === "post") return [word(3), singular(word(1))];
  // An action under a word of an item (/cards/{card}/shipping/ship) acts on the item: shipCard.
  if (shape === "Pww" && method === "post" && !routes.hasGet(full))
    return [word(2), singular(base.at(-1)?.text ?? "")];
  // Anything deeper: a verb from the method and the words of the path after the resource.
  const tail = rest.filter((s) => !s.param).map((s) => s.text);
  const verb =
    method === "get"
      ? facts.returnsNonJSON
        ? []
        : [facts.returnsList ? "list" : "retrieve"]
      : method === "delete"
        ? ["delete"]
        : method === "post"
          ? routes.hasGet(full)
            ? ["update"]
            : tail.length > 0
              ? []
              : ["create"]
          : [method === "put" || method === "patch" ? "update" : method];
  return [...verb, ...tail];
}

/** Whether the spec's operationId is a name a user would write (not route-derived, not a sentence). */
function isReadableId(id: string, maxName: number): boolean {
  return (
    !/^(?:[Gg]et|[Pp]ut|[Pp]ost|[Dd]elete|[Pp]atch|[Hh]ead|[Oo]ptions)(?:[A-Z_/]|$)/.test(id) &&
    words(id).length <= MAX_ID_WORDS &&
    camelCase(id).length <= maxName
  );
}

function placementOf(entry: OperationEntry, routes: Routes, facts: NamingFacts): Placement {
  const id = typeof entry.op.operationId === "string" ? entry.op.operationId : "";
  const grouped = GROUPED_ID.exec(id);
  if (grouped && !HTTP_WORD.test(grouped[1] as string))
    return { chain: [grouped[1] as string], method: words(grouped[2] as string), fromId: true };
  const { chain, base, rest } = placeByPath(entry.path, routes);
  return {
    chain: chain.length > 0 ? chain : ["root"],
    method: methodWords(entry.method, base, rest, routes, facts),
    fromId: false,
  };
}

/**
 * Words joined into a name of at most MAX_NAME characters: the `optional` words (qualifiers) go first,
 * then the words before the last, so a name keeps its verb and its last word (`...ForOrg` and `...ForRepo`
 * stay apart). Methods are object members, where keywords are fine (`gists.delete`); exports are not.
 */
function capped(required: string[], optional: string[], kind: "member" | "export", max: number): string {
  const join = (ws: string[]) =>
    kind === "member" ? camelCase(ws.join(" ")) : safeIdentifier(ws.join(" "), "camel");
  const parts = [...optional];
  const build = () => {
    const [verb, ...tail] = required;
    return verb === undefined ? [...parts] : [verb, ...parts, ...tail];
  };
  while (join(build()).length > max && parts.length > 0) parts.shift();
  // Each path word may hold several name words ("line_items"): shorten by name words.
  let all = words(build().join(" "));
  while (join(all).length > max && all.length > 2) all = [...all.slice(0, -2), ...all.slice(-1)];
  while (join(all).length > max && all.length > 1) all = all.slice(0, -1);
  return join(all);
}

/** Prepositions that start a trailing qualifier: "for the authenticated user", "in an organization". */
const QUALIFIER_WORDS = new Set(["for", "in"]);
/** The most words a trailing qualifier has after its preposition. */
const MAX_QUALIFIER_WORDS = 3;
const ARTICLES = new Set(["a", "an", "the"]);

/**
 * Who a path belongs to, as names say it: the singular of its first segment after the version and the
 * parameter that follows it (`org` of /orgs/{org}/..., `user` and `username` of /users/{username}/...).
 */
function ownersOf(path: string): string[] {
  const segs = segments(path);
  const at = segs.findIndex((s) => !s.param && !VERSION_SEGMENT.test(s.text));
  const [first, next] = at < 0 ? [] : [segs[at] as Segment, segs[at + 1]];
  return [...(first ? [singular(first.text)] : []), ...(next?.param ? [next.text] : [])].map((o) =>
    camelCase(o).toLowerCase(),
  );
}

/**
 * The words without a trailing qualifier that names the path's owner ("add repo to installation for
 * authenticated user" on /user/installations/... is "add repo to installation"), or undefined when they end
 * in no such qualifier. An owner word matches its longer form ("organization" is the owner `org`).
 */
function withoutOwner(ws: string[], owners: string[]): string[] | undefined {
  const lower = ws.map((w) => w.toLowerCase());
  const last = lower.at(-1) ?? "";
  for (let at = lower.length - 2; at >= 1 && at >= lower.length - 1 - MAX_QUALIFIER_WORDS; at--) {
    if (!QUALIFIER_WORDS.has(lower[at] as string)) continue;
    const ownerWord = last.length >= 3 && owners.some((o) => o.startsWith(last) || last.startsWith(o));
    return ownerWord ? ws.slice(0, at) : undefined;
  }
  return undefined;
}

/**
 * The summary as a method name ("Get a custom property for an organization" is getCustomProperty for
 * "custom-properties-for-repos-get-organization-definition"): a command that starts with the verb of the
 * operationId (a word of the id that starts method names of the package), without articles or a trailing
 * owner qualifier, and no longer than an operationId may be.
 */
function summaryWords(
  summary: unknown,
  idWords: string[],
  verbs: Set<string>,
  owners: string[],
): string[] | undefined {
  if (typeof summary !== "string") return undefined;
  const ws = words(summary).filter((w) => !ARTICLES.has(w.toLowerCase()));
  const verb = ws[0]?.toLowerCase() ?? "";
  if (!verbs.has(verb) || !idWords.some((w) => w.toLowerCase() === verb)) return undefined;
  const short = withoutOwner(ws, owners) ?? ws;
  return short.length <= MAX_ID_WORDS ? short : undefined;
}

/**
 * Every method name, one registry per resource. A name that fits is claimed before any shortened one,
 * so a shortened name never takes the name another operation has as is. A name over the cap is first
 * shortened by meaning: its words without the trailing owner qualifier, then (when the operationId named
 * it) the spec's summary; either only when no other operation of the resource would have the same name
 * so (with three of "restore package version for org / for user / for authenticated user", dropping the
 * qualifier would say which one no longer). Only then are words cut (capped()).
 */
function chooseMethodNames(
  entries: OperationEntry[],
  placements: Placement[],
  maxName: number,
  registryOf: (i: number) => NameRegistry,
  fallbacksOf: (i: number) => string[],
): string[] {
  const member = (ws: string[]) => camelCase(ws.join(" "));
  const full = placements.map((p) => words(p.method.join(" ")));
  const exact = full.map(member);
  // The package's verbs: the first words of its method names that fit as they are (a long id's first
  // word may be a topic, "custom-properties-for-repos-get-...").
  const verbs = new Set(
    full.filter((_, i) => (exact[i] as string).length <= maxName).map((ws) => ws[0]?.toLowerCase() ?? ""),
  );
  const forms = placements.map((p, i) => {
    const entry = entries[i] as OperationEntry;
    const ws = full[i] as string[];
    const owners = ownersOf(entry.path);
    const fits = (exact[i] as string).length <= maxName;
    // Read only where it may be used: a name that fits is never shortened.
    const summary = p.fromId && !fits ? summaryWords(entry.op.summary, ws, verbs, owners) : undefined;
    return {
      resource: p.chain.join("/"),
      exact: exact[i] as string,
      fits,
      shorter: [withoutOwner(ws, owners), summary].flatMap((short) => (short ? [member(short)] : [])),
    };
  });
  // How many operations of a resource have each name as is or shortened by meaning.
  const holders = new Map<string, number>();
  for (const f of forms)
    for (const name of new Set([f.exact, ...f.shorter])) {
      const key = `${f.resource} ${name.toLowerCase()}`;
      holders.set(key, (holders.get(key) ?? 0) + 1);
    }
  const names: string[] = [];
  const claim = (fits: boolean) =>
    forms.forEach((f, i) => {
      if (f.fits !== fits) return;
      const registry = registryOf(i);
      const shortened = f.shorter.filter(
        (n) => n.length <= maxName && holders.get(`${f.resource} ${n.toLowerCase()}`) === 1,
      );
      const [first = f.exact, ...rest] = fits
        ? [f.exact]
        : [...shortened, ...cutNames(full[i] as string[], maxName)];
      // The fallbacks are made only when every other candidate is taken.
      const free = [first, ...rest].find((name) => registry.isFree(name));
      names[i] = registry.claim(free ?? first, free === undefined ? fallbacksOf(i) : []);
    });
  claim(true);
  claim(false);
  return names;
}

/**
 * A name over the cap cut to fit, as capped() cuts it (the words before the last go first), then the
 * other cuts of as many words, nearer the end first: when "restore package version for authenticated
 * user" cut to restorePackageVersionForUser is another operation's name, the next is
 * restorePackageVersionAuthenticatedUser, which still says which one it is.
 */
function cutNames(ws: string[], maxName: number): string[] {
  const name = (kept: string[]) => camelCase(kept.join(" "));
  const first = capped(ws, [], "member", maxName);
  const dropped = ws.length - words(first).length;
  const others: string[] = [];
  // The verb and the last word stay; a run of `dropped` words goes from somewhere between them.
  for (let start = ws.length - 1 - dropped; dropped > 0 && start >= 1; start--) {
    const cut = name([...ws.slice(0, start), ...ws.slice(start + dropped)]);
    if (cut.length <= maxName && cut !== first) others.push(cut);
  }
  return [first, ...others];
}

/** The names of one operation. */
export interface OperationNames {
  operationId: string;
  hasSpecOperationId: boolean;
  functionName: string;
  operationConst: string;
  methodName: string;
  /** The resource the operation is a method of. */
  resource: ResourceModel;
  paramsType: string;
  responseType: string;
  responsesType: string;
  /** The argument of each path template expression, in path order. */
  pathArguments: { name: string; argument: string }[];
  /** The validators' names; build-model.ts adds what each checks. */
  validators: Pick<ValidatorModel, "name" | "part">[];
  errorType?: string;
  errorGuard?: string;
}

export interface PackageNames {
  clientClassName: string;
  schemas: SchemaAlias[];
  /** Every resource of the tree; their `operations` are empty for the caller to fill. */
  resources: ResourceModel[];
  /** One per entry, in the entries' order. */
  operations: OperationNames[];
  errorClass?: { className: string; bodyType: string };
}

/** Per operation, whether the spec documents error responses for it, and whether one has a body. */
export interface ErrorFacts {
  documented: boolean;
  typed: boolean;
}

/**
 * Names everything. `facts` and `validatorParts` have one element per entry: what the rules read of the
 * operation, and the parts of the request its validators check (path, query, header, body), in order.
 */
export function namePackage(
  document: Json,
  entries: OperationEntry[],
  facts: NamingFacts[],
  validatorParts: ValidatorModel["part"][][],
  apiName: string,
  reservedExports: string[],
  maxName = MAX_NAME,
  errors: ErrorFacts[] = [],
): PackageNames {
  const cap = (required: string[], optional: string[], kind: "member" | "export") =>
    capped(required, optional, kind, maxName);
  const clientClassName = safeIdentifier(`${apiName} client`, "pascal");
  const typeNames = new NameRegistry([
    ...reservedExports,
    clientClassName,
    "HttpClient",
    "APIError",
    "RequestOptions",
    "ClientOptions",
    "components",
    "paths",
    "operations",
    // The global types the type files write (`Record<string, unknown>`, a discriminated parent's
    // `Omit<...>`, `NonNullable<...>`): src/schema.ts declares every schema by its name, and one named
    // Record would stand in for the global in that file.
    "Record",
    "Omit",
    "NonNullable",
  ]);
  const componentSchemas = isObject((document.components as Json | undefined)?.schemas)
    ? ((document.components as Json).schemas as Json)
    : {};
  const schemas = Object.keys(componentSchemas)
    .sort()
    .map((key) => ({ key, typeName: typeNames.claim(safeIdentifier(key, "pascal")) }));

  const routes = new Routes(entries, facts);
  const placements = entries.map((e, i) => placementOf(e, routes, facts[i] as NamingFacts));

  // The resource tree, every node named before any method: a node's members are its children and its
  // methods, children first, so a method never takes a child's name.
  const resourcesByKey = new Map<string, ResourceModel>();
  const members = new Map<ResourceModel | undefined, NameRegistry>([
    // Properties of the client class beside `http`.
    [undefined, NameRegistry.forMembers(["http", "options", "client", "baseURL"])],
  ]);
  const nodeOf = (chain: string[]): ResourceModel => {
    const key = chain.join("/");
    const known = resourcesByKey.get(key);
    if (known) return known;
    const parent = chain.length > 1 ? nodeOf(chain.slice(0, -1)) : undefined;
    const property = (members.get(parent) as NameRegistry).claim(
      safeIdentifier(chain[chain.length - 1] as string, "camel"),
    );
    const className = typeNames.claim(pascalCase(chain.join(" ")), [
      pascalCase(`${chain.join(" ")} resource`),
    ]);
    const node: ResourceModel = {
      property,
      path: parent ? `${parent.path}.${property}` : property,
      className,
      operations: [],
      children: [],
    };
    parent?.children.push(node);
    resourcesByKey.set(key, node);
    // Methods of a resource class beside its private `client`.
    members.set(node, NameRegistry.forMembers(["client"]));
    return node;
  };
  for (const chain of [...new Set(placements.map((p) => p.chain.join("/")))].sort()) nodeOf(chain.split("/"));

  const usedIds = new NameRegistry();
  // The spec's operationId, made unique, or the route's.
  const operationIds = entries.map(({ path, method, op }) =>
    usedIds.claim(
      typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : `${method} ${path}`,
    ),
  );
  const idWordsOf = (i: number) => {
    const { path, method, op } = entries[i] as OperationEntry;
    return words(
      typeof op.operationId === "string" && op.operationId !== ""
        ? (operationIds[i] as string)
        : `${method} ${path}`,
    );
  };
  const methodNames = chooseMethodNames(
    entries,
    placements,
    maxName,
    (i) => members.get(resourcesByKey.get((placements[i] as Placement).chain.join("/"))) as NameRegistry,
    (i) => {
      const { chain, method } = placements[i] as Placement;
      return [cap([...method, ...words(chain.join(" "))], [], "member"), cap(idWordsOf(i), [], "member")];
    },
  );

  // Functions and their operation constants are the module's runtime exports.
  const functions = NameRegistry.forMembers([...reservedExports, clientClassName]);
  const operations: OperationNames[] = entries.map(({ path, op }, i) => {
    const { chain, method: verbWords } = placements[i] as Placement;
    const hasSpecOperationId = typeof op.operationId === "string" && op.operationId !== "";
    const operationId = operationIds[i] as string;
    const resource = resourcesByKey.get(chain.join("/")) as ResourceModel;
    const idWords = idWordsOf(i);
    const methodName = methodNames[i] as string;
    // The standalone function says what it acts on: listCheckoutSessionLineItems, retrieveBalance.
    const [methodVerb = "call", ...tail] = verbWords;
    // `del` is short for a method; a standalone function says it in full: deleteCustomer.
    const verb = methodVerb === "del" ? "delete" : methodVerb;
    const many = (verb === "list" || verb === "search") && tail.length === 0;
    const nouns = chain.map((w, at) => (at === chain.length - 1 && !many ? singular(w) : w));
    // The method already names the noun (voidInvoice, shipCard): say it once.
    if (tail.length > 0 && singular(tail.at(-1) as string) === nouns.at(-1)) nouns.pop();
    const readable = cap([verb, ...nouns.slice(-1), ...tail], nouns.slice(0, -1), "export");
    const preferred =
      hasSpecOperationId && isReadableId(operationId, maxName)
        ? safeIdentifier(operationId, "camel")
        : readable;
    const functionName = functions.claim(preferred, [
      cap([verb, ...nouns, ...tail], [], "export"),
      cap(idWords, [], "export"),
    ]);
    // Each function has a companion constant describing the request, named in the same scope.
    const operationConst = functions.claim(`${functionName}Operation`);

    const base = pascalCase(functionName);
    const paramsType = typeNames.claim(`${base}Params`);
    const responseType = typeNames.claim(`${base}Response`);
    const responsesType = typeNames.claim(`${base}Responses`);
    // The function's own parameters and the locals its body declares.
    const argNames = new NameRegistry(["client", "params", "options", "query", "headers", "body"]);
    const pathArguments = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => ({
      name: m[1] as string,
      argument: argNames.claim(safeIdentifier(m[1] as string, "camel")),
    }));
    return {
      operationId,
      hasSpecOperationId,
      functionName,
      operationConst,
      methodName,
      resource,
      paramsType,
      responseType,
      responsesType,
      pathArguments,
      validators: [],
    };
  });
  // Validator names are claimed after every function's, so adding validators never renames a function.
  const suffix = { path: "Path", query: "Query", header: "Headers", body: "Body" };
  operations.forEach((names, i) => {
    const base = pascalCase(names.functionName);
    names.validators = (validatorParts[i] ?? []).map((part) => ({
      part,
      name: functions.claim(`validate${base}${suffix[part]}`),
    }));
  });
  // The error names come last, so documenting errors never renames anything else.
  operations.forEach((names, i) => {
    if (!errors[i]?.documented) return;
    const base = pascalCase(names.functionName);
    names.errorType = typeNames.claim(`${base}Error`);
    names.errorGuard = functions.claim(`is${base}Error`);
  });
  const errorClass = errors.some((e) => e.typed)
    ? {
        // A class is a value and a type: its name must be free among both.
        className: claimInAll([typeNames, functions], safeIdentifier(`${apiName} error`, "pascal")),
        bodyType: typeNames.claim(safeIdentifier(`${apiName} error body`, "pascal")),
      }
    : undefined;
  return {
    clientClassName,
    schemas,
    resources: [...resourcesByKey.values()],
    operations,
    ...(errorClass ? { errorClass } : {}),
  };
}
