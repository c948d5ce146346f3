// Decides which operation fragments describe the same operation. Fragments with a method and path are
// grouped by route (parameter names ignored); those without them are placed by placement.ts.
import type { HttpMethod, OperationFragment, PageFragment, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import { placeLooseFragments, type UnplacedOperation } from "./placement.ts";
import { routeKey } from "../../lib/route.ts";

export interface PlacedFragment {
  op: OperationFragment;
  page: PageFragment;
  /**
   * For a fragment without a path of its own that placement put at a route: that route with the path
   * parameters the page declares written in ("/v1/widgets/{widget_id}" where the page lists `widget_id`),
   * so that path-params.ts settles its names like those of a path the page shows.
   */
  placedPath?: string;
}

/** The path a fragment shows, or the one its placement gave it. */
export function pathOf(placed: PlacedFragment): string | undefined {
  return placed.op.path?.value ?? placed.placedPath;
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
  const unplaced = placeLooseFragments(loose, all, pages);
  return { groups: all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)), unplaced };
}
