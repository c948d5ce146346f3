// Security schemes and servers, from what the pages show: `curl -u key:` is HTTP Basic with the key as
// user name, an "Authorization: Bearer" header is a bearer token, an API key header documented in an
// Authentication section (or sent in every example) is an apiKey scheme.
import type { Fact, PageFragment, SecurityHint, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import type { MergeLog } from "./merge-log.ts";

export interface SchemePlan {
  name: string;
  scheme: Record<string, unknown>;
  sources: Source[];
}

function keyOf(hint: SecurityHint): string {
  return hint.type === "http" ? `http:${hint.scheme}` : `apiKey:${hint.in}:${hint.name.toLowerCase()}`;
}

function schemeName(hint: SecurityHint): string {
  if (hint.type === "http") return hint.scheme === "basic" ? "basicAuth" : "bearerAuth";
  return "apiKeyAuth";
}

function describeDefault(hint: SecurityHint): string {
  if (hint.type === "http" && hint.scheme === "basic") {
    return "HTTP Basic authentication: the API key is the user name and the password is empty.";
  }
  if (hint.type === "http") return "Bearer token in the Authorization header.";
  return `API key in the ${hint.name} ${hint.in}.`;
}

export function planSecurity(pages: PageFragment[], log: MergeLog): SchemePlan[] {
  const facts: Fact<SecurityHint>[] = [];
  for (const page of pages) {
    facts.push(...page.security);
    for (const op of page.operations) facts.push(...op.security);
  }
  const byKey = new Map<string, Fact<SecurityHint>[]>();
  for (const f of facts) {
    const list = byKey.get(keyOf(f.value)) ?? [];
    list.push(f);
    byKey.set(keyOf(f.value), list);
  }
  const plans: SchemePlan[] = [];
  const usedNames = new Set<string>();
  for (const key of [...byKey.keys()].sort()) {
    const list = (byKey.get(key) ?? []).sort((a, b) => STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength]);
    const top = list[0];
    if (!top) continue;
    const hint = top.value;
    let name = schemeName(hint);
    for (let i = 2; usedNames.has(name); i++) name = `${schemeName(hint)}${i}`;
    usedNames.add(name);
    const description = list.find((f) => f.value.description)?.value.description ?? describeDefault(hint);
    const scheme: Record<string, unknown> =
      hint.type === "http"
        ? { type: "http", scheme: hint.scheme, description }
        : { type: "apiKey", in: hint.in, name: hint.name, description };
    const sources = list.map((f) => f.source);
    plans.push({ name, scheme, sources });
    const how = list.every((f) => f.strength === "example")
      ? "inferred from the examples"
      : "from the documentation";
    log.decide(
      "inference",
      `components.securitySchemes.${name}`,
      `${hint.type === "http" ? `HTTP ${hint.scheme}` : `API key in ${hint.in} "${hint.name}"`} ${how}`,
      sources,
    );
  }
  return plans;
}

/** Header names that carry credentials, which belong to security schemes rather than parameters. */
export function credentialHeaders(plans: SchemePlan[]): Set<string> {
  const names = new Set<string>(["authorization"]);
  for (const p of plans) {
    if (p.scheme.type === "apiKey" && p.scheme.in === "header")
      names.add(String(p.scheme.name).toLowerCase());
  }
  return names;
}

export function planServers(
  manifestServers: { url: string; description?: string }[],
  pages: PageFragment[],
  log: MergeLog,
): { url: string; description?: string }[] {
  const out = manifestServers.map((s) => ({ ...s, url: s.url.replace(/(?<!\/)\/+$/, "") }));
  const seen = new Set(out.map((s) => s.url));
  const found = new Map<string, Source[]>();
  for (const page of pages) {
    for (const f of [...page.servers, ...page.operations.flatMap((o) => o.servers)]) {
      const url = f.value.replace(/(?<!\/)\/+$/, "");
      found.set(url, [...(found.get(url) ?? []), f.source]);
    }
  }
  for (const url of [...found.keys()].sort()) {
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ url });
    log.decide("inference", "servers", `server ${url} found in the pages`, found.get(url) ?? []);
  }
  return out;
}
