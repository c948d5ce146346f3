// Names the merge derives from documentation text: operation ids from titles, component names from
// resource nouns. Pure functions, so every page yields the same names.

import { routeShape } from "../../lib/route.ts";
import { singular } from "../../lib/words.ts";

const ARTICLES = new Set(["a", "an", "the"]);

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "");
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function pascalCase(text: string): string {
  return words(text)
    .map((w) => capitalize(w.toLowerCase()))
    .join("");
}

export function camelCase(text: string): string {
  const p = pascalCase(text);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** Longest operation id specsmith takes from a page: longer ones are sentences, not names. */
export const MAX_OPERATION_ID_LENGTH = 40;

// At most this many words after the articles: "Update a VerificationSession", "List payment methods of a
// customer"; a title longer than that is a sentence (a description taken for a heading).
const MAX_TITLE_WORDS = 6;

const HTTP_METHOD_WORDS = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);

/**
 * The identifier a page states, when it is a name: camelCase, a verb then a noun ("listAssistants",
 * "getUser"), at most 40 characters. A method and a path run together ("PostIdentityVerificationSessionsSession",
 * "getV1Items") is how renderers fill in a missing name, and names nothing.
 */
export function statedOperationId(stated: string, method: string, path: string): string | undefined {
  if (stated.length > MAX_OPERATION_ID_LENGTH || !/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(stated)) {
    return undefined;
  }
  const parts = words(stated).map((w) => w.toLowerCase());
  const pathWords = words(path.replace(/[{}]/g, " ")).map((w) => w.toLowerCase());
  const routeRunTogether =
    parts[0] === method.toLowerCase() &&
    HTTP_METHOD_WORDS.has(parts[0]) &&
    parts.slice(1).join("") === pathWords.join("");
  return routeRunTogether ? undefined : stated;
}

/**
 * A verb + noun operation id from a title, keeping the words' own capitals: "Update a VerificationSession"
 * -> "updateVerificationSession", "List sessions" -> "listSessions". Undefined when the title is a
 * sentence (more than a few words, or an id longer than 40 characters) or does not start with a word.
 */
export function operationIdFromTitle(title: string): string | undefined {
  const kept = title
    .replace(/\([^()]*\)/g, " ")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "" && !ARTICLES.has(w.toLowerCase()));
  if (kept.length < 2 || kept.length > MAX_TITLE_WORDS || !/^[A-Za-z]+$/.test(kept[0] ?? ""))
    return undefined;
  const id = kept.map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w))).join("");
  return id.length <= MAX_OPERATION_ID_LENGTH ? id : undefined;
}

/**
 * A verb + noun operation id from the REST shape of the route: "post /v1/widgets" -> "createWidget",
 * "get /v1/widgets" -> "listWidgets", "get /v1/widgets/{id}" -> "retrieveWidget", "delete" an item ->
 * "deleteWidget", "post /v1/widgets/{id}/cancel" -> "cancelWidget". Undefined for other shapes.
 */
export function operationIdFromShape(method: string, path: string): string | undefined {
  const shape = routeShape(path);
  if (!shape) return undefined;
  const one = pascalCase(singular(shape.resource));
  let id: string | undefined;
  if (shape.kind === "collection") {
    if (method === "post") id = `create${one}`;
    else if (method === "get") id = `list${pascalCase(shape.resource)}`;
  } else if (shape.kind === "item") {
    if (method === "get") id = `retrieve${one}`;
    else if (method === "delete") id = `delete${one}`;
    else if (method === "post" || method === "put" || method === "patch") id = `update${one}`;
  } else if (method === "post") id = `${camelCase(shape.action)}${one}`;
  return id && id.length <= MAX_OPERATION_ID_LENGTH && /^[a-z]/.test(id) ? id : undefined;
}

/** An operation id when nothing names the operation: "post /v1/items/{id}/cancel" -> "postV1ItemsIdCancel". */
export function operationIdFromRoute(method: string, path: string): string {
  return camelCase(`${method} ${path.replace(/[{}]/g, "")}`);
}

export type OperationIdOrigin = "stated" | "title" | "shape" | "route";

/**
 * The operation id, in order of preference: the identifier the page states when it is a name, a verb +
 * noun from the title, one from the route's REST shape, and the method and path run together.
 * Never a sentence from a description.
 */
export function chooseOperationId(parts: { stated?: string; title?: string; method: string; path: string }): {
  id: string;
  from: OperationIdOrigin;
} {
  const stated = parts.stated && statedOperationId(parts.stated, parts.method, parts.path);
  if (stated) return { id: stated, from: "stated" };
  const fromTitle = parts.title && operationIdFromTitle(parts.title);
  if (fromTitle) return { id: fromTitle, from: "title" };
  const fromShape = operationIdFromShape(parts.method, parts.path);
  if (fromShape) return { id: fromShape, from: "shape" };
  return { id: operationIdFromRoute(parts.method, parts.path), from: "route" };
}

/** Compares resource nouns across spellings: "verification_sessions", "VerificationSession" -> equal. */
export function resourceKey(text: string): string {
  return singular(text.replace(/[^A-Za-z0-9]/g, "").toLowerCase());
}

/** Component name from a path's collection segment: "verification_sessions" -> "VerificationSession". */
export function componentNameFromSegment(segment: string): string {
  const parts = words(segment);
  const last = parts.pop();
  return pascalCase([...parts, last ? singular(last) : ""].join(" "));
}

/** Component name from an object tag such as Stripe's "identity.verification_session". */
export function componentNameFromObjectTag(tag: string): string {
  const last = tag.split(".").pop() ?? tag;
  return pascalCase(last);
}
