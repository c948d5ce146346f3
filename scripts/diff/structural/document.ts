// What a spec says outside its paths: the servers (the generated client's default base URL is the first)
// and the webhooks. A webhook is a request the API sends: its payload is compared as a response, since
// the receiver is the one reading it, and a webhook gone or new is reported once.
import { child, isObject } from "../../spec/pointer.ts";
import { compareContent } from "./content.ts";
import type { ChangeGraph } from "./graph.ts";
import type { SchemaDiffer } from "./schema-diff.ts";
import { METHODS, type Located, type Side } from "./side.ts";

/** The label document-level findings are grouped under. */
export const SERVERS_LABEL = "servers";

/** "POST webhook order.created": how a webhook is named in reports. */
export function webhookLabel(method: string, name: string): string {
  return `${method.toUpperCase()} webhook ${name}`;
}

function serverUrls(side: Side): string[] {
  const servers = side.doc.servers;
  if (!Array.isArray(servers)) return [];
  return servers.flatMap((s) =>
    isObject(s) && typeof s.url === "string" ? [s.url.replace(/(?<!\/)\/+$/, "")] : [],
  );
}

export function compareServers(a: Side, b: Side, graph: ChangeGraph): void {
  const before = serverUrls(a);
  const after = serverUrls(b);
  const record = (change: Parameters<ChangeGraph["recordFor"]>[1]) =>
    graph.recordFor([SERVERS_LABEL], change);
  for (const url of before)
    if (!after.includes(url)) record({ kind: "server-removed", url, pointer: "/servers" });
  for (const url of after)
    if (!before.includes(url)) record({ kind: "server-added", url, pointer: "/servers" });
  const [first, next] = [before[0], after[0]];
  if (first !== undefined && next !== undefined && first !== next)
    record({ kind: "default-server-changed", before: first, after: next, pointer: "/servers/0" });
}

function webhookOperations(side: Side): Map<string, { name: string; method: string; op: Located }> {
  const out = new Map<string, { name: string; method: string; op: Located }>();
  const webhooks = side.doc.webhooks;
  if (!isObject(webhooks)) return out;
  for (const name of Object.keys(webhooks).sort()) {
    const item = side.resolve(webhooks[name], child("/webhooks", name));
    if (!item) continue;
    for (const method of METHODS) {
      const op = item.node[method];
      if (isObject(op))
        out.set(`${name}\u0000${method}`, {
          name,
          method,
          op: { node: op, pointer: child(item.pointer, method) },
        });
    }
  }
  return out;
}

export function compareWebhooks(a: Side, b: Side, graph: ChangeGraph, schemas: SchemaDiffer): void {
  const before = webhookOperations(a);
  const after = webhookOperations(b);
  for (const [key, wa] of before) {
    const label = webhookLabel(wa.method, wa.name);
    const wb = after.get(key);
    if (!wb) {
      const deprecated = wa.op.node.deprecated === true;
      graph.recordFor([label], {
        kind: "webhook-removed",
        name: wa.name,
        deprecated,
        pointer: wa.op.pointer,
      });
      continue;
    }
    const root = `webhook ${label}`;
    const ctx = { a, b, graph, schemas, node: graph.node(root) };
    const ra = a.resolve(wa.op.node.requestBody, child(wa.op.pointer, "requestBody"));
    const rb = b.resolve(wb.op.node.requestBody, child(wb.op.pointer, "requestBody"));
    if (ra && rb) compareContent(ctx, ra, rb, "response", { status: "payload", success: true });
    graph.root(root, label);
  }
  for (const [key, wb] of after) {
    if (!before.has(key))
      graph.recordFor([webhookLabel(wb.method, wb.name)], {
        kind: "webhook-added",
        name: wb.name,
        pointer: wb.op.pointer,
      });
  }
}
