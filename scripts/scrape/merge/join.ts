// Decides which operation fragments describe the same operation. Fragments with a method and path are
// grouped by route (parameter names ignored). Fragments without them (a markdown capture that has only
// titles and link slugs) are joined to a group by title, or failing that by REST convention: the verb of
// the title or slug ("create", "list", "cancel") and the resource noun must fit the group's route.
import type { HttpMethod, OperationFragment, PageFragment, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import { formatSource, type MergeLog } from "./merge-log.ts";
import { resourceKey } from "./naming.ts";
import { routeKey, routeShape } from "../../lib/route.ts";

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

function strongestPath(fragments: PlacedFragment[]): string {
  let best: { path: string; rank: number } | undefined;
  for (const { op } of fragments) {
    if (!op.path) continue;
    const rank = STRENGTH_RANK[op.path.strength];
    if (!best || rank > best.rank) best = { path: op.path.value, rank };
  }
  return best?.path ?? "/";
}

function describe(op: OperationFragment): string {
  return op.title?.value ?? op.slug?.value ?? formatSource(op.source);
}

export function joinOperations(pages: PageFragment[], log: MergeLog): OperationGroup[] {
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
  for (const placed of loose) placeLoose(placed, all, log);
  return all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function placeLoose(placed: PlacedFragment, groups: OperationGroup[], log: MergeLog): void {
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
      return;
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
      return;
    }
  }
  log.decide(
    "dropped",
    describe(op),
    "documented without a method or path, and no other page's operation matches its title or slug: " +
      "left out of the spec (add a page that shows its method and path, or an overlay)",
    sources,
  );
}
