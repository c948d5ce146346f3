// URI references as JSON Schema uses them for $id, $ref and $dynamicRef: RFC 3986 resolution (section 5.2)
// against a base, and the split of a URI into the resource part and its fragment. Written out rather than
// with WHATWG `URL`, which refuses relative references against "urn:" bases and normalises differently.

interface UriParts {
  scheme: string | undefined;
  authority: string | undefined;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}

// RFC 3986 appendix B. Every part is optional and the fragment takes the rest, so the first, greedy try
// always matches: nothing is ever retried, whatever the authority and path could trade.
// eslint-disable-next-line regexp/no-super-linear-backtracking
const URI_PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

function parse(uri: string): UriParts {
  const m = URI_PARTS.exec(uri);
  return {
    scheme: m?.[1],
    authority: m?.[2],
    path: m?.[3] ?? "",
    query: m?.[4],
    fragment: m?.[5],
  };
}

function format(parts: UriParts): string {
  let out = "";
  if (parts.scheme !== undefined) out += `${parts.scheme}:`;
  if (parts.authority !== undefined) out += `//${parts.authority}`;
  out += parts.path;
  if (parts.query !== undefined) out += `?${parts.query}`;
  if (parts.fragment !== undefined) out += `#${parts.fragment}`;
  return out;
}

/** RFC 3986 5.2.4. */
function removeDotSegments(path: string): string {
  const output: string[] = [];
  let input = path;
  while (input.length > 0) {
    if (input.startsWith("../")) input = input.slice(3);
    else if (input.startsWith("./")) input = input.slice(2);
    else if (input.startsWith("/./")) input = input.slice(2);
    else if (input === "/.") input = "/";
    else if (input.startsWith("/../")) {
      input = input.slice(3);
      output.pop();
    } else if (input === "/..") {
      input = "/";
      output.pop();
    } else if (input === "." || input === "..") input = "";
    else {
      const next = input.indexOf("/", input.startsWith("/") ? 1 : 0);
      const segment = next === -1 ? input : input.slice(0, next);
      output.push(segment);
      input = next === -1 ? "" : input.slice(next);
    }
  }
  return output.join("");
}

function merge(base: UriParts, path: string): string {
  if (base.authority !== undefined && base.path === "") return `/${path}`;
  const slash = base.path.lastIndexOf("/");
  return slash === -1 ? path : base.path.slice(0, slash + 1) + path;
}

/** Resolves `reference` against `base` (RFC 3986 5.2.2). */
export function resolveUri(reference: string, base: string): string {
  const r = parse(reference);
  const b = parse(base);
  let target: UriParts;
  if (r.scheme !== undefined) {
    target = { ...r, path: removeDotSegments(r.path) };
  } else if (r.authority !== undefined) {
    target = { ...r, scheme: b.scheme, path: removeDotSegments(r.path) };
  } else if (r.path === "") {
    target = { ...b, query: r.query ?? b.query, fragment: r.fragment };
  } else {
    const path = r.path.startsWith("/") ? r.path : merge(b, r.path);
    target = { ...b, path: removeDotSegments(path), query: r.query, fragment: r.fragment };
  }
  return format(target);
}

/** "http://x/y.json#/a" -> ["http://x/y.json", "/a"]; no "#" gives an empty fragment. */
export function splitFragment(uri: string): [resource: string, fragment: string] {
  const hash = uri.indexOf("#");
  return hash === -1 ? [uri, ""] : [uri.slice(0, hash), uri.slice(hash + 1)];
}

/** The URI without its fragment (an `$id` names a resource; "#" alone adds nothing). */
export function withoutFragment(uri: string): string {
  return splitFragment(uri)[0];
}
