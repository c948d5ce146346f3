// One name per path parameter. Pages write the same parameter as ":id", "{session}" or "{session_id}";
// the spec must use one name at each position of a route, which all pages of that route then use; other
// routes keep the names their own pages give. The name a schema-bearing source uses wins, then the name a typed parameter list documents.
import type { ParameterFragment, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import type { MergeLog } from "./merge-log.ts";
import { type OperationGroup, type PlacedFragment, pathOf } from "./join.ts";
import { pathParamNames, routeKeyThrough, withParamNames } from "../../lib/route.ts";

interface Candidate {
  name: string;
  score: number;
  sources: Source[];
  /**
   * A page documents a path parameter of this name, or writes it in a path beside a schema block (a
   * renderer that writes the spec's own names): more than a placeholder in a request line (":id").
   */
  vouched: boolean;
}

function pageHasSchemaBlock(placed: PlacedFragment): boolean {
  return placed.page.operations.some(
    (op) =>
      op.requestBody?.fields.some((f) => f.strength === "schema") ||
      op.parameters.some((p) => p.strength === "schema") ||
      op.responses.some((r) => r.fields.some((f) => f.strength === "schema")),
  );
}

/** Whether the fragment's page documents a path parameter of this name. */
function documents(placed: PlacedFragment, name: string): boolean {
  return placed.op.parameters.some((p) => p.in === "path" && p.path[0] === name);
}

/** Whether the name is more than a placeholder: documented, or in a path a schema-bearing page shows. */
function vouches(placed: PlacedFragment, name: string): boolean {
  return documents(placed, name) || (placed.op.path !== undefined && pageHasSchemaBlock(placed));
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

/**
 * The key of a parameter position of one route: names are settled among the pages of the same route only.
 * Routes that merely share a prefix keep the names their pages give ("/{scope}/providers/..." beside
 * "/{policyAssignmentId}": the first segment of each is another parameter).
 */
function slotKey(group: OperationGroup, index: number): string {
  return `${group.key} ${index}`;
}

/**
 * A path that writes one name twice ("/a/{id}/b/{id}") cannot be an OpenAPI path: each later repeat gets
 * the first free numbered name ("{id2}"). Returns the path and the renames made, in order.
 */
function withUniqueNames(path: string): { path: string; renamed: { from: string; to: string }[] } {
  const own = pathParamNames(path);
  const names = new Set(own);
  const seen = new Set<string>();
  const renamed: { from: string; to: string }[] = [];
  const unique = own.map((name) => {
    if (!seen.has(name)) {
      seen.add(name);
      return name;
    }
    let n = 2;
    while (names.has(`${name}${n}`) || seen.has(`${name}${n}`)) n++;
    const to = `${name}${n}`;
    seen.add(to);
    renamed.push({ from: name, to });
    return to;
  });
  return renamed.length > 0 ? { path: withParamNames(path, unique), renamed } : { path, renamed };
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
  // By route and position; and by route prefix, the names pages vouch for there (for placeholders).
  const candidates = new Map<string, Map<string, Candidate>>();
  const vouchedAtPrefix = new Map<string, Map<string, Candidate>>();
  const add = (
    into: Map<string, Map<string, Candidate>>,
    key: string,
    placed: PlacedFragment,
    name: string,
  ) => {
    const byName = into.get(key) ?? new Map<string, Candidate>();
    into.set(key, byName);
    const c = byName.get(name) ?? { name, score: 0, sources: [], vouched: false };
    c.score = Math.max(c.score, score(placed, name));
    c.sources.push(placed.op.path?.source ?? placed.op.source);
    c.vouched ||= vouches(placed, name);
    byName.set(name, c);
  };
  for (const group of groups) {
    for (const placed of group.fragments) {
      const path = pathOf(placed);
      if (!path) continue;
      pathParamNames(path).forEach((name, index) => {
        // A placed path vouches only for the names its page declares, not for the route's others.
        if (!placed.op.path && !documents(placed, name)) return;
        add(candidates, slotKey(group, index), placed, name);
        if (vouches(placed, name)) add(vouchedAtPrefix, routeKeyThrough(path, index), placed, name);
      });
    }
  }
  const chosen = new Map<string, Candidate>();
  // One report line per rename under a route prefix, however many of its routes made it.
  const renames = new Map<string, { subject: string; message: string; sources: Source[] }>();
  for (const group of groups) {
    pathParamNames(group.path).forEach((_, index) => {
      const own = [...(candidates.get(slotKey(group, index))?.values() ?? [])];
      // A route whose pages only write a placeholder ("/:id/cancel") takes the name pages vouch for at
      // the same place of the routes around it ("{session}"); a vouched-for name is never renamed so.
      const elsewhere = own.some((c) => c.vouched)
        ? []
        : [...(vouchedAtPrefix.get(routeKeyThrough(group.path, index))?.values() ?? [])];
      const ranked = [...elsewhere, ...own.filter((c) => !elsewhere.some((e) => e.name === c.name))].sort(
        (a, b) => Number(b.vouched) - Number(a.vouched) || b.score - a.score || a.name.localeCompare(b.name),
      );
      const winner = ranked[0];
      if (!winner) return;
      chosen.set(slotKey(group, index), winner);
      const subject = routeKeyThrough(group.path, index).replace(/\{\}/g, "{…}");
      for (const other of ranked.slice(1)) {
        const message = `path parameter "${other.name}" renamed to "${winner.name}", the name the strongest source uses`;
        const seen = renames.get(`${subject} ${message}`);
        const sources = [...winner.sources.slice(0, 1), ...other.sources];
        if (seen) seen.sources.push(...sources.filter((s) => !seen.sources.includes(s)));
        else renames.set(`${subject} ${message}`, { subject, message, sources });
      }
    });
  }
  for (const r of renames.values()) log.decide("rename", r.subject, r.message, r.sources);
  for (const group of groups) {
    group.path = renamePath(group, chosen, log);
    const finalNames = pathParamNames(group.path);
    for (const placed of group.fragments) renameFragment(placed, finalNames);
  }
}

/**
 * The path with each parameter named as its route prefix chose. A name chosen at one prefix may already
 * be the name of a deeper parameter of this path ("/transfers/{id}" beside
 * "/transfers/{transfer}/reversals/{id}"): a path cannot name two parameters alike, so that position
 * keeps the name this path gives it.
 */
function renamePath(group: OperationGroup, chosen: Map<string, Candidate>, log: MergeLog): string {
  const path = group.path;
  const own = pathParamNames(path);
  const wanted = own.map((name, index) => chosen.get(slotKey(group, index))?.name ?? name);
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
  return withParamNames(path, final);
}

/**
 * Renames a fragment's path (the one it shows, or the one placement gave it) and its path parameters,
 * position by position, to its group's final names.
 */
function renameFragment(placed: PlacedFragment, finalNames: string[]): void {
  const op = placed.op;
  const path = pathOf(placed);
  if (!path) return;
  const oldNames = pathParamNames(path);
  const renames = new Map(oldNames.map((n, i) => [n, finalNames[i] ?? n]));
  const newPath = withParamNames(path, finalNames);
  if (op.path) op.path = { ...op.path, value: newPath };
  else placed.placedPath = newPath;
  op.parameters = op.parameters.map((p): ParameterFragment => {
    if (p.in !== "path") return p;
    const to = renames.get(p.path[0] ?? "");
    return to && to !== p.path[0] ? { ...p, path: [to] } : p;
  });
}
