// Field names as pages write nesting, read into a property path: `frame.depth`, `finishes..gloss` (a map's
// values), `parts[].size` and `items[0].sku` (an array's items), `metadata[order_id]` (form notation),
// `expand[]` (an array field). One reader for every extractor, so the same name nests the same way.

export interface NamePath {
  /** The property path, brackets removed: "parts[].size" -> ["parts", "size"]. */
  path: string[];
  /** The last segment was written `name[]` or `name[0]`: the field is an array. */
  array: boolean;
  /** A parent segment was an array (`a[].b`, `a[0].b`): fragments place the child under the array itself. */
  inItems: boolean;
  /** Empty segments (`a..b`): a map's values, whose properties are placed under the map itself. */
  inMap: boolean;
  /** Indexes of the segments (0-based) written with brackets, to type them as objects or arrays. */
  arraySegments: number[];
}

/** One identifier segment; a name may also carry brackets ("items[0]", "metadata[key]"). */
const SEGMENT = /^[A-Za-z_$@][\w$@-]*$/;
/** A segment whose bracketed names are part of it ("page[size]", "itemDetailLine[itemNr]", "[customField]"). */
const SEGMENT_WITH_BRACKETS =
  /^(?:[A-Za-z_$@][\w$@-]*(?:\[[A-Za-z_$@][\w$@-]*\])*|(?:\[[A-Za-z_$@][\w$@-]*\])+)$/;

/**
 * What a bracket holding a name means: a path step ("metadata[order_id]", form notation, the default), or
 * part of the name, in layouts that nest only by dots and `[]` and print names verbatim (seed 002's
 * catalogue: `page[size]`, `itemDetailLine[itemNr].commodityCode`).
 */
export type BracketNames = "step" | "name";

/**
 * Reads a name into its path, or undefined when the name is not a field name (a sentence, an empty cell).
 * Linear: one split at dots and one at brackets, no backtracking.
 */
export function namePath(raw: string, brackets: BracketNames = "step"): NamePath | undefined {
  const name = raw.trim();
  if (name === "" || /\s/.test(name)) return undefined;
  // "$.xgafv" (Google's error-format query parameter): a name written from the JSONPath root is the
  // parameter's own name; no page nests fields under a property called "$".
  if (/^\$\.[A-Za-z_][\w-]*$/.test(name))
    return { path: [name], array: false, inItems: false, inMap: false, arraySegments: [] };
  const path: string[] = [];
  const arraySegments: number[] = [];
  let inItems = false;
  let inMap = false;
  let array = false;
  // "metadata[order_id]" and "items[0][sku]": a bracket holding a name is a path step like a dot.
  const dotted = brackets === "step" ? name.replace(/\[([A-Za-z_$@][\w$@-]*)\]/g, ".$1") : name;
  const segment = brackets === "step" ? SEGMENT : SEGMENT_WITH_BRACKETS;
  const parts = dotted.split(".");
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i] ?? "";
    if (part === "") {
      // "a..b": the empty step is a map's value; a leading or trailing dot is a broken name.
      if (i === 0 || i === parts.length - 1) return undefined;
      inMap = true;
      continue;
    }
    let isArray = false;
    while (/\[\d*\]$/.test(part)) {
      part = part.slice(0, part.lastIndexOf("["));
      isArray = true;
    }
    if (!segment.test(part)) return undefined;
    if (isArray) {
      arraySegments.push(path.length);
      if (i < parts.length - 1) inItems = true;
      else array = true;
    }
    path.push(part);
  }
  return path.length > 0 ? { path, array, inItems, inMap, arraySegments } : undefined;
}

/**
 * The path of a field nested under `parent`: written in full ("options.document") or relative to the
 * parent ("document"). A dotted name that does not start with the parent is relative too.
 */
export function childPath(
  parent: readonly string[],
  name: string,
  brackets: BracketNames = "step",
): string[] {
  const own = namePath(name, brackets)?.path ?? [name];
  const full = parent.length > 0 && own.length > parent.length && parent.every((p, i) => own[i] === p);
  return full ? own : [...parent, ...own];
}

/**
 * The paths of the parents a name writes as arrays, nested under `parent` as childPath nests the name:
 * "fields[].entropy" -> [["fields"]]. A leaves-only list (LAYOUTS.md family 2) shows the array only so,
 * and its children are the properties of its items, not of the array.
 */
export function arrayParentPaths(
  parent: readonly string[],
  name: string,
  brackets: BracketNames = "step",
): string[][] {
  const named = namePath(name, brackets);
  if (!named) return [];
  const full = childPath(parent, name, brackets);
  const offset = full.length - named.path.length;
  return named.arraySegments
    .filter((i) => i < named.path.length - 1)
    .map((i) => full.slice(0, offset + i + 1));
}
