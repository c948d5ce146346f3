// Fields written as list items: one draft per documented node, placed in parameters, body or response once
// the operation's section is read. Items come glued ("metadataobjectSet of key-value pairs…", cut using the
// paragraphs the capture repeats after them) or styled ("`amount` (integer, required) — The amount.").
import type { List, ListItem, Paragraph, RootContent } from "mdast";
import type { JsonSchema } from "../../fragment.ts";
import { readBadges } from "../../read/badges.ts";
import { enumValueLine, readEnumStatement, withEnum } from "../../read/enum.ts";
import { joinBrokenHead } from "../../read/field.ts";
import { arrayParentPaths, childPath } from "../../read/names.ts";
import { isConditionallyRequired, readRequired } from "../../read/required.ts";
import { parseConstraints, parseTypePhrase, splitGluedField, type GluedField } from "../../type-phrase.ts";
import { atPageEnd, inlineText, lineOf, linkOnly, textOf, type Ctx, warn } from "./nodes.ts";
import { ENUM_MARKER, UI_TEXT, isStructural, type Zone } from "./statements.ts";
import { collapseSpace } from "../../read/plain.ts";

export interface FieldDraft {
  path: string[];
  schema?: JsonSchema;
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  line: number;
  zone: Zone;
}

interface ItemHead {
  name: string;
  schema?: JsonSchema;
  required?: boolean;
  /** Written "required conditionally": required within its parent, when it has one. */
  requiredInParent?: boolean;
  deprecated?: boolean;
  description?: string;
  enumValues?: string[];
}

/**
 * Cuts a glued run of enum values and their descriptions ("documentDocument check.id_numberID number
 * check.") using the descriptions the capture repeats as paragraphs ("Document check.", "ID number check.").
 * Paragraphs not found in the run (notes, link text) are skipped. Returns undefined unless the run is
 * consumed exactly, as values without a description cannot be told apart.
 */
function splitEnumRun(run: string, descriptions: string[]): string[] | undefined {
  const values: string[] = [];
  let pos = 0;
  for (const description of descriptions) {
    const at = description === "" ? -1 : run.indexOf(description, pos);
    if (at < 0) continue;
    const value = run.slice(pos, at);
    if (enumValueLine(value) !== value) return undefined;
    values.push(value);
    pos = at + description.length;
  }
  return pos === run.length && values.length > 0 ? values : undefined;
}

/** Leading badges the site prints between type and description ("Required", "Deprecated", "<=5000 characters"). */
function readItemBadges(
  text: string,
  schema: JsonSchema | undefined,
): { rest: string; head: Partial<ItemHead>; constraints: JsonSchema } {
  const badges = readBadges(text, schema);
  const head: Partial<ItemHead> = {};
  if (badges.required !== undefined) head.required = badges.required;
  if (badges.deprecated) head.deprecated = true;
  return { rest: badges.rest, head, constraints: badges.schema ?? {} };
}

/**
 * An item head's text as a reader sees it, with a name the capture broke at "_" or "." joined back
 * ("client_" / "reference_idstring…"; flattened onto one line, "client_ reference_idstring…").
 */
export function itemHeadText(head: Paragraph): string {
  return joinBrokenHead(textOf(head));
}

/** splitGluedField, but only for text that is glued: "Sitemap file" is prose, not a field "Site" of type map. */
export function gluedField(headText: string): GluedField | undefined {
  const glued = splitGluedField(headText);
  if (!glued?.schema) return undefined;
  const afterType = headText.slice(glued.name.length + glued.typePhrase.length);
  return glued.rest !== "" && /^\s/.test(afterType) ? undefined : glued;
}

/**
 * A glued item whose description starts in lowercase ("groupintegeronly return collections from this
 * group"): the type runs on into a word, so only the repeated description shows where the type ends. The
 * text before the repeat must itself be a whole glued name and type (with badges): "groupinteger".
 */
function gluedBeforeRepeat(headText: string, repeated: string | undefined): GluedField | undefined {
  const text = collapseSpace(headText);
  const at = repeated ? text.indexOf(repeated) : -1;
  if (!repeated || at <= 0) return undefined;
  const glued = gluedField(text.slice(0, at));
  return glued && { ...glued, rest: `${glued.rest}${text.slice(at)}` };
}

/**
 * An item in the capture's glued style: "typeenumThe type of check.Possible enum valuesdocumentDocument
 * check.id_numberID number check." `repeats` are the paragraphs the capture prints after the item: the first
 * is normally the description again, which marks exactly where the description ends; the others explain
 * the enum values.
 */
function readGluedHead(headText: string, repeats: string[], line: number, ctx: Ctx): ItemHead | undefined {
  const glued = gluedField(headText) ?? gluedBeforeRepeat(headText, repeats[0]);
  if (!glued?.schema) return undefined;

  const rest = collapseSpace(glued.rest.replace(UI_TEXT, " "));
  let badgeText: string;
  let description: string;
  let tail: string;
  let valueDescriptions = repeats;
  const repeated = repeats[0];
  const at = repeated ? rest.indexOf(repeated) : -1;
  if (repeated && at >= 0) {
    // The repeat tells us exactly where the description starts and ends.
    badgeText = rest.slice(0, at);
    description = repeated;
    tail = rest.slice(at + repeated.length);
    valueDescriptions = repeats.slice(1);
  } else {
    // No repeat: badges are known words at the start, the description runs to the enum marker.
    const afterBadges = readItemBadges(rest, glued.schema).rest;
    badgeText = rest.slice(0, rest.length - afterBadges.length);
    const marker = afterBadges.indexOf(ENUM_MARKER);
    description = marker >= 0 ? afterBadges.slice(0, marker) : afterBadges;
    tail = marker >= 0 ? afterBadges.slice(marker) : "";
  }

  const badges = readItemBadges(badgeText, glued.schema);
  const head: ItemHead = {
    name: glued.name,
    ...badges.head,
    schema: { ...glued.schema, ...badges.constraints },
  };
  if (collapseSpace(description)) head.description = collapseSpace(description);
  const marker = tail.indexOf(ENUM_MARKER);
  if (marker >= 0) {
    const run = collapseSpace(tail.slice(marker + ENUM_MARKER.length));
    const values = splitEnumRun(run, valueDescriptions);
    if (values) head.enumValues = values;
    else warn(ctx, line, `enum values of "${glued.name}" could not be told apart ("${run}"); no enum kept`);
  }
  return head;
}

/**
 * An item written the common markdown way: "`amount` (integer, required) — The amount." or
 * "**amount** integer: The amount." A type must be present, so "**Note**: …" bullets are not fields.
 */
export function readStyledHead(head: Paragraph): ItemHead | undefined {
  const first = head.children[0];
  if (first?.type !== "inlineCode" && first?.type !== "strong") return undefined;
  const name = textOf(first);
  if (!/^[A-Za-z_$][\w$.[\]-]*$/.test(name)) return undefined;
  let rest = collapseSpace(
    head.children
      .slice(1)
      .map((c) => inlineText(c))
      .join(""),
  ).replace(/^[\s:–—-]+/, "");
  let qualifiers: string[];
  const parens = /^\(([^)]*)\)\s*[:–—-]?\s*/.exec(rest);
  if (parens) {
    qualifiers = (parens[1] ?? "").split(/(?<!\s)\s*,\s*/);
    rest = rest.slice(parens[0].length);
  } else {
    const lead = /^([^:–—]+?)(?:(?<!\s)\s+[–—-]\s+|:\s+|$)/.exec(rest);
    qualifiers = (lead?.[1] ?? "").split(/(?<!\s)\s*,\s*/);
    if (lead) rest = rest.slice(lead[0].length);
  }
  const out: ItemHead = { name };
  for (const q of qualifiers) {
    const schema = out.schema ? undefined : parseTypePhrase(q);
    if (schema) out.schema = schema;
    else if (/^(?:required|optional)\b/i.test(q) && readRequired(q) !== undefined) {
      out.required = readRequired(q);
      if (isConditionallyRequired(q)) out.requiredInParent = true;
    } else if (/^deprecated$/i.test(q)) out.deprecated = true;
    else if (out.schema) Object.assign(out.schema, parseConstraints(q, out.schema));
  }
  if (!out.schema) return undefined;
  if (out.required === undefined) out.required = false;
  const ticked = textOf(head, true);
  const values = codeEnum(ticked);
  if (values) out.enumValues = values;
  const def = codeDefault(ticked, out.schema);
  if (def) Object.assign(out.schema, def);
  if (rest) out.description = rest;
  return out;
}

/** Enum values a description states ("One of `a`, `b`", "Possible values: `a` | `b`"), read by the shared reader. */
export function codeEnum(ticked: string): string[] | undefined {
  const values = readEnumStatement(ticked)?.values;
  return values && values.length > 0 ? values : undefined;
}

/** "Defaults to `snake`": only a code-quoted default is trusted, not "Defaults to the account's currency". */
export function codeDefault(ticked: string, schema: JsonSchema): JsonSchema | undefined {
  const m = /defaults? (?:to|value:?)\s*`[^`]+`/i.exec(ticked);
  return m ? parseConstraints(m[0], schema) : undefined;
}

/** The paragraphs starting at `from` that repeat the previous item's text; link-only lines are skipped. */
export function collectRepeats(nodes: RootContent[], from: number): { texts: string[]; next: number } {
  const texts: string[] = [];
  let i = from;
  for (; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node || isStructural(node)) break;
    if (linkOnly(node)) continue;
    const text = collapseSpace(textOf(node).replace(UI_TEXT, " "));
    if (text) texts.push(text);
  }
  return { texts, next: i };
}

/**
 * Reads a parameter list into drafts. `after` are the nodes that follow the list: the capture puts the last
 * item's repeated paragraphs there. Items that nest a list document child parameters.
 */
export function readFieldList(
  list: List,
  after: RootContent[],
  parent: string[],
  zone: Zone,
  ctx: Ctx,
): FieldDraft[] {
  const drafts: FieldDraft[] = [];
  /** Dotted names written plainly "required" (not "required conditionally"), read in this list. */
  const requiredChains: FieldDraft[] = [];
  /** Parents the names write as arrays (`fields[].entropy`). */
  const arrays: FieldDraft[] = [];
  list.children.forEach((item, k) => {
    const rest: RootContent[] = [...item.children.slice(1), ...(k === list.children.length - 1 ? after : [])];
    const head = item.children[0];
    if (head?.type !== "paragraph") return;
    const field = readItem(item, head, collectRepeats(rest, 0).texts, ctx);
    if (!field) return;
    const enumList = listedEnum(head, rest);
    if (enumList) field.enumValues ??= enumList.values;
    // A listed name nests by dots only (`frame.depth`, `finishes..gloss`); its brackets are part of the
    // name (`page[size]`, JSON:API's query parameters), as seed 002's catalogue prints them.
    const path = childPath(parent, field.name, "name");
    const draft = toDraft(path, field, lineOf(item), zone);
    drafts.push(draft);
    for (const array of arrayParentPaths(parent, field.name, "name"))
      arrays.push({ path: array, line: draft.line, zone });
    if (parent.length === 0 && path.length > 1 && field.required === true && !field.requiredInParent)
      requiredChains.push(draft);
    rest.forEach((node, i) => {
      if (node.type !== "list" || node === enumList?.list) return;
      const nestedAfter = rest.slice(i + 1, collectRepeats(rest, i + 1).next);
      drafts.push(...readFieldList(node, nestedAfter, path, zone, ctx));
    });
  });
  const added = requiredParents(drafts, requiredChains);
  return [...drafts, ...added, ...arrayParents([...drafts, ...added], arrays)];
}

/**
 * The parents a leaves-only list writes as arrays (`fields[].entropy`): a listed parent that states no type
 * is typed an array, an unlisted one comes back as a draft stating just that, so its children go under its
 * items.
 */
function arrayParents(drafts: FieldDraft[], arrays: FieldDraft[]): FieldDraft[] {
  const byPath = new Map(drafts.map((d) => [d.path.join("\u0000"), d]));
  const added: FieldDraft[] = [];
  for (const array of arrays) {
    const key = array.path.join("\u0000");
    const listed = byPath.get(key);
    if (listed) listed.schema ??= { type: "array" };
    else {
      const draft: FieldDraft = { ...array, schema: { type: "array" } };
      byPath.set(key, draft);
      added.push(draft);
    }
  }
  return added;
}

/**
 * A flat list of dotted names (LAYOUTS.md family 2) writes a nested field plainly "required" only when
 * every object around it is required too; one required only within an optional parent is "required
 * conditionally". So `capacity.autoScaling.mcuCount (integer, required)` says `capacity` and
 * `capacity.autoScaling` are required: listed parents are marked, unlisted ones (the list shows leaves only)
 * come back as drafts that state just that.
 */
function requiredParents(drafts: FieldDraft[], chains: FieldDraft[]): FieldDraft[] {
  const byPath = new Map(drafts.map((d) => [d.path.join("\u0000"), d]));
  const added: FieldDraft[] = [];
  for (const leaf of chains) {
    if (leaf.zone.kind === "response") continue;
    for (let n = 1; n < leaf.path.length; n++) {
      const path = leaf.path.slice(0, n);
      const key = path.join("\u0000");
      const parent = byPath.get(key);
      if (parent) parent.required = true;
      else {
        const draft: FieldDraft = { path, required: true, line: leaf.line, zone: leaf.zone };
        byPath.set(key, draft);
        added.push(draft);
      }
    }
  }
  return added;
}

/**
 * "- `type` (enum, required) The type. Possible enum values:" with the values as a list of their own under
 * it ("  - `NONE`", "  - `KMS`"): every item of that list is one code-quoted value and nothing else.
 */
function listedEnum(head: Paragraph, rest: RootContent[]): { list: List; values: string[] } | undefined {
  if (!new RegExp(`${ENUM_MARKER}:?\\s*$`, "i").test(textOf(head).trim())) return undefined;
  const list = rest.find((n): n is List => n.type === "list");
  const values: string[] = [];
  for (const item of list?.children ?? []) {
    const only = item.children.length === 1 ? item.children[0] : undefined;
    const code = only?.type === "paragraph" && only.children.length === 1 ? only.children[0] : undefined;
    if (code?.type !== "inlineCode") return undefined;
    values.push(code.value);
  }
  return list && values.length > 0 ? { list, values } : undefined;
}

function readItem(item: ListItem, head: Paragraph, repeats: string[], ctx: Ctx): ItemHead | undefined {
  const line = lineOf(item);
  const text = itemHeadText(head);
  const field = readStyledHead(head) ?? readGluedHead(text, repeats, line, ctx);
  if (field) return field;
  // A bare name with no type at the very end of the page: an item cut off before its type.
  if (atPageEnd(item, ctx) && /^[A-Za-z_][\w.-]*$/.test(text)) {
    warn(ctx, line, `list item "${text}" ends the page without a type: the page seems cut off`);
    return { name: text };
  }
  return undefined;
}

function toDraft(path: string[], head: ItemHead, line: number, zone: Zone): FieldDraft {
  const draft: FieldDraft = { path, line, zone };
  const schema = head.enumValues ? withEnum(head.schema, head.enumValues) : head.schema;
  if (schema) draft.schema = schema;
  // A nested field "required conditionally" is required within its parent (see isConditionallyRequired).
  const required = head.requiredInParent && path.length > 1 ? true : head.required;
  if (zone.kind !== "response") draft.required = required ?? (head.schema ? false : undefined);
  if (head.description) draft.description = head.description;
  if (head.deprecated) draft.deprecated = true;
  return draft;
}
