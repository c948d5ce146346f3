// One name per path parameter. Pages write the same parameter as ":id", "{session}" or "{session_id}";
// the spec must use one name at each position of a route, and every operation under that route prefix
// must agree. The name a schema-bearing source uses wins, then the name a typed parameter list documents.
import type { ParameterFragment, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import type { MergeLog } from "./merge-log.ts";
import { type OperationGroup, type PlacedFragment, pathOf } from "./join.ts";
import { type Segment, joinSegments, routeKey, segments } from "../../lib/route.ts";

/** A path rebuilt from its segments with a trailing slash it had kept: "/user/" is another key than "/user". */
function rejoin(original: string, segs: Segment[]): string {
  const path = joinSegments(segs);
  return original.length > 1 && original.endsWith("/") && path !== "/" ? `${path}/` : path;
}

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

/**
 * A path that writes one name twice ("/a/{id}/b/{id}") cannot be an OpenAPI path: each later repeat gets
 * the first free numbered name ("{id2}"). Returns the path and the renames made, in order.
 */
function withUniqueNames(path: string): { path: string; renamed: { from: string; to: string }[] } {
  const segs = segments(path);
  const names = new Set(segs.filter((s) => s.param).map((s) => s.text));
  const seen = new Set<string>();
  const renamed: { from: string; to: string }[] = [];
  const out = segs.map((s) => {
    if (!s.param) return s;
    if (!seen.has(s.text)) {
      seen.add(s.text);
      return s;
    }
    let n = 2;
    while (names.has(`${s.text}${n}`) || seen.has(`${s.text}${n}`)) n++;
    const to = `${s.text}${n}`;
    seen.add(to);
    renamed.push({ from: s.text, to });
    return { text: to, param: true };
  });
  return renamed.length > 0 ? { path: rejoin(path, out), renamed } : { path, renamed };
}

/** Gives each fragment whose page repeats a name in its path unique names, with a warning. */
function separateRepeatedNames(groups: OperationGroup[], log: MergeLog): void {
  for (const group of groups) {
    group.path = withUniqueNames(group.path).path;
    for (const placed of group.fragments) {
      const path = placed.op.path;
      if (!path) continue;
      const { path: unique, renamed } = withUniqueNames(path.value);
      if (renamed.length === 0) continue;
      placed.op.path = { ...path, value: unique };
      log.warn({
        ...path.source,
        message:
          `the path ${path.value} repeats the parameter name${renamed.length > 1 ? "s" : ""} ` +
          `${renamed.map((r) => `"${r.from}"`).join(", ")}; the repeat is ` +
          `${renamed.map((r) => `{${r.to}}`).join(", ")} (a path cannot name two parameters alike)`,
      });
    }
  }
}

/** Settles every group's path parameter names, renaming fragments' parameters to match. */
export function unifyPathParameters(groups: OperationGroup[], log: MergeLog): void {
  separateRepeatedNames(groups, log);
  const candidates = new Map<string, Map<string, Candidate>>();
  for (const group of groups) {
    for (const placed of group.fragments) {
      const path = pathOf(placed);
      if (!path) continue;
      paramNamesOf(path).forEach((name, index) => {
        // A placed path vouches only for the names its page declares, not for the route's others.
        if (!placed.op.path && !placed.op.parameters.some((p) => p.in === "path" && p.path[0] === name))
          return;
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
    const original = group.path;
    group.path = renamePath(original, chosen, log);
    const finalNames = paramNamesOf(group.path);
    for (const placed of group.fragments) renameFragment(placed, finalNames);
  }
}

/**
 * The path with each parameter named as its route prefix chose. A name chosen at one prefix may already
 * be the name of a deeper parameter of this path ("/transfers/{id}" beside
 * "/transfers/{transfer}/reversals/{id}"): a path cannot name two parameters alike, so that position
 * keeps the name this path gives it.
 */
function renamePath(path: string, chosen: Map<string, Candidate>, log: MergeLog): string {
  const segs = segments(path);
  const own = paramNamesOf(path);
  const wanted = own.map((name, index) => chosen.get(prefixKey(path, index))?.name ?? name);
  const final = wanted.map((name, index) => {
    const clashes = wanted.some((other, j) => j !== index && other === name);
    return clashes && name !== own[index] ? (own[index] ?? name) : name;
  });
  final.forEach((name, index) => {
    if (name !== wanted[index]) {
      log.decide(
        "rename",
        path,
        `path parameter "${name}" kept: "${wanted[index]}", the name other routes use at this place, ` +
          `already names another parameter of this path`,
      );
    }
  });
  let index = -1;
  return rejoin(
    path,
    segs.map((s) => {
      if (!s.param) return s;
      index++;
      return { text: final[index] ?? s.text, param: true };
    }),
  );
}

/**
 * Renames a fragment's path (the one it shows, or the one placement gave it) and its path parameters,
 * position by position, to its group's final names.
 */
function renameFragment(placed: PlacedFragment, finalNames: string[]): void {
  const op = placed.op;
  const path = pathOf(placed);
  if (!path) return;
  const oldNames = paramNamesOf(path);
  const renames = new Map(oldNames.map((n, i) => [n, finalNames[i] ?? n]));
  let index = -1;
  const newPath = rejoin(
    path,
    segments(path).map((s) => {
      if (!s.param) return s;
      index++;
      return { text: finalNames[index] ?? s.text, param: true };
    }),
  );
  if (op.path) op.path = { ...op.path, value: newPath };
  else placed.placedPath = newPath;
  op.parameters = op.parameters.map((p): ParameterFragment => {
    if (p.in !== "path") return p;
    const to = renames.get(p.path[0] ?? "");
    return to && to !== p.path[0] ? { ...p, path: [to] } : p;
  });
}
