// Scrapes the LAYOUTS.md family test pages (test/fixtures/pages/layouts/<NN-family>/) and checks the facts
// each page shows, as its `<page>.expect.json` states them, against the spec the real scraper builds. Each
// family's pages are scraped in one call, as `specsmith scrape` scrapes a captured site. Shared by the test
// (layouts.test.ts) and the recall printer (layouts-recall.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "../../scripts/scrape/fragment.ts";
import { scrapePages } from "../../scripts/scrape/scrape-pages.ts";

type Json = Record<string, unknown>;

/** A parameter, body property or (location not shown) either, as the page shows it. */
interface ExpectedField {
  in?: "path" | "query" | "header" | "cookie";
  /** Dotted for nesting ("frame.depth"); "[]" after a segment steps into array items. */
  name: string;
  type?: string;
  required?: boolean;
  enum?: unknown[];
}

interface ExpectedOperation {
  /** Both absent when the page shows neither: the operation is then matched by the fields it shows. */
  method?: string;
  path?: string;
  parameters?: ExpectedField[];
  body?: ExpectedField[];
  /** Fields whose location the page does not show: a parameter anywhere or a body property. */
  fields?: ExpectedField[];
  responses?: string[];
}

interface Expectation {
  operations: ExpectedOperation[];
  /** Operations the page names (nav, TOC, prerequisites, example requests) but does not document. */
  absent?: string[];
}

export interface FactResult {
  id: string;
  ok: boolean;
  /** Why it failed, for the test's message. */
  detail?: string;
}

export interface FamilyResult {
  family: string;
  facts: FactResult[];
  /** The scrape's error when the whole call failed. */
  error?: string;
}

export const LAYOUTS_DIR = join(import.meta.dirname, "..", "fixtures", "pages", "layouts");
const EXPECT = ".expect.json";

export function families(): string[] {
  return readdirSync(LAYOUTS_DIR).sort();
}

/** Template names do not matter when comparing paths: "/a/{id}" and "/a/{widget_id}" are one route. */
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, "{}")}`;
}

interface DocOperation {
  key: string;
  op: Json;
  params: Json[];
  body?: Json;
}

function resolve(doc: Json, value: unknown, depth = 0): Json | undefined {
  if (!value || typeof value !== "object") return undefined;
  const ref = (value as Json).$ref;
  if (typeof ref !== "string" || depth > 10) return value as Json;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part.replace(/~1/g, "/")], doc);
  return resolve(doc, target, depth + 1);
}

function docOperations(doc: Json): DocOperation[] {
  const out: DocOperation[] = [];
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as Json)) {
    const item = resolve(doc, rawItem) ?? {};
    const shared = ((item.parameters ?? []) as unknown[]).map((p) => resolve(doc, p) ?? {});
    for (const method of ["get", "put", "post", "delete", "options", "head", "patch", "trace"]) {
      const op = resolve(doc, item[method]);
      if (!op) continue;
      const own = ((op.parameters ?? []) as unknown[]).map((p) => resolve(doc, p) ?? {});
      const content = (resolve(doc, op.requestBody)?.content ?? {}) as Json;
      const first = Object.values(content)[0] as Json | undefined;
      const body = resolve(doc, first?.schema);
      out.push({ key: routeKey(method, path), op, params: [...shared, ...own], ...(body ? { body } : {}) });
    }
  }
  return out;
}

/** The JSON Schema type without "null": "string" for ["string", "null"]. */
function typeOf(schema: Json | undefined): string | undefined {
  const t = schema?.type;
  if (Array.isArray(t)) return t.filter((x) => x !== "null").join(",") || undefined;
  if (typeof t === "string") return t;
  if (schema?.properties || schema?.additionalProperties) return "object";
  return undefined;
}

function enumOf(schema: Json | undefined, doc: Json): unknown[] | undefined {
  const values = (schema?.enum ?? resolve(doc, schema?.items)?.enum) as unknown[] | undefined;
  return values?.filter((v) => v !== null);
}

/** The property at a dotted path and whether its parent lists it as required. */
function bodyProperty(
  doc: Json,
  root: Json | undefined,
  name: string,
): { schema: Json; required: boolean } | undefined {
  let parent = root;
  let found: { schema: Json; required: boolean } | undefined;
  for (const segment of name.split(".")) {
    const array = segment.endsWith("[]");
    const key = array ? segment.slice(0, -2) : segment;
    const props = resolve(doc, parent?.properties);
    const own =
      props && Object.prototype.hasOwnProperty.call(props, key) ? resolve(doc, props[key]) : undefined;
    if (!own) return undefined;
    const required = Array.isArray(parent?.required) && (parent.required as unknown[]).includes(key);
    found = { schema: own, required };
    parent = array ? resolve(doc, own.items) : own;
  }
  return found;
}

function sameSet(a: unknown[], b: unknown[]): boolean {
  const sa = a.map(String).sort();
  const sb = b.map(String).sort();
  return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
}

/** Checks a found field's facts; the field's own existence is the first fact. */
function fieldFacts(
  label: string,
  field: ExpectedField,
  found: { schema: Json | undefined; required: boolean } | undefined,
  doc: Json,
): FactResult[] {
  const facts: FactResult[] = [{ id: label, ok: found !== undefined }];
  const check = (what: string, expected: unknown, actual: unknown, ok: boolean): void => {
    facts.push({
      id: `${label} ${what}`,
      ok: found !== undefined && ok,
      ...(ok ? {} : { detail: `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` }),
    });
  };
  if (field.type !== undefined) {
    const actual = typeOf(found?.schema);
    check("type", field.type, actual, actual === field.type);
  }
  if (field.required !== undefined) {
    check("required", field.required, found?.required, found?.required === field.required);
  }
  if (field.enum !== undefined) {
    const actual = enumOf(found?.schema, doc);
    check("enum", field.enum, actual, actual !== undefined && sameSet(actual, field.enum));
  }
  return facts;
}

function findParam(op: DocOperation, doc: Json, field: ExpectedField, anyLocation: boolean) {
  const param = op.params.find(
    (p) =>
      (anyLocation || p.in === field.in) &&
      (p.in === "header" ? String(p.name).toLowerCase() === field.name.toLowerCase() : p.name === field.name),
  );
  if (!param) return undefined;
  return { schema: resolve(doc, param.schema), required: param.required === true };
}

function operationFacts(label: string, expected: ExpectedOperation, op: DocOperation | undefined, doc: Json) {
  const facts: FactResult[] = [{ id: `${label}: operation`, ok: op !== undefined }];
  for (const p of expected.parameters ?? []) {
    const found = op ? findParam(op, doc, p, false) : undefined;
    facts.push(...fieldFacts(`${label}: ${p.in} parameter ${p.name}`, p, found, doc));
  }
  for (const b of expected.body ?? []) {
    const found = op ? bodyProperty(doc, op.body, b.name) : undefined;
    facts.push(...fieldFacts(`${label}: body ${b.name}`, b, found, doc));
  }
  for (const f of expected.fields ?? []) {
    const found = op ? (findParam(op, doc, f, true) ?? bodyProperty(doc, op.body, f.name)) : undefined;
    facts.push(...fieldFacts(`${label}: field ${f.name}`, f, found, doc));
  }
  for (const status of expected.responses ?? []) {
    const responses = (op?.op.responses ?? {}) as Json;
    facts.push({ id: `${label}: response ${status}`, ok: status in responses });
  }
  return facts;
}

function fieldNames(expected: ExpectedOperation): string[] {
  return [...(expected.parameters ?? []), ...(expected.body ?? []), ...(expected.fields ?? [])].map(
    (f) => f.name,
  );
}

/** An operation shown without method and path is the document's operation sharing most of its fields. */
function matchByFields(
  expected: ExpectedOperation,
  ops: DocOperation[],
  doc: Json,
): DocOperation | undefined {
  let best: { op: DocOperation; score: number } | undefined;
  for (const op of ops) {
    const score = fieldNames(expected).filter(
      (name) => op.params.some((p) => p.name === name) || bodyProperty(doc, op.body, name) !== undefined,
    ).length;
    if (score > 0 && (!best || score > best.score)) best = { op, score };
  }
  return best?.op;
}

function readFamily(family: string): { pages: Page[]; expectations: Map<string, Expectation> } {
  const dir = join(LAYOUTS_DIR, family);
  const files = readdirSync(dir).sort();
  const pages = files
    .filter((f) => !f.endsWith(EXPECT))
    .map((file) => ({ file, text: readFileSync(join(dir, file), "utf8").replace(/\r\n/g, "\n") }));
  const expectations = new Map<string, Expectation>();
  for (const page of pages) {
    const base = page.file.replace(/\.(txt|md|html)$/, "");
    expectations.set(page.file, JSON.parse(readFileSync(join(dir, base + EXPECT), "utf8")) as Expectation);
  }
  return { pages, expectations };
}

/** Scrapes one family's pages in one call and checks every fact its pages show. */
export async function checkFamily(family: string): Promise<FamilyResult> {
  const { pages, expectations } = readFamily(family);
  let doc: Json = {};
  let error: string | undefined;
  try {
    const result = await scrapePages(pages, { version: "1.0.0", servers: [], specFile: `${family}.yaml` });
    doc = result.document;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const ops = docOperations(doc);
  const matched = new Set<DocOperation>();
  const facts: FactResult[] = [];
  for (const [file, expectation] of expectations) {
    const page = `${family}/${file}`;
    expectation.operations.forEach((expected, i) => {
      const shown = expected.method && expected.path ? routeKey(expected.method, expected.path) : undefined;
      const op = shown ? ops.find((o) => o.key === shown) : matchByFields(expected, ops, doc);
      if (op) matched.add(op);
      facts.push(...operationFacts(`${page} ${shown ?? `operation ${i + 1}`}`, expected, op, doc));
    });
    for (const absent of expectation.absent ?? []) {
      const [method = "", path = ""] = absent.split(" ");
      const key = routeKey(method, path);
      facts.push({ id: `${page}: no operation ${absent}`, ok: !ops.some((o) => o.key === key) });
    }
  }
  const extra = ops.filter((o) => !matched.has(o)).map((o) => o.key);
  facts.push({
    id: `${family}: no operation the pages do not show`,
    ok: extra.length === 0,
    ...(extra.length > 0 ? { detail: `extra: ${extra.join(", ")}` } : {}),
  });
  return { family, facts, ...(error !== undefined ? { error } : {}) };
}

export function recall(result: FamilyResult): { passed: number; total: number } {
  return { passed: result.facts.filter((f) => f.ok).length, total: result.facts.length };
}
