// The one field reader: a field in any of the written forms LAYOUTS.md lists becomes one kind of fact.
//   glued          "widget_idstringRequired>=8 characters", "colorstring · min: 2RequiredExample:"
//   marked         "page_size?integer" (? = optional), "color*" (* = required)
//   colon          "color: optional \"red\" or \"green\"", "frame: optional Frame { depth, tier }"
//   styled         "`color` (enum, required) Paint colour.", "**color** string: Paint colour."
//   spaced         "widget_id string REQUIRED", "frame object Required"
//   token runs     one token per line in any order: name, type, [location], [required], constraints
// Names broken at "_" or "." by a newline or a space are joined first. A run with no name is reported as
// nameless: never named after a neighbour or its description.
import type { FieldFragment, JsonSchema, ParameterLocation, Source, Strength } from "../fragment.ts";
import { readBadges } from "./badges.ts";
import { identifierLike, parseFieldItem, pascalNameLine } from "./field-lists.ts";
import { enrichSchema, parseTypeCell, type FieldSpec } from "./field-types.ts";
import { enumFromLines, readEnumStatement, withEnum } from "./enum.ts";
import { namePath } from "./names.ts";
import { collapseSpace } from "./plain.ts";
import { readRequired } from "./required.ts";
import { locationOf } from "./sections.ts";

export interface FieldReading {
  /** The name as written (dots and brackets kept); undefined for a nameless field. */
  name?: string;
  /** The property path the name stands for ("frame.depth" -> ["frame", "depth"]). */
  path?: string[];
  schema?: JsonSchema;
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  location?: ParameterLocation | "body";
  /** The run states a type or flags but no name: report it, never guess one. */
  nameless?: boolean;
}

const IDENT = /^[A-Za-z_$@][\w$@.[\]-]*$/;
/** A JSON type as Docusaurus and Mintlify write one alone on its line: "string", "object[]", "integer<int64>". */
const JSON_TYPE_LINE = /^(?:string|integer|number|boolean|object|array|any)(?:\[\]|<[\w-]+>)*$/;

/**
 * Joins names a capture broke at "_" or "." ("size_" + "mmintegerRequired", "frame." + "depth",
 * "size _label"). Works on lines: a line ending in "_" or "." is joined to the next when that one starts
 * with a name character.
 */
export function joinBrokenNames(lines: readonly string[]): string[] {
  const out: string[] = [];
  // How the line last added (not the whole joined text, which would be re-read at every join) ends: in
  // a name broken at "_" or ".", and whether that line is only the name's first part.
  let broken: "_" | "." | undefined;
  let lone = false;
  for (const raw of lines) {
    const line = raw.replace(/(?<=[A-Za-z0-9]) (?=_[A-Za-z0-9])/g, "");
    const t = line.trim();
    // The rest of a name starts lowercase ("mmintegerRequired", "depthinteger"); a sentence does not. After
    // "_" it may start uppercase ("api_" + "Key"), as no word of prose ends in "_"; after "." only when
    // both lines are bare names ("Identifiers." + "FeatureGroupName", one token per line).
    const rest =
      /^[a-z0-9_]/.test(t) ||
      (broken === "_" && /^[A-Z]/.test(t)) ||
      (broken === "." && lone && /^[A-Z][\w$@-]*$/.test(t));
    if (out.length > 0 && broken && rest) out[out.length - 1] += t;
    else out.push(broken ? t : line);
    // "_" alone: a name that starts with "_" ("_limit") broken right after it.
    broken = /[\w$@][_.]$/.test(t) ? (t.endsWith("_") ? "_" : ".") : /^_+$/.test(t) ? "_" : undefined;
    lone = /^[A-Za-z_$@][\w$@.-]*$/.test(t);
  }
  return out.map((l) => l.trimEnd());
}

/**
 * A line (or a field head's first word) that is nothing but the first part of a name a capture broke at
 * "_" or "." ("size_", "frame.", and "_" of "_limit"), so the next line continues the name.
 */
export function isNameFragment(text: string): boolean {
  return /^(?:[A-Za-z_$@][\w$@.-]*[_.]|_+)$/.test(text.trim());
}

/**
 * A field's head text whose name a capture broke after its first part: "client_" then a line break, or in
 * a capture flattened onto one line a single space, then "reference_idstringRequired…". Joined by
 * joinBrokenNames when the head's first word is nothing but that first part; any other text is returned
 * as it is.
 */
export function joinBrokenHead(text: string): string {
  const m = /^\s*(\S+)\s+(\S[\s\S]*)$/.exec(text);
  if (!m?.[1] || !m[2] || !isNameFragment(m[1])) return text;
  const joined = joinBrokenNames([m[1], m[2]]);
  return joined.length === 1 && joined[0] !== undefined ? joined[0] : text;
}

function fromSpec(spec: FieldSpec): FieldReading {
  const out: FieldReading = { name: spec.name };
  const path = namePath(spec.name);
  if (path) out.path = path.path;
  let schema = spec.schema;
  if (path?.array && schema?.type !== "array")
    schema = schema ? { type: "array", items: schema } : { type: "array" };
  if (schema) out.schema = schema;
  if (spec.required !== undefined) out.required = spec.required;
  if (spec.deprecated) out.deprecated = true;
  if (spec.description) out.description = spec.description;
  if (spec.location) out.location = spec.location;
  return out;
}

/** "frame: optional Frame { depth, tier }", "Widget = object { id, color, 2 more }": an object summary. */
const OBJECT_SUMMARY = /^(?:[A-Z]\w*\s*=\s*)?(?:object|[A-Z]\w*)\s*\{[^{}]*\}?$/;

/** The colon form of SDK-style references: "name: [optional] type". */
function readColonForm(text: string): FieldReading | undefined {
  const m = /^([A-Za-z_$][\w$.[\]-]*):\s+(?:\[?(optional)\]?\s+)?(\S.*)$/.exec(text);
  if (!m?.[1] || !m[3] || !identifierLike(m[1])) return undefined;
  const typeText = m[3].trim();
  let schema: JsonSchema | undefined;
  if (OBJECT_SUMMARY.test(typeText)) schema = { type: "object" };
  else {
    const info = parseTypeCell(typeText);
    if (!info.schema || info.leftover > 0) return undefined;
    schema = info.schema;
  }
  const out = fromSpec({ name: m[1], schema, typed: true });
  // "optional" marks the optional ones; its absence alone does not say the field is required.
  if (m[2] !== undefined) out.required = false;
  return out;
}

/**
 * Reads one field written on one line (or one run the capture joined): the name, its type, flags,
 * constraints, default and enum values, and the description that follows. Undefined when the text is not
 * a field.
 */
export function readFieldText(raw: string): FieldReading | undefined {
  const text = collapseSpace(joinBrokenNames([raw]).join(""));
  if (text === "") return undefined;
  const colon = readColonForm(text);
  if (colon) return colon;
  // "page_size?integer": the "?" marks an optional field and is glued to the type.
  const marked = text.replace(/^([A-Za-z_$][\w$.-]*)\?(?=[a-z])/, "$1? ");
  const spec = parseFieldItem({ text: marked, rest: [], children: [], source: { file: "" } }, "params");
  if (!spec) return undefined;
  // "Sitemap file" is a sentence, not a field "Sitemap" of type file: a spaced name must read as an identifier.
  const spaced = marked.startsWith(spec.name + " ");
  if (spaced && !identifierLike(spec.name) && !pascalNameLine(marked)) return undefined;
  const out = fromSpec(spec);
  return out;
}

/**
 * Docusaurus's newer plugin writes a body field as its name, then its type or its schema's title, with
 * "required" glued on: "limit integer<int32>required", "tags string[]", "color Colorrequired", "label
 * Label". A title (one to three capitalised words) stands where the type would, so it states no type.
 */
export function readTitledField(raw: string): FieldReading | undefined {
  const words = collapseSpace(raw).split(" ");
  const name = words[0] ?? "";
  const named = identifierLike(name) || pascalNameLine(raw);
  if (words.length < 2 || words.length > 4 || !named || !IDENT.test(name)) return undefined;
  let rest = words.slice(1).join(" ");
  const required = rest.endsWith("required") && rest !== "required";
  if (required) rest = rest.slice(0, -"required".length);
  const out: FieldReading = { name, required };
  const path = namePath(name);
  if (path) out.path = path.path;
  const schema = words.length === 2 ? typeToken(rest) : undefined;
  if (schema) return { ...out, schema };
  // A capitalised word as the name ("See Details") is prose, not a field with a title.
  const titled = rest.split(" ").every((w) => /^[A-Z][A-Za-z0-9]*$/.test(w));
  return titled && !/^[A-Z][a-z]+$/.test(name) ? out : undefined;
}

/** A token of a one-token-per-line run and what it says. */
type Token =
  | { kind: "name"; text: string }
  | { kind: "type"; schema: JsonSchema; required?: boolean }
  | { kind: "required"; value: boolean }
  | { kind: "location"; value: ParameterLocation | "body" }
  | { kind: "badges"; schema: JsonSchema }
  | { kind: "text"; text: string };

/** Mintlify/Starlight/ReadMe type tokens: "enum<string>", "string<email> | null", "Schema · object", "object[]". */
function typeToken(text: string): JsonSchema | undefined {
  let t = text.replace(/^Schema\s*·\s*/i, "").replace(/^(?:type:\s*)/i, "");
  // "enum<string>" is a string enum; "string<email>" a string of format email.
  t = t.replace(/^enum<(\w+)>/i, "$1");
  const format = /^(\w+)<([\w-]+)>/.exec(t);
  const info = parseTypeCell(format ? t.replace(format[0], format[1] ?? "") : t);
  if (!info.schema || info.leftover > 0) return undefined;
  const schema = info.schema;
  if (format?.[2] && typeof schema.type !== "undefined") schema.format = format[2];
  return schema;
}

/** Mintlify's "default:50" in the badge reader's words. */
function asBadge(line: string): string {
  return line.trim().replace(/^default:\s*/i, "Defaults to ");
}

function classify(line: string): Token {
  // "integer <int64>" (Redoc) is "integer<int64>" (Mintlify) with a space.
  const t = line.trim().replace(/^([a-z]+) <([\w-]+)>/, "$1<$2>");
  const required = /^(?:required|optional|REQUIRED|OPTIONAL|Required|Optional)$/.test(t)
    ? readRequired(t)
    : undefined;
  if (required !== undefined) return { kind: "required", value: required };
  const where = /^(?:in:\s*)?(path|query|header|cookie)$/i.exec(t);
  if (where) {
    const value = locationOf(where[1]);
    if (value) return { kind: "location", value };
  }
  // "string format: uuid", "string · min: 2": a type with badges after it.
  const head = /^(\S+)\s+(format:|·|<=|>=|min:|max:|\[ )/.exec(t);
  const typed = typeToken(t) ?? (head?.[1] ? typeToken(head[1]) : undefined);
  if (typed) {
    const rest = head ? t.slice((head[1] ?? "").length) : "";
    const badges = rest ? readBadges(rest, typed) : undefined;
    return { kind: "type", schema: badges?.schema ?? typed };
  }
  const badges = readBadges(asBadge(t), {});
  if (badges.rest === "" && badges.schema && Object.keys(badges.schema).length > 0)
    return { kind: "badges", schema: badges.schema };
  if (IDENT.test(t) && !/^[A-Z][a-z]+$/.test(t)) return { kind: "name", text: t };
  return { kind: "text", text: t };
}

/**
 * Reads a field written one token per line, in any order (Mintlify, Starlight, ReadMe, Apidog): its name,
 * type, location, required flag, constraints, then the description and any enum values. Lines are the
 * run's non-empty lines. A run with a type but no name is nameless (ReadMe's scalar fields).
 */
export function readTokenRun(raw: readonly string[]): FieldReading | undefined {
  const lines = joinBrokenNames(raw.map((l) => l.trim()).filter((l) => l !== ""));
  const out: FieldReading = {};
  let schema: JsonSchema | undefined;
  const badgeLines: string[] = [];
  const prose: string[] = [];
  lines.forEach((line, i) => {
    let token = classify(line);
    // "Identifiers" then "object[]": a capitalised word is a (PascalCase) name when the type follows it.
    // "path" then "string": a field of that name, not a location (a location follows the type). Not before
    // "Array [" (Docusaurus opens an array's items with it). "required" then "any" stays a nameless field's
    // flag (Redoc writes the flag before the type, and a capture may lose the name). "urls" or "file" then
    // "object[]": a word that is no JSON type's name reads as a type only as a synonym ("array of urls",
    // "file" for binary); it is the name when a type follows it.
    const flagWord = token.kind === "location" && !/\[\s*$/.test(lines[1] ?? "");
    const synonym = token.kind === "type" && /^[a-z]+$/.test(line) && token.schema.type !== line;
    // "url" then "string", "email" then "string<email>": a type word before a JSON type is the field's
    // name (a field has one type; "integer" then "int64" is a type and its format).
    // A JSON type itself ("boolean" then "string": two nameless ReadMe fields) is never a name.
    const typeWordName =
      token.kind === "type" && !JSON_TYPE_LINE.test(line) && JSON_TYPE_LINE.test(lines[1] ?? "");
    if (
      i === 0 &&
      (token.kind === "text" || flagWord || synonym || typeWordName) &&
      IDENT.test(line) &&
      classify(lines[1] ?? "").kind === "type"
    )
      token = { kind: "name", text: line };
    if (token.kind === "name" && out.name === undefined && schema === undefined && prose.length === 0)
      out.name = token.text;
    else if (token.kind === "type" && schema === undefined) schema = token.schema;
    else if (token.kind === "required") out.required = token.value;
    else if (token.kind === "location") out.location = token.value;
    else if (token.kind === "badges") badgeLines.push(line);
    else prose.push(line);
  });
  if (schema === undefined && out.name === undefined) return undefined;
  // Badges are read once the type is known, so "default:20" of an integer is the number 20.
  for (const line of badgeLines) schema = readBadges(asBadge(line), schema ?? {}).schema;
  // "Possible values: >= 1 and <= 50", "Default value: 20" (Docusaurus): the field's limits and default.
  const limits = prose.filter((l) => labelledConstraint(l) && !l.includes("["));
  for (const line of limits) schema = enrichSchema(schema, line, [line]) ?? schema;
  const stated = readEnumStatement(prose.join(" "));
  const values = stated?.values.length ? stated.values : enumFromLines(prose);
  if (values && values.length > 0) schema = withEnum(schema, values);
  const description = prose.filter(
    (l) => enumFromLines([l]) === undefined && readEnumStatement(l) === undefined && !limits.includes(l),
  );
  if (description.length > 0 && !values?.includes(description[0] ?? "")) {
    const text = collapseSpace(description.filter((l) => !values?.includes(l.replace(/,$/, ""))).join(" "));
    if (text) out.description = text;
  }
  if (schema) out.schema = schema;
  if (out.name === undefined) out.nameless = true;
  else {
    const path = namePath(out.name);
    if (path) out.path = path.path;
  }
  return out;
}

/** A labelled constraint under a field: "Possible values: [a, b]", "Default value: 20", "Required range: …". */
export function labelledConstraint(text: string): boolean {
  return /^(?:Possible values|Default value|Required range|Available options)\b/i.test(text.trim());
}

/** A `required` or `optional` flag alone on its line. */
export function isFlagLine(text: string | undefined): boolean {
  return /^(?:required|optional)$/i.test((text ?? "").trim());
}

/**
 * Line `i` (of a paragraph's plain lines) is a bare name and a type follows it, on the next line or after
 * a `required` line (Redocly: the name, `required`, `string <= 50 characters`): a token-per-line field
 * starts there, even where the name is a heading's word ("Description" then "string").
 */
export function startsTokenField(lines: readonly string[], i: number): boolean {
  const name = (lines[i] ?? "").trim();
  const next = lines[i + (isFlagLine(lines[i + 1]) ? 2 : 1)];
  if (next === undefined || !IDENT.test(name)) return false;
  const reading = readTokenRun([name, next]);
  if (reading?.name !== name || reading.schema === undefined) return false;
  // "id", "path", "string": "path" is the location of the name above it, not a field named "path".
  const previous = i > 0 ? readTokenRun([lines[i - 1] ?? ""]) : undefined;
  const flagWord = /^(path|query|header|cookie)$/i.test(name);
  return !(flagWord && previous?.name !== undefined && previous.schema === undefined);
}

/** The fact a reading gives; undefined for a nameless reading (the caller reports it). */
export function toFieldFragment(
  reading: FieldReading,
  source: Source,
  strength: Strength,
): FieldFragment | undefined {
  if (reading.nameless || !reading.name) return undefined;
  const field: FieldFragment = { path: reading.path ?? [reading.name], source, strength };
  if (reading.schema) field.schema = reading.schema;
  if (reading.required !== undefined) field.required = reading.required;
  if (reading.deprecated) field.deprecated = true;
  if (reading.description) field.description = reading.description;
  return field;
}

/** A reading in the shape the generic reader places (a FieldSpec); undefined for a nameless reading. */
export function toFieldSpec(reading: FieldReading): FieldSpec | undefined {
  if (reading.nameless || !reading.name) return undefined;
  const spec: FieldSpec = { name: reading.name, typed: reading.schema !== undefined };
  if (reading.schema) spec.schema = reading.schema;
  if (reading.required !== undefined) spec.required = reading.required;
  if (reading.deprecated) spec.deprecated = true;
  if (reading.description) spec.description = reading.description;
  if (reading.location) spec.location = reading.location;
  return spec;
}
