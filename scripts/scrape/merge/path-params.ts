// One name per path parameter. Pages write the same parameter as ":id", "{session}" or "{session_id}";
// the spec must use one name at each position of a route, and every operation under that route prefix
// must agree. The name a schema-bearing source uses wins, then the name a typed parameter list documents.
import type { ParameterFragment, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import type { MergeLog } from "./merge-log.ts";
import type { OperationGroup, PlacedFragment } from "./join.ts";
import { joinSegments, routeKey, segments } from "../../lib/route.ts";

interface Candidate {
  name: string;
  score: number;
  sources: Source[];
}

function pageHasSchemaBlock(placed: PlacedFragment): boolean {
  return placed.page.operations.some(
    (op) =>
      op.requestBody?.fields.some((f) => f.strength === "schema") ||
      op.parameters.some((p) => p.strength === "schema") ||
      op.responses.some((r) => r.fields.some((f) => f.strength === "schema")),
  );
}

/** How strongly a fragment vouches for the name it uses at a path position. */
function score(placed: PlacedFragment, name: string): number {
  const documented = placed.op.parameters.find((p) => p.in === "path" && p.path[0] === name);
  return (
    (pageHasSchemaBlock(placed) ? 100 : 0) +
    (documented ? STRENGTH_RANK[documented.strength] * 10 : 0) +
    (placed.op.path ? STRENGTH_RANK[placed.op.path.strength] : 0)
  );
}

/** The key of the route prefix that ends at parameter position `index` of a path. */
function prefixKey(path: string, index: number): string {
  const segs = segments(path);
  let seen = -1;
  for (let i = 0; i < segs.length; i++) {
    if (segs[i]?.param) seen++;
    if (seen === index) return routeKey(joinSegments(segs.slice(0, i + 1)));
  }
  return routeKey(path);
}

function paramNamesOf(path: string): string[] {
  return segments(path)
    .filter((s) => s.param)
    .map((s) => s.text);
}

/** Settles every group's path parameter names, renaming fragments' parameters to match. */
export function unifyPathParameters(groups: OperationGroup[], log: MergeLog): void {
  const candidates = new Map<string, Map<string, Candidate>>();
  for (const group of groups) {
    for (const placed of group.fragments) {
      const path = placed.op.path?.value;
      if (!path) continue;
      paramNamesOf(path).forEach((name, index) => {
        const key = prefixKey(path, index);
        const byName = candidates.get(key) ?? new Map<string, Candidate>();
        candidates.set(key, byName);
        const c = byName.get(name) ?? { name, score: 0, sources: [] };
        c.score = Math.max(c.score, score(placed, name));
        c.sources.push(placed.op.path?.source ?? placed.op.source);
        byName.set(name, c);
      });
    }
  }
  const chosen = new Map<string, Candidate>();
  for (const [key, byName] of candidates) {
    const ranked = [...byName.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    const winner = ranked[0];
    if (!winner) continue;
    chosen.set(key, winner);
    for (const other of ranked.slice(1)) {
      log.decide(
        "rename",
        key.replace(/\{\}/g, "{…}"),
        `path parameter "${other.name}" renamed to "${winner.name}", the name the strongest source uses`,
        [...winner.sources.slice(0, 1), ...other.sources],
      );
    }
  }
  for (const group of groups) {
    group.path = renamePath(group.path, chosen);
    for (const placed of group.fragments) renameFragment(placed, chosen);
  }
}

function renamePath(path: string, chosen: Map<string, Candidate>): string {
  const segs = segments(path);
  let index = -1;
  return joinSegments(
    segs.map((s) => {
      if (!s.param) return s;
      index++;
      const winner = chosen.get(prefixKey(path, index));
      return winner ? { text: winner.name, param: true } : s;
    }),
  );
}

function renameFragment(placed: PlacedFragment, chosen: Map<string, Candidate>): void {
  const op = placed.op;
  if (!op.path) return;
  const oldNames = paramNamesOf(op.path.value);
  const newPath = renamePath(op.path.value, chosen);
  const newNames = paramNamesOf(newPath);
  const renames = new Map(oldNames.map((n, i) => [n, newNames[i] ?? n]));
  op.path = { ...op.path, value: newPath };
  op.parameters = op.parameters.map((p): ParameterFragment => {
    if (p.in !== "path") return p;
    const to = renames.get(p.path[0] ?? "");
    return to && to !== p.path[0] ? { ...p, path: [to] } : p;
  });
}
