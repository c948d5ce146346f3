// curl examples: what a command shows about its operation (method, path, server, security, content type,
// header parameters, body and query fields), with strength "example".
import {
  fact,
  type FieldFragment,
  type JsonSchema,
  type OperationFragment,
  type Source,
} from "../../fragment.ts";
import {
  formPairs,
  isCredentialHeader,
  isJsonData,
  requestMediaType,
  securityFromCurl,
} from "../../curl-facts.ts";
import { parseLenientJson } from "../../lenient-json.ts";
import type { CurlCommand } from "../../text.ts";
import { pathKeySuffix, readTarget, toPathTemplate } from "../../read/request-line.ts";
import {
  serverBeforeDocumentedPath,
  serverBeforePath,
  serverOfUrl,
  withoutQuery,
} from "../../read/servers.ts";
import type { CurlFact } from "./code-blocks.ts";
import { source, type Ctx, warn } from "./nodes.ts";
import { requestBodyOf } from "./operation-parts.ts";
import { addServer } from "../../read/servers.ts";
import { namePath } from "../../read/names.ts";

/**
 * Concrete ids in an example URL ("po_1Nu9", "42", a UUID) stand where the documented path has a parameter;
 * versions ("v2", "2.0", "v1beta1", "v1alpha2"), words that end in a number ("oauth2", "erc721", "bep20")
 * and words with one digit inside ("a2p", "PreregisteredUsa2p") are literal: an example id has a separator
 * (`po_1Nu9`), is all digits, or mixes two digits or more into its letters.
 */
function isIdSegment(segment: string): boolean {
  if (/^\{.+\}$/.test(segment) || /^v?\d+(?:\.\d+)+$|^v\d+(?:(?:alpha|beta|p)\d*)*$/i.test(segment))
    return false;
  if (/^[A-Za-z]{2,}\d{1,3}$/.test(segment)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(segment) || /^\d+$/.test(segment)) return true;
  const digits = segment.replace(/\D/g, "").length;
  return digits >= 2 || (digits === 1 && /[_-]/.test(segment));
}

/**
 * The example URL's path as a template: "/v1/payouts/po_123/cancel" -> "/v1/payouts/{id}/cancel". A URL
 * that marks its parameters itself ("/api/1/items/{{ITEM_ID}}") has no concrete ids to guess: its other
 * segments are literal.
 */
function templateFromExample(path: string): string {
  const segments = toPathTemplate(path).split("/");
  if (segments.some((s) => /^\{.+\}$/.test(s))) return segments.join("/");
  const ids = segments.filter(isIdSegment).length;
  return segments
    .map((s, i) => {
      // "/api/2/…", "/rest/api/3/…": a number after "api" or "rest" is the API's version.
      if (!isIdSegment(s) || (/^\d+$/.test(s) && /^(?:api|rest)$/i.test(segments[i - 1] ?? ""))) return s;
      const owner = (segments[i - 1] ?? "").replace(/ies$/, "y").replace(/s$/, "");
      return ids === 1 || !owner ? "{id}" : `{${owner}_id}`;
    })
    .join("/");
}

/**
 * "metadata[order_id]" -> metadata (object) > order_id; "expand[]" and "items[0][sku]" make arrays. Each
 * node's schema says only what the name shows: an object or array parent, or nothing for a plain leaf.
 */
function bracketNodes(name: string): { path: string[]; schema?: JsonSchema }[] {
  const named = namePath(name);
  if (!named) return [{ path: [name] }];
  const last = named.path.length - 1;
  return named.path.map((_, i) => {
    const path = named.path.slice(0, i + 1);
    if (named.arraySegments.includes(i)) return { path, schema: { type: "array" } };
    return i < last ? { path, schema: { type: "object" } } : { path };
  });
}

/**
 * Fields a form body or query string shows by example ("-d type=id_number", "-F file=@id.png"), each node
 * once. `leaf` gives what a value says about its field's type (a file upload), if anything.
 */
function exampleFields(
  pairs: string[],
  at: Source,
  leaf: (value: string) => JsonSchema | undefined = () => undefined,
): FieldFragment[] {
  const out = new Map<string, FieldFragment>();
  for (const { name, value } of formPairs(pairs)) {
    if (!name) continue;
    const nodes = bracketNodes(name);
    const last = nodes[nodes.length - 1];
    if (last && !last.schema) {
      const schema = leaf(value ?? "");
      if (schema) last.schema = schema;
    }
    for (const node of nodes) {
      const key = node.path.join("\u0000");
      const existing = out.get(key);
      if (!existing) out.set(key, { ...node, source: at, strength: "example" });
      else if (node.schema && !existing.schema) existing.schema = node.schema;
    }
  }
  return [...out.values()];
}

/** A URL under a base URL the page states ("Base URL: https://api.example.com/v2"): that base is the server. */
function splitByPageServer(url: string, servers: string[]): { server: string; path: string } | undefined {
  const server = servers.find((s) => url === s || url.startsWith(`${s}/`));
  return server ? { server, path: url.slice(server.length) || "/" } : undefined;
}

/**
 * A URL that goes on from a path the page documents for another operation ("createItem POST /1/items"
 * before "curl https://x.test/api/1/items/{{ID}}"): what comes before that path is the server's base.
 */
function splitByDocumentedPath(
  url: string,
  documented: readonly string[],
): { server: string; path: string } | undefined {
  for (const path of documented) {
    const server = serverBeforeDocumentedPath(url, path);
    if (server && url.startsWith(`${server}/`)) return { server, path: url.slice(server.length) };
  }
  return undefined;
}

/**
 * What a curl command shows; `documented` are the paths the page names for OTHER operations (its
 * prerequisite steps): never this operation's route, only evidence of where the server's base ends.
 */
export function applyCurl(
  op: OperationFragment,
  { curl, line }: CurlFact,
  ctx: Ctx,
  documented: readonly string[] = [],
): void {
  const at = source(ctx, line);
  const url = withoutQuery(curl.url);
  if (curl.method && !op.method) op.method = fact(curl.method, at, "example");
  let server: string | undefined;
  // A URL that does not end with the documented path still shows the API's host.
  if (op.path) server = serverBeforePath(url, op.path.value) ?? serverOfUrl(url);
  else {
    // No documented path: the example URL's path is the path, with its concrete ids made parameters.
    const split = splitByPageServer(url, ctx.pageServers) ?? splitByDocumentedPath(url, documented);
    const read = readTarget(url, "sent");
    // The path key's `#…` (AWS's "/#X-Amz-Target=Service.Action") is not a segment to template: it goes
    // back on as written, so the operations that share one URL stay apart.
    const key = pathKeySuffix(curl.url);
    const shown = split ? split.path : read.path;
    const bare = key && shown.endsWith(key) ? shown.slice(0, -key.length) : shown;
    op.path = fact(templateFromExample(bare) + key, at, "example");
    server = split ? split.server : read.server;
  }
  if (server) addServer(op.servers, server, at, "example");
  for (const hint of securityFromCurl(curl)) {
    if (!op.security.some((s) => JSON.stringify(s.value) === JSON.stringify(hint)))
      op.security.push(fact(hint, at, "example"));
  }
  const media = requestMediaType(curl);
  if (media) requestBodyOf(op).contentType ??= fact(media, at, "example");
  applyCurlHeaders(op, curl, at);
  applyCurlData(op, curl, at, ctx);
  const query = /\?([^#]*)/.exec(curl.url)?.[1];
  if (query) for (const f of exampleFields(query.split("&"), at)) op.parameters.push({ ...f, in: "query" });
}

/** Headers other than credentials, Content-Type, Accept and User-Agent are header parameters. */
function applyCurlHeaders(op: OperationFragment, curl: CurlCommand, at: Source): void {
  for (const { name } of curl.headers) {
    if (!/^(?:content-type|authorization|accept|user-agent)$/i.test(name) && !isCredentialHeader(name)) {
      if (!op.parameters.some((p) => p.in === "header" && p.path[0]?.toLowerCase() === name.toLowerCase())) {
        op.parameters.push({
          path: [name],
          in: "header",
          schema: { type: "string" },
          source: at,
          strength: "example",
        });
      }
    }
  }
}

/** `-d '{…}'` is a JSON body example, `-d key=value` form fields (query parameters with -G), `-F` multipart fields. */
function applyCurlData(op: OperationFragment, curl: CurlCommand, at: Source, ctx: Ctx): void {
  const json = curl.data.filter(isJsonData);
  const pairs = curl.data.filter((d) => !isJsonData(d)).flatMap((d) => d.split("&"));
  if (curl.get) {
    for (const f of exampleFields(pairs, at)) op.parameters.push({ ...f, in: "query" });
    return;
  }
  if (json.length > 0) {
    const body = requestBodyOf(op);
    const parsed = parseLenientJson(json[0] ?? "");
    if (parsed.ok) body.example ??= fact(parsed.value, at, "example");
    else
      warn(ctx, at.line ?? 1, `JSON body of the curl command could not be parsed (${parsed.error}): skipped`);
  }
  if (pairs.length > 0) {
    requestBodyOf(op).fields.push(...exampleFields(pairs, at));
  }
  if (curl.form.length > 0) {
    const file = (value: string): JsonSchema | undefined =>
      value.startsWith("@") ? { type: "string", format: "binary" } : undefined;
    requestBodyOf(op).fields.push(...exampleFields(curl.form, at, file));
  }
}
