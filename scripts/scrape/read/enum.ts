// Enum values, read from every way LAYOUTS.md shows pages write them, and put on a schema one way.
//   "Possible values: red, green or blue."      "Allowed values: red green blue"   "Value is matte."
//   "One of `a`, `b` or `c`."                    "Enum\"draft\"\"live\""              "Possible values: [red, green"
//   "Possible enum values: - `red` - `blue`"     "\"matte\" | \"gloss\""              "Allowed values:" (empty)
// A statement whose list was lost (an empty "Allowed values:", a cut "[a,") is still reported, so the
// caller can say so; a run the capture glued together ("Allowed values:redgreenblue") cannot be told apart
// and gives no values.
import type { JsonSchema } from "../fragment.ts";

export interface EnumStatement {
  /** The values as written, quotes and ticks removed; empty when the page lost them. */
  values: string[];
  /** The text before the statement and after it (the rest of its sentence dropped). */
  before: string;
  after: string;
  /** The values were run together with no separator ("redgreenblue"): none kept. */
  glued?: boolean;
}

/** An enum value: a single token ("red", "by_date", "2024-01-01", "image/png", "-1"). */
const VALUE = /^[\w.:/+@-]+$/;

const INTRO =
  /\b(?:(?:possible|allowed|accepted|valid|supported|available)(?: enum)? (?:values?|options)(?: are| include| is)?|enum values|(?:must|can) be one of|one of|value in|(either))\b\s*(:?)\s*/i;
const SINGLE = /\bValue is\s+(`[^`]*`|"[^"]*"|[\w.:/+@-]+)\.?/;
// Redoc: "Enum"a""b"" glued, or "Enum: "a" "b"" (Redocly).
const REDOC = /\bEnum:?\s*((?:"[^"]*"\s*)+)/;

/** Words of prose: a space-separated "list" holding one of them is a sentence ("the colour of the frame"). */
const STOPWORDS = new Set("a an the of to for in on is are be by with and or not any this that".split(" "));

/**
 * Values in ticks or quotes, in order: `a`, "b", 'c'. A single quote inside a word is an apostrophe, not a
 * quote: "the Job's maximum wall clock time ..., or the Job's" quotes nothing.
 */
function quoted(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`|"([^"]*)"|(?<![\w'])'([^']*)'(?![\w'])/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? "",
  );
}

/** The end of the sentence that holds the list: a "." followed by a space or the end, outside ticks. */
function sentenceEnd(text: string): number {
  let inTick = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "`") inTick = !inTick;
    else if (c === "." && !inTick && (i + 1 === text.length || /\s/.test(text[i + 1] ?? ""))) {
      // "v1.2" and "a.b" are values; only a dot after a word and before a space or the end ends a sentence.
      return i;
    }
  }
  return text.length;
}

/** Splits "a, b, or c" / "a | b" / "a or b and c" into pieces; one piece when no separator is used. */
function pieces(list: string): string[] {
  return list
    .split(/,|\||\bor\b|\band\b|\s-\s/)
    .map((p) => p.trim().replace(/^[-•]\s*/, ""))
    .filter((p) => p !== "");
}

/**
 * Finds the first enum statement in a description or cell. Values listed in ticks or quotes are taken as
 * they are; otherwise the list runs to the end of its sentence (or its "]") and stops at the first piece
 * that is not a single token, so "Possible values: the colour of the frame" lists nothing.
 */
export function readEnumStatement(text: string): EnumStatement | undefined {
  const single = SINGLE.exec(text);
  const redoc = REDOC.exec(text);
  const intro = INTRO.exec(text);
  const first = [single, redoc, intro]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  // Redoc's numbers have no quotes to part them ("Enum01" is 0 and 1, or 01): a statement of lost values.
  if (!first && /^Enum-?\d[\d.-]*$/.test(text.trim()))
    return { values: [], before: "", after: "", glued: true };
  if (!first) return undefined;
  const before = text.slice(0, first.index).trim();
  if (first === single) {
    // The sentence's full stop is not part of the value ("Value is matte.").
    const value = (single[1] ?? "").replace(/^[`"]|[`"]$/g, "").replace(/(?<=\w)\.$/, "");
    return { values: [value], before, after: text.slice(single.index + single[0].length).trim() };
  }
  if (first === redoc) {
    return {
      values: quoted(redoc[1] ?? ""),
      before,
      after: text.slice(redoc.index + redoc[0].length).trim(),
    };
  }
  const loose = intro?.[1] !== undefined;
  const colon = intro?.[2] === ":";
  let tail = text.slice(first.index + first[0].length);
  let after = "";
  if (tail.startsWith("[")) {
    const close = tail.indexOf("]");
    after = close === -1 ? "" : tail.slice(close + 1);
    tail = close === -1 ? tail.slice(1) : tail.slice(1, close);
  } else {
    const end = sentenceEnd(tail);
    after = tail.slice(end + 1);
    tail = tail.slice(0, end);
  }
  const ticked = quoted(tail);
  if (ticked.length > 0) {
    return { values: ticked, before, after: after.trim() };
  }
  if (loose) return undefined;
  // "Allowed values:redgreenblue": glued to the intro, the values cannot be told apart.
  if (colon && !/\s$/.test(first[0]) && VALUE.test(tail.trim()) && tail.trim() !== "") {
    return { values: [], before, after: after.trim(), glued: true };
  }
  let list = pieces(tail);
  // "Allowed values: red green blue": space-separated, only after a colon and only when every word is a token.
  if (colon && list.length === 1 && (list[0] ?? "").includes(" ")) {
    const words = (list[0] ?? "").split(/\s+/);
    if (words.every((w) => VALUE.test(w) && !STOPWORDS.has(w.toLowerCase()))) list = words;
  }
  const values: string[] = [];
  for (const piece of list) {
    const value = piece.replace(/^["'`]|["'`]$/g, "");
    if (!VALUE.test(value)) break;
    values.push(value);
  }
  if (values.length === 0 && list.length > 0) return undefined;
  return { values, before, after: after.trim() };
}

/** Values as the schema's type reads them: numbers for an integer or number enum, booleans for a boolean one. */
export function typedValues(values: readonly unknown[], schema: JsonSchema): unknown[] {
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  const numeric = types.includes("integer") || types.includes("number");
  if (numeric && values.every((v) => typeof v === "number" || /^-?\d+(?:\.\d+)?$/.test(String(v))))
    return values.map(Number);
  if (
    types.includes("boolean") &&
    values.every((v) => typeof v === "boolean" || /^(?:true|false)$/.test(String(v)))
  )
    return values.map((v) => v === true || v === "true");
  return [...values];
}

/**
 * Puts enum values on a field's schema: on the items of an array ("list of enums"), typed like the node,
 * and with null added when the node is nullable (an enum without null would refuse the null the type
 * allows). A field with no type yet is a string enum: values read from text are strings.
 */
export function withEnum(schema: JsonSchema | undefined, values: readonly unknown[]): JsonSchema {
  const out: JsonSchema = schema ? structuredClone(schema) : { type: "string" };
  if (values.length === 0) return out;
  const types = Array.isArray(out.type) ? (out.type as unknown[]) : [out.type];
  const items = out.items;
  if (types.includes("array") && typeof items === "object" && items !== null) {
    const target = items as JsonSchema;
    out.items = { ...target, enum: [...new Set(typedValues(values, target))] };
    return out;
  }
  const typed = [...new Set(typedValues(values, out))];
  out.enum = types.includes("null") && !typed.includes(null) ? [...typed, null] : typed;
  return out;
}

const LINE_INTRO =
  /^(?:(?:possible|allowed|accepted|valid|supported|available)(?: enum)? (?:values|options)|enum values|one of)\s*:?$/i;

/** A line that introduces values listed on the lines below it ("Possible enum values", "Available options:"). */
export function isEnumIntroLine(text: string): boolean {
  return LINE_INTRO.test(text.trim());
}

/**
 * An enum value on a line of its own, as the text captures list them under an intro: "red", "red,", "`red`",
 * "\"red\"". Undefined for a line that is a sentence (the value's description) or empty.
 */
export function enumValueLine(text: string): string | undefined {
  const t = text
    .trim()
    .replace(/,$/, "")
    .replace(/^(["'`])(.*)\1$/, "$2");
  return t !== "" && VALUE.test(t) ? t : undefined;
}

/** Values listed one per line after an intro line, each maybe followed by its description; undefined without an intro. */
export function enumFromLines(lines: readonly string[]): string[] | undefined {
  const intro = lines.findIndex((l) => isEnumIntroLine(l.replace(/\*\*|`/g, "")));
  if (intro === -1) return undefined;
  const values = lines
    .slice(intro + 1)
    .map((l) => enumValueLine(l.replace(/\*\*/g, "")))
    .filter((v): v is string => v !== undefined);
  return values.length > 0 ? [...new Set(values)] : undefined;
}
