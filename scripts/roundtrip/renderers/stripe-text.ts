// LAYOUTS.md family 1: docs.stripe.com captured as text (seed 001's family), one to four operations a page.
// Each operation: its title (older captures) or none (newer ones open with the description), `Parameters`
// (a GET's query parameters, else the request body's properties; path parameters only in the path),
// `More parameters` for the rest of a long list, `Returns`, then `METHOD /v1/x/:id`, a curl command and the
// response JSON. Two field shapes, chosen per API: the older `  • nameTYPERequired` with the description
// indented below and children indented deeper as `parent.child`; the newer leaves-only `- size_` /
// `mmintegerRequired Size in mm.` with every name broken after its first `_` or `.`.
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { operationFact, parameterFacts, propertyFacts } from "../facts.ts";
import { PageWriter, fieldName } from "./page-writer.ts";
import { enumValues, singleType, typePhrase, valueText } from "./schema-text.ts";
import { stripeCurlFlag } from "./stripe-docs.ts";
import {
  bodyFields,
  colonPath,
  enumValueDescription,
  formValue,
  groupOperations,
  leafProperties,
  oneLine,
  operationTitle,
  pageFile,
  pick,
  sampleObject,
  sampleValue,
  shownFacts,
  successResponse,
  writeNavigation,
  writeFooter,
} from "./family-kit.ts";

export type StripeTextShape = "old" | "new";

const STRIPE_AUTH = '-u "sk_test_4eC39HqLyjWDarjtT1zdp7dc:"';

/**
 * The type word docs.stripe.com writes (`enum` for a string enum, `array of strings`), and whether it
 * names the field's JSON type (a union such as `object or string` does not).
 */
export function stripeTypeWord(schema: Schema): { word: string; namesType: boolean } {
  const type = singleType(schema);
  const values = enumValues(schema);
  if (type === "string" && values && values.length > 0) return { word: "enum", namesType: true };
  const phrase = typePhrase(schema).replace(/ or null$/, "");
  return { word: phrase, namesType: type !== undefined && !phrase.includes(" or ") };
}

/** One entry of a Parameters list, with the facts its line states (exists, required, maybe type). */
interface Entry {
  name: string;
  /** 1 for a top-level entry; deeper entries are children in the older shape. */
  depth: number;
  required: boolean;
  schema: Schema;
  description: string;
  facts: Fact[];
  /** Facts that need the enum values listed: placed after the last value. */
  enumFacts: Fact[];
}

function entries(op: RenderOperation, shape: StripeTextShape): Entry[] {
  if (listsQueryParameters(op)) {
    // A GET's parameters are its query string; path parameters are in the path, headers are not listed.
    return op.parameters
      .filter((p) => p.in === "query")
      .map((p) => {
        const { namesType } = stripeTypeWord(p.schema);
        const facts = parameterFacts(op, p).filter((f) => namesType || f.attribute !== "type");
        return {
          name: p.name,
          depth: 1,
          required: p.required,
          schema: p.schema,
          description: oneLine(p.description),
          facts,
          enumFacts: [],
        };
      });
  }
  const all = bodyFields(op);
  const listed = shape === "old" ? all : leafProperties(all);
  return listed.map((property) => {
    const { namesType } = stripeTypeWord(property.schema);
    // A leaves-only list never shows an array between `items` and `items.name`: nothing nests there.
    const placed = shape === "old" || !property.path.includes("[]");
    const facts = placed ? propertyFacts(op, property) : [];
    const lineAttributes = new Set(["exists", "required", ...(namesType ? ["type"] : [])]);
    return {
      name: shape === "old" && property.depth === 1 ? property.name : property.path.replace(/\[\]/g, ""),
      depth: shape === "old" ? property.depth : 1,
      required: property.required,
      schema: property.schema,
      description: oneLine(property.schema.description as string | undefined),
      facts: shownFacts(facts, lineAttributes),
      enumFacts: shownFacts(facts, new Set(["enum"])),
    };
  });
}

/** Top-level entries past the first two thirds of a list of three or more go under `More parameters`. */
function splitMore(list: Entry[]): [Entry[], Entry[]] {
  const topLevel = list.filter((e) => e.depth === 1).length;
  if (topLevel < 3) return [list, []];
  let keep = Math.ceil((topLevel * 2) / 3);
  const at = list.findIndex((e) => e.depth === 1 && keep-- === 0);
  return at < 0 ? [list, []] : [list.slice(0, at), list.slice(at)];
}

function writeOldEntry(w: PageWriter, e: Entry, shown: boolean, p: Perturbations): void {
  const indent = "  ".repeat(e.depth);
  const inner = `${indent}  `;
  const { word } = stripeTypeWord(e.schema);
  w.write(`${indent}• ${fieldName(e.name, p)}${word}${e.required ? "Required" : ""}`).place(...e.facts);
  w.line().line();
  if (e.description) w.line(`${inner}${e.description}`).line();
  const values = word === "enum" ? (enumValues(e.schema) ?? []) : [];
  if (word !== "enum") return;
  w.line(`${inner}Possible enum values`);
  if (!shown) return void w.line();
  values.forEach((value, i) => {
    w.write(`${inner}${valueText(value)}`);
    if (i === values.length - 1) w.place(...e.enumFacts);
    w.line().line();
    const text = enumValueDescription(e.schema, value, i);
    const isDefault = e.schema.default === value;
    if (text || isDefault) w.line(`${inner}${isDefault ? "(Default) " : ""}${text ?? ""}`.trimEnd()).line();
  });
}

function writeNewEntry(w: PageWriter, e: Entry, shown: boolean): void {
  const { word } = stripeTypeWord(e.schema);
  // The newer captures break every name after its first `_` or `.`; a name without one stays whole.
  const at = e.name.search(/[_.](?=.)/);
  const [head, tail] = at < 0 ? [e.name, ""] : [e.name.slice(0, at + 1), e.name.slice(at + 1)];
  w.line(`- ${head}`);
  w.write(`${tail}${word}${e.required ? "Required" : ""}`).place(...e.facts);
  w.line(e.description ? ` ${e.description}` : "");
  if (word !== "enum") return;
  w.line("Possible enum values");
  const values = shown ? (enumValues(e.schema) ?? []) : [];
  values.forEach((value, i) => {
    w.write(valueText(value));
    if (i === values.length - 1) w.place(...e.enumFacts);
    w.line();
  });
}

/**
 * Whether a docs.stripe.com page lists the query parameters (an operation with no body properties: a GET,
 * also where the spec gives it an empty form body) rather than the body's properties.
 */
export function listsQueryParameters(op: RenderOperation): boolean {
  return bodyFields(op).length === 0;
}

/**
 * The curl command docs.stripe.com shows, one option a line: `-d name=value` for each required field, the
 * method as stripeCurlFlag writes it.
 */
export function stripeCurlLines(
  api: RenderApi,
  op: RenderOperation,
  placeholder: (name: string) => string,
  auth: string,
): string[] {
  const server = (api.servers[0] ?? "https://api.example.com").replace(/\/$/, "");
  const target = op.path.replace(/\{([^{}]*)\}/g, (_, name: string) => placeholder(name));
  const method = op.method.toUpperCase();
  const data: string[] = [];
  if (!listsQueryParameters(op) && op.requestBody) {
    for (const [name, value] of Object.entries(sampleObject(op.requestBody.schema, true))) {
      if (value === null || typeof value !== "object") data.push(`-d ${name}=${formValue(value)}`);
    }
  } else {
    for (const p of op.parameters) {
      if (p.in === "query" && p.required) data.push(`-d ${p.name}=${formValue(sampleValue(p.schema))}`);
    }
  }
  const listsQuery = listsQueryParameters(op) && op.parameters.some((p) => p.in === "query");
  const flag = stripeCurlFlag(method, data.length > 0, listsQuery);
  const lines = [`curl ${flag}${server}${target}`, auth, ...data];
  return lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l));
}

function responseJson(op: RenderOperation, oneLineJson: boolean): string {
  const schema = successResponse(op)?.schema;
  const sample = schema ? sampleObject(schema, false) : {};
  if (oneLineJson) return JSON.stringify(sample);
  const keys = Object.entries(sample).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return keys.length === 0 ? "{}" : `{\n${keys.join(",\n")}\n}`;
}

function writeOperation(
  w: PageWriter,
  api: RenderApi,
  op: RenderOperation,
  shape: StripeTextShape,
  p: Perturbations,
): void {
  if (shape === "old") w.line(`${operationTitle(op)} `).line();
  for (const paragraph of (op.description ?? "").split(/\n\s*\n/)) {
    if (oneLine(paragraph)) w.line(oneLine(paragraph)).line();
  }
  const list = entries(op, shape);
  const [main, more] = splitMore(list);
  const writeList = (items: Entry[]): void => {
    for (const e of items) {
      // A field typed enum can list no values (one in five, per field, the same on every run).
      const shown = pick(`${api.name} ${op.method} ${op.path} ${e.name}`, [true, true, true, true, false]);
      if (shape === "old") writeOldEntry(w, e, shown, p);
      else writeNewEntry(w, e, shown);
    }
  };
  w.line("Parameters");
  if (shape === "old") w.line();
  if (list.length === 0) w.line("No parameters.").line();
  writeList(main);
  if (more.length > 0) {
    w.line("More parameters");
    if (shape === "old") w.line();
    writeList(more);
  }
  if (shape === "new") w.line();
  w.line("Returns").line();
  w.line(oneLine(successResponse(op)?.description) || "Returns the object.").line();
  w.write(`${op.method.toUpperCase()} ${colonPath(op.path)}`)
    .place(operationFact(op))
    .line();
  for (const l of stripeCurlLines(api, op, (name) => `${name.replace(/\W/g, "")}_1NuN9W`, STRIPE_AUTH)) {
    w.line(l);
  }
  w.line("Response");
  w.line(responseJson(op, pick(`${api.name} json`, [false, true]))).line();
}

/** The pages of an API in one shape, `perPage` operations a page. */
export function renderStripeText(
  api: RenderApi,
  perturbations: Perturbations,
  shape: StripeTextShape,
  perPage: number,
): RenderedPage[] {
  return groupOperations(api.operations, perPage).map((ops, index) => {
    const w = new PageWriter();
    writeNavigation(w, api, perturbations);
    for (const op of ops) writeOperation(w, api, op, shape, perturbations);
    writeFooter(w, perturbations);
    return w.page(pageFile(index, ops[0] as RenderOperation, ".txt"));
  });
}

export const stripeText: Renderer = {
  name: "stripe-text",
  imitates: "LAYOUTS.md family 1 (docs.stripe.com text dumps)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api, perturbations) {
    const shape = pick<StripeTextShape>(`${api.name} shape`, ["old", "new"]);
    return renderStripeText(api, perturbations, shape, pick(`${api.name} per page`, [1, 2, 3, 4]));
  },
};
