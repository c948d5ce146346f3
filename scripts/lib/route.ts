// Path templates as both the merge and the generator read them: which segments are parameters, what
// resource a path is about by REST convention, and a key that ignores parameter names so "/items/:id" and
// "/items/{item}" are the same route.

export interface Segment {
  text: string;
  param: boolean;
}

/** One template expression: "{id}". Names hold no braces, so "{a}{b}" is two expressions, a and b. */
const TEMPLATE = /\{([^{}]+)\}/g;

/**
 * The path's segments; a segment that is one template expression ("{id}") is a parameter. A segment that
 * mixes text and expressions ("{id}.json", "{a}{b}") is kept as text: its expressions still count as
 * parameters in pathParamNames and routeKey.
 */
export function segments(path: string): Segment[] {
  return path
    .split("/")
    .filter((s) => s !== "")
    .map((s) => {
      const m = /^\{([^{}]+)\}$/.exec(s);
      return m?.[1] ? { text: m[1], param: true } : { text: s, param: false };
    });
}

export function joinSegments(segs: Segment[]): string {
  return "/" + segs.map((s) => (s.param ? `{${s.text}}` : s.text)).join("/");
}

/** The route with parameter names erased: "/v1/items/{}/cancel". */
export function routeKey(path: string): string {
  return joinSegments(segments(path)).replace(TEMPLATE, "{}");
}

/** The names of every template expression in the path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(TEMPLATE)].map((m) => m[1] as string);
}

/** The path with its template expressions renamed in order: `names[i]` for the i-th (kept where missing). */
export function withParamNames(path: string, names: readonly string[]): string {
  let index = -1;
  return path.replace(TEMPLATE, (whole: string) => {
    index++;
    const name = names[index];
    return name === undefined ? whole : `{${name}}`;
  });
}

/**
 * The route key of the path up to and including the segment that holds its `index`-th template expression
 * ("/v1/{}:write" for the first expression of "/v1/{run}:write/all"); the whole route's key past the last.
 */
export function routeKeyThrough(path: string, index: number): string {
  const segs = path.split("/").filter((s) => s !== "");
  let seen = -1;
  for (let i = 0; i < segs.length; i++) {
    seen += [...(segs[i] ?? "").matchAll(TEMPLATE)].length;
    if (seen >= index) return routeKey(`/${segs.slice(0, i + 1).join("/")}`);
  }
  return routeKey(path);
}

export type RouteShape =
  | { kind: "collection"; resource: string }
  | { kind: "item"; resource: string }
  | { kind: "action"; resource: string; action: string };

/**
 * What a path addresses, by REST convention: "/v1/items" a collection, "/v1/items/{id}" an item,
 * "/v1/items/{id}/cancel" an action on an item.
 */
export function routeShape(path: string): RouteShape | undefined {
  const segs = segments(path);
  const last = segs[segs.length - 1];
  const prev = segs[segs.length - 2];
  if (!last) return undefined;
  if (last.param) return prev && !prev.param ? { kind: "item", resource: prev.text } : undefined;
  if (prev?.param) {
    const owner = segs[segs.length - 3];
    return owner && !owner.param ? { kind: "action", resource: owner.text, action: last.text } : undefined;
  }
  return { kind: "collection", resource: last.text };
}

/** The collection segment that names a path's resource, for component names. */
export function resourceSegment(path: string): string | undefined {
  return routeShape(path)?.resource;
}

/** The segments in front of a path's resource, "" at the root: "/v1/widgets/{id}" -> "/v1". */
export function routeBase(path: string): string | undefined {
  const shape = routeShape(path);
  if (!shape) return undefined;
  const segs = segments(path);
  const at = segs.findIndex((s) => !s.param && s.text === shape.resource);
  return at < 0 ? undefined : joinSegments(segs.slice(0, at)).replace(/^\/$/, "");
}
