// The keyword-level comparisons of two schema views, as facts: how the type changed (narrowed, widened),
// which enum values came and went, which limits tightened or loosened, whether the default changed.
// Whether any of that breaks a caller depends on the direction, and is for the rules to say.
import { isObject } from "../../spec/pointer.ts";
import type { ChangeFacts, LimitRelation, Relation } from "../model.ts";
import type { SchemaView } from "./schema-view.ts";

/** Values a type list accepts: "number" includes every integer. */
function accepted(types: string[]): Set<string> {
  const set = new Set(types);
  if (set.has("number")) set.add("integer");
  return set;
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Formats whose values the other includes: every int32 is an int64. */
const FORMAT_WIDENINGS: Record<string, string[]> = {
  int32: ["int64"],
  float: ["double"],
};

function formatOf(view: SchemaView): string | undefined {
  return typeof view.keywords.format === "string" ? view.keywords.format : undefined;
}

export function describeType(view: SchemaView): string {
  const types = view.types ? view.types.join(" | ") || "null" : "any";
  const format = formatOf(view);
  return format ? `${types} (${format})` : types;
}

/**
 * The type change between two views, or undefined. `disjoint` is set when no value of one type is a
 * value of the other: the rest of the schema (properties, limits) then says nothing useful.
 */
export function typeChange(
  a: SchemaView,
  b: SchemaView,
): { facts: ChangeFacts & { kind: "type" }; disjoint: boolean } | undefined {
  const facts = (relation: Relation): ChangeFacts & { kind: "type" } => ({
    kind: "type",
    before: describeType(a),
    after: describeType(b),
    relation,
  });
  const ta = a.types ? accepted(a.types) : undefined;
  const tb = b.types ? accepted(b.types) : undefined;
  if (ta && tb && !(subset(ta, tb) && subset(tb, ta))) {
    if (subset(tb, ta)) return { facts: facts("narrowed"), disjoint: false };
    if (subset(ta, tb)) return { facts: facts("widened"), disjoint: false };
    const overlap = [...ta].some((t) => tb.has(t));
    return { facts: facts("changed"), disjoint: !overlap };
  }
  if (!ta && tb) return { facts: facts("narrowed"), disjoint: false };
  if (ta && !tb) return { facts: facts("widened"), disjoint: false };
  const fa = formatOf(a);
  const fb = formatOf(b);
  if (fa === fb) return undefined;
  if (fa === undefined) return { facts: facts("narrowed"), disjoint: false };
  if (fb === undefined) return { facts: facts("widened"), disjoint: false };
  if (FORMAT_WIDENINGS[fa]?.includes(fb)) return { facts: facts("widened"), disjoint: false };
  if (FORMAT_WIDENINGS[fb]?.includes(fa)) return { facts: facts("narrowed"), disjoint: false };
  return { facts: facts("changed"), disjoint: false };
}

export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function enumChange(a: SchemaView, b: SchemaView): ChangeFacts | undefined {
  if (!a.enumValues && !b.enumValues) return undefined;
  if (!a.enumValues && b.enumValues)
    return { kind: "enum-presence", enum: true, values: b.enumValues.map(valueText) };
  if (a.enumValues && !b.enumValues)
    return { kind: "enum-presence", enum: false, values: a.enumValues.map(valueText) };
  const before = new Map((a.enumValues ?? []).map((v) => [JSON.stringify(v), v]));
  const after = new Map((b.enumValues ?? []).map((v) => [JSON.stringify(v), v]));
  const added = [...after].filter(([k]) => !before.has(k)).map(([, v]) => valueText(v));
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, v]) => valueText(v));
  if (added.length === 0 && removed.length === 0) return undefined;
  return { kind: "enum-values", added, removed };
}

// Upper bounds tighten when they go down (or appear); lower bounds when they go up (or appear).
const UPPER = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
const LOWER = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
// Any other value of these is a different rule: added tightens, removed loosens, changed is both.
const OPAQUE = ["pattern", "multipleOf"];

function limitText(value: unknown): string {
  return value === undefined ? "none" : valueText(value);
}

function limit(keyword: string, before: unknown, after: unknown, relation: LimitRelation): ChangeFacts {
  return { kind: "limit", keyword, before: limitText(before), after: limitText(after), relation };
}

export function limitChanges(a: SchemaView, b: SchemaView): ChangeFacts[] {
  const out: ChangeFacts[] = [];
  const ka = a.keywords;
  const kb = b.keywords;
  for (const keyword of [...UPPER, ...LOWER]) {
    const va = typeof ka[keyword] === "number" ? (ka[keyword] as number) : undefined;
    const vb = typeof kb[keyword] === "number" ? (kb[keyword] as number) : undefined;
    if (va === vb) continue;
    const upper = UPPER.includes(keyword);
    let tightened: boolean;
    if (va === undefined) tightened = true;
    else if (vb === undefined) tightened = false;
    else tightened = upper ? vb < va : vb > va;
    out.push(limit(keyword, va, vb, tightened ? "tightened" : "loosened"));
  }
  for (const keyword of OPAQUE) {
    const va = ka[keyword];
    const vb = kb[keyword];
    if (JSON.stringify(va) === JSON.stringify(vb)) continue;
    const relation = va === undefined ? "tightened" : vb === undefined ? "loosened" : "changed";
    out.push(limit(keyword, va, vb, relation));
  }
  const ua = ka.uniqueItems === true;
  const ub = kb.uniqueItems === true;
  if (ua !== ub) out.push(limit("uniqueItems", ua, ub, ub ? "tightened" : "loosened"));
  const pa = extraProperties(ka.additionalProperties);
  const pb = extraProperties(kb.additionalProperties);
  if (pa !== pb && !(pa === "schema" && pb === "schema")) {
    out.push(limit("additionalProperties", pa, pb, OPENNESS[pb] < OPENNESS[pa] ? "tightened" : "loosened"));
  }
  return out;
}

const OPENNESS = { none: 0, schema: 1, any: 2 };

/** What additionalProperties allows: nothing (false), values of a schema, or anything. */
function extraProperties(value: unknown): "none" | "schema" | "any" {
  if (value === false) return "none";
  if (isObject(value) && Object.keys(value).length > 0) return "schema";
  return "any";
}

export function defaultChange(a: SchemaView, b: SchemaView): ChangeFacts | undefined {
  const hasA = Object.hasOwn(a.keywords, "default");
  const hasB = Object.hasOwn(b.keywords, "default");
  if (!hasA && !hasB) return undefined;
  const before = hasA ? JSON.stringify(a.keywords.default) : undefined;
  const after = hasB ? JSON.stringify(b.keywords.default) : undefined;
  if (before === after) return undefined;
  return { kind: "default", before: before ?? "none", after: after ?? "none" };
}
