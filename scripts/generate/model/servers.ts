// The servers a spec declares, as the URLs a client can use: `{variable}`s filled from their `default`
// (the base URL a client starts with) or, for the set of origins credentials may go to, from their
// `default` and every `enum` value. Servers count at every level: the document, a path item, an operation.
import { derefObject, isObject } from "../../spec/pointer.ts";

type Json = Record<string, unknown>;

/**
 * The most URLs one server expands to: the product of its variables' values grows fast, and an origin the
 * client does not know only means a redirect there goes without credentials.
 */
const MAX_EXPANSIONS = 64;

const VARIABLE = /\{([^{}]*)\}/g;

/** The values of each variable a server URL uses: its default first, then its enum. */
function variableValues(server: Json, url: string, withEnums: boolean): Map<string, string[]> {
  const declared = isObject(server.variables) ? server.variables : {};
  const values = new Map<string, string[]>();
  for (const [, name] of url.matchAll(VARIABLE)) {
    if (name === undefined || values.has(name) || !Object.prototype.hasOwnProperty.call(declared, name))
      continue;
    const variable = declared[name];
    if (!isObject(variable) || typeof variable.default !== "string") continue;
    const enums = withEnums && Array.isArray(variable.enum) ? variable.enum : [];
    const strings = enums.filter((v): v is string => typeof v === "string" && v !== variable.default);
    values.set(name, [variable.default, ...strings]);
  }
  return values;
}

/** A server's URLs: the defaults' first, then every other combination, up to MAX_EXPANSIONS. */
function expand(server: unknown, withEnums: boolean): string[] {
  if (!isObject(server) || typeof server.url !== "string") return [];
  const url = server.url;
  let urls = [url];
  for (const [name, values] of variableValues(server, url, withEnums)) {
    const next: string[] = [];
    for (const partial of urls) {
      for (const value of values) {
        if (next.length === MAX_EXPANSIONS) break;
        next.push(partial.split(`{${name}}`).join(value));
      }
    }
    urls = next;
  }
  return urls;
}

function serverList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The document's servers with their default values: the first is the client's default base URL. */
export function defaultServers(document: Json): string[] {
  return serverList(document.servers).flatMap((s) => expand(s, false).slice(0, 1));
}

/** An operation's own base URL: the first of its servers, else of its path item's; none when neither has. */
export function operationServer(pathItem: Json, op: Json): string | undefined {
  const own = serverList(op.servers);
  const servers = own.length > 0 ? own : serverList(pathItem.servers);
  return servers.flatMap((s) => expand(s, false))[0];
}

/**
 * Every URL of every server the spec declares (document, path items, operations), sorted: with the
 * base URL, where the client may send credentials.
 */
export function allServers(document: Json, methods: readonly string[]): string[] {
  const servers = [...serverList(document.servers)];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const key of Object.keys(paths)) {
    const pathItem = derefObject(document, paths[key]) ?? {};
    servers.push(...serverList(pathItem.servers));
    for (const method of methods) {
      const op = pathItem[method];
      if (isObject(op)) servers.push(...serverList(op.servers));
    }
  }
  return [...new Set(servers.flatMap((s) => expand(s, true)))].sort();
}
