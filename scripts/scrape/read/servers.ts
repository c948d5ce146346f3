// The one reader of an API's server (base URL), wherever a page states it: a full URL in a request line,
// a "Servers" list, "Base URL: ...", "Host: ...", a "Copy endpoint" line, or the host of a curl example.
// Placeholder and mock hosts (localhost, example.com, {host}, {{baseUrl}}, mock.x.test) are not the API's
// server: a page shows them for the reader to replace, so no server is taken from them.
import { fact, type Fact, type Source, type Strength } from "../fragment.ts";

/** Hosts that stand for "your server here" rather than naming one. */
export function isPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, "");
  return (
    /[{}<>$]/.test(h) ||
    /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|loading|host|hostname|your[-_]?\w*)$/.test(h) ||
    /^(?:www\.)?example\.(com|org|net)$/.test(h) ||
    /^mock[-.]/.test(h)
  );
}

/** The URL or path without its query string and fragment. */
export function withoutQuery(url: string): string {
  const at = url.search(/[?#]/);
  return at === -1 ? url : url.slice(0, at);
}

/** Splits an absolute URL into its server ("https://api.example.com") and its path ("/v1/items"). */
export function splitUrl(url: string): { server: string; path: string } | undefined {
  const m = /^(https?:\/\/[^/\s]+)(\/\S*)?$/.exec(url.trim());
  if (!m?.[1]) return undefined;
  return { server: m[1].replace(/:443$/, ""), path: m[2] ?? "/" };
}

function pathSegments(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

function isParameter(segment: string): boolean {
  return /^\{[^}]+\}$/.test(segment);
}

/** A template segment matches the URL's segment with its {params} standing for any text: "{id}.json". */
function segmentMatches(template: string, actual: string): boolean {
  if (isParameter(actual)) return true;
  const parts = template.split(/(\{[^{}]+\})/).map((p) => (/^\{.+\}$/.test(p) ? "[^/]+" : escapeRegExp(p)));
  return new RegExp(`^${parts.join("")}$`).test(actual);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The server an example URL shows in front of a documented path: the URL minus the path. The URL has
 * real ids where the template has {params}, so the template is matched segment by segment against the end
 * of the URL's path: "https://api.x.com/v1/items/it_1" with "/items/{id}" gives "https://api.x.com/v1".
 * Undefined when the URL's path does not end with the template; each extractor decides what that means.
 */
export function serverBeforePath(url: string, template: string): string | undefined {
  const split = splitUrl(withoutQuery(url));
  if (!split) return undefined;
  const urlSegments = pathSegments(split.path);
  const templateSegments = pathSegments(template);
  const offset = urlSegments.length - templateSegments.length;
  if (offset < 0) return undefined;
  const matches = templateSegments.every((segment, k) =>
    segmentMatches(segment, urlSegments[offset + k] ?? ""),
  );
  if (!matches) return undefined;
  const prefix = urlSegments.slice(0, offset);
  return prefix.length > 0 ? `${split.server}/${prefix.join("/")}` : split.server;
}

/**
 * The server of a URL whose path goes on from a path the site documents elsewhere (a parent collection
 * named on the same page): "https://x.test/api/1/items/{id}" with "/1/items" -> "https://x.test/api".
 * Undefined when the documented path does not occur in the URL after a non-empty prefix of whole segments.
 */
export function serverBeforeDocumentedPath(url: string, documented: string): string | undefined {
  const split = splitUrl(withoutQuery(url));
  const wanted = pathSegments(documented);
  if (!split || wanted.length === 0) return undefined;
  const urlSegments = pathSegments(split.path);
  for (let offset = 1; offset + wanted.length <= urlSegments.length; offset++) {
    if (wanted.every((segment, k) => segmentMatches(segment, urlSegments[offset + k] ?? ""))) {
      return `${split.server}/${urlSegments.slice(0, offset).join("/")}`;
    }
  }
  return undefined;
}

/** The server (scheme and host) of an example URL, whatever its path. */
export function serverOfUrl(url: string): string | undefined {
  return splitUrl(withoutQuery(url))?.server;
}

/**
 * "https://host" from a Host header value ("api.x.com:443"): port 443 is https's default, port 80 means
 * plain http. Undefined for a value that is not a host name.
 */
export function serverOfHost(host: string): string | undefined {
  const m = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d+))?$/.exec(host.trim());
  if (!m?.[1]) return undefined;
  const [, name, port] = m;
  if (port === "80") return `http://${name}`;
  if (port === undefined || port === "443") return `https://${name}`;
  return `https://${name}:${port}`;
}

/** The host part of a server URL, for the placeholder check. */
function hostOf(url: string): string {
  return /^https?:\/\/([^/\s]+)/i.exec(url)?.[1] ?? "";
}

/**
 * Adds a server to a list once, without its trailing slash; placeholder and mock hosts are not servers.
 * Every extractor adds servers here.
 */
export function addServer(list: Fact<string>[], url: string, source: Source, strength: Strength): void {
  const value = url
    .trim()
    .replace(/(?<![.,;])[.,;]+$/, "")
    .replace(/(?<!\/)\/+$/, "");
  if (!/^https?:\/\/\S/i.test(value) || isPlaceholderHost(hostOf(value))) return;
  if (!list.some((f) => f.value === value)) list.push(fact(value, source, strength));
}

// "Servers", "Base URL", "Host:", "Copy endpoint": a line that states the server, or heads a list of them.
const SERVER_LABEL =
  /^(?:servers?|base[ _-]?ur[li]s?|api[ _-]?url|root url|server url|hosts?|copy endpoint|endpoint url)\s*(?:¶\s*)?[:=]?\s*/i;

/** The URL a text starts with (maybe quoted or in backticks), without trailing punctuation or markup. */
export function urlIn(text: string): string | undefined {
  return /^[`"'<(]?(https?:\/\/[^\s<>()`"'|]+)/i.exec(text.trim())?.[1]?.replace(/(?<![.,;])[.,;]+$/, "");
}

/** The server a labelled line states: "Base URL: https://api.x.com/v2", "Servers: https://...". */
export function serverStatement(text: string): string | undefined {
  const line = text.replace(/^\s*(?:#{1,6}\s+|[-*•+]\s+)/, "").trim();
  const label = SERVER_LABEL.exec(line);
  const url = label ? urlIn(line.slice(label[0].length)) : undefined;
  return url?.replace(/(?<!\/)\/+$/, "");
}

/**
 * The servers a page states in its lines: a URL on a labelled line ("Base URL: https://..."), and URLs on
 * the lines right under a label line ("Servers", "Copy endpoint", "Base URL¶", "Example:") up to the first
 * line that is neither a URL nor a blank or a short caption ("Production", "Mock server"). A bare "Host:"
 * value without a scheme is an HTTPS host.
 */
export function serversInLines(lines: readonly string[], file: string): Fact<string>[] {
  const out: Fact<string>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/^\s*(?:#{1,6}\s+|[-*•+]\s+)/, "").trim();
    const label = SERVER_LABEL.exec(line);
    if (!label) continue;
    const rest = line.slice(label[0].length);
    const host =
      /^host\b/i.test(line) && /\.[a-z]{2,}(?::\d+)?$/i.test(rest) ? serverOfHost(rest) : undefined;
    if (host) addServer(out, host, { file, line: i + 1 }, "typed");
    const inline = urlIn(rest);
    if (inline) {
      addServer(out, inline, { file, line: i + 1 }, "typed");
      continue;
    }
    if (rest !== "") continue;
    for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
      const t = (lines[j] ?? "").replace(/^\s*[-*•+]\s+/, "").trim();
      const url = /^https?:\/\//i.test(t) ? urlIn(t) : undefined;
      if (url) addServer(out, url, { file, line: j + 1 }, "typed");
      else if (t !== "" && !/^(example:?|production|sandbox|staging|mock server|live|test)$/i.test(t)) break;
    }
  }
  return out;
}
