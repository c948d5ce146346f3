// Names the merge derives from documentation text: operation ids from titles, component names from
// resource nouns. Pure functions, so every page yields the same names.

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

/**
 * An operation id from a title, keeping the words' own capitals: "Update a VerificationSession" ->
 * "updateVerificationSession", "List sessions" -> "listSessions", "Get session result" -> "getSessionResult".
 */
export function operationIdFromTitle(title: string): string {
  const kept = title
    .replace(/\([^()]*\)/g, " ")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "" && !ARTICLES.has(w.toLowerCase()));
  return kept
    .map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w)))
    .join("")
    .replace(/^(\d)/, "_$1");
}

/** An operation id when nothing names the operation: "post /v1/items/{id}/cancel" -> "postV1ItemsIdCancel". */
export function operationIdFromRoute(method: string, path: string): string {
  return camelCase(`${method} ${path.replace(/[{}]/g, "")}`);
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
