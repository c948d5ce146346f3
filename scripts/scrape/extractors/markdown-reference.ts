// Reads markdown captures of docs.stripe.com-style API references. Each operation is a heading ("# Create a
// VerificationSession") followed by a paragraph that is only a link to the operation's slug, description
// paragraphs, a parameter list whose items glue name, type and description together
// ("metadataobjectSet of key-value pairs…"), and a closing "Returns the created X object" line. The capture
// repeats each item's description and enum value descriptions as separate paragraphs after the item; those
// repeats are what lets us cut the glued text cleanly. Other pages of the same site may use `##` headings,
// nested child-parameter lists, pipe tables, a request line, curl blocks and JSON response examples.
//
// The page is parsed with mdast (GFM for tables); node positions give every fact's source line.
import type {
  Code,
  Heading,
  List,
  ListItem,
  Paragraph,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type {
  Diagnostic,
  Extractor,
  FieldFragment,
  HttpMethod,
  JsonSchema,
  OperationFragment,
  Page,
  PageFragment,
  ParameterLocation,
  RequestBodyFragment,
  ResponseFragment,
  ReturnsHint,
  SecurityHint,
  Source,
} from "../fragment.ts";
import { emptyOperation, emptyPageFragment, fact } from "../fragment.ts";
import { findJsonEnd, parseLenientJson, stripLineNumbers } from "../lenient-json.ts";
import {
  joinContinuationLines,
  parseCurl,
  parseMethod,
  REQUEST_LINE,
  splitUrl,
  toPathTemplate,
  type CurlCommand,
} from "../text.ts";
import { parseConstraints, parseTypePhrase, splitGluedField, type GluedField } from "../type-phrase.ts";

const NAME = "markdown";

// ---------------------------------------------------------------------------------------------------------
// Parsing and plain text

/** Any node that can appear in the tree; mdast's own union. */
type MdNode = Root | RootContent;

/** detect() and extract() run on the same page one after the other: parse it once. */
let lastParse: { text: string; tree: Root } | undefined;

function parseMarkdown(text: string): Root {
  if (lastParse?.text === text) return lastParse.tree;
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  lastParse = { text, tree };
  return tree;
}

/**
 * The text a reader sees: link text without the URL, code without backticks, no HTML tags. With `ticks`,
 * inline code keeps its backticks so callers can tell code values ("One of `a`, `b`") from prose.
 */
function inlineText(node: MdNode, ticks = false): string {
  switch (node.type) {
    case "text":
      return node.value;
    case "inlineCode":
      return ticks ? "`" + node.value + "`" : node.value;
    case "break":
      return " ";
    case "image":
      return node.alt ?? "";
    case "html":
      return "";
    default:
      return "children" in node ? node.children.map((c: MdNode) => inlineText(c, ticks)).join("") : "";
  }
}

/** Docs text with its line breaks and runs of spaces collapsed to single spaces. */
function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function textOf(node: MdNode, ticks = false): string {
  return collapse(inlineText(node, ticks));
}

function lineOf(node: MdNode): number {
  return node.position?.start.line ?? 1;
}

/** A paragraph made of a single link (and whitespace): the capture's slug and "see also" lines. */
function linkOnly(node: MdNode): { url: string; text: string } | undefined {
  if (node.type !== "paragraph") return undefined;
  const parts = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  const link = parts[0];
  if (parts.length !== 1 || link?.type !== "link") return undefined;
  return { url: link.url, text: textOf(link) };
}

// ---------------------------------------------------------------------------------------------------------
// What the capture's recurring lines say

/** Button text of the docs site's expanders; it carries no meaning on the page. */
const UI_TEXT = /(?:Show|Hide) (?:child |all )?(?:parameters|attributes|properties|fields|values)/g;
const ENUM_MARKER = "Possible enum values";
const NO_PARAMETERS = /^no (?:parameters|arguments)\.?$/i;
/** "The Payout object" sections document a resource's attributes, not an operation. */
const OBJECT_TITLE = /^the .+ object$/i;
/** Title verbs of operations that read: their parameters go in the query string when no method is shown. */
const READ_ONLY_VERBS = new Set(["list", "retrieve", "get", "search", "fetch"]);
const BODYLESS_METHODS = new Set<HttpMethod>(["get", "delete", "head"]);

type Zone =
  | { kind: "params"; location?: ParameterLocation | "body" }
  | { kind: "response"; status: string }
  | { kind: "request" };

/** Section labels, as a deeper heading or a short paragraph of their own ("Parameters", "Response"). */
function labelZone(text: string): Zone | undefined {
  const t = text.replace(/[:.]$/, "").trim().toLowerCase();
  if (t.split(" ").length > 5) return undefined;
  if (/^path (?:parameters|params|arguments)$/.test(t)) return { kind: "params", location: "path" };
  if (/^query (?:string )?(?:parameters|params|arguments)$/.test(t))
    return { kind: "params", location: "query" };
  if (/^(?:request )?headers?(?: parameters| params)?$/.test(t))
    return { kind: "params", location: "header" };
  if (/^cookies?(?: parameters| params)?$/.test(t)) return { kind: "params", location: "cookie" };
  if (/^(?:request )?body(?: parameters| params| fields)?$|^(?:form|body) (?:parameters|fields)$/.test(t)) {
    return { kind: "params", location: "body" };
  }
  if (/^(?:parameters|params|arguments)$/.test(t)) return { kind: "params" };
  // "Response", "Returns", "Response 201", "Example response (201 Created)"; not "Returns a list of …".
  const response =
    /^(?:example |sample )?(?:returns|responses?|response (?:body|fields|attributes)|attributes)(?: \(?([1-5](?:\d\d|xx))\b[a-z ]*\)?)?$/.exec(
      t,
    );
  if (response) return { kind: "response", status: response[1]?.toUpperCase() ?? "200" };
  if (/^[1-5]\d\d(?: [a-z ]+)?$/.test(t)) return { kind: "response", status: t.slice(0, 3) };
  if (/^(?:example |sample )?request(?: body)?(?: example)?$/.test(t)) return { kind: "request" };
  return undefined;
}

/**
 * "Returns the created VerificationSession object" -> {name: VerificationSession, list: false};
 * "List of VerificationSession objects that match …" and "Returns a dictionary with a data property that
 * contains an array of up to limit Payout objects" -> list: true. Descriptions such as "Returns a list of
 * VerificationSessions" name no object and are not hints.
 */
function readReturns(text: string): ReturnsHint | undefined {
  const list =
    /^(?:returns )?(?:an? )?(?:list|array) of (?:up to \S+ )?(?:[\w-]+ )*?([A-Za-z][\w.]*) objects?\b/i.exec(
      text,
    ) ??
    /^returns (?:an? |the )?(?:dictionary|object|hash|map)\b.* (?:list|array) of (?:up to \S+ )?(?:[\w-]+ )*?([A-Za-z][\w.]*) objects?\b/i.exec(
      text,
    );
  if (list?.[1]) return { name: list[1], list: true };
  const single = /^returns (?:an? |the )(?:[\w-]+ )*?([A-Za-z][\w.]*) object\b/i.exec(text);
  if (single?.[1] && !/^(?:an?|the|list|array)$/i.test(single[1])) return { name: single[1], list: false };
  return undefined;
}

interface RequestLine {
  method: HttpMethod;
  path: string;
  server?: string;
}

/** "POST /v1/widgets", "`GET https://api.example.com/v1/widgets`", "Endpoint: DELETE /v1/widgets/:id". */
function readRequestLine(text: string): RequestLine | undefined {
  const t = collapse(text);
  const m = REQUEST_LINE.exec(t) ?? REQUEST_LINE.exec(t.replace(/^[A-Za-z ]{1,20}:\s*/, ""));
  const method = m?.[1] ? parseMethod(m[1]) : undefined;
  if (!m?.[2] || !method) return undefined;
  const url = splitUrl(m[2]);
  if (url) return { method, path: toPathTemplate(url.path), server: url.server };
  return { method, path: toPathTemplate(m[2]) };
}

/** "Content-Type: application/json" stated in prose. */
function readContentTypeStatement(text: string): string | undefined {
  return /^(?:request )?content[- ]type\s*:?\s*([a-z]+\/[\w.+-]+)\.?$/i.exec(text)?.[1]?.toLowerCase();
}

/** "Base URL: https://api.example.com" before the operations. */
function readServerStatement(text: string): string | undefined {
  const m = /^(?:api )?(?:base url|server|servers|host)\s*:?\s*(https?:\/\/\S+?)\/?$/i.exec(text);
  return m?.[1] && splitUrl(m[1]) ? m[1] : undefined;
}

/** Paragraphs that start something new and so end the description or an item's repeated paragraphs. */
function isStructural(node: MdNode): boolean {
  if (node.type !== "paragraph") return true;
  const text = textOf(node);
  return (
    NO_PARAMETERS.test(text) ||
    readReturns(text) !== undefined ||
    readRequestLine(text) !== undefined ||
    readContentTypeStatement(text) !== undefined ||
    labelZone(text) !== undefined
  );
}

// ---------------------------------------------------------------------------------------------------------
// Fields: one draft per documented node, placed in parameters, body or response once the section is read

interface FieldDraft {
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
  deprecated?: boolean;
  description?: string;
  enumValues?: string[];
}

interface Ctx {
  file: string;
  text: string;
  warnings: Diagnostic[];
  /** Base URLs the page states before its operations; example URLs under them keep the base as server. */
  pageServers: string[];
}

function warn(ctx: Ctx, line: number, message: string): void {
  ctx.warnings.push({ file: ctx.file, line, message });
}

function source(ctx: Ctx, line: number): Source {
  return { file: ctx.file, line };
}

/** Whether a node reaches the end of the page: where a cut-off page shows its damage. */
function atPageEnd(node: MdNode, ctx: Ctx): boolean {
  return (node.position?.end.offset ?? 0) >= ctx.text.trimEnd().length;
}

const ENUM_VALUE = /^[A-Za-z0-9_][\w.:/+-]*$/;

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
    if (!ENUM_VALUE.test(value)) return undefined;
    values.push(value);
    pos = at + description.length;
  }
  return pos === run.length && values.length > 0 ? values : undefined;
}

/** Leading badges the site prints between type and description: "Required", "Deprecated", "<=5000 characters". */
function readBadges(
  text: string,
  schema: JsonSchema | undefined,
): { rest: string; head: Partial<ItemHead>; constraints: JsonSchema } {
  const head: Partial<ItemHead> = {};
  let constraints: JsonSchema = {};
  let rest = text;
  for (;;) {
    // Case-sensitive on purpose: a badge is glued to a capitalised description ("RequiredThe amount").
    const badge = /^(Required|Optional|Deprecated|required|optional|deprecated)(?![a-z])\s*/.exec(rest);
    const bound = /^(?:<=|>=|<|>)\s*-?\d+(?:\.\d+)?(?:\s*(?:characters?|items?))?\s*/.exec(rest);
    if (badge?.[1]) {
      const word = badge[1].toLowerCase();
      if (word === "deprecated") head.deprecated = true;
      else head.required = word === "required";
      rest = rest.slice(badge[0].length);
    } else if (bound) {
      constraints = { ...constraints, ...parseConstraints(bound[0], schema ?? {}) };
      rest = rest.slice(bound[0].length);
    } else return { rest, head, constraints };
  }
}

/** Puts enum values on the node (or its array items), typed like the node. */
function withEnum(schema: JsonSchema | undefined, values: string[]): JsonSchema {
  const base: JsonSchema = schema ? structuredClone(schema) : { type: "string" };
  const target =
    base.type === "array" && typeof base.items === "object" && base.items ? (base.items as JsonSchema) : base;
  const numeric = target.type === "integer" || target.type === "number";
  target.enum = numeric && values.every((v) => /^-?\d+(\.\d+)?$/.test(v)) ? values.map(Number) : values;
  return base;
}

/**
 * An item in the capture's glued style: "typeenumThe type of check.Possible enum valuesdocumentDocument
 * check.id_numberID number check." `repeats` are the paragraphs the capture prints after the item: the first
 * is normally the description again, which marks exactly where the description ends; the others explain
 * the enum values.
 */
/** splitGluedField, but only for text that is glued: "Sitemap file" is prose, not a field "Site" of type map. */
function gluedField(headText: string): GluedField | undefined {
  const glued = splitGluedField(headText);
  if (!glued?.schema) return undefined;
  const afterType = headText.slice(glued.name.length + glued.typePhrase.length);
  return glued.rest !== "" && /^\s/.test(afterType) ? undefined : glued;
}

function readGluedHead(headText: string, repeats: string[], line: number, ctx: Ctx): ItemHead | undefined {
  const glued = gluedField(headText);
  if (!glued?.schema) return undefined;

  const rest = collapse(glued.rest.replace(UI_TEXT, " "));
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
    const afterBadges = readBadges(rest, glued.schema).rest;
    badgeText = rest.slice(0, rest.length - afterBadges.length);
    const marker = afterBadges.indexOf(ENUM_MARKER);
    description = marker >= 0 ? afterBadges.slice(0, marker) : afterBadges;
    tail = marker >= 0 ? afterBadges.slice(marker) : "";
  }

  const badges = readBadges(badgeText, glued.schema);
  const head: ItemHead = {
    name: glued.name,
    ...badges.head,
    schema: { ...glued.schema, ...badges.constraints },
  };
  if (collapse(description)) head.description = collapse(description);
  const marker = tail.indexOf(ENUM_MARKER);
  if (marker >= 0) {
    const run = collapse(tail.slice(marker + ENUM_MARKER.length));
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
function readStyledHead(head: Paragraph): ItemHead | undefined {
  const first = head.children[0];
  if (first?.type !== "inlineCode" && first?.type !== "strong") return undefined;
  const name = textOf(first);
  if (!/^[A-Za-z_$][\w$.[\]-]*$/.test(name)) return undefined;
  let rest = collapse(
    head.children
      .slice(1)
      .map((c) => inlineText(c))
      .join(""),
  ).replace(/^[\s:–—-]+/, "");
  let qualifiers: string[];
  const parens = /^\(([^)]*)\)\s*[:–—-]?\s*/.exec(rest);
  if (parens) {
    qualifiers = (parens[1] ?? "").split(/\s*,\s*/);
    rest = rest.slice(parens[0].length);
  } else {
    const lead = /^([^:–—]+?)(?:\s+[–—-]\s+|:\s+|$)/.exec(rest);
    qualifiers = (lead?.[1] ?? "").split(/\s*,\s*/);
    if (lead) rest = rest.slice(lead[0].length);
  }
  const out: ItemHead = { name };
  for (const q of qualifiers) {
    const schema = out.schema ? undefined : parseTypePhrase(q);
    if (schema) out.schema = schema;
    else if (/^required$/i.test(q)) out.required = true;
    else if (/^optional$/i.test(q)) out.required = false;
    else if (/^deprecated$/i.test(q)) out.deprecated = true;
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

/** Enum values listed as code after a marker: "One of `a`, `b`", "Possible values: `a` | `b`". */
function codeEnum(ticked: string): string[] | undefined {
  const m =
    /(?:possible (?:enum )?values|allowed values|valid values|one of|enum)\s*:?\s*((?:`[^`]+`[\s,|/or]*)+)/i.exec(
      ticked,
    );
  if (!m?.[1]) return undefined;
  const values = [...m[1].matchAll(/`([^`]+)`/g)].map((v) => v[1] ?? "");
  return values.length > 0 ? values : undefined;
}

/** "Defaults to `snake`": only a code-quoted default is trusted, not "Defaults to the account's currency". */
function codeDefault(ticked: string, schema: JsonSchema): JsonSchema | undefined {
  const m = /defaults? (?:to|value:?)\s*`[^`]+`/i.exec(ticked);
  return m ? parseConstraints(m[0], schema) : undefined;
}

/** The paragraphs starting at `from` that repeat the previous item's text; link-only lines are skipped. */
function collectRepeats(nodes: RootContent[], from: number): { texts: string[]; next: number } {
  const texts: string[] = [];
  let i = from;
  for (; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node || isStructural(node)) break;
    if (linkOnly(node)) continue;
    const text = collapse(textOf(node).replace(UI_TEXT, " "));
    if (text) texts.push(text);
  }
  return { texts, next: i };
}

/** A field name inside a child list may repeat its parent ("options.document"): keep only the child part. */
function childPath(name: string, parent: string[]): string[] {
  const prefix = parent.join(".") + ".";
  if (parent.length > 0 && name.startsWith(prefix))
    return [...parent, ...name.slice(prefix.length).split(".")];
  return [...parent, name];
}

/**
 * Reads a parameter list into drafts. `after` are the nodes that follow the list: the capture puts the last
 * item's repeated paragraphs there. Items that nest a list document child parameters.
 */
function readFieldList(
  list: List,
  after: RootContent[],
  parent: string[],
  zone: Zone,
  ctx: Ctx,
): FieldDraft[] {
  const drafts: FieldDraft[] = [];
  list.children.forEach((item, k) => {
    const rest: RootContent[] = [...item.children.slice(1), ...(k === list.children.length - 1 ? after : [])];
    const head = item.children[0];
    if (head?.type !== "paragraph") return;
    const field = readItem(item, head, collectRepeats(rest, 0).texts, ctx);
    if (!field) return;
    const path = childPath(field.name, parent);
    drafts.push(toDraft(path, field, lineOf(item), zone));
    rest.forEach((node, i) => {
      if (node.type !== "list") return;
      const nestedAfter = rest.slice(i + 1, collectRepeats(rest, i + 1).next);
      drafts.push(...readFieldList(node, nestedAfter, path, zone, ctx));
    });
  });
  return drafts;
}

function readItem(item: ListItem, head: Paragraph, repeats: string[], ctx: Ctx): ItemHead | undefined {
  const line = lineOf(item);
  const field = readStyledHead(head) ?? readGluedHead(textOf(head), repeats, line, ctx);
  if (field) return field;
  // A bare name with no type at the very end of the page: an item cut off before its type.
  const text = textOf(head);
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
  if (zone.kind !== "response") draft.required = head.required ?? (head.schema ? false : undefined);
  if (head.description) draft.description = head.description;
  if (head.deprecated) draft.deprecated = true;
  return draft;
}

// ---------------------------------------------------------------------------------------------------------
// Pipe tables: Name | Type | Required | Description

interface TableColumns {
  name: number;
  type?: number;
  required?: number;
  description?: number;
  location?: number;
  default?: number;
}

function tableColumns(table: Table): TableColumns | undefined {
  const header = table.children[0]?.children.map((c) => textOf(c).toLowerCase()) ?? [];
  const find = (re: RegExp): number | undefined => {
    const i = header.findIndex((h) => re.test(h));
    return i >= 0 ? i : undefined;
  };
  const name = find(/^(?:name|parameter|param|field|attribute|property|key)s?$/);
  const columns: TableColumns | undefined = name === undefined ? undefined : { name };
  if (!columns) return undefined;
  const optional: [keyof TableColumns, RegExp][] = [
    ["type", /^(?:type|data type|schema)$/],
    ["required", /^required\??$/],
    ["description", /^(?:description|details|notes?)$/],
    ["location", /^(?:in|location|where)$/],
    ["default", /^default(?: value)?$/],
  ];
  for (const [key, re] of optional) {
    const i = find(re);
    if (i !== undefined) columns[key] = i;
  }
  return columns.type !== undefined || columns.description !== undefined ? columns : undefined;
}

function readRequiredCell(text: string): boolean | undefined {
  if (/^(?:yes|true|required|✓|✔|x)$/i.test(text)) return true;
  if (/^(?:no|false|optional|-|—|)$/i.test(text)) return false;
  return undefined;
}

/** "options.document" and "items[].name" name nested nodes; `expand[]` is a name of its own. */
function tablePath(name: string): string[] {
  const parts = name.split(".");
  if (parts.length < 2 || parts.some((p) => !/^[A-Za-z_$][\w$-]*(?:\[\])?$/.test(p))) return [name];
  return parts.map((p, i) => (i < parts.length - 1 ? p.replace(/\[\]$/, "") : p));
}

function readTable(table: Table, zone: Zone, ctx: Ctx): FieldDraft[] {
  const columns = tableColumns(table);
  if (!columns) return [];
  const width = table.children[0]?.children.length ?? 0;
  const drafts: FieldDraft[] = [];
  for (const row of table.children.slice(1)) {
    if (row.children.length < width) {
      warn(
        ctx,
        lineOf(row),
        `table row has ${row.children.length} of ${width} cells: cells are missing (cut off?)`,
      );
    }
    const draft = readTableRow(row, columns, zone);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function readTableRow(row: TableRow, columns: TableColumns, zone: Zone): FieldDraft | undefined {
  const cellNode = (i: number | undefined): TableCell | undefined =>
    i === undefined ? undefined : row.children[i];
  const cell = (i: number | undefined, ticks = false): string => {
    const node = cellNode(i);
    return node ? textOf(node, ticks) : "";
  };
  // "amount *" and "amount (required)" mark required names when there is no Required column.
  const rawName = cell(columns.name);
  const name = rawName.replace(/\s*(?:\*|\((?:required|optional)\))$/i, "").trim();
  if (!name) return undefined;
  const typeText = cell(columns.type);
  const location = readLocation(cell(columns.location));
  const draft: FieldDraft = {
    path: tablePath(name),
    line: lineOf(row),
    zone: location ? { kind: "params", location } : zone,
  };
  const schema = tableSchema(typeText, cell(columns.description, true), cell(columns.default));
  if (schema) draft.schema = schema;
  const required =
    columns.required !== undefined
      ? readRequiredCell(cell(columns.required))
      : /(?:\*|\(required\))$/i.test(rawName) || undefined;
  if (required !== undefined && zone.kind !== "response") draft.required = required;
  const description = cell(columns.description);
  if (description) draft.description = description;
  if (/\bdeprecated\b/i.test(typeText)) draft.deprecated = true;
  return draft;
}

/** A row's schema: the type cell, constraints beside it, code enums and a code default in the description. */
function tableSchema(
  typeText: string,
  tickedDescription: string,
  defaultCell: string,
): JsonSchema | undefined {
  let schema = parseTypePhrase(typeText) ?? parseTypePhrase(typeText.split(/[\s,(]/)[0] ?? "");
  const values = codeEnum(tickedDescription);
  if (values) schema = withEnum(schema, values);
  if (!schema) return undefined;
  Object.assign(schema, parseConstraints(typeText.replace(/^\S+/, ""), schema));
  Object.assign(schema, codeDefault(tickedDescription, schema));
  const stated = defaultCell.replace(/^`|`$/g, "");
  if (stated && stated !== "-") Object.assign(schema, parseConstraints(`Defaults to \`${stated}\``, schema));
  return schema;
}

function readLocation(text: string): ParameterLocation | "body" | undefined {
  const t = text.toLowerCase();
  if (t === "path" || t === "query" || t === "header" || t === "cookie") return t;
  if (t === "body" || t === "form" || t === "formdata") return "body";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Code blocks: curl requests, request lines and JSON examples

/** A fence the page never closes: the page was cut inside a code block. */
function fenceIsOpen(code: Code, ctx: Ctx): boolean {
  const start = code.position?.start.offset;
  const end = code.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const raw = ctx.text.slice(start, end);
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(raw)?.[1];
  if (!fence) return false;
  const lines = raw.split("\n");
  const last = lines[lines.length - 1] ?? "";
  const closing = new RegExp(`^[ \\t]*\\${fence[0]}{${fence.length},}[ \\t]*$`);
  return lines.length < 2 || !closing.test(last);
}

interface CurlFact {
  curl: CurlCommand;
  line: number;
}

function readCurlBlock(code: Code, ctx: Ctx): CurlFact | undefined {
  const lines = code.value.split("\n");
  const index = lines.findIndex((l) => /^\s*(?:\$\s*)?curl\b/.test(l));
  if (index < 0) return undefined;
  const { command } = joinContinuationLines(lines, index);
  const line = lineOf(code) + 1 + index;
  const curl = parseCurl(command);
  if (!curl) {
    warn(ctx, line, "curl command without a URL: skipped");
    return undefined;
  }
  return { curl, line };
}

/** Parses a JSON example, warning when it is cut off or cannot be read even leniently. */
function readJsonExample(code: Code, ctx: Ctx): { ok: true; value: unknown } | { ok: false } {
  const line = lineOf(code);
  let body = stripLineNumbers(code.value);
  const start = body.search(/[{[]/);
  if (start >= 0 && findJsonEnd(body, start) < 0) {
    warn(ctx, line, "JSON example is unterminated (cut off): kept up to its last complete line");
    body = dropPartialLastLine(body);
  }
  const parsed = parseLenientJson(body);
  if (!parsed.ok) {
    warn(ctx, line, `JSON example could not be parsed (${parsed.error}): skipped`);
    return { ok: false };
  }
  return { ok: true, value: parsed.value };
}

/** A JSON text cut mid-line ends in a half value ("label_"): keep only the lines that ended. */
function dropPartialLastLine(body: string): string {
  const lines = body.trimEnd().split("\n");
  const last = lines[lines.length - 1] ?? "";
  if (lines.length > 1 && !/[,{[]\s*$/.test(last)) lines.pop();
  return lines.join("\n");
}

function isJsonBlock(code: Code): boolean {
  const lang = (code.lang ?? "").toLowerCase();
  if (/^(?:json|json5|jsonc)$/.test(lang)) return true;
  return lang === "" && /^\s*[{[]/.test(code.value);
}

function isShellBlock(code: Code): boolean {
  const lang = (code.lang ?? "").toLowerCase();
  return (
    /^(?:sh|bash|shell|zsh|console|curl|terminal)$/.test(lang) || /^\s*(?:\$\s*)?curl\b/.test(code.value)
  );
}

// ---------------------------------------------------------------------------------------------------------
// Operations

interface Section {
  heading: Heading;
  title: string;
  nodes: RootContent[];
}

/** Everything one operation section states, gathered before placement (placement needs the method). */
interface OpState {
  op: OperationFragment;
  title: string;
  zone: Zone;
  describing: boolean;
  description: { text: string; line: number }[];
  drafts: FieldDraft[];
  curls: CurlFact[];
  requestLine?: RequestLine & { line: number };
  contentType?: { value: string; line: number };
  requestExample?: { value: unknown; line: number };
}

function readOperation(section: Section, ctx: Ctx): OperationFragment {
  const line = lineOf(section.heading);
  const state: OpState = {
    op: emptyOperation(source(ctx, line)),
    title: section.title,
    zone: { kind: "params" },
    describing: true,
    description: [],
    drafts: [],
    curls: [],
  };
  state.op.title = fact(section.title, source(ctx, line), "prose");
  const nodes = section.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    if (node.type === "paragraph") readParagraph(node, i === 0, state, ctx);
    else if (node.type === "heading") {
      state.describing = false;
      state.zone = labelZone(textOf(node)) ?? state.zone;
    } else if (node.type === "list") {
      const { next } = collectRepeats(nodes, i + 1);
      const drafts = readFieldList(node, nodes.slice(i + 1, next), [], state.zone, ctx);
      if (drafts.length > 0) {
        state.drafts.push(...drafts);
        state.describing = false;
        i = next - 1;
      }
    } else if (node.type === "table") {
      const drafts = readTable(node, state.zone, ctx);
      state.drafts.push(...drafts);
      if (drafts.length > 0) state.describing = false;
    } else if (node.type === "code") {
      state.describing = false;
      readCode(node, state, ctx);
    }
  }
  return finishOperation(state, ctx);
}

function readParagraph(node: Paragraph, first: boolean, state: OpState, ctx: Ctx): void {
  const line = lineOf(node);
  const link = linkOnly(node);
  if (link) {
    // The capture's slug line: the first paragraph, a link whose text is the heading.
    if (!state.op.slug && (first || collapse(link.text) === state.title)) {
      state.op.slug = fact(link.url, source(ctx, line), "prose");
    }
    return;
  }
  const text = collapse(textOf(node).replace(UI_TEXT, " "));
  if (!text) return;
  const returns = readReturns(text);
  const request = readRequestLine(text);
  const contentType = readContentTypeStatement(text);
  const zone = labelZone(text);
  if (returns) {
    state.op.returns ??= fact(returns, source(ctx, line), "prose");
    state.describing = false;
  } else if (NO_PARAMETERS.test(text)) state.describing = false;
  // A request line under the heading, like the slug line, names the operation and does not end its description.
  else if (request) state.requestLine ??= { ...request, line };
  else if (contentType) state.contentType ??= { value: contentType, line };
  else if (zone) {
    state.zone = zone;
    state.describing = false;
  } else if (state.describing) state.description.push({ text, line });
}

function readCode(code: Code, state: OpState, ctx: Ctx): void {
  if (fenceIsOpen(code, ctx)) {
    warn(
      ctx,
      lineOf(code),
      `code block${code.lang ? ` (${code.lang})` : ""} is never closed: the page seems cut off`,
    );
  }
  if (isShellBlock(code)) {
    const curl = readCurlBlock(code, ctx);
    if (curl) state.curls.push(curl);
    return;
  }
  const request = readRequestLine(code.value.split("\n")[0] ?? "");
  if (request && code.value.trim().split("\n").length === 1) {
    state.requestLine ??= { ...request, line: lineOf(code) + 1 };
    return;
  }
  if (!isJsonBlock(code)) return;
  const parsed = readJsonExample(code, ctx);
  if (!parsed.ok) return;
  if (state.zone.kind === "request") state.requestExample ??= { value: parsed.value, line: lineOf(code) };
  else {
    const status = state.zone.kind === "response" ? state.zone.status : "200";
    const response = responseFor(state.op, status, lineOf(code), ctx);
    response.example ??= fact(parsed.value, source(ctx, lineOf(code)), "example");
    response.contentType ??= fact("application/json", source(ctx, lineOf(code)), "example");
  }
}

function responseFor(op: OperationFragment, status: string, line: number, ctx: Ctx): ResponseFragment {
  let response = op.responses.find((r) => r.status === status);
  if (!response) {
    response = { status, fields: [], source: source(ctx, line) };
    op.responses.push(response);
  }
  return response;
}

function requestBodyOf(op: OperationFragment): RequestBodyFragment {
  op.requestBody ??= { fields: [] };
  return op.requestBody;
}

/** Method, path and servers first (placement depends on them), then fields, examples and security. */
function finishOperation(state: OpState, ctx: Ctx): OperationFragment {
  const { op } = state;
  if (state.description.length > 0) {
    const first = state.description[0]?.line ?? op.source.line ?? 1;
    op.description = fact(state.description.map((d) => d.text).join(" "), source(ctx, first), "prose");
  }
  if (state.requestLine) {
    const at = source(ctx, state.requestLine.line);
    op.method = fact(state.requestLine.method, at, "typed");
    op.path = fact(state.requestLine.path, at, "typed");
    if (state.requestLine.server) addServer(op, state.requestLine.server, at, "typed");
  }
  for (const curl of state.curls) applyCurl(op, curl, ctx);
  placeFields(state, ctx);
  if (state.contentType)
    requestBodyOf(op).contentType = fact(
      state.contentType.value,
      source(ctx, state.contentType.line),
      "typed",
    );
  if (state.requestExample) {
    requestBodyOf(op).example = fact(
      state.requestExample.value,
      source(ctx, state.requestExample.line),
      "example",
    );
  }
  return op;
}

function addServer(op: OperationFragment, url: string, at: Source, strength: "typed" | "example"): void {
  if (!op.servers.some((s) => s.value === url)) op.servers.push(fact(url, at, strength));
}

/** Whether parameters without a stated place go in the query: by method if shown, else by the title's verb. */
function readsOnly(state: OpState): boolean {
  const method = state.op.method?.value;
  if (method) return BODYLESS_METHODS.has(method);
  return READ_ONLY_VERBS.has(state.title.split(/\s+/)[0]?.toLowerCase() ?? "");
}

function pathParams(path: string | undefined): Set<string> {
  return new Set([...(path ?? "").matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? ""));
}

/** Places each draft: response fields, path/query/header parameters, or request body fields. */
function placeFields(state: OpState, ctx: Ctx): void {
  const { op } = state;
  const inPath = pathParams(op.path?.value);
  const query = readsOnly(state);
  for (const draft of state.drafts) {
    const { zone, line, ...rest } = draft;
    const fragment: FieldFragment = { ...rest, source: source(ctx, line), strength: "typed" };
    const root = draft.path[0] ?? "";
    if (zone.kind === "response") {
      responseFor(op, zone.status, line, ctx).fields.push(fragment);
      continue;
    }
    const stated = zone.kind === "params" ? zone.location : undefined;
    const location = stated ?? (inPath.has(root) ? "path" : query ? "query" : "body");
    if (location === "body") requestBodyOf(op).fields.push(fragment);
    else
      op.parameters.push({
        ...fragment,
        in: location,
        ...(location === "path" && draft.path.length === 1 ? { required: true } : {}),
      });
  }
}

// ---------------------------------------------------------------------------------------------------------
// curl: method, path, server, security, content type, fields

/** Concrete ids in an example URL ("po_1Nu9", "42", a UUID) stand where the documented path has a parameter. */
function isIdSegment(segment: string): boolean {
  if (/^\{.+\}$/.test(segment) || /^v\d+(?:\.\d+)*$/i.test(segment)) return false;
  return /\d/.test(segment) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(segment);
}

/** The example URL's path as a template: "/v1/payouts/po_123/cancel" -> "/v1/payouts/{id}/cancel". */
function templateFromExample(path: string): string {
  const segments = toPathTemplate(path).split("/");
  const ids = segments.filter(isIdSegment).length;
  return segments
    .map((s, i) => {
      if (!isIdSegment(s)) return s;
      const owner = (segments[i - 1] ?? "").replace(/ies$/, "y").replace(/s$/, "");
      return ids === 1 || !owner ? "{id}" : `{${owner}_id}`;
    })
    .join("/");
}

/** The server is the URL minus the documented path: "https://api.example.com/v2" + "/payouts/{id}". */
function serverFromUrl(url: string, documentedPath: string | undefined): string | undefined {
  const split = splitUrl(url.replace(/[?#].*$/, ""));
  if (!split) return undefined;
  if (!documentedPath) return split.server;
  const urlSegs = split.path.split("/").filter(Boolean);
  const docSegs = documentedPath.split("/").filter(Boolean);
  const offset = urlSegs.length - docSegs.length;
  const matches = offset >= 0 && docSegs.every((s, i) => /^\{.+\}$/.test(s) || s === urlSegs[offset + i]);
  if (!matches) return split.server;
  const prefix = urlSegs.slice(0, offset);
  return prefix.length > 0 ? `${split.server}/${prefix.join("/")}` : split.server;
}

function curlSecurity(curl: CurlCommand): SecurityHint[] {
  const out: SecurityHint[] = [];
  if (curl.user !== undefined) out.push({ type: "http", scheme: "basic" });
  for (const { name, value } of curl.headers) {
    if (/^authorization$/i.test(name)) {
      if (/^bearer\s/i.test(value)) out.push({ type: "http", scheme: "bearer" });
      else if (/^basic\s/i.test(value)) out.push({ type: "http", scheme: "basic" });
      else out.push({ type: "apiKey", in: "header", name });
    } else if (isCredentialHeader(name)) out.push({ type: "apiKey", in: "header", name });
  }
  return out;
}

/** Key/token/auth headers carry credentials; an idempotency key does not. */
function isCredentialHeader(name: string): boolean {
  return /key|token|auth/i.test(name) && !/idempotency/i.test(name);
}

/**
 * "metadata[order_id]" -> metadata (object) > order_id; "expand[]" and "items[0][sku]" make arrays. Each
 * node's schema says only what the name shows: an object or array parent, or nothing for a plain leaf.
 */
function bracketNodes(name: string): { path: string[]; schema?: JsonSchema }[] {
  const parts = name.split("[").map((p) => p.replace(/\]$/, ""));
  const nodes: { path: string[]; schema?: JsonSchema }[] = [];
  parts.forEach((part, i) => {
    if (/^\d*$/.test(part) && i > 0) {
      const parent = nodes[nodes.length - 1];
      if (parent) parent.schema = { type: "array" };
      return;
    }
    const parent = nodes[nodes.length - 1];
    if (parent && !parent.schema) parent.schema = { type: "object" };
    nodes.push({ path: [...(parent?.path ?? []), part] });
  });
  return nodes;
}

/** Percent-decoding that leaves malformed escapes ("100%") as written instead of throwing. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/**
 * Fields a form body or query string shows by example ("-d type=id_number", "-F file=@id.png"), each node
 * once. `leaf` gives what a value says about its field's type (a file upload), if anything.
 */
function exampleFields(
  pairs: string[],
  at: Source,
  leaf: (value: string) => JsonSchema | undefined = () => undefined,
): FieldFragment[] {
  const out = new Map<string, FieldFragment>();
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const name = safeDecode((eq >= 0 ? pair.slice(0, eq) : pair).trim());
    if (!name) continue;
    const nodes = bracketNodes(name);
    const last = nodes[nodes.length - 1];
    if (last && !last.schema) {
      const schema = leaf(eq >= 0 ? pair.slice(eq + 1) : "");
      if (schema) last.schema = schema;
    }
    for (const node of nodes) {
      const key = node.path.join("\u0000");
      const existing = out.get(key);
      if (!existing) out.set(key, { ...node, source: at, strength: "example" });
      else if (node.schema && !existing.schema) existing.schema = node.schema;
    }
  }
  return [...out.values()];
}

/** A URL under a base URL the page states ("Base URL: https://api.example.com/v2"): that base is the server. */
function splitByPageServer(url: string, servers: string[]): { server: string; path: string } | undefined {
  const server = servers.find((s) => url === s || url.startsWith(`${s}/`));
  return server ? { server, path: url.slice(server.length) || "/" } : undefined;
}

function applyCurl(op: OperationFragment, { curl, line }: CurlFact, ctx: Ctx): void {
  const at = source(ctx, line);
  const url = curl.url.replace(/[?#].*$/, "");
  if (curl.method && !op.method) op.method = fact(curl.method, at, "example");
  let server: string | undefined;
  if (op.path) server = serverFromUrl(url, op.path.value);
  else {
    // No documented path: the example URL's path is the path, with its concrete ids made parameters.
    const split = splitByPageServer(url, ctx.pageServers) ?? splitUrl(url);
    if (split) op.path = fact(templateFromExample(split.path), at, "example");
    server = split?.server;
  }
  if (server) addServer(op, server, at, "example");
  for (const hint of curlSecurity(curl)) {
    if (!op.security.some((s) => JSON.stringify(s.value) === JSON.stringify(hint)))
      op.security.push(fact(hint, at, "example"));
  }
  applyCurlHeaders(op, curl, at);
  applyCurlData(op, curl, at, ctx);
  const query = /\?([^#]*)/.exec(curl.url)?.[1];
  if (query) for (const f of exampleFields(query.split("&"), at)) op.parameters.push({ ...f, in: "query" });
}

/** Non-credential headers are header parameters; Content-Type states the body's media type. */
function applyCurlHeaders(op: OperationFragment, curl: CurlCommand, at: Source): void {
  for (const { name, value } of curl.headers) {
    if (/^content-type$/i.test(name)) {
      requestBodyOf(op).contentType ??= fact(
        value.split(";")[0]?.trim().toLowerCase() ?? value,
        at,
        "example",
      );
    } else if (!/^(?:authorization|accept|user-agent)$/i.test(name) && !isCredentialHeader(name)) {
      if (!op.parameters.some((p) => p.in === "header" && p.path[0]?.toLowerCase() === name.toLowerCase())) {
        op.parameters.push({
          path: [name],
          in: "header",
          schema: { type: "string" },
          source: at,
          strength: "example",
        });
      }
    }
  }
}

/** `-d '{…}'` is a JSON body, `-d key=value` a form body (or the query string with -G), `-F` multipart. */
function applyCurlData(op: OperationFragment, curl: CurlCommand, at: Source, ctx: Ctx): void {
  const json = curl.data.filter((d) => /^\s*[{[]/.test(d));
  const pairs = curl.data.filter((d) => !/^\s*[{[]/.test(d)).flatMap((d) => d.split("&"));
  if (curl.get) {
    for (const f of exampleFields(pairs, at)) op.parameters.push({ ...f, in: "query" });
    return;
  }
  if (json.length > 0) {
    const body = requestBodyOf(op);
    body.contentType ??= fact("application/json", at, "example");
    const parsed = parseLenientJson(json[0] ?? "");
    if (parsed.ok) body.example ??= fact(parsed.value, at, "example");
    else
      warn(ctx, at.line ?? 1, `JSON body of the curl command could not be parsed (${parsed.error}): skipped`);
  }
  if (pairs.length > 0) {
    const body = requestBodyOf(op);
    body.contentType ??= fact("application/x-www-form-urlencoded", at, "example");
    body.fields.push(...exampleFields(pairs, at));
  }
  if (curl.form.length > 0) {
    const body = requestBodyOf(op);
    body.contentType ??= fact("multipart/form-data", at, "example");
    const file = (value: string): JsonSchema | undefined =>
      value.startsWith("@") ? { type: "string", format: "binary" } : undefined;
    body.fields.push(...exampleFields(curl.form, at, file));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Sections and page

/**
 * The nodes under each heading of `depth`. Label headings ("### Parameters", even "## Response" in a flat
 * capture) belong to the section they are in. A heading above `depth` (a page title) ends a section. With
 * `own`, any other heading ends it too: then a section holds only what its heading itself introduces, so a
 * "# Shipments API" title does not claim the operations written under it.
 */
function splitSections(
  tree: Root,
  depth: number,
  own = false,
): { intro: RootContent[]; sections: Section[] } {
  const intro: RootContent[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === "heading" && !labelZone(textOf(node))) {
      if (node.depth === depth) {
        current = { heading: node, title: textOf(node), nodes: [] };
        sections.push(current);
        continue;
      }
      if (node.depth < depth || own) current = undefined;
    } else if (node.type === "heading" && node.depth < depth) current = undefined;
    (current ? current.nodes : intro).push(node);
  }
  return { intro, sections };
}

function isFieldItem(item: ListItem): boolean {
  const head = item.children[0];
  if (head?.type !== "paragraph") return false;
  return readStyledHead(head) !== undefined || gluedField(textOf(head)) !== undefined;
}

/** Whether a node is something only an operation has: slug line, field list, Returns line, request, curl. */
function isOperationEvidence(node: RootContent, title: string): boolean {
  if (node.type === "paragraph") {
    const link = linkOnly(node);
    if (link) return collapse(link.text) === title;
    const text = textOf(node);
    return NO_PARAMETERS.test(text) || readReturns(text) !== undefined || readRequestLine(text) !== undefined;
  }
  if (node.type === "list") return node.children.some(isFieldItem);
  if (node.type === "table") return tableColumns(node) !== undefined;
  if (node.type === "code")
    return isShellBlock(node) || readRequestLine(node.value.split("\n")[0] ?? "") !== undefined;
  return false;
}

function isOperationSection(section: Section): boolean {
  if (OBJECT_TITLE.test(section.title)) return false;
  return section.nodes.some((n) => isOperationEvidence(n, section.title));
}

/**
 * The heading depth operations are written at: the one with the most headings that themselves introduce
 * operation content, the shallower on a tie. "# Shipments API" above "## Create a shipment" makes it 2.
 */
function operationDepth(tree: Root): number {
  const depths = [...new Set(tree.children.flatMap((n) => (n.type === "heading" ? [n.depth] : [])))].sort();
  let best = { depth: depths[0] ?? 1, count: 0 };
  for (const depth of depths) {
    const count = splitSections(tree, depth, true).sections.filter(isOperationSection).length;
    if (count > best.count) best = { depth, count };
  }
  return best.depth;
}

function readIntro(intro: RootContent[], page: PageFragment, ctx: Ctx): void {
  for (const node of intro) {
    if (node.type !== "paragraph") continue;
    const server = readServerStatement(textOf(node));
    if (server && !page.servers.some((s) => s.value === server)) {
      page.servers.push(fact(server, source(ctx, lineOf(node)), "typed"));
    }
  }
}

/** A page cut after its last heading, or before the "Returns" line every other operation has. */
function checkTruncation(sections: Section[], ops: OperationFragment[], ctx: Ctx): void {
  const last = sections[sections.length - 1];
  if (last && last.nodes.length === 0 && atPageEnd(last.heading, ctx)) {
    warn(
      ctx,
      lineOf(last.heading),
      `"${last.title}" ends the page with nothing under it: the page seems cut off`,
    );
  }
  const lastOp = ops[ops.length - 1];
  const earlier = ops.slice(0, -1);
  if (lastOp && !lastOp.returns && earlier.length > 0 && earlier.every((o) => o.returns)) {
    const end = ctx.text.trimEnd().split("\n").length;
    warn(
      ctx,
      end,
      `"${lastOp.title?.value ?? "last operation"}" has no "Returns" line, which every other operation on the ` +
        "page has: the page seems cut off",
    );
  }
}

function extract(page: Page): PageFragment {
  const out = emptyPageFragment(page.file, NAME);
  const ctx: Ctx = { file: page.file, text: page.text, warnings: out.warnings, pageServers: [] };
  const tree = parseMarkdown(page.text);
  const depth = operationDepth(tree);
  const { intro, sections } = splitSections(tree, depth);
  const top = tree.children.find((n): n is Heading => n.type === "heading" && n.depth < depth);
  if (top) out.title = textOf(top);
  readIntro(intro, out, ctx);
  ctx.pageServers = out.servers.map((s) => s.value);
  const kept = sections.filter(
    (s, i) => isOperationSection(s) || (i === sections.length - 1 && s.nodes.length === 0),
  );
  out.operations = kept.map((s) => readOperation(s, ctx));
  checkTruncation(kept, out.operations, ctx);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Detection

/**
 * Judged from the markdown structure: headings are required (plain-text captures have none); a heading
 * followed by a link to itself is this capture's signature; glued or typed parameter lists, "Returns"
 * lines and curl blocks add to it.
 */
function detect(page: Page): number {
  if (/^\s*<(?:!doctype|html)/i.test(page.text)) return 0;
  // No line that could open a heading: not worth parsing.
  if (!/^ {0,3}#{1,3}[ \t]/m.test(page.text)) return 0.05;
  const tree = parseMarkdown(page.text);
  const nodes = tree.children;
  const headings = nodes.filter((n): n is Heading => n.type === "heading" && n.depth <= 3);
  // Only "#" headings: a setext underline can appear by accident in plain text.
  const atx = headings.filter((h) => {
    const start = h.position?.start.offset ?? 0;
    return /^\s{0,3}#/.test(page.text.slice(start, start + 4));
  });
  if (atx.length === 0) return 0.05;
  let score = 0.3;
  const selfLinked = nodes.some((n, i) => {
    const next = nodes[i + 1];
    return (
      n.type === "heading" &&
      next !== undefined &&
      collapse(linkOnly(next)?.text ?? "") === textOf(n) &&
      textOf(n) !== ""
    );
  });
  if (selfLinked) score += 0.35;
  const fieldLists = nodes.filter((n) => n.type === "list" && n.children.some(isFieldItem)).length;
  const fieldTables = nodes.filter((n) => n.type === "table" && tableColumns(n) !== undefined).length;
  if (fieldLists + fieldTables > 0) score += 0.25;
  const extras = nodes.some((n) => {
    if (n.type === "code") return isShellBlock(n) || isJsonBlock(n);
    if (n.type !== "paragraph") return false;
    const text = textOf(n);
    return NO_PARAMETERS.test(text) || readReturns(text) !== undefined || readRequestLine(text) !== undefined;
  });
  if (extras) score += 0.15;
  return Math.min(1, Math.round(score * 100) / 100);
}

export const markdownReferenceExtractor: Extractor = { name: NAME, detect, extract };
