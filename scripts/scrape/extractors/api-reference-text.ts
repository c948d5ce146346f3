// Reads a plain-text capture (copy and paste of the rendered page) of a docs.stripe.com-style API
// reference. Such a page holds several operations in sequence, each laid out as:
//
//   Update a Widget                      <- title, then description paragraphs
//   Parameters                           <- "  • nametype" bullets (name and type glued), indented
//     • colorenum                           descriptions, "Possible enum values", "More parameters",
//       ...                                 "No parameters.", child bullets indented deeper
//   Returns                              <- one prose paragraph: "Returns the updated Widget object"
//   POST /v1/widgets/:id                 <- the request line, then a curl example
//   curl https://api.example.com/v1/widgets/wd_123 \
//   Response                             <- a JSON example, often not valid JSON
//   { ... }
//
// Only those structural keywords are relied on; names, paths and values all come from the page.
import type {
  Diagnostic,
  Extractor,
  FieldFragment,
  HttpMethod,
  JsonSchema,
  OperationFragment,
  Page,
  PageFragment,
  Source,
} from "../fragment.ts";
import { formPairs, isJsonData, requestMediaType, securityFromCurl } from "../curl-facts.ts";
import { SUCCESS_NOT_SHOWN, emptyOperation, emptyPageFragment, fact } from "../fragment.ts";
import { findJsonEnd, isJsonObject, parseLenientJson, stripLineNumbers } from "../lenient-json.ts";
import { joinContinuationLines, parseCurl, type CurlCommand } from "../text.ts";
import { readRequestLine, readTarget, templateQueryParameters } from "../read/request-line.ts";
import { addServer, serverBeforePath } from "../read/servers.ts";
import { returnedObject } from "../returns-prose.ts";
import { getOwn, setOwn } from "../../lib/own.ts";
import { readBadges } from "../read/badges.ts";
import { enumValueLine, withEnum } from "../read/enum.ts";
import { childPath } from "../read/names.ts";
import { isNameFragment } from "../read/field.ts";
import { collapseSpace } from "../read/plain.ts";
import { parseTypePhrase, splitGluedField } from "../type-phrase.ts";

const EXTRACTOR_NAME = "api-reference-text";

// ---------------------------------------------------------------------------------------------------
// Lines and their structural meaning
// ---------------------------------------------------------------------------------------------------

interface Line {
  /** The line with non-breaking spaces made plain (the renderer puts one in "POST\u00a0/v1/..."). */
  text: string;
  trimmed: string;
  /** Leading whitespace width; nesting of parameters is only visible through it. */
  indent: number;
  /** 1-based line number in the page, for sources. */
  number: number;
}

function toLines(text: string): Line[] {
  return text.split("\n").map((raw, i) => {
    const text = raw
      .replace(/\u00a0/g, " ")
      .replace(/\t/g, "    ")
      .trimEnd();
    return { text, trimmed: text.trim(), indent: text.length - text.trimStart().length, number: i + 1 };
  });
}

/** The sections of an operation, in the order the page lays them out. */
type SectionKind = "parameters" | "returns" | "request" | "curl" | "response";

/**
 * Rank of each section in an operation. A section that does not come after the current operation's
 * last one starts the next operation: a second "Parameters" cannot belong to the same operation.
 */
const SECTION_RANK: Record<SectionKind, number> = {
  parameters: 1,
  returns: 2,
  request: 3,
  curl: 3,
  response: 4,
};

/** Section names for messages. */
const SECTION_NAME: Record<SectionKind, string> = {
  parameters: "Parameters section",
  returns: "Returns section",
  request: "request line",
  curl: "curl example",
  response: "Response section",
};

const CURL_LINE = /^\$?\s*curl\s/;
// Bullets as captures render list items; "◦" and "▪" are what nested lists get.
const BULLET = /^[•◦▪‣*-]\s+(\S.*)$/;
// A bullet a capture started on the line that ends the previous description: ". - shelf_" (LAYOUTS.md 1).
const MID_LINE_BULLET = /^([.,;:!?)])\s+-\s+(\S.*)$/;
const MORE_PARAMETERS = /^More parameters$/i;
const NO_PARAMETERS = /^No parameters\.?$/i;
const ENUM_HEADING = /^Possible enum values$/i;
// Toggles of collapsible child lists; their children follow as deeper bullets.
const CHILD_TOGGLE = /^(?:Show|Hide) child (?:parameters|attributes)$/i;

function sectionKind(line: Line): SectionKind | undefined {
  const t = line.trimmed;
  if (t === "Parameters") return "parameters";
  if (t === "Returns") return "returns";
  if (t === "Response") return "response";
  if (readRequestLine(t)) return "request";
  if (CURL_LINE.test(t)) return "curl";
  return undefined;
}

// A line of a JSON example: a bracket, a key, a scalar, an elision, possibly numbered by a viewer.
const JSON_LINE = /^(?:\d+\s?)?\s*(?:["{}[\],:]|-?\d|true\b|false\b|null\b|\.\.\.|…)/;

// ---------------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------------

/**
 * Scores the page from the structure only this capture style has: a standalone "Parameters" heading
 * over indented bullets with a glued name and type (or "No parameters."), "Returns" headings, a request
 * line directly followed by a curl command, a "Response" heading directly followed by JSON. Markup
 * (HTML tags, markdown headings, pipe tables) means another format.
 */
function detect(page: Page): number {
  if (/<(?:html|body|div|section)\b/i.test(page.text)) return 0;
  const lines = toLines(page.text);
  const followedBy = (kind: SectionKind, test: (next: Line, at: number) => boolean): boolean =>
    lines.some((l, i) => {
      const at = sectionKind(l) === kind ? nextNonBlank(lines, i + 1) : -1;
      return at >= 0 && test(lines[at] as Line, at);
    });

  let score = 0;
  const opensList = (next: Line, at: number): boolean =>
    isFieldBullet(lines, at) || NO_PARAMETERS.test(next.trimmed);
  if (followedBy("parameters", opensList)) score += 0.5;
  else if (lines.some((l) => sectionKind(l) === "parameters")) score += 0.15;
  if (lines.some((l) => sectionKind(l) === "returns")) score += 0.1;
  if (followedBy("request", (next) => CURL_LINE.test(next.trimmed))) score += 0.2;
  if (followedBy("response", (next) => /^[{[]/.test(next.trimmed))) score += 0.1;
  if (lines.some((l) => MORE_PARAMETERS.test(l.trimmed) || ENUM_HEADING.test(l.trimmed))) score += 0.1;

  const markdownHeadings = lines.filter((l) => /^#{1,6}\s/.test(l.text)).length;
  const pipeRows = lines.filter((l) => /^\|.*\|$/.test(l.trimmed)).length;
  if (markdownHeadings > 0 || pipeRows >= 2) score *= 0.3;
  return Math.min(1, Math.round(score * 100) / 100);
}

/** The index of the first non-blank line from `from`, or -1. */
function nextNonBlank(lines: Line[], from: number): number {
  for (let i = from; i < lines.length; i++) if ((lines[i] as Line).trimmed !== "") return i;
  return -1;
}

/**
 * An indented bullet whose text is a glued name and type with at most flags after it, or a bullet whose
 * name the capture broke over two lines with the type on the second (the newer shape). A navigation item
 * such as "PATCHUpdate a session" splits too, but leaves words behind.
 */
function isFieldBullet(lines: Line[], i: number): boolean {
  const line = lines[i] as Line;
  const text = BULLET.exec(line.trimmed)?.[1];
  if (text === undefined) return false;
  const head = bulletHeadText(lines, i, text);
  if (head.last > i) return parseBulletHead(head.text)?.schema !== undefined;
  const glued = line.indent > 0 ? splitGluedField(text) : undefined;
  return (
    glued !== undefined &&
    /^(?:|required|optional|deprecated|nullable|[<>].*|defaults?\b.*)$/i.test(glued.rest)
  );
}

// ---------------------------------------------------------------------------------------------------
// Parameters section
// ---------------------------------------------------------------------------------------------------

interface BulletHead {
  name: string;
  schema?: JsonSchema;
  required?: boolean;
  deprecated?: boolean;
  /** Text after the type and flags on the same line (newer captures put the description there). */
  description?: string;
}

const FIELD_NAME = /^[A-Za-z_$][\w$.-]*(?:\[\])?$/;
// "propertiesany", "valueanyRequired": a field of any type. Read only here, where every bullet names a type:
// elsewhere a word ending in "any" ("Company") is no field.
const GLUED_ANY = /^([A-Za-z_$][\w$.-]*?)any((?:Required|Optional|Deprecated)?)$/;

/**
 * Reads a bullet's first line: "metadataobject", "namestringRequired", or, when a capture kept the
 * space, "metadata object". Words after the type say whether the field is required or deprecated and
 * may carry constraints ("<=255 characters"); what follows them is the description.
 */
function parseBulletHead(text: string): BulletHead | undefined {
  const glued = splitGluedField(text);
  if (glued) return withFlags({ name: glued.name, schema: glued.schema }, glued.rest);
  const words = text.trim().split(/\s+/);
  const first = words[0] ?? "";
  const any = GLUED_ANY.exec(first);
  if (any?.[1]) return withFlags({ name: any[1], schema: {} }, [any[2], ...words.slice(1)].join(" "));
  if (!FIELD_NAME.test(first)) return undefined;
  // The longest run of words after the name that reads as a type phrase ("list of strings or null").
  for (let k = words.length; k > 1; k--) {
    const schema = parseTypePhrase(words.slice(1, k).join(" "));
    if (schema) return withFlags({ name: first, schema }, words.slice(k).join(" "));
  }
  return words.length === 1 ? { name: first } : undefined;
}

function withFlags(head: BulletHead, rest: string): BulletHead {
  const badges = readBadges(rest, head.schema);
  const out: BulletHead = { name: head.name };
  if (badges.schema && (Object.keys(badges.schema).length > 0 || head.schema)) out.schema = badges.schema;
  if (badges.required !== undefined) out.required = badges.required;
  if (badges.deprecated) out.deprecated = true;
  const description = badges.rest.trim();
  if (description) out.description = description;
  return out;
}

/**
 * A bullet's head text, joined with the next line where a newer capture broke it (LAYOUTS.md family 1):
 * a name broken at "_" or "." ("- size_" / "mmintegerRequired Size in mm."), or a whole name whose type
 * starts the next line ("- expand" / "array of strings"). Returns the text and the last line it used.
 */
function bulletHeadText(lines: Line[], i: number, text: string): { text: string; last: number } {
  const next = lines[i + 1];
  const alone = { text, last: i };
  if (!next || next.trimmed === "" || BULLET.test(next.trimmed) || sectionKind(next)) return alone;
  const head = text.trim();
  if (isNameFragment(head) && /^[\w$]/.test(next.trimmed)) return { text: head + next.trimmed, last: i + 1 };
  if (FIELD_NAME.test(head)) {
    const joined = parseBulletHead(head + next.trimmed);
    if (joined?.name === head && joined.schema) return { text: head + next.trimmed, last: i + 1 };
  }
  return alone;
}

/** A field being read: its bullet, then its description and enum lines until the next bullet. */
interface FieldDraft {
  head: BulletHead;
  path: string[];
  line: number;
  description: string[];
  /** Set once "Possible enum values" is seen: the values listed after it. */
  enumValues?: string[];
  enumLine?: number;
}

interface ParametersSection {
  fields: FieldFragment[];
  end: number;
}

/**
 * Reads a Parameters section starting at its heading, up to the next section heading or, when the
 * bullets are indented, the next unindented line (the following operation's title).
 */
function readParameters(
  lines: Line[],
  start: number,
  file: string,
  warnings: Diagnostic[],
): ParametersSection {
  const fields: FieldFragment[] = [];
  const stack: { indent: number; path: string[] }[] = [];
  let current: FieldDraft | undefined;
  let minBulletIndent: number | undefined;
  const close = (): void => {
    if (current) fields.push(finishField(current, file, warnings));
    current = undefined;
  };

  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const t = line.trimmed;
    if (t === "") continue;
    if (sectionKind(line)) break;
    const midLine = MID_LINE_BULLET.exec(t);
    if (midLine?.[1] && current) {
      const last = current.description.length - 1;
      if (last >= 0) current.description[last] += midLine[1];
    }
    const bullet = midLine ? [t, midLine[2]] : BULLET.exec(t);
    if (bullet?.[1] !== undefined) {
      close();
      const head = bulletHeadText(lines, i, bullet[1]);
      current = startField(head.text, line, stack, file, warnings);
      minBulletIndent = Math.min(minBulletIndent ?? line.indent, line.indent);
      i = head.last;
      continue;
    }
    if (MORE_PARAMETERS.test(t) || NO_PARAMETERS.test(t)) {
      close();
      stack.length = 0;
      continue;
    }
    if (CHILD_TOGGLE.test(t)) continue;
    if (ENUM_HEADING.test(t)) {
      if (current) Object.assign(current, { enumValues: [], enumLine: line.number });
      continue;
    }
    if (line.indent === 0 && (minBulletIndent === undefined || minBulletIndent > 0)) break;
    if (current) addFieldText(current, t);
  }
  close();
  return { fields, end: i };
}

/** Text under a bullet: its description, or after "Possible enum values" the values. */
function addFieldText(draft: FieldDraft, text: string): void {
  // Each enum value is followed by a sentence describing it; only the values go into the schema.
  if (draft.enumValues) {
    const value = enumValueLine(text);
    if (value !== undefined) draft.enumValues.push(value);
  } else draft.description.push(text);
}

function startField(
  text: string,
  line: Line,
  stack: { indent: number; path: string[] }[],
  file: string,
  warnings: Diagnostic[],
): FieldDraft | undefined {
  const head = parseBulletHead(text);
  if (!head) {
    warnings.push({ file, line: line.number, message: `parameter bullet "${text}" has no readable name` });
    return undefined;
  }
  // Bullets indented deeper than an earlier one are its children.
  while (stack.length > 0 && (stack[stack.length - 1] as { indent: number }).indent >= line.indent)
    stack.pop();
  const parent = stack[stack.length - 1]?.path ?? [];
  const path = childPath(parent, head.name);
  stack.push({ indent: line.indent, path });
  return { head, path, line: line.number, description: head.description ? [head.description] : [] };
}

function finishField(draft: FieldDraft, file: string, warnings: Diagnostic[]): FieldFragment {
  const { head } = draft;
  let schema = head.schema ? structuredClone(head.schema) : undefined;
  if (draft.enumValues && draft.enumValues.length > 0) schema = withEnum(schema, draft.enumValues);
  else if (draft.enumValues) {
    warnings.push({
      file,
      line: draft.enumLine ?? draft.line,
      message: `"Possible enum values" of ${draft.path.join(".")} lists no values (cut off in the capture)`,
    });
  }
  const field: FieldFragment = { path: draft.path, source: { file, line: draft.line }, strength: "typed" };
  if (schema) field.schema = schema;
  if (head.required !== undefined) field.required = head.required;
  if (head.deprecated) field.deprecated = true;
  const description = collapseSpace(draft.description.join(" "));
  if (description) field.description = description;
  return field;
}

// ---------------------------------------------------------------------------------------------------
// Returns, request line, curl and response sections
// ---------------------------------------------------------------------------------------------------

/** The paragraph under "Returns": consecutive non-blank lines after the heading. */
function readParagraphAfter(lines: Line[], start: number): { text: string; line: number; end: number } {
  let i = start + 1;
  while (i < lines.length && (lines[i] as Line).trimmed === "") i++;
  const first = i;
  const parts: string[] = [];
  while (i < lines.length && (lines[i] as Line).trimmed !== "" && !sectionKind(lines[i] as Line)) {
    parts.push((lines[i] as Line).trimmed);
    i++;
  }
  return { text: collapseSpace(parts.join(" ")), line: lines[first]?.number ?? start + 1, end: i };
}

interface CurlExample {
  command: CurlCommand;
  line: number;
  end: number;
}

/** Joins a curl command over its continuation lines; warns when the page ends mid-command. */
function readCurl(
  lines: Line[],
  start: number,
  file: string,
  warnings: Diagnostic[],
): CurlExample | undefined {
  const joined = joinContinuationLines(
    lines.slice(start).map((l) => l.text),
    0,
  );
  const { command } = joined;
  const end = start + joined.end;
  const line = (lines[start] as Line).number;
  // Cut off when the last line of the command still announces a continuation and nothing follows.
  const last = lines
    .slice(start, end + 1)
    .filter((l) => l.trimmed !== "")
    .pop();
  const nothingAfter = lines.slice(end + 1).every((l) => l.trimmed === "");
  if (nothingAfter && /\\$/.test(last?.trimmed ?? "")) {
    warnings.push({ file, line, message: "curl example cut off: the page ends on a continuation line" });
  }
  const parsed = parseCurl(command.trim());
  if (!parsed) {
    warnings.push({ file, line, message: "curl example has no URL and was skipped" });
    return undefined;
  }
  return { command: parsed, line, end: end + 1 };
}

interface JsonExample {
  value?: unknown;
  line: number;
  end: number;
}

/**
 * Reads the JSON example under "Response", if the next non-blank line opens one. A page that ends
 * inside the example keeps what it holds (repaired leniently) with a warning.
 */
function readResponseJson(lines: Line[], start: number, file: string, warnings: Diagnostic[]): JsonExample {
  const headingLine = (lines[start] as Line).number;
  let i = start + 1;
  while (i < lines.length && (lines[i] as Line).trimmed === "") i++;
  const first = lines[i];
  if (!first || !/^(?:\d+\s?)?[{[]/.test(first.trimmed)) {
    if (!first)
      warnings.push({ file, line: headingLine, message: "Response section cut off: no JSON example" });
    return { line: headingLine, end: i };
  }
  const block = jsonBlock(lines, i);
  if (!block.closed) {
    warnings.push({
      file,
      line: first.number,
      message: block.atPageEnd
        ? "unterminated JSON response example: the page ends inside it; the part before the cut is kept"
        : "JSON response example has unbalanced brackets",
    });
  }
  const parsed = parseLenientJson(block.text);
  if (!parsed.ok) {
    warnings.push({
      file,
      line: first.number,
      message: `JSON response example could not be parsed and was skipped: ${parsed.error}`,
    });
    return { line: first.number, end: block.end };
  }
  return { value: parsed.value, line: first.number, end: block.end };
}

/**
 * The text of a JSON example starting at line `start`. The block is the run of JSON-looking lines, so
 * that a malformed example never swallows the operations after it; the value ends where its brackets
 * close, and `end` is the index of the line after it.
 */
function jsonBlock(
  lines: Line[],
  start: number,
): { text: string; end: number; closed: boolean; atPageEnd: boolean } {
  let end = start;
  while (end < lines.length && isJsonOrBlank(lines[end] as Line)) end++;
  const atPageEnd = end === lines.length;
  while (end > start && (lines[end - 1] as Line).trimmed === "") end--;
  const block = stripLineNumbers(
    lines
      .slice(start, end)
      .map((l) => l.text)
      .join("\n"),
  );
  const close = findJsonEnd(block, block.search(/[{[]/));
  if (close >= 0) {
    const text = block.slice(0, close);
    return { text, end: start + text.split("\n").length, closed: true, atPageEnd: false };
  }
  // When the page does not end with a newline, the cut went through the last line, which may hold
  // half a value ("tr" for true): it is dropped.
  const cutMidLine = atPageEnd && (lines[lines.length - 1] as Line).trimmed !== "";
  const text = cutMidLine ? block.split("\n").slice(0, -1).join("\n") : block;
  return { text, end, closed: false, atPageEnd };
}

function isJsonOrBlank(line: Line): boolean {
  return line.trimmed === "" || JSON_LINE.test(line.trimmed);
}

// ---------------------------------------------------------------------------------------------------
// Operation assembly
// ---------------------------------------------------------------------------------------------------

/** Everything read for one operation, before it is turned into an OperationFragment. */
interface OperationDraft {
  /** Free text read before the first section: the title and description paragraphs. */
  preamble: Line[];
  firstSectionLine: number;
  rank: number;
  /** The last section read, to say where a page that stops after it was cut. */
  lastSection?: SectionKind;
  fields: FieldFragment[];
  returns?: { text: string; line: number };
  request?: { method: HttpMethod; target: string; line: number };
  curl?: CurlExample;
  response?: JsonExample & { headingLine: number };
}

/** Paragraphs: runs of consecutive non-blank lines. */
function paragraphs(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  let previous: number | undefined;
  for (const line of lines) {
    const adjacent = previous !== undefined && line.number === previous + 1;
    if (line.trimmed === "" || !adjacent) {
      if (current.length > 0) out.push(current);
      current = [];
    }
    if (line.trimmed !== "") current.push(line);
    previous = line.number;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Plain prose at the left margin: not a bullet, not code, not indented list content. */
function isProse(p: Line[]): boolean {
  const first = p[0];
  if (!first || first.indent > 0) return false;
  const t = first.trimmed;
  // Brackets, a quoted key or a viewer's line number before one of those: the rest of a JSON example.
  const json = /^(?:\d+\s?)?(?:[{}[\]]|"[^"]*"\s*:)/.test(t);
  return !BULLET.test(t) && !json && !/^\$/.test(t);
}

/** A heading: one short line that does not end like a sentence. */
function isTitleLike(p: Line[]): boolean {
  const t = p[0]?.trimmed ?? "";
  return (
    p.length === 1 &&
    t.length <= 120 &&
    /^[\p{L}\d]/u.test(t) &&
    !/[.:;,!?]$/.test(t) &&
    t.split(/\s+/).length <= 12
  );
}

/**
 * Finds the title and description in the free text before an operation's first section. Only the
 * trailing run of prose paragraphs counts (an object's attribute list or JSON before it does not).
 * Between operations the title is the first heading-like paragraph. Before the first operation page
 * chrome may come first ("API Reference"), so there the last heading-like paragraph that is followed by
 * a sentence wins.
 */
function titleAndDescription(
  preamble: Line[],
  firstOnPage: boolean,
): { title?: Line; description: string; descriptionLine?: number } {
  const paras = paragraphs(preamble);
  let startOfProse = paras.length;
  while (startOfProse > 0 && isProse(paras[startOfProse - 1] as Line[])) startOfProse--;
  const prose = paras.slice(startOfProse);
  const titleIndexes = prose.map((p, i) => (isTitleLike(p) ? i : -1)).filter((i) => i >= 0);
  const isSentence = (p: Line[] | undefined): boolean => /[.!?:]$/.test(p?.[p.length - 1]?.trimmed ?? "");
  let index = titleIndexes[0];
  if (firstOnPage) {
    const beforeSentence = titleIndexes.filter((i) => isSentence(prose[i + 1]));
    index = beforeSentence[beforeSentence.length - 1] ?? index;
  }
  if (index === undefined) return { description: "" };
  const rest = prose.slice(index + 1);
  const description = collapseSpace(rest.map((p) => p.map((l) => l.trimmed).join(" ")).join(" "));
  return { title: prose[index]?.[0], description, descriptionLine: rest[0]?.[0]?.number };
}

// Methods whose documented parameters travel in the query string.
const QUERY_METHODS = new Set<HttpMethod>(["get", "delete", "head", "options"]);

function buildOperation(
  draft: OperationDraft,
  firstOnPage: boolean,
  file: string,
  warnings: Diagnostic[],
): OperationFragment | undefined {
  const { title, description, descriptionLine } = titleAndDescription(draft.preamble, firstOnPage);
  // Newer captures have no title and may be cut before the request line: fields alone still make an
  // operation, which the merge places by REST convention or keeps as unplaced.
  if (!title && !draft.request && draft.fields.length === 0) {
    warnings.push({
      file,
      line: draft.firstSectionLine,
      message: "sections without a title or request line were skipped",
    });
    return undefined;
  }
  const src = (line: number): Source => ({ file, line });
  const op = emptyOperation(src(title?.number ?? draft.firstSectionLine));
  if (title) op.title = fact(title.trimmed, src(title.number), "prose");
  if (description) op.description = fact(description, src(descriptionLine ?? op.source.line ?? 1), "prose");

  const path = applyRequestLine(op, draft, file, warnings);
  const method = op.method?.value ?? draft.curl?.command.method;
  if (!draft.request) {
    const where = title ? `"${title.trimmed}"` : "operation";
    warnings.push({
      file,
      line: op.source.line,
      message: `${where} has no request line: method and path unknown`,
    });
  }
  placeFields(op, draft.fields, method, draft.curl?.command);
  if (draft.curl) applyCurl(op, draft.curl, path, method, file, warnings);
  applyReturnsAndResponse(op, draft, file);
  return op;
}

/** Method and path from "POST /v1/widgets/:id"; a full URL there also states the server. */
function applyRequestLine(
  op: OperationFragment,
  draft: OperationDraft,
  file: string,
  warnings: Diagnostic[],
): string | undefined {
  const request = draft.request;
  if (!request) return undefined;
  const source = { file, line: request.line };
  op.method = fact(request.method, source, "typed");
  const target = readTarget(request.target);
  const path = target.path;
  op.path = fact(path, source, "typed");
  if (target.server) addServer(op.servers, target.server, source, "typed");
  op.parameters.push(...templateQueryParameters(target, source));
  const curlMethod = draft.curl?.command.method;
  if (draft.curl && curlMethod !== request.method) {
    warnings.push({
      file,
      line: draft.curl.line,
      message: `curl example sends ${String(curlMethod).toUpperCase()} but the request line says ${request.method.toUpperCase()}`,
    });
  }
  return path;
}

/**
 * Documented parameters are query parameters for GET/DELETE and body fields otherwise, unless the curl
 * example sends its data in the query string (`curl -X POST -G ...`): then they are query parameters too.
 */
function placeFields(
  op: OperationFragment,
  fields: FieldFragment[],
  method: HttpMethod | undefined,
  curl: CurlCommand | undefined,
): void {
  if (fields.length === 0) return;
  if ((method && QUERY_METHODS.has(method)) || curl?.get)
    op.parameters.push(...fields.map((f) => ({ ...f, in: "query" as const })));
  else op.requestBody = { fields: [...fields] };
}

/** Security, servers, media type and data from the curl example, all with strength "example". */
function applyCurl(
  op: OperationFragment,
  curl: CurlExample,
  path: string | undefined,
  method: HttpMethod | undefined,
  file: string,
  warnings: Diagnostic[],
): void {
  const source = { file, line: curl.line };
  const { command } = curl;
  for (const hint of securityFromCurl(command)) op.security.push(fact(hint, source, "example"));
  if (path) {
    const server = serverBeforePath(command.url, path);
    if (server) addServer(op.servers, server, source, "example");
    else
      warnings.push({
        file,
        line: curl.line,
        message: `curl URL ${command.url} does not match the path ${path}`,
      });
  }
  const data = readCurlData(command, file, curl.line, warnings);
  if (!data) return;
  const toQuery = command.get || (method !== undefined && QUERY_METHODS.has(method));
  const documented = new Set([...op.parameters, ...(op.requestBody?.fields ?? [])].map((f) => f.path[0]));
  const extra = Object.entries(data.value)
    .filter(([name]) => !documented.has(name))
    .map(([name, value]): FieldFragment => {
      const field: FieldFragment = { path: [name], source, strength: "example" };
      if (data.json) field.schema = schemaOfValue(value);
      return field;
    });
  if (toQuery) {
    op.parameters.push(...extra.map((f) => ({ ...f, in: "query" as const })));
    return;
  }
  const body = op.requestBody ?? { fields: [] };
  body.fields.push(...extra);
  const contentType = requestMediaType(command);
  if (contentType) body.contentType = fact(contentType, source, "example");
  body.example = fact(data.value, source, "example");
  op.requestBody = body;
}

interface CurlData {
  /** The data is a JSON document, so its values have JSON types. */
  json: boolean;
  value: Record<string, unknown>;
}

/** What the curl command sends: `-d '{...}'` is a JSON body, `-d key=value` pairs a form, `-F` a multipart form. */
function readCurlData(
  command: CurlCommand,
  file: string,
  line: number,
  warnings: Diagnostic[],
): CurlData | undefined {
  const json = command.data.find(isJsonData);
  if (json !== undefined) {
    const parsed = parseLenientJson(json);
    if (!parsed.ok) {
      warnings.push({ file, line, message: `curl JSON body could not be parsed: ${parsed.error}` });
      return undefined;
    }
    return { json: true, value: isJsonObject(parsed.value) ? parsed.value : {} };
  }
  if (command.form.length > 0) return { json: false, value: formObject(command.form) };
  if (command.data.length > 0) return { json: false, value: formObject(command.data) };
  return undefined;
}

/** `a=1`, `meta[k]=v`, `tags[]=x` pairs as the object the server receives. */
function formObject(pairs: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, value } of formPairs(pairs.flatMap((p) => p.split("&")))) {
    if (name === "" || value === undefined) continue;
    setDeep(out, name.match(/[^[\]]+|\[\]/g) ?? [], value);
  }
  return out;
}

// Own properties only: a name such as "__proto__[polluted]" is page text, and must not reach a prototype.
function setDeep(target: Record<string, unknown>, keys: string[], value: string): void {
  const [key, ...rest] = keys;
  if (key === undefined || key === "[]") return;
  const current = getOwn(target, key);
  if (rest.length === 0) setOwn(target, key, value);
  else if (rest[0] === "[]") {
    const list = Array.isArray(current) ? (current as unknown[]) : [];
    list.push(value);
    setOwn(target, key, list);
  } else {
    const child = isJsonObject(current) ? current : {};
    setDeep(child, rest, value);
    setOwn(target, key, child);
  }
}

/** The type a JSON example value shows. */
function schemaOfValue(value: unknown): JsonSchema {
  if (value === null) return { type: "null" };
  if (Array.isArray(value)) return { type: "array" };
  if (typeof value === "number") return { type: Number.isInteger(value) ? "integer" : "number" };
  return { type: typeof value === "object" ? "object" : typeof value };
}

/** The Returns prose names the result and describes the success response (its code not shown), which carries the JSON example. */
function applyReturnsAndResponse(op: OperationFragment, draft: OperationDraft, file: string): void {
  const { returns, response } = draft;
  if (returns?.text) {
    const hint = returnedObject(returns.text);
    if (hint) op.returns = fact(hint, { file, line: returns.line }, "prose");
  }
  if (!returns?.text && !response) return;
  const source = { file, line: response?.headingLine ?? returns?.line };
  const out: OperationFragment["responses"][number] = { status: SUCCESS_NOT_SHOWN, fields: [], source };
  if (returns?.text) out.description = fact(returns.text, { file, line: returns.line }, "prose");
  if (response?.value !== undefined) {
    const exampleSource = { file, line: response.line };
    out.contentType = fact("application/json", exampleSource, "example");
    out.example = fact(response.value, exampleSource, "example");
  }
  op.responses.push(out);
}

// ---------------------------------------------------------------------------------------------------
// The page walk
// ---------------------------------------------------------------------------------------------------

/**
 * Walks the page once. Lines outside sections collect as free text; a section that cannot follow the
 * current operation's sections starts a new operation, whose title and description are that free text.
 */
function readDrafts(
  lines: Line[],
  file: string,
  warnings: Diagnostic[],
): { drafts: OperationDraft[]; trailing: Line[] } {
  const drafts: OperationDraft[] = [];
  let current: OperationDraft | undefined;
  let free: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const kind = sectionKind(line);
    if (!kind) {
      free.push(line);
      i++;
      continue;
    }
    if (!current || startsOperation(kind, current)) {
      current = { preamble: free, firstSectionLine: line.number, rank: 0, fields: [] };
      drafts.push(current);
    }
    free = [];
    current.rank = SECTION_RANK[kind];
    i = readSection(kind, lines, i, current, file, warnings);
  }
  return { drafts, trailing: free };
}

/**
 * Whether a section starts the next operation: it cannot follow the current one's last section. A curl
 * command is the exception after a request line, even with lines between them (a language selector).
 */
function startsOperation(kind: SectionKind, current: OperationDraft): boolean {
  if (kind === "curl" && current.lastSection === "request") return false;
  return SECTION_RANK[kind] <= current.rank;
}

/** Reads one section into the draft and returns the index of the first line after it. */
function readSection(
  kind: SectionKind,
  lines: Line[],
  i: number,
  draft: OperationDraft,
  file: string,
  warnings: Diagnostic[],
): number {
  const line = lines[i] as Line;
  draft.lastSection = kind;
  switch (kind) {
    case "parameters": {
      const section = readParameters(lines, i, file, warnings);
      draft.fields.push(...section.fields);
      return section.end;
    }
    case "returns": {
      const paragraph = readParagraphAfter(lines, i);
      draft.returns = { text: paragraph.text, line: paragraph.line };
      return paragraph.end;
    }
    case "request": {
      const request = readRequestLine(line.trimmed);
      if (request) draft.request = { method: request.method, target: request.target, line: line.number };
      return i + 1;
    }
    case "curl": {
      const curl = readCurl(lines, i, file, warnings);
      if (curl) draft.curl = curl;
      return curl?.end ?? i + 1;
    }
    case "response": {
      const json = readResponseJson(lines, i, file, warnings);
      draft.response = { ...json, headingLine: line.number };
      return Math.max(json.end, i + 1);
    }
  }
}

function extract(page: Page): PageFragment {
  const out = emptyPageFragment(page.file, EXTRACTOR_NAME);
  const lines = toLines(page.text);
  const { drafts, trailing } = readDrafts(lines, page.file, out.warnings);
  let op: OperationFragment | undefined;
  drafts.forEach((draft, index) => {
    op = buildOperation(draft, index === 0, page.file, out.warnings);
    if (op) out.operations.push(op);
  });
  const last = drafts[drafts.length - 1];
  if (last) warnIfCutAfter(last, trailing, op, page.file, out.warnings);
  return out;
}

/**
 * Every operation of this layout ends with its Response example. When the page stops right after an
 * earlier section of its last operation (nothing follows, not even page chrome), the capture was cut.
 */
function warnIfCutAfter(
  draft: OperationDraft,
  trailing: Line[],
  op: OperationFragment | undefined,
  file: string,
  warnings: Diagnostic[],
): void {
  if (draft.lastSection === "response" || trailing.some((l) => l.trimmed !== "")) return;
  const name = op?.title ? `"${op.title.value}"` : "the last operation";
  const section = draft.lastSection ? SECTION_NAME[draft.lastSection] : "title";
  warnings.push({
    file,
    line: draft.firstSectionLine,
    message: `page cut off: ${name} ends after its ${section}, before a Response example`,
  });
}

export const apiReferenceTextExtractor: Extractor = { name: EXTRACTOR_NAME, detect, extract };
