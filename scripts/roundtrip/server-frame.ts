// Where the server ends and the route begins: a measure decision of the round trip. An operation is its
// method and the URL path it is called at; a spec may put part of that URL path in its server
// ("https://api.box.com/2.0" + "/files/{id}") or in its routes ("https://api.box.com" + "/2.0/files/{id}"),
// and both describe the same calls. A page that shows only full URLs (a ReadMe request page, a curl
// command) does not show where the server ends, so a reader cannot know which of the two the source chose.
// The scraped spec's routes are therefore read under the source's servers before scoring: a scraped route
// that is not a source route, whose URL path (scraped server path + route) starts with a source server's
// path, is scored as the rest of that URL path (under a source server without a path: the whole URL path,
// where the scrape put more of the URL in its server than the source). A route that only a relative path
// shows (`GET /files/{id}`, no server) is scored as written, as before.
import { operationKey } from "./facts.ts";
import type { RenderApi } from "./types.ts";

/** The path part of a server URL without a trailing slash: "/2.0" for "https://api.box.com/2.0/", "" for none. */
export function serverPath(server: string): string {
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(server);
  const path = url ? (url[1] ?? "") : server.startsWith("/") ? server : "";
  return path.replace(/\/+$/, "");
}

/** The scraped API with each route read under the source's servers (see the head comment). */
export function underSourceServers(scraped: RenderApi, source: RenderApi): RenderApi {
  const sourceRoutes = new Set(source.operations.map(operationKey));
  // The longest first: "/api/v1" before "/api"; "" (a server without a path) last, so a scrape that put
  // more of the URL in its server than the source did is read whole ("/G2W/rest" + "/x" -> "/G2W/rest/x").
  const sourceBases = [...new Set([...source.servers.map(serverPath), ""])].sort(
    (a, b) => b.length - a.length,
  );
  const scrapedBase = serverPath(scraped.servers[0] ?? "");
  if (scrapedBase === "" && sourceBases.length === 1) return scraped;
  return {
    ...scraped,
    operations: scraped.operations.map((op) => {
      if (sourceRoutes.has(operationKey(op))) return op;
      const urlPath = `${scrapedBase}${op.path}`;
      const base = sourceBases.find((b) => urlPath.startsWith(`${b}/`));
      return base === undefined ? op : { ...op, path: urlPath.slice(base.length) };
    }),
  };
}
