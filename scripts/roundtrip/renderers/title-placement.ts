// When a page without a method or path shows its operation: where REST convention places the operation from
// its title under what the site's request pages show (ReadMe's reference pages, Fern's main-content captures).
// One rule for every renderer whose pages lose the route, so no family's measure drifts from another's.
import type { RenderOperation } from "../types.ts";
import { operationKey } from "../facts.ts";
import { routeBase, routeShape } from "../../lib/route.ts";
import { plural, singular } from "../../lib/words.ts";
import { operationTitle } from "./family-kit.ts";

// Words of a title that name no resource ("List all widgets").
const FILLER_WORDS = new Set(["a", "an", "the", "all", "new"]);
const TITLE_VERBS: Record<string, string> = {
  create: "create",
  add: "create",
  list: "list",
  get: "retrieve",
  retrieve: "retrieve",
  update: "update",
  delete: "delete",
  remove: "delete",
};

/**
 * Whether a page's operation is shown: REST convention places it from its title under what the site's
 * request pages show. The title is a CRUD verb and a noun, the method is the verb's (an update's, the one
 * the request pages use for an item), the path is the base most request pages share + the noun's plural
 * (+ one parameter for an item).
 */
export function placedByTitle(op: RenderOperation, requestPages: readonly RenderOperation[]): boolean {
  const counts = new Map<string, number>();
  for (const shown of requestPages) {
    const base = routeBase(shown.path);
    if (base !== undefined) counts.set(base, (counts.get(base) ?? 0) + 1);
  }
  const base = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const words = operationTitle(op)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/\s+/)
    .map((w) => w.replace(/[.:!]$/, ""))
    .filter((w) => w !== "" && !FILLER_WORDS.has(w.toLowerCase()));
  const [said, ...nouns] = words;
  let verb = said ? TITLE_VERBS[said.toLowerCase()] : undefined;
  const last = nouns[nouns.length - 1] ?? "";
  if (verb === "retrieve" && singular(last) !== last) verb = "list";
  if (base === undefined || !verb || nouns.length === 0) return false;
  if (!nouns.every((w) => /^[A-Za-z][A-Za-z0-9]*$/.test(w))) return false;
  const paths = requestPages.map((r) => r.path);
  const separator = paths.some((p) => p.includes("-")) && !paths.some((p) => p.includes("_")) ? "-" : "_";
  const collection = `${base}/${plural(singular(nouns.join(separator).toLowerCase()))}`;
  const updateMethod = requestPages.find(
    (r) => routeShape(r.path)?.kind === "item" && ["post", "put", "patch"].includes(r.method),
  )?.method;
  const route =
    verb === "create"
      ? { method: "post", path: collection }
      : verb === "list"
        ? { method: "get", path: collection }
        : verb === "retrieve"
          ? { method: "get", path: `${collection}/{}` }
          : verb === "delete"
            ? { method: "delete", path: `${collection}/{}` }
            : updateMethod
              ? { method: updateMethod, path: `${collection}/{}` }
              : undefined;
  return route !== undefined && operationKey(route as RenderOperation) === operationKey(op);
}
