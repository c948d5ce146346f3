// Fields, part 2: fields written as list items or lines: "`name` (string, required): description",
// "name: string — description", and captures that glue the name to its type ("metadataobject").
import type { JsonSchema } from "../fragment.ts";
import { makeNullable, splitGluedField } from "../type-phrase.ts";
import { readBadges } from "./badges.ts";
import { applyFlag } from "./required.ts";
import { plain, type Item } from "./blocks.ts";
import { describe, enrichSchema, parseTypeCell, type FieldSpec, type TypeInfo } from "./field-types.ts";
import { markedLocation, type SectionKind } from "./sections.ts";

interface NameLead {
  name: string;
  rest: string;
  required?: boolean;
}

const NAME_LEAD = /^\s*(\*\*|__)?(`)?([A-Za-z_$@][\w$@.-]*(?:\[[\w.-]*\])*)(`)?(\*\*|__)?/;

/** The field name at the start of an item or cell: `name`, **name**, name*, name?, options.document, expand[]. */
export function parseNameLead(text: string): NameLead | undefined {
  const m = NAME_LEAD.exec(text);
  const name = m?.[3]?.replace(/(?<![.-])[.-]+$/, "");
  if (!m || !name) return undefined;
  let rest = text.slice(m[0].length);
  if (rest !== "" && !/^[\s([:,—–?*]/.test(rest)) return undefined;
  let required: boolean | undefined;
  const marker = /^(\*|\?)(?=[\s:(`]|$)/.exec(rest);
  if (marker) {
    required = marker[1] === "*";
    rest = rest.slice(1);
  }
  return { name, rest, ...(required !== undefined ? { required } : {}) };
}

export function applyInfo(spec: FieldSpec, info: TypeInfo): void {
  if (info.schema && !spec.schema) spec.schema = info.schema;
  if (info.required !== undefined && spec.required === undefined) spec.required = info.required;
  if (info.deprecated) spec.deprecated = true;
  if (info.location && !spec.location) spec.location = info.location;
}

/** Reads a type written right after a name: "`string`", "integer, optional.", "list of strings — ...". */
function takeType(text: string, spec: FieldSpec): string {
  const r = text.trimStart();
  const code = /^`([^`]+)`/.exec(r);
  if (code?.[1]) {
    const info = parseTypeCell(code[1]);
    if (info.schema && info.leftover === 0) {
      applyInfo(spec, info);
      return r.slice(code[0].length);
    }
  }
  // The longest run of up to six words that reads as a type and is followed by a separator, a flag or the end.
  const words = [...r.matchAll(/\S+/g)];
  for (let k = Math.min(6, words.length); k >= 1; k--) {
    const last = words[k - 1];
    if (!last) continue;
    const end = (last.index ?? 0) + last[0].length;
    let candidate = r.slice(0, end);
    let tail = r.slice(end);
    const trail = /(?<![,;:.])[,;:.]+$/.exec(candidate);
    if (trail) {
      candidate = candidate.slice(0, -trail[0].length);
      tail = trail[0] + tail;
    }
    if (!/^\s*($|[,;:.(—–]|-\s|(required|optional|deprecated|nullable)\b)/i.test(tail)) continue;
    const info = parseTypeCell(candidate);
    if (info.schema && info.leftover === 0) {
      applyInfo(spec, info);
      return tail;
    }
  }
  return r;
}

/** Index of the bracket closing the one at `r[0]`, or the end of the text. */
function closingBracket(r: string): number {
  const open = r[0];
  const close = open === "(" ? ")" : "]";
  let depth = 0;
  for (let i = 0; i < r.length; i++) {
    if (r[i] === open) depth++;
    else if (r[i] === close && --depth === 0) return i;
  }
  return r.length;
}

/** What follows a field's name: a (type, flags) group, ": type — description", `type` flags. Description. */
function readAfterName(rest: string, spec: FieldSpec): { description: string; structured: boolean } {
  let r = rest.trim();
  let structured = false;
  if (r.startsWith("(") || r.startsWith("[")) {
    const close = closingBracket(r);
    applyInfo(spec, parseTypeCell(r.slice(1, close)));
    r = r.slice(close + 1);
    structured = true;
  } else if (/^(:|[—–]|-\s)/.test(r)) {
    r = takeType(r.replace(/^(:|[—–]|-\s)\s*/, ""), spec);
    structured = true;
  } else r = takeType(r, spec);
  for (;;) {
    const flag = /^\s*(?:[,(]\s*)?(required|optional|deprecated|nullable)\b\s*\)?/i.exec(r);
    if (!flag?.[1]) break;
    if (flag[1].toLowerCase() === "nullable" && spec.schema) spec.schema = makeNullable(spec.schema);
    else applyFlag(spec, flag[1]);
    r = r.slice(flag[0].length);
    structured = true;
  }
  if (/^\s*([—–:;,.]|-\s)/.test(r)) structured = true;
  return { description: r.replace(/^\s*(?:[—–:;,.]|-(?=\s))\s*/, ""), structured };
}

/**
 * "Page integer OPTIONAL", "Tags object[]required", "Port integer<int32>", "Hostname string": one
 * capitalised word (AWS's and Twilio's names) followed by nothing but a type as reference pages write it and
 * a flag. That word is a field's name, where "Block Number" or "Phone number" stays prose: the type is
 * written in lowercase, and "number" or "file" (the last word of many descriptions) counts only with a
 * bracket or a flag.
 */
export function pascalNameLine(text: string): boolean {
  const m =
    /^([A-Z][A-Za-z0-9]*)[ \t]+(string|integer|boolean|object|array|any|number|file)((?:\[\]|<[\w-]+>)*)[ \t]*(required|optional|REQUIRED|OPTIONAL)?$/.exec(
      text.trim(),
    );
  if (!m || /^(?:required|optional|nullable|deprecated|default)$/i.test(m[1] ?? "")) return false;
  return (m[2] !== "number" && m[2] !== "file") || m[3] !== "" || m[4] !== undefined;
}

/** Field names that read as identifiers, not as the first word of a sentence ("Note: ..."). */
export function identifierLike(name: string): boolean {
  return (
    /[_.[\]-]/.test(name) || /^[a-z$@]/.test(name) || /[a-z][A-Z]/.test(name) || /^[A-Z0-9_]+$/.test(name)
  );
}

/**
 * Reads a field list item: "`name` (string, required): description", "name (integer) - description",
 * "name: string — description", "**name** `string` optional. Desc", and captures that glue the name to its
 * type ("metadataobject", "external_refstringOptional<=255 characters").
 * Untyped items are fields only under a field section heading.
 */
export function parseFieldItem(item: Item, section: SectionKind | undefined): FieldSpec | undefined {
  const text = item.text.trim();
  const lead = parseNameLead(text);
  let spec: FieldSpec | undefined;
  let description = "";
  let structured = false;
  if (lead) {
    spec = {
      name: lead.name,
      typed: false,
      ...(lead.required !== undefined ? { required: lead.required } : {}),
    };
    ({ description, structured } = readAfterName(lead.rest, spec));
  }
  const glued = gluedField(text);
  // "sizeinteger(int64)" (Redoc): the bracket after the glued type is its format, not the field's type.
  const typeBeforeBracket = glued !== undefined && lead?.rest.startsWith("(") && glued.bracketed;
  // "panelistKey integer" is not "pane" + list + "Key integer", nor "CustomerProfileBundleSid
  // stringrequired" "CustomerPro" + file: a glued type whose rest goes on with the end of a spaced name
  // sits inside that name.
  const insideName =
    glued !== undefined &&
    lead !== undefined &&
    lead.name.length > glued.name.length &&
    lead.name.endsWith(/^\S+/.exec(glued.rest)?.[0] ?? " ");
  if (glued && !insideName && (!spec?.schema || /^[A-Z]/.test(glued.rest) || typeBeforeBracket)) {
    const { rest, bracketed: _, ...found } = glued;
    spec = found;
    description = rest;
    structured = true;
  }
  if (!spec) return undefined;
  spec.typed = spec.schema !== undefined;
  const fieldSection = section !== undefined && !["errors", "ignore", "servers"].includes(section);
  if (!spec.typed) {
    const named = structured || spec.required !== undefined;
    if (!named || !fieldSection || (!identifierLike(spec.name) && section !== "header")) return undefined;
  }
  const restDescription =
    item.rest
      .join("\n")
      .split(/\n\s*\n/)
      .map(plain)
      .find(Boolean) ?? "";
  const said = describe(description || restDescription);
  if (said.required !== undefined && spec.required === undefined) spec.required = said.required;
  if (said.deprecated) spec.deprecated = true;
  if (said.description) spec.description = said.description;
  spec.location ??= markedLocation(said.description ?? "");
  const allText = [description, ...item.rest].join(" ");
  const schema = enrichSchema(spec.schema, allText.replace(/\s+/g, " "), item.rest);
  if (schema) spec.schema = schema;
  return spec;
}

/** "metadataobject", "client_reference_idstringA string to…": a capture that lost the space after the name. */
export function gluedField(
  text: string,
): (FieldSpec & { schema: JsonSchema; rest: string; bracketed: boolean }) | undefined {
  const g = splitGluedField(plain(text));
  // "Update" is not "Up" + date: a glued name must read as an identifier, or be one capitalised word
  // (AWS's "Identifiers") before a type no English word ends in, then nothing, a flag or a bracket;
  // a flag word is no name ("Requiredstring" is Fumadocs' flag glued to the type).
  const pascal =
    /^[A-Z][a-z0-9]+$/.test(g?.name ?? "") &&
    !/^(?:required|optional|nullable|deprecated|default|type|value)$/i.test(g?.name ?? "") &&
    // Redoc's "Array" (of no one item type) is capitalised, where "Disarray" ends in the lowercase word.
    (/^(?:string|integer|number|boolean|object|\S+ of .+|.+ or null)$/i.test(g?.typePhrase ?? "") ||
      g?.typePhrase === "Array") &&
    /^(?:$|\(|(?:required|optional|nullable|deprecated)(?![a-z]))/i.test(g?.rest ?? "");
  if (!g?.schema || g.name.length < 2 || /[_.-]$/.test(g.name) || !(identifierLike(g.name) || pascal))
    return undefined;
  const spec: FieldSpec & { schema: JsonSchema; rest: string; bracketed: boolean } = {
    name: g.name,
    schema: { ...g.schema },
    typed: true,
    rest: g.rest,
    bracketed: false,
  };
  // Redoc glues a bracket to the type: a format ("integer(int64)", "string(date-time)") or, after
  // "object", the schema's title ("object(Finish)"), which is no fact of the field.
  const bracket = /^\(([\w-]+)\)/.exec(spec.rest);
  const scalar = ["string", "integer", "number"].includes(String(spec.schema.type));
  if (bracket?.[1] && (spec.schema.type === "object" || (scalar && /^[a-z][\w-]*$/.test(bracket[1])))) {
    if (scalar) spec.schema.format = bracket[1];
    spec.rest = spec.rest.slice(bracket[0].length);
    spec.bracketed = true;
  }
  // Captures run flags and limits into the text: "Optional<=255 characters", "RequiredDefaults to snake".
  const badges = readBadges(spec.rest, spec.schema);
  if (badges.schema) spec.schema = badges.schema;
  if (badges.required !== undefined) spec.required = badges.required;
  if (badges.deprecated) spec.deprecated = true;
  spec.rest = badges.rest;
  return spec;
}
