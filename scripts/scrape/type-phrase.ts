// The words docs sites use for types ("string or null", "map from strings to any", "list of strings",
// "datetime", "Array", "enum") and their JSON Schema meaning. Shared by every extractor so that the same
// phrase means the same schema whichever page it is on.
import type { JsonSchema } from "./fragment.ts";
import { singular } from "../lib/words.ts";

const SCALARS: Record<string, JsonSchema> = {
  string: { type: "string" },
  str: { type: "string" },
  text: { type: "string" },
  integer: { type: "integer" },
  int: { type: "integer" },
  int32: { type: "integer", format: "int32" },
  int64: { type: "integer", format: "int64" },
  long: { type: "integer", format: "int64" },
  number: { type: "number" },
  float: { type: "number" },
  double: { type: "number" },
  decimal: { type: "number" },
  boolean: { type: "boolean" },
  bool: { type: "boolean" },
  object: { type: "object" },
  map: { type: "object" },
  dictionary: { type: "object" },
  hash: { type: "object" },
  array: { type: "array" },
  list: { type: "array" },
  enum: { type: "string" },
  datetime: { type: "string", format: "date-time" },
  "date-time": { type: "string", format: "date-time" },
  date: { type: "string", format: "date" },
  uuid: { type: "string", format: "uuid" },
  email: { type: "string", format: "email" },
  uri: { type: "string", format: "uri" },
  url: { type: "string", format: "uri" },
  file: { type: "string", format: "binary" },
  binary: { type: "string", format: "binary" },
  // Stripe documents Unix timestamps as "timestamp": an integer count of seconds.
  timestamp: { type: "integer", format: "unix-time" },
  any: {},
  null: { type: "null" },
};

/** Type words that may end a glued "nametype" run, longest first so "datetime" wins over "date". */
export const TYPE_WORDS: readonly string[] = Object.keys(SCALARS)
  .filter((w) => w !== "any" && w !== "null" && w !== "str" && w !== "int" && w !== "text")
  .sort((a, b) => b.length - a.length || a.localeCompare(b));

/**
 * A copy of a schema built here, sharing nothing with the tables or the other levels. Only JSON values
 * (built by this file, nested at most MAX_PHRASE_NESTING deep), so a plain copy does: structuredClone
 * serialises and cost ~10x as much, for every parameter's type cell of a whole site.
 */
function clone(schema: JsonSchema): JsonSchema {
  return copyJson(schema) as JsonSchema;
}

function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyJson((value as Record<string, unknown>)[key]);
  return out;
}

/** The schema of a type word: own entries only ("constructor" is no type word). */
function scalarSchema(word: string): JsonSchema | undefined {
  return Object.hasOwn(SCALARS, word) ? SCALARS[word] : undefined;
}

/** Adds "null" to a schema's type, the OpenAPI 3.1 way of saying nullable. */
export function makeNullable(schema: JsonSchema): JsonSchema {
  const out = clone(schema);
  const t = out.type;
  if (typeof t === "string") out.type = t === "null" ? "null" : [t, "null"];
  else if (Array.isArray(t)) {
    if (!t.includes("null")) out.type = [...t, "null"];
  } else if (out.anyOf) out.anyOf = [...(out.anyOf as JsonSchema[]), { type: "null" }];
  else if (Object.keys(out).length > 0) return { anyOf: [out, { type: "null" }] };
  return out;
}

/**
 * Phrases nest ("list of lists of strings or null") a few levels at most; each level is a pass over the
 * phrase, so a cell of "array of " repeated 20,000 times (87 s and 1 GB, then a crash) is not a type.
 */
const MAX_PHRASE_NESTING = 16;
const MAX_PHRASE_CHARS = 1024;

/**
 * Reads a type phrase into a schema, or undefined when the phrase is not a type.
 * Examples: "string" -> {type: string}; "string or null" -> {type: [string, null]};
 * "list of strings" -> {type: array, items: {type: string}}; "map from strings to any" ->
 * {type: object, additionalProperties: {}}; "array of enums" -> {type: array, items: {type: string}}.
 */
export function parseTypePhrase(phrase: string): JsonSchema | undefined {
  // Sixteen levels of the longest words ("dictionary from strings to ... or null") stay far below this:
  // a longer cell is prose, and reading it level by level would copy it once per level.
  if (phrase.length > MAX_PHRASE_CHARS) return undefined;
  const result = parsePhrase(phrase, 0, new Map());
  return result && clone(result);
}

/**
 * One level of parseTypePhrase. `seen` remembers each phrase read (a level may try an inner phrase as
 * written and in the singular: without it, each level would double the work).
 */
function parsePhrase(
  phrase: string,
  depth: number,
  seen: Map<string, JsonSchema | undefined>,
): JsonSchema | undefined {
  if (depth > MAX_PHRASE_NESTING) return undefined;
  if (seen.has(phrase)) return seen.get(phrase);
  seen.set(phrase, undefined);
  const result = parseLevel(phrase, (inner) => parsePhrase(inner, depth + 1, seen));
  seen.set(phrase, result);
  return result;
}

function parseLevel(
  phrase: string,
  inner: (phrase: string) => JsonSchema | undefined,
): JsonSchema | undefined {
  let p = phrase.trim().toLowerCase().replace(/\s+/g, " ");
  if (p === "") return undefined;
  p = p.replace(/^(an?|the) /, "");

  const orNull = /^(.*) or null$/.exec(p) ?? /^(?:nullable|optional) (.*)$/.exec(p);
  if (orNull?.[1]) {
    const schema = inner(orNull[1]);
    return schema ? makeNullable(schema) : undefined;
  }
  const listOf = /^(?:list|array|set) of (.+)$/.exec(p) ?? /^(?:list|array)<(.+)>$/.exec(p);
  if (listOf?.[1]) {
    const items = inner(listOf[1]) ?? inner(singular(listOf[1]));
    return items ? { type: "array", items } : undefined;
  }
  const arraySuffix = /^(.+)\[\]$/.exec(p);
  if (arraySuffix?.[1]) {
    const items = inner(arraySuffix[1]);
    return items ? { type: "array", items } : undefined;
  }
  const mapOf = /^(?:map|dictionary|record) (?:from|of) (.+?) to (.+)$/.exec(p);
  if (mapOf?.[2]) {
    const values = inner(mapOf[2]) ?? inner(singular(mapOf[2]));
    return values ? { type: "object", additionalProperties: values } : undefined;
  }
  const scalar = scalarSchema(p) ?? scalarSchema(singular(p));
  return scalar ? clone(scalar) : undefined;
}

/**
 * A lower-case line that is a type phrase ("string", "array of strings"): a field's type line, never a name
 * or a title (ReadMe writes its nameless scalar fields as this line alone).
 */
export function isBareTypeLine(line: string): boolean {
  return line === line.toLowerCase() && parseTypePhrase(line) !== undefined;
}

export interface GluedField {
  name: string;
  /** The type phrase as written, e.g. "string or null"; empty when no type was found. */
  typePhrase: string;
  schema?: JsonSchema;
  /** Whatever follows the type on the same run of text ("Optional<=255 characters", a description). */
  rest: string;
}

// A field name as docs write them: snake_case, camelCase, dotted paths, header names, `expand[]`.
const TYPE_ALTERNATION = TYPE_WORDS.map((w) => w.replace(/[-[\]]/g, "\\$&")).join("|");
// Lists and maps nest ("map from strings to map from strings to any", "map from strings to list of
// objects"): a bounded count of fixed-word prefixes, so the match stays linear.
// Redoc writes "Array of strings" with a capital, glued to the name and to a flag ("partsArray of
// stringsrequired"): the item word is the shortest one a flag or the end may follow.
const CONTAINER_PREFIX = String.raw`(?:(?:[Ll]ist|[Aa]rray|[Ss]et) of |map from [a-z]+ to )`;
// Its array of no one item type is "Array" alone ("PartitionInputListArrayrequired").
const COMPOUND = String.raw`(?:${CONTAINER_PREFIX}{1,8}[a-z]+?(?: or null)?|(?:Array|${TYPE_ALTERNATION})(?: or null)?)`;
// Bracketed keys belong to the name ("filter[status]", "page[size]", "expand[]"); a split inside a bracket is
// no name (the loop below skips a name whose brackets are open).
const NAME_PREFIX = /^[A-Za-z_$][\w$.-]*(?:\[[\w$.-]*\][\w$.-]*)*/;
// A type is not followed by more of a name: lowercase letters ("typeenum" is not "type" + "enum..."),
// digits, "_", "-" or "." ("id_number_secondarystring" is not "id_" + "number"), except a flag word a
// capture glued on ("colorstringrequired").
// What may follow a type with a capital glued on: a badge ("stringRequired", "enumOptionalDefaults to x",
// "stringRecommended if ...") or, in captures that glue descriptions on, a sentence (taken only when no
// split ends the name at a type followed by no capital or a badge; of such splits, the last).
const GLUED_CAPITAL_NOT_BADGE =
  /^(?!(?:Required|REQUIRED|Optional|OPTIONAL|Deprecated|DEPRECATED|Nullable|Recommended|Defaults?|Example)(?![a-z]))[A-Z]/;
const TYPE_AT_START = new RegExp(
  `^(${COMPOUND})(?=[^a-z0-9_.-]|$|(?:required|optional|nullable|deprecated)(?![a-z]))`,
);

/**
 * Splits text where a field name and its type are run together, as captures of docs sites render
 * `<span>metadata</span><span>object</span>`: "metadataobject", "external_refstringOptional<=255 characters",
 * "checkslist of strings or null", "Key-InflectionenumOptionalDefaults to snake".
 * The type is the first type phrase that follows a non-empty name and is not followed by more of a name,
 * so "typeenum" is type + enum, "created_atdatetime" is created_at + datetime and
 * "id_number_secondarystring" is id_number_secondary + string.
 */
export function splitGluedField(text: string): GluedField | undefined {
  const t = text.trim();
  // Every prefix up to the longest one that is a name is a name (testing each prefix again cost n^2).
  const longestName = NAME_PREFIX.exec(t)?.[0].length ?? 0;
  // Splits whose type a capital follows: the last one, as only the description's first word comes after
  // the type and a camelCase name may hold type words ("upDateTime" in "updateTimestringOutput only.").
  let lastCapitalSplit: GluedField | undefined;
  let openBrackets = t.startsWith("[") ? 1 : 0;
  // Try every split point left to right: the name is the shortest prefix after which a type phrase starts.
  for (let i = 1; i < t.length && i <= longestName; i++) {
    const name = t.slice(0, i);
    // "filter[status]": no split inside a bracket (counted as the loop goes, to stay linear).
    if (i > 1) openBrackets += t[i - 1] === "[" ? 1 : t[i - 1] === "]" ? -1 : 0;
    // "questions.dateQuestionobject": a name does not end in "." or "-", so "date" there is not the type.
    if (/[.-]$/.test(name) || openBrackets !== 0) continue;
    const tail = t.slice(i);
    const typeMatch = TYPE_AT_START.exec(tail);
    if (!typeMatch?.[1]) continue;
    const typePhrase = typeMatch[1];
    const schema = parseTypePhrase(typePhrase);
    if (!schema) continue;
    const after = tail.slice(typePhrase.length);
    const split = { name, typePhrase, schema, rest: after.trim() };
    // "validateRequestBodyboolean": a type word inside a camelCase name ("date" + "RequestBody...") is
    // followed by a capital that starts no badge; a later split that the name's end explains wins.
    if (!GLUED_CAPITAL_NOT_BADGE.test(after)) return split;
    lastCapitalSplit = split;
  }
  return lastCapitalSplit ?? gluedAny(t);
}

// "consentArtifactanyShow child parameters": Stripe prints "any" for a field of no one type. Many names end
// in it ("company", "many"), so it is a glued type only where a capital (a badge, the description, the
// button's text) follows, and only where no other type word is found.
const GLUED_ANY = /^([A-Za-z_$][\w$.[\]-]*)any(?=[A-Z])/;

function gluedAny(text: string): GluedField | undefined {
  const m = GLUED_ANY.exec(text);
  if (!m?.[1] || /[.-]$/.test(m[1])) return undefined;
  return { name: m[1], typePhrase: "any", schema: {}, rest: text.slice(m[1].length + 3).trim() };
}

/**
 * Reads constraint and default phrases docs sites put beside a type: "<=255 characters",
 * ">=1 characters", "<=100", ">=0", "1 <= x <= 50", "Required string length: 2 - 40", "Defaults to snake",
 * "Default value: \"x\"".
 * Returns the schema keywords found; the caller merges them into the field's schema.
 */
export function parseConstraints(text: string, base: JsonSchema = {}): JsonSchema {
  const out: JsonSchema = {};
  const isString = base.type === "string" || (Array.isArray(base.type) && base.type.includes("string"));
  for (const m of text.matchAll(/(<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\s*(characters?|chars?|items?)?/g)) {
    const [, op, num, unit] = m;
    const n = Number(num);
    if (unit && /^char/.test(unit)) out[op === "<=" || op === "<" ? "maxLength" : "minLength"] = n;
    else if (unit && /^item/.test(unit)) out[op === "<=" || op === "<" ? "maxItems" : "minItems"] = n;
    else if (isString) out[op === "<=" || op === "<" ? "maxLength" : "minLength"] = n;
    else if (op === "<=") out.maximum = n;
    else if (op === ">=") out.minimum = n;
    else if (op === "<") out.exclusiveMaximum = n;
    else out.exclusiveMinimum = n;
  }
  // "Required range: 1 <= x <= 50" (Mintlify): the lower bound is written left of the variable. The
  // lookbehind starts a match only at a number's first character, so a run of digits is read once.
  for (const m of text.matchAll(/(?<![\w.-])(-?\d+(?:\.\d+)?)\s*(<=|<)\s*x\b/g)) {
    const [, num, op] = m;
    const n = Number(num);
    if (isString) out.minLength = op === "<=" ? n : n + 1;
    else out[op === "<=" ? "minimum" : "exclusiveMinimum"] = n;
  }
  // "Required string length: 2 - 40" (Mintlify): a length range.
  const length = /\blength:\s*(\d+)\s*-\s*(\d+)\b/i.exec(text);
  if (length) {
    out.minLength = Number(length[1]);
    out.maxLength = Number(length[2]);
  }
  const def = /Defaults? (?:to|value:?)\s*("([^"]*)"|`([^`]*)`|(\S+))/i.exec(text);
  if (def) {
    const raw = def[2] ?? def[3] ?? def[4] ?? "";
    const value = raw.replace(/[.,;]$/, "");
    if (base.type === "integer" && /^-?\d+$/.test(value)) out.default = Number(value);
    else if (base.type === "number" && /^-?\d+(\.\d+)?$/.test(value)) out.default = Number(value);
    else if (base.type === "boolean" && /^(true|false)$/.test(value)) out.default = value === "true";
    else out.default = value;
  }
  return out;
}
