// Fields, part 1: what a field's type cell, flags and description say: the schema (type, nullability,
// format, constraints, default, enum values), whether it is required or deprecated, and where it goes.
import type { JsonSchema, ParameterLocation } from "../fragment.ts";
import { makeNullable, parseConstraints, parseTypePhrase } from "../type-phrase.ts";
import { plain } from "./blocks.ts";
import { enumFromLines, readEnumStatement, withEnum } from "./enum.ts";
import { applyFlag } from "./required.ts";
import { locationOf } from "./sections.ts";

export interface FieldSpec {
  /** As written; dots nest body and response properties. */
  name: string;
  schema?: JsonSchema;
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  location?: ParameterLocation | "body";
  /** A type was stated; otherwise the field is only named (prose strength). */
  typed: boolean;
}

export interface TypeInfo {
  schema?: JsonSchema;
  required?: boolean;
  deprecated?: boolean;
  nullable?: boolean;
  location?: ParameterLocation | "body";
  /** Tokens that were neither a type, a flag, a location nor a constraint. */
  leftover: number;
}

const FLAG_WORDS = /\b(required|optional|deprecated|nullable|read[- ]?only|write[- ]?only)\b/gi;

/** One type phrase: "string", "string | null", "integer?", "list of strings", "string | number". */
function typeOf(raw: string): JsonSchema | undefined {
  let t = raw.trim().toLowerCase();
  let nullable = false;
  if (t.endsWith("?")) {
    nullable = true;
    t = t.slice(0, -1);
  }
  const parts = t.split(/(?<!\s)\s*\|\s*/).filter((p) => p !== "");
  if (parts.includes("null")) nullable = true;
  const types = parts.filter((p) => p !== "null");
  let schema: JsonSchema | undefined;
  if (types.length === 1) schema = parseTypePhrase(types[0] ?? "");
  else if (types.length > 1) {
    const each = types.map((p) => parseTypePhrase(p));
    if (each.some((s) => s === undefined)) return undefined;
    const simple = each.every((s) => s && Object.keys(s).length === 1 && typeof s.type === "string");
    schema = simple ? { type: each.map((s) => s?.type) } : { anyOf: each };
  }
  if (!schema) return undefined;
  return nullable ? makeNullable(schema) : schema;
}

/** `"a" | "b"` or `'a', 'b'`: a type written as its values. */
function literalUnion(raw: string): JsonSchema | undefined {
  if (!/^\s*(["'`])[^"'`]*\1(?:\s*(?:\||,|or)\s*(["'`])[^"'`]*\2)+\s*$/.test(raw)) return undefined;
  const values = [...raw.matchAll(/(["'`])([^"'`]*)\1/g)].map((m) => m[2] ?? "");
  return { type: "string", enum: values };
}

/** Turns "12" into 12 for an integer field, "true" into true for a boolean; strips quotes otherwise. */
export function coerce(raw: string, schema: JsonSchema | undefined): unknown {
  const v = raw.trim().replace(/^(["'`])(.*)\1$/, "$2");
  const types = Array.isArray(schema?.type) ? (schema?.type as string[]) : [schema?.type];
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (types.includes("boolean") && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  return v;
}

/** Keeps the format a second token adds ("integer (int64)") when it names the same type. */
function addFormat(schema: JsonSchema, extra: JsonSchema): void {
  if (typeof extra.format === "string" && schema.format === undefined && extra.type === schema.type) {
    schema.format = extra.format;
  }
}

/**
 * Reads a type cell or a parenthesised group: "string", "integer (int64), optional", "string, required",
 * "in: path type: string", "Array<string>", "query, integer, default 10", "`\"a\" | \"b\"`".
 */
export function parseTypeCell(raw: string): TypeInfo {
  const info: TypeInfo = { leftover: 0 };
  const literal = literalUnion(raw) ?? literalUnion(raw.replace(/^\s*`|`\s*$/g, ""));
  if (literal) return { ...info, schema: literal };
  let t = plain(raw)
    .replace(/\b(?:in|location)\s*[:=]\s*(\w+)/i, (_, w: string) => {
      info.location = locationOf(w);
      return ",";
    })
    .replace(/\btype\s*[:=]\s*/i, ",")
    .replace(
      /\b(list|array|set)\s*[[<]([^\]>[<]*)[\]>]/gi,
      (_, _kind, inner: string) => `list of ${inner.trim()}`,
    )
    .replace(/(?<!\s)\s*<([\w-]+)>/g, ", $1");
  // Brackets group like commas, except the "[]" of an array type ("string[]").
  t = t.replace(/[()]|\[(?!\])|(?<!\[)\]/g, ",");
  let defaultText: string | undefined;
  const constraints: JsonSchema = {};
  for (const token of t.split(/[,;·]/)) {
    // "required conditionally", "Recommended if …": the field may be left out.
    if (/^\s*(?:required conditionally|conditionally required|recommended\b)/i.test(token)) {
      info.required = false;
      continue;
    }
    const tok = token
      .replace(FLAG_WORDS, (w) => {
        applyFlag(info, w);
        return " ";
      })
      .trim();
    if (tok === "") continue;
    // Only the location words themselves: "url" and "json" in a type cell are types, not locations.
    const where = /^(?:in\s+)?(path|query|header|cookie|body|formdata)$/i.test(tok)
      ? locationOf(tok.replace(/^in\s+/i, ""))
      : undefined;
    const def = /^default(?:s to| value)?\s*(?:[:=]\s*)?(\S[^]*)$/i.exec(tok);
    const schema = typeOf(tok);
    if (where) info.location = where;
    else if (def?.[1]) defaultText = def[1];
    else if (schema) {
      if (!info.schema) info.schema = schema;
      else addFormat(info.schema, schema);
    } else {
      const found = parseConstraints(tok, info.schema ?? {});
      if (Object.keys(found).length > 0) Object.assign(constraints, found);
      else info.leftover++;
    }
  }
  if (info.schema) {
    if (info.nullable) info.schema = makeNullable(info.schema);
    Object.assign(info.schema, constraints);
    if (defaultText !== undefined) info.schema.default = coerce(defaultText, info.schema);
  }
  return info;
}

/** A description in plain text, with the flags docs put in front of it ("Required. The id") taken out. */
export function describe(raw: string): { description?: string; required?: boolean; deprecated?: boolean } {
  let t = plain(raw);
  const out: { description?: string; required?: boolean; deprecated?: boolean } = {};
  for (;;) {
    // "Required. The id", "(optional) The id"; but "Optional settings for…" is a sentence.
    const flag =
      /^(?:\((required|optional|deprecated)\)|(required|optional|deprecated)(?:[.:,;—–-]|$))\s*/i.exec(t);
    const word = flag?.[1] ?? flag?.[2];
    if (!flag || !word) break;
    applyFlag(out, word);
    t = t.slice(flag[0].length);
  }
  if (t) out.description = t;
  return out;
}

/** Adds what the description states to the schema: enum values, a default, length and range limits. */
export function enrichSchema(
  schema: JsonSchema | undefined,
  description: string,
  lines: string[] = [],
): JsonSchema | undefined {
  const stated = readEnumStatement(description);
  const values = stated?.values.length ? stated.values : enumFromLines(lines);
  const found = parseConstraints(description, schema ?? {});
  // "Default: 2", "default is `draft`", 'default "active"' (parseConstraints reads "Defaults to x").
  const statedDefault =
    /\bdefault(?: is| value(?: is)?)?:?\s*(`[^`]+`|"[^"]+"|'[^']+')/i.exec(description)?.[1] ??
    /\bdefault(?: value)?:\s*([^\s,;`"']+?)\.?(?=\s|$|[,;])/i.exec(description)?.[1];
  if (statedDefault && found.default === undefined) found.default = coerce(statedDefault, schema);
  if (!values && Object.keys(found).length === 0) return schema;
  const hasEnum = schema?.enum !== undefined || (schema?.items as JsonSchema | undefined)?.enum !== undefined;
  const out: JsonSchema = values && !hasEnum ? withEnum(schema ?? {}, values) : { ...(schema ?? {}) };
  for (const [k, v] of Object.entries(found)) if (out[k] === undefined) out[k] = v;
  return out;
}
