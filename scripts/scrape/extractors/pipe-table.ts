// The "pipe-table" extractor: API catalogue pages captured as text, one operation per page. The page
// starts with "METHOD /path" and a few description lines, lists "Servers" as bullets, and documents
// headers, parameters, body and response fields in markdown-like pipe tables whose rows the capture
// broke across lines and whose cells it sometimes lost:
//
//   related_customer_account |
//   String | No |
//   The ID of the Account representing a customer. |
//   options.document |
//   No | ||
//
// Rows are rebuilt from the stream of "|"-terminated cells, anchored on lines that start a row (a field
// name followed by a type or a Required token), and lost cells are put back in their column by content.
import type {
  Diagnostic,
  Extractor,
  FieldFragment,
  JsonSchema,
  OperationFragment,
  Page,
  PageFragment,
  ParameterFragment,
  ParameterLocation,
  ResponseFragment,
  Source,
} from "../fragment.ts";
import { requestMediaType, securityFromCurl } from "../curl-facts.ts";
import { SUCCESS_NOT_SHOWN, emptyOperation, emptyPageFragment, fact } from "../fragment.ts";
import { findJsonEnd, parseLenientJson, stripLineNumbers } from "../lenient-json.ts";
import { returnsHint } from "../returns-prose.ts";
import { readRequestLine, templateQueryParameters } from "../read/request-line.ts";
import { addServer, serverBeforePath, serverOfUrl, serversInLines } from "../read/servers.ts";
import { joinContinuationLines, parseCurl } from "../text.ts";
import { readEnumStatement, withEnum } from "../read/enum.ts";
import { type NamePath, namePath } from "../read/names.ts";
import { plainText, withoutTags } from "../read/plain.ts";
import { readRequired } from "../read/required.ts";
import { classifySection, statusLabel } from "../read/sections.ts";
import { titleAboveSections } from "../read/page-title.ts";
import { parseConstraints, parseTypePhrase } from "../type-phrase.ts";

const EXTRACTOR_NAME = "pipe-table";

// ---------------------------------------------------------------------------------------------------
// Line classification
// ---------------------------------------------------------------------------------------------------

/**
 * A field name as catalogue tables write it: snake/camel case, header names, dotted paths, `x[]`, and
 * brackets that are part of a name (`page[size]`, `line[itemNr].code`): the catalogue prints spec names
 * verbatim and nests only by dots and `[]`.
 */
function fieldNamePath(cell: string): NamePath | undefined {
  return namePath(cell, "name");
}

function isFieldName(cell: string): boolean {
  return fieldNamePath(cell) !== undefined;
}
/** A status cell of a Responses table: "200", "200 OK", "4XX", "default". */
const STATUS_CELL = /^([1-5]\d\d|[1-5]XX|default)\b\s*(\S[^]*)?$/i;
const SEPARATOR_ROW = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const BULLET = /^(?:[-*•+]|\d+[.)])\s+/;
const MARKDOWN_HEADING = /^#{1,6}\s/;
const CURL_LINE = /^(?:\$\s*)?curl\s/;
/** The first line of a JSON example, possibly prefixed by a code viewer's line number. */
const JSON_START = /^\d*\s*(?:[{[]\s*$|\{\s*"|\[\s*[{["\d-])/;
const REQUIRED_TOKEN = /^(yes|no|true|false|required|optional|y|n)$/i;
/** "Servers" alone (bullets follow) or "Servers: https://...". */
const SERVERS_HEADING = /^(?:servers?|base urls?|hosts?)\s*(?::\s*(\S[^]*)?)?$/i;
/**
 * Headings that open a section of this format even when their table was lost (a cut guide page of
 * ReadMe's keeps `Body Params` and its table, not the `Responses` below them).
 */
const SECTION_HEADING =
  /^(?:servers?|base urls?|responses?|parameters|headers|form data|(?:request|response) (?:headers|body|fields|parameters|example|body fields|body parameters)|(?:path|query|header|cookie|body|form) param(?:eter)?s|(?:example|sample) (?:request|response)s?)\s*:?$/i;

function nonBlankAfter(lines: string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && (lines[j] ?? "").trim() === "") j++;
  return j;
}

/** A header row: a pipe row whose next non-blank line is a `|---|---|` separator. */
function isTableHeader(lines: string[], i: number): boolean {
  const t = (lines[i] ?? "").trim();
  // With or without the leading pipe ("Name | Type | Required | Description |"): the separator decides.
  if (t.split("|").length < 3 || SEPARATOR_ROW.test(t)) return false;
  return SEPARATOR_ROW.test((lines[nonBlankAfter(lines, i)] ?? "").trim());
}

function isRequiredToken(cell: string | undefined): boolean {
  return cell !== undefined && REQUIRED_TOKEN.test(cell.trim());
}

function isTypeCell(cell: string | undefined): boolean {
  return cell !== undefined && typeSchema(cell) !== undefined;
}

/** A short line without closing punctuation: a heading of page chrome ("How to start integrating"). */
function isHeadingLike(t: string): boolean {
  return t.length <= 60 && t.split(/\s+/).length <= 8 && /^[A-Z]/.test(t) && !/[.:;,!?)|]$/.test(t);
}

/** Whether a line (of an open row) is really where the table ends: a section, chrome or a code block. */
function endsTable(lines: string[], i: number): boolean {
  const t = (lines[i] ?? "").trim();
  if (BULLET.test(t) || MARKDOWN_HEADING.test(t) || t.startsWith("```")) return true;
  if (SECTION_HEADING.test(t) || CURL_LINE.test(t) || JSON_START.test(t)) return true;
  const next = nonBlankAfter(lines, i);
  if (isTableHeader(lines, next)) return true;
  // A heading-like line that introduces a list, a code block or an example is page text, not a cell.
  const nextText = (lines[next] ?? "").trim();
  const introducesBlock =
    BULLET.test(nextText) ||
    MARKDOWN_HEADING.test(nextText) ||
    nextText.startsWith("```") ||
    CURL_LINE.test(nextText) ||
    JSON_START.test(nextText);
  return isHeadingLike(t) && introducesBlock;
}

// ---------------------------------------------------------------------------------------------------
// Text cleaning
// ---------------------------------------------------------------------------------------------------

/** Plain text: the shared reduction, after the tags some catalogues leave in cells. */
function plain(text: string): string {
  return plainText(withoutTags(text));
}

/** A field name cell without the markup some catalogues put around names. */
function cleanName(cell: string): string {
  return plain(cell).replace(/^\*+|(?<!\*)\*+$/g, "");
}

function typeSchema(cell: string): JsonSchema | undefined {
  const text = plain(cell);
  if (text === "") return undefined;
  // "String (date-time)", "Object (Address)": the word before the parenthesis is the type.
  return parseTypePhrase(text) ?? parseTypePhrase(withoutTrailingParenthesis(text));
}

/** "Object (Address)" -> "Object": from the first "(" to a ")" that ends the text (no regex: n^2 on "((((("). */
function withoutTrailingParenthesis(text: string): string {
  const open = text.indexOf("(");
  const trimmed = text.trimEnd();
  if (open === -1 || !trimmed.endsWith(")") || trimmed.length - 1 <= open) return text;
  return text.slice(0, open).trimEnd();
}

// ---------------------------------------------------------------------------------------------------
// Table rows: rebuilding rows that the capture broke across lines
// ---------------------------------------------------------------------------------------------------

/** What a column holds, read from its header cell. */
type Role = "name" | "type" | "required" | "description" | "status" | "other";

function roleOf(label: string): Role {
  const l = plain(label).toLowerCase();
  if (/^(?:http )?(?:status|code|response code)\b/.test(l)) return "status";
  if (/^(?:name|field|parameter|param|property|attribute|key|header)\b/.test(l)) return "name";
  if (/^(?:type|data type|schema)\b/.test(l)) return "type";
  if (/^(?:required|optional|mandatory)\b/.test(l)) return "required";
  if (/^(?:description|details|notes?|meaning|summary)\b/.test(l)) return "description";
  return "other";
}

interface Table {
  /** The text line right above the header: the section's heading. */
  heading?: { text: string; line: number };
  labels: string[];
  roles: Role[];
  rows: RawRow[];
  /** Index of the first line after the table. */
  end: number;
}

interface RawRow {
  cells: string[];
  /** 1-based line of the row's first line. */
  line: number;
  /** The last cell never got its closing "|" (the row ran into the end of the table or the page). */
  unterminated: boolean;
  /** The row was still open when the page ended. */
  atEndOfPage: boolean;
}

interface OpenRow {
  cells: string[];
  line: number;
  /** Lines of the cell being read, which has not met its closing "|" yet. */
  pending: string[];
}

/** The first cell of the line after `i` (or the rest of the line), to judge whether `i` starts a row. */
function cellAfter(lines: string[], i: number, segments: string[]): string | undefined {
  if (segments.length > 1) return plain(segments[1] ?? "");
  const next = nonBlankAfter(lines, i);
  if (next >= lines.length) return undefined;
  const t = (lines[next] ?? "").trim();
  return plain(t.startsWith("|") ? "" : (t.split("|")[0] ?? ""));
}

/**
 * Whether a pipe line starts a new row. A row starts with its key cell (a field name, or a status in a
 * Responses table). While a row is open, a name-like cell only starts a new row when the cell after it
 * is a type or a Required token, and never when it would fill the open row's Type or Required column,
 * so that "No | ||" stays the Required cell of `options.document`.
 */
function startsRow(
  first: string,
  after: string | undefined,
  roles: Role[],
  row: OpenRow | undefined,
): boolean {
  if (roles[0] === "status") return STATUS_CELL.test(first);
  if (!isFieldName(first)) return false;
  // "String | No |" with no row open is the rest of a row whose name the capture lost: a type is no name.
  if (!row) return !(isTypeCell(first) && after !== undefined && isRequiredToken(after));
  const slot = roles[row.cells.length];
  const fitsSlot =
    row.pending.length === 0 &&
    (slot === "type" || slot === "required") &&
    (isTypeCell(first) || isRequiredToken(first));
  if (fitsSlot) return false;
  return after !== undefined && (after === "" || isTypeCell(after) || isRequiredToken(after));
}

/** `| name | type | ... |`: one cell per column, between a leading and a closing "|", led by a field name. */
function isWholeRow(t: string, roles: Role[]): boolean {
  const cells = t.replace(/^\||\|$/g, "").split("|");
  if (!t.endsWith("|") || cells.length !== roles.length) return false;
  const [first, after] = cells.map(plain);
  return roles[0] === "name" && isFieldName(first ?? "") && startsRow(first ?? "", after, roles, undefined);
}

function closeRow(row: OpenRow, atEndOfPage: boolean): RawRow {
  const cells = [...row.cells];
  const unterminated = row.pending.length > 0;
  if (unterminated) cells.push(plain(row.pending.join(" ")));
  return { cells, line: row.line, unterminated, atEndOfPage };
}

/** Appends text that overflowed a complete row to its last cell. */
function appendToLastCell(row: RawRow | undefined, text: string): void {
  const t = plain(text);
  if (!row || t === "") return;
  const last = row.cells.length - 1;
  row.cells[last] = plain(`${row.cells[last] ?? ""} ${t}`);
}

/**
 * Reads the rows of a table from the line after its separator. Each "|" closes a cell; text without a
 * "|" continues the open cell. A row is complete when it has one cell per column, and ends early when
 * the next row starts. The table ends at text that is not a cell: a heading, a bullet, the next table.
 */
function readRows(
  lines: string[],
  start: number,
  roles: Role[],
  file: string,
  warnings: Diagnostic[],
): { rows: RawRow[]; end: number } {
  const rows: RawRow[] = [];
  let row: OpenRow | undefined;
  let i = start;
  for (; i < lines.length; i++) {
    const t = (lines[i] ?? "").trim();
    if (t === "") continue;
    if (!t.includes("|")) {
      if (!row || endsTable(lines, i)) break;
      row.pending.push(t);
      continue;
    }
    if (isTableHeader(lines, i) || SEPARATOR_ROW.test(t)) break;
    // A leading "|" opens a well-formed row when no row is open, and closes the open cell otherwise;
    // but a whole well-formed row after a row whose cells are all closed is a row of its own (the open
    // one lost a cell: ReadMe's `| string | Grant number | No |`, whose name cell is gone).
    const wholeRow = t.startsWith("|") && row?.pending.length === 0 && isWholeRow(t, roles);
    if (wholeRow && row) {
      rows.push(closeRow(row, false));
      row = undefined;
    }
    const text = !row && t.startsWith("|") ? t.slice(1) : t;
    const segments = text.split("|");
    const remainder = segments.pop() ?? "";
    if (startsRow(plain(segments[0] ?? ""), cellAfter(lines, i, segments), roles, row)) {
      if (row) rows.push(closeRow(row, false));
      row = { cells: [], line: i + 1, pending: [] };
    }
    let completedHere = false;
    for (const segment of segments) {
      if (!row) {
        // Cells after a row completed on this same line belong to it ("No | ||"); others to no row.
        if (completedHere) appendToLastCell(rows[rows.length - 1], segment);
        else if (plain(segment) !== "") {
          warnings.push({
            file,
            line: i + 1,
            message: `table cell "${plain(segment)}" belongs to no row; skipped`,
          });
        }
        continue;
      }
      row.cells.push(plain([...row.pending, segment].join(" ")));
      row.pending = [];
      if (row.cells.length === roles.length) {
        rows.push(closeRow(row, false));
        row = undefined;
        completedHere = true;
      }
    }
    if (remainder.trim() !== "") {
      if (row) row.pending.push(remainder.trim());
      else appendToLastCell(rows[rows.length - 1], remainder);
    }
  }
  if (row) rows.push(closeRow(row, i >= lines.length));
  return { rows, end: i };
}

function readTable(lines: string[], headerIndex: number, file: string, warnings: Diagnostic[]): Table {
  const labels = (lines[headerIndex] ?? "")
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map(plain);
  const roles = labels.map(roleOf);
  const separator = nonBlankAfter(lines, headerIndex);
  const { rows, end } = readRows(lines, separator + 1, roles, file, warnings);
  const table: Table = { labels, roles, rows, end };
  const heading = headingAbove(lines, headerIndex);
  if (heading) table.heading = heading;
  return table;
}

function headingAbove(lines: string[], index: number): { text: string; line: number } | undefined {
  for (let j = index - 1; j >= 0; j--) {
    const t = (lines[j] ?? "").trim();
    if (t === "") continue;
    return t.includes("|") ? undefined : { text: plain(t.replace(/^#+\s*/, "")), line: j + 1 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Rows to cells by column, putting lost cells back
// ---------------------------------------------------------------------------------------------------

interface AssignedRow {
  byRole: Partial<Record<Role, string>>;
  /** Labels of the columns whose cell the row lost. */
  lost: string[];
}

/**
 * Puts each cell under its column. When the capture lost a cell the others slid left: a Required token
 * in the Type column means the type was lost; prose in the Required column means Required was lost.
 * Extra cells belong to the last column (a description that contained a "|").
 */
function assignCells(row: RawRow, roles: Role[], labels: string[]): AssignedRow {
  const cells = [...row.cells];
  const lost: string[] = [];
  const ti = roles.indexOf("type");
  const ri = roles.indexOf("required");
  // A row one cell short that opens with a type and ends with a Required token lost its name cell
  // (ReadMe's guide tables: `| string | Grant number | No |`): the type is no name.
  if (
    roles[0] === "name" &&
    ti === 1 &&
    cells.length === roles.length - 1 &&
    isTypeCell(cells[0]) &&
    isRequiredToken(cells[ri - 1])
  ) {
    cells.unshift("");
    lost.push(labels[0] ?? "Name");
  } else if (ti >= 0 && ri === ti + 1 && isRequiredToken(cells[ti]) && !isRequiredToken(cells[ri])) {
    cells.splice(ti, 0, "");
    lost.push(labels[ti] ?? "Type");
  } else if (ri >= 0 && (cells[ri] ?? "") !== "" && !isRequiredToken(cells[ri]) && !cells[ri + 1]) {
    cells.splice(ri, 0, "");
    lost.push(labels[ri] ?? "Required");
  }
  const last = roles.length - 1;
  if (cells.length > roles.length) {
    cells.splice(last, cells.length - last, plain(cells.slice(last).join(" ")));
  }
  for (let k = cells.length; k < roles.length; k++) lost.push(labels[k] ?? `column ${k + 1}`);
  const byRole: Partial<Record<Role, string>> = {};
  roles.forEach((role, k) => {
    if (byRole[role] === undefined && cells[k] !== undefined) byRole[role] = cells[k];
  });
  return { byRole, lost };
}

/** One warning per damaged row, naming the row, its line and what was lost. */
function warnDamagedRow(
  row: RawRow,
  key: string,
  lost: string[],
  file: string,
  warnings: Diagnostic[],
): void {
  const problems: string[] = [];
  if (lost.length > 0) problems.push(`lost its ${lost.join(", ")} cell${lost.length > 1 ? "s" : ""}`);
  if (row.atEndOfPage) problems.push("is cut off by the end of the page");
  else if (row.unterminated) problems.push("has a last cell without its closing |");
  if (problems.length === 0) return;
  warnings.push({
    file,
    line: row.line,
    message: `table row "${key}" (line ${row.line}) is incomplete: it ${problems.join(" and ")}`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Cells to schema, required and description
// ---------------------------------------------------------------------------------------------------

/** "Default value: "x"", "Defaults to snake.": the value, then what follows it. */
const DEFAULT_PHRASE = /\bDefaults? (?:to|value:?)\s*("[^"]*"|'[^']*'|\S+)/i;

/**
 * A default stated by the description, and the description without it. The value must be quoted or
 * end its sentence, so prose such as "Defaults to the account's currency" states no default.
 */
function takeDefault(description: string, schema: JsonSchema): { description: string; value?: unknown } {
  const m = DEFAULT_PHRASE.exec(description);
  const value = m?.[1] ?? "";
  const after = m ? description.slice(m.index + m[0].length) : "";
  const quoted = /^["']/.test(value);
  const endsSentence = /[.,;]$/.test(value) || after === "" || /^[.,;]|^\s+[A-Z]/.test(after);
  if (!m || !(quoted || endsSentence)) return { description };
  const parsed = parseConstraints(m[0], schema).default;
  const rest = plain(`${description.slice(0, m.index)} ${after.replace(/^[.,;]/, "")}`);
  return parsed === undefined ? { description } : { description: rest, value: parsed };
}

/**
 * Takes "Valid values: a, b, or c." out of a description (the shared enum reader). With no values (the
 * capture lost them), no enum, but the statement is reported.
 */
function takeEnum(description: string): { description: string; values: string[]; listed: boolean } {
  const stated = readEnumStatement(description);
  if (!stated) return { description, values: [], listed: false };
  return { description: plain(`${stated.before} ${stated.after}`), values: stated.values, listed: true };
}

/** The node's own schema: the Type cell, `[]` on the name, "Valid values", defaults and limits. */
function fieldSchema(
  typeCell: string | undefined,
  isArrayName: boolean,
  description: string,
): { schema?: JsonSchema; description: string; emptyEnum: boolean } {
  let schema = typeCell ? typeSchema(typeCell) : undefined;
  // `expand[]` is an array whatever the Type column says; "String" then describes its items.
  if (isArrayName && schema?.type !== "array")
    schema = schema ? { type: "array", items: schema } : { type: "array" };
  const taken = takeEnum(description);
  let text = taken.description;
  if (taken.values.length > 0) schema = withEnum(schema, taken.values);
  const { default: _prose, ...limits } = parseConstraints(text, schema ?? {});
  if (Object.keys(limits).length > 0) schema = { ...(schema ?? {}), ...limits };
  const stated = takeDefault(text, schema ?? {});
  if (stated.value !== undefined) {
    schema = { ...(schema ?? {}), default: stated.value };
    text = stated.description;
  }
  const out: { schema?: JsonSchema; description: string; emptyEnum: boolean } = {
    description: text,
    emptyEnum: taken.listed && taken.values.length === 0,
  };
  if (schema) out.schema = schema;
  return out;
}

/** The Required cell, read by the shared reader once the layout has placed a required token there. */
function requiredOf(cell: string | undefined): boolean | undefined {
  return isRequiredToken(cell) ? readRequired(cell ?? "") : undefined;
}

/** A table row as a field: path from the dotted name, schema, required and description. */
function fieldFromRow(
  table: Table,
  row: RawRow,
  file: string,
  warnings: Diagnostic[],
): FieldFragment | undefined {
  const { byRole, lost } = assignCells(row, table.roles, table.labels);
  const name = cleanName(byRole.name ?? "");
  warnDamagedRow(row, name, lost, file, warnings);
  const named = fieldNamePath(name);
  if (!named) {
    warnings.push({
      file,
      line: row.line,
      message: `table row at line ${row.line} has no field name; skipped`,
    });
    return undefined;
  }
  // `parts[].size` nests under `parts`: the merge places the children of an array field in its items.
  const isArrayName = named.array;
  const typeCell = byRole.type ?? "";
  if (typeCell !== "" && !isTypeCell(typeCell)) {
    warnings.push({
      file,
      line: row.line,
      message: `field "${name}" (line ${row.line}): type "${typeCell}" not recognised`,
    });
  }
  const described = fieldSchema(typeCell, isArrayName, plain(byRole.description ?? ""));
  if (described.emptyEnum) {
    warnings.push({
      file,
      line: row.line,
      message: `field "${name}" (line ${row.line}): its "Valid values" list is empty (lost by the capture)`,
    });
  }
  const field: FieldFragment = {
    path: named.path,
    source: { file, line: row.line },
    strength: "typed",
  };
  if (described.schema) field.schema = described.schema;
  const required = requiredOf(byRole.required);
  if (required !== undefined) field.required = required;
  if (described.description) field.description = described.description;
  if (/^deprecated\b|\(deprecated\)/i.test(described.description)) field.deprecated = true;
  return field;
}

// ---------------------------------------------------------------------------------------------------
// Sections: what a table documents, from its heading
// ---------------------------------------------------------------------------------------------------

type Section =
  | { kind: "parameters"; in: ParameterLocation }
  | { kind: "body" }
  | { kind: "response"; status?: string }
  | { kind: "responses" }
  | { kind: "ignored" };

function classify(table: Table): Section {
  if (table.roles[0] === "status") return { kind: "responses" };
  const h = (table.heading?.text ?? "").toLowerCase();
  if (!table.roles.includes("name")) return { kind: "ignored" };
  if (/\bresponse/.test(h)) {
    if (/\bheaders?\b/.test(h)) return { kind: "ignored" };
    const status = /\b([1-5]\d\d)\b/.exec(h)?.[1];
    return status ? { kind: "response", status } : { kind: "response" };
  }
  if (/\bpath\b/.test(h)) return { kind: "parameters", in: "path" };
  if (/\bquery\b/.test(h)) return { kind: "parameters", in: "query" };
  if (/\bcookies?\b/.test(h)) return { kind: "parameters", in: "cookie" };
  if (/\bheaders?\b/.test(h)) return { kind: "parameters", in: "header" };
  // "Request body fields", "Body parameters", "Parameters": a body; the merge moves a GET's to the query.
  if (/\b(?:body|form|request|parameters|fields|properties|attributes)\b/.test(h)) return { kind: "body" };
  return { kind: "ignored" };
}

// ---------------------------------------------------------------------------------------------------
// The operation being built
// ---------------------------------------------------------------------------------------------------

interface Context {
  file: string;
  page: PageFragment;
  op: OperationFragment;
  /** Responses by status, in page order. */
  responses: Map<string, ResponseFragment>;
  /** Response fields whose heading names no status; placed once the Responses table is known. */
  unplacedResponseFields: { fields: FieldFragment[]; source: Source }[];
}

function responseFor(ctx: Context, status: string, source: Source): ResponseFragment {
  let response = ctx.responses.get(status);
  if (!response) {
    response = { status, fields: [], source };
    ctx.responses.set(status, response);
  }
  return response;
}

function requestBody(ctx: Context): NonNullable<OperationFragment["requestBody"]> {
  ctx.op.requestBody ??= { fields: [] };
  return ctx.op.requestBody;
}

/** A request Content-Type header row states the request media type: its default (or first enum). */
function noteContentType(ctx: Context, param: ParameterFragment): void {
  if (param.path[0]?.toLowerCase() !== "content-type") return;
  const value = param.schema?.default ?? (param.schema?.enum as unknown[] | undefined)?.[0];
  if (typeof value === "string") requestBody(ctx).contentType = fact(value, param.source, "typed");
}

function applyTable(ctx: Context, table: Table): void {
  const section = classify(table);
  const where = table.heading ? `"${table.heading.text}"` : "no heading";
  if (section.kind === "ignored") {
    const line = table.heading?.line ?? table.rows[0]?.line;
    ctx.page.warnings.push({
      file: ctx.file,
      ...(line ? { line } : {}),
      message: `table under ${where} is not one this extractor reads; skipped`,
    });
    return;
  }
  if (section.kind === "responses") {
    for (const row of table.rows) applyResponseRow(ctx, table, row);
    return;
  }
  const fields = table.rows.flatMap((row) => fieldFromRow(table, row, ctx.file, ctx.page.warnings) ?? []);
  // A path parameter whose row lost its name is still a slot of the route: placement must leave room for it.
  const nameless = table.rows.length - fields.length;
  if (section.kind === "parameters" && section.in === "path" && nameless > 0)
    ctx.op.namelessPathParameters = (ctx.op.namelessPathParameters ?? 0) + nameless;
  if (section.kind === "parameters") {
    for (const f of fields) {
      const param: ParameterFragment = { ...f, path: [f.path.join(".")], in: section.in };
      ctx.op.parameters.push(param);
      if (section.in === "header") noteContentType(ctx, param);
    }
  } else if (section.kind === "body") {
    requestBody(ctx).fields.push(...fields);
  } else {
    const source = { file: ctx.file, line: table.heading?.line ?? table.rows[0]?.line ?? 1 };
    if (section.status) responseFor(ctx, section.status, source).fields.push(...fields);
    else ctx.unplacedResponseFields.push({ fields, source });
  }
}

function applyResponseRow(ctx: Context, table: Table, row: RawRow): void {
  const { byRole, lost } = assignCells(row, table.roles, table.labels);
  const m = STATUS_CELL.exec(plain(byRole.status ?? ""));
  warnDamagedRow(row, plain(byRole.status ?? ""), lost, ctx.file, ctx.page.warnings);
  if (!m?.[1]) return;
  const status = /^default$/i.test(m[1]) ? "default" : m[1].toUpperCase();
  const source = { file: ctx.file, line: row.line };
  const response = responseFor(ctx, status, source);
  const description = plain(byRole.description ?? "") || plain(m[2] ?? "");
  if (description) response.description = fact(description, source, "typed");
}

/** The one success status the Responses table lists, else a success whose code the page does not show. */
function unlabelledSuccess(ctx: Context): string {
  const successes = [...ctx.responses.keys()].filter((s) => /^2/.test(s));
  return successes.length === 1 && successes[0] ? successes[0] : SUCCESS_NOT_SHOWN;
}

/**
 * Response fields under a heading without a status belong to the one success response the Responses
 * table lists, or to a success whose code the page does not show when it lists none (or several).
 */
function placeResponseFields(ctx: Context): void {
  const status = unlabelledSuccess(ctx);
  for (const { fields, source } of ctx.unplacedResponseFields)
    responseFor(ctx, status, source).fields.push(...fields);
}

// ---------------------------------------------------------------------------------------------------
// Request line, introduction, servers
// ---------------------------------------------------------------------------------------------------

/** The first line that is `METHOD /path` (or a full URL), where the operation starts. */
function findRequestLine(lines: string[]): number {
  return lines.findIndex((l) => readRequestLine(l) !== undefined);
}

function applyRequestLine(ctx: Context, line: string, lineNo: number): void {
  const request = readRequestLine(line);
  if (!request) return;
  const source = { file: ctx.file, line: lineNo };
  ctx.op.method = fact(request.method, source, "typed");
  if (request.server) addServer(ctx.op.servers, request.server, source, "typed");
  // The catalogue's first line is the spec's path key, trailing slash and all.
  ctx.op.path = fact(request.path, source, "typed");
  ctx.op.parameters.push(...templateQueryParameters(request, source));
}

/** Where the introduction stops: the first section, table, list or example. */
function isIntroEnd(lines: string[], i: number): boolean {
  const t = (lines[i] ?? "").trim();
  return (
    t.includes("|") ||
    SECTION_HEADING.test(t) ||
    SERVERS_HEADING.test(t) ||
    BULLET.test(t) ||
    MARKDOWN_HEADING.test(t) ||
    t.startsWith("```") ||
    CURL_LINE.test(t) ||
    JSON_START.test(t) ||
    isTableHeader(lines, nonBlankAfter(lines, i))
  );
}

/**
 * The description lines after the request line: the first is the summary; each line a paragraph. A page
 * without a request line (a ReadMe guide page) opens with the operation's title, maybe under the
 * navigation the capture took along: the title (titleAboveSections) is the summary and the operation's
 * title, and the navigation above it is no description.
 */
function readIntro(ctx: Context, lines: string[], start: number, titled: boolean): number {
  let end = start;
  while (end < lines.length && !isIntroEnd(lines, end)) end++;
  let intro = lines
    .slice(start, end)
    .map((text, k) => ({ text: plain(text), source: { file: ctx.file, line: start + k + 1 } }))
    .filter((line) => line.text !== "");
  const title = titled ? titleAboveSections(intro) : undefined;
  if (title) {
    intro = intro.slice(intro.indexOf(title));
    ctx.op.title = fact(title.text, title.source, "prose");
  }
  const paragraphs = intro.map((line) => line.text);
  const first = intro[0];
  if (first) {
    const source = first.source;
    ctx.op.summary = fact(first.text, source, "prose");
    ctx.op.description = fact(paragraphs.join("\n\n"), source, "prose");
    const returns = returnsHint(paragraphs.join(" "));
    if (returns) ctx.op.returns = fact(returns, source, "prose");
  }
  return end;
}

/** Skips a "Servers" heading and its URL bullets (serversInLines reads them for the page). */
function skipServers(lines: string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && ((lines[j] ?? "").trim() === "" || BULLET.test((lines[j] ?? "").trim()))) j++;
  return j;
}

// ---------------------------------------------------------------------------------------------------
// Examples: curl commands and JSON bodies
// ---------------------------------------------------------------------------------------------------

function readCurl(ctx: Context, lines: string[], i: number): number {
  const { command, end } = joinContinuationLines(lines, i);
  const curl = parseCurl(command.trim());
  if (!curl) return end + 1;
  const source = { file: ctx.file, line: i + 1 };
  // A URL that does not end with the documented path still shows the API's host.
  const path = ctx.op.path?.value;
  const server = (path ? serverBeforePath(curl.url, path) : undefined) ?? serverOfUrl(curl.url);
  if (server) addServer(ctx.op.servers, server, source, "example");
  for (const hint of securityFromCurl(curl)) ctx.op.security.push(fact(hint, source, "example"));
  const type = requestMediaType(curl);
  if (type && !requestBody(ctx).contentType) requestBody(ctx).contentType = fact(type, source, "example");
  return end + 1;
}

/** A JSON example: parsed leniently, attached to the request or a response by its heading. */
function readJson(ctx: Context, lines: string[], i: number, heading: string | undefined): number {
  const offset = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
  const text = lines.join("\n");
  const bracket = text.slice(offset).search(/[{[]/) + offset;
  const endOffset = findJsonEnd(text, bracket);
  const source = { file: ctx.file, line: i + 1 };
  const raw = text.slice(offset, endOffset < 0 ? text.length : endOffset);
  if (endOffset < 0) {
    ctx.page.warnings.push({
      file: ctx.file,
      line: i + 1,
      message: `JSON example at line ${i + 1} is unterminated (the page is cut off)`,
    });
  }
  const parsed = parseLenientJson(stripLineNumbers(raw));
  const next = endOffset < 0 ? lines.length : i + raw.split("\n").length;
  if (!parsed.ok) {
    ctx.page.warnings.push({
      file: ctx.file,
      line: i + 1,
      message: `JSON example at line ${i + 1} could not be parsed: ${parsed.error}`,
    });
    return next;
  }
  const h = (heading ?? "").toLowerCase();
  if (/\brequest\b/.test(h)) requestBody(ctx).example = fact(parsed.value, source, "example");
  else {
    const status = /\b([1-5]\d\d)\b/.exec(h)?.[1] ?? unlabelledSuccess(ctx);
    responseFor(ctx, status, source).example = fact(parsed.value, source, "example");
  }
  return next;
}

// ---------------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------------

/**
 * A status code alone on a line under a "Responses" heading that has no table (ReadMe's guide pages:
 * "Responses", "201", "Created", "400", "Bad Request"): a response the page shows, and the line after it,
 * when it is no status, its description. Returns the index after what it read, or `i` when `t` is no status.
 */
function readStatusLine(ctx: Context, lines: string[], i: number, t: string): number {
  const status = statusLabel(plain(t), true);
  if (!status) return i;
  const source = { file: ctx.file, line: i + 1 };
  const response = responseFor(ctx, status, source);
  const next = nonBlankAfter(lines, i);
  const description = plain(lines[next] ?? "");
  // Not the next status, section, table or example: an example under the status belongs to it.
  const isText = description !== "" && !statusLabel(description, true) && !isIntroEnd(lines, next);
  if (!isText) return i + 1;
  response.description ??= fact(description, { file: ctx.file, line: next + 1 }, "typed");
  return next + 1;
}

/** Reads the sections after the introduction: tables, servers, examples; other text is a heading. */
function readSections(ctx: Context, lines: string[], start: number): void {
  let heading: string | undefined;
  // Under a "Responses" heading (not a status line read as a heading elsewhere on the page).
  let underResponses = false;
  let i = start;
  while (i < lines.length) {
    const t = (lines[i] ?? "").trim();
    const afterStatus = underResponses ? readStatusLine(ctx, lines, i, t) : i;
    if (afterStatus > i) {
      // The status heads what follows it, as a status line read as a heading did: its JSON example.
      heading = plain(t);
      i = afterStatus;
    } else if (t === "" || t.startsWith("```")) i++;
    else if (isTableHeader(lines, i)) {
      const table = readTable(lines, i, ctx.file, ctx.page.warnings);
      applyTable(ctx, table);
      i = Math.max(table.end, i + 1);
    } else if (SERVERS_HEADING.test(t)) i = skipServers(lines, i);
    else if (CURL_LINE.test(t)) i = readCurl(ctx, lines, i);
    else if (JSON_START.test(t)) i = readJson(ctx, lines, i, heading);
    else {
      if (!t.includes("|") && !BULLET.test(t)) {
        heading = plain(t.replace(/^#+\s*/, ""));
        underResponses = classifySection(heading)?.kind === "response" && !statusLabel(heading, true);
      }
      i++;
    }
  }
}

function extract(page: Page): PageFragment {
  const out = emptyPageFragment(page.file, EXTRACTOR_NAME);
  const lines = page.text.split("\n");
  const requestIndex = findRequestLine(lines);
  const op = emptyOperation({ file: page.file, line: requestIndex >= 0 ? requestIndex + 1 : 1 });
  const ctx: Context = { file: page.file, page: out, op, responses: new Map(), unplacedResponseFields: [] };
  out.servers = serversInLines(lines, page.file);
  if (requestIndex >= 0) applyRequestLine(ctx, lines[requestIndex] ?? "", requestIndex + 1);
  else out.warnings.push({ file: page.file, line: 1, message: "no METHOD /path request line found" });
  // Without a request line (a ReadMe guide page) the merge places the operation by its title.
  const introEnd = readIntro(ctx, lines, requestIndex + 1, requestIndex < 0);
  readSections(ctx, lines, introEnd);
  placeResponseFields(ctx);
  op.responses = [...ctx.responses.values()];
  out.operations.push(op);
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------------

/**
 * Scores the format's marks: a first line `METHOD /path`, a `| Name | Type | ... |` table with its
 * separator, rows broken across lines (lines ending in "|" that do not start with one, which no
 * well-formed table has), and the catalogue's section headings. Markdown headings or HTML halve it.
 */
function detect(page: Page): number {
  const lines = page.text.split("\n");
  const first = lines.find((l) => l.trim() !== "") ?? "";
  let score = readRequestLine(first) ? 0.35 : 0;
  const headers = lines.filter((_, i) => isTableHeader(lines, i));
  const named = headers.some((h) => /(?:^|\|)\s*(?:name|field|parameter|status)\b/i.test(h));
  const broken = lines.filter((l) => /\|\s*$/.test(l) && !l.trim().startsWith("|")).length;
  const tableMarks = (named ? 0.35 : 0) + (broken >= 2 ? 0.25 : broken === 1 ? 0.1 : 0);
  score += tableMarks;
  // Section headings are common words, and a request line first is how many formats open: they only add
  // to the marks of this format's tables.
  if (tableMarks > 0 && lines.some((l) => SECTION_HEADING.test(l.trim()))) score += 0.15;
  if (/^#{1,6}\s/m.test(page.text) || /<(?:html|body|div)\b/i.test(page.text)) score *= 0.5;
  return Math.min(1, score);
}

export const pipeTableExtractor: Extractor = { name: EXTRACTOR_NAME, detect, extract };
