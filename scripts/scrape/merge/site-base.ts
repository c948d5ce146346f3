// One base per site. A page may show where an example URL's server ends (its curl URL goes on from a path
// the site documents: "https://x.test/api" + "/1/items"); other pages of the same site whose example URLs
// were read without that evidence then carry the base's path inside their paths ("/api/1/items/search").
// Those are rebased under the server the evidence shows, so one site has one server and its paths line up.
import type { OperationFragment, PageFragment } from "../fragment.ts";
import { splitUrl } from "../read/servers.ts";
import type { MergeLog } from "./merge-log.ts";

/** The servers with a path part that operations read from examples show, by origin: "https://x.test" -> "/api". */
function basesByOrigin(pages: readonly PageFragment[]): Map<string, string> {
  const bases = new Map<string, string>();
  for (const page of pages) {
    for (const op of page.operations) {
      if (op.path?.strength !== "example") continue;
      for (const server of op.servers) {
        const split = splitUrl(server.value);
        const base = split?.path.split("/").filter((s) => s !== "").join("/");
        if (split && base && !bases.has(split.server)) bases.set(split.server, `/${base}`);
      }
    }
  }
  return bases;
}

function rebased(op: OperationFragment, bases: Map<string, string>): OperationFragment | undefined {
  const path = op.path;
  if (path?.strength !== "example") return undefined;
  for (const server of op.servers) {
    const base = bases.get(server.value);
    if (!base || !path.value.startsWith(`${base}/`)) continue;
    return {
      ...op,
      path: { ...path, value: path.value.slice(base.length) },
      servers: op.servers.map((s) => (s === server ? { ...s, value: `${s.value}${base}` } : s)),
    };
  }
  return undefined;
}

/** The pages with example paths rebased under the base other pages show for the same host (logged). */
export function rebaseOnSiteBase(pages: PageFragment[], log: MergeLog): PageFragment[] {
  const bases = basesByOrigin(pages);
  if (bases.size === 0) return pages;
  return pages.map((page) => ({
    ...page,
    operations: page.operations.map((op) => {
      const moved = rebased(op, bases);
      if (!moved) return op;
      log.decide(
        "inference",
        `${op.path?.value}`,
        `example URL read as ${moved.servers.map((s) => s.value).join(", ")} + ${moved.path?.value}: ` +
          "another page shows the site's base there",
        [op.source],
      );
      return moved;
    }),
  }));
}
