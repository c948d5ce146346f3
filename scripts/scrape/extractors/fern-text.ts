// Plain-text captures of Fern-built API reference pages. A capture reads, top to bottom:
// - the sidebar, nested "  • Section" bullets, with the API's operations glued to their method
//   ("      • GETList sessions", "      • DELRedact session data");
// - a breadcrumb ("API ReferenceSessions"), the operation's title, then METHOD, the full URL, METHOD again
//   and the path;
// - the code panel: a curl command ("$curl ..." with "> " continuation lines) and a JSON response whose
//   lines carry the code viewer's numbers ("1{", "2 \"id\": ...");
// - the description, then page furniture ("Was this page helpful?", Previous/Next with the neighbouring
//   pages' titles, "Built with");
// - sections, each heading on a line by itself (Authentication, Path parameters, Query parameters, Headers,
//   Request, Response, Errors), of field lines where name, type, Optional/Required and constraints are run
//   together ("external_refstringOptional<=255 characters"), each followed by its description.
// Nested properties appear indented under their parent or after an expanded "Hide N properties" toggle.
import type {
  Extractor,
  FieldFragment,
  HttpMethod,
  JsonSchema,
  OperationFragment,
  Page,
  PageFragment,
  ParameterLocation,
  ResponseFragment,
  SecurityHint,
  Source,
} from "../fragment.ts";
import { isJsonData, requestMediaType, securityFromCurl } from "../curl-facts.ts";
import { SUCCESS_NOT_SHOWN, emptyOperation, emptyPageFragment, fact } from "../fragment.ts";
import { findJsonEnd, parseLenientJson, stripLineNumbers } from "../lenient-json.ts";
import type { CurlCommand } from "../text.ts";
import { joinContinuationLines, parseCurl } from "../text.ts";
import {
  parseMethod,
  readSplitRequestLine,
  readTarget,
  templateDeclaredParameters,
} from "../read/request-line.ts";
import { addServer, serverBeforePath, serverOfUrl } from "../read/servers.ts";
import { readBadges } from "../read/badges.ts";
import { enumValueLine, withEnum } from "../read/enum.ts";
import { collapseSpace } from "../read/plain.ts";
import { classifySection } from "../read/sections.ts";
import { type GluedField, splitGluedField } from "../type-phrase.ts";

const NAME = "fern";

// ---------------------------------------------------------------------------------------------------
// Line shapes
// ---------------------------------------------------------------------------------------------------

/**
 * Fern's section headings, each alone on its line. Which lines are headings is Fern's vocabulary; what a
 * heading holds is the shared reading of section words (read/sections.ts).
 */
const FERN_HEADINGS = new Set([
  "Authentication",
  "Path parameters",
  "Query parameters",
  "Headers",
  "Request",
  "Response headers",
  "Response",
  "Errors",
]);
type SectionKind = "auth" | "path" | "query" | "header" | "request" | "response" | "errors" | "ignore";

/** The role of a Fern heading line, or undefined when the line is no heading. */
function sectionKindOf(heading: string): SectionKind | undefined {
  if (!FERN_HEADINGS.has(heading)) return undefined;
  const info = classifySection(heading);
  switch (info?.kind) {
    case "header":
      return info.auth ? "auth" : "header";
    case "path":
    case "query":
    case "response":
    case "errors":
    case "ignore":
      return info.kind;
    case "params":
    case "body":
      return "request";
    default:
      return undefined;
  }
}

interface SectionRange {
  kind: SectionKind;
  heading: string;
  /** Index of the heading line; the section's lines are start+1 .. end-1. */
  start: number;
  end: number;
}

const SIDEBAR_ENTRY = /^\s*[•*-]\s*(GET|POST|PUT|PATCH|DELETE|DEL|HEAD|OPTIONS)\s?(\S.*)$/;
const NUMBERED_JSON_START = /^\s*1\s*[{[]\s*$/;
const BARE_JSON_START = /^\s*[{[]\s*$/;
const CURL_START = /^\s*\$?\s?curl\b/;
/** A success status the example panel shows ("201", "201 Created", glued "201Created"). */
const SUCCESS_STATUS = /^(2\d\d)\s*([A-Z][A-Za-z ]*)?$/;
const ERROR_STATUS = /^([1-5]\d\d|[1-5]XX|default)$/;

/** Page furniture that ends the description: after it come the neighbours' titles, never prose. */
const CHROME_END = /^(Was this page helpful\?|Previous|Next|Built with)$/;
/** Buttons and labels that may sit anywhere in the capture and say nothing about the API. */
const CHROME_SKIP = /^(Yes|No|Try it|Copy|Copy page|On this page|Edit this page)$/;

/** Expanded or collapsed children: "Hide 3 properties", "Show 5 enum values", "Show 2 variants". */
const TOGGLE = /^(Show|Hide)\s+(\d+)\s+(propert(?:y|ies)|enum values?|variants?)$/i;
const ALLOWED_VALUES = /^Allowed values:?\s*(\S[^]*)?$/;
/** An enum value as Fern lists them, one code chip per line. */
/** Authentication entries for HTTP schemes: "AuthorizationBearer", "AuthorizationBasic". */
const HTTP_AUTH_LINE = /^Authorization\s*(Bearer|Basic)$/i;

function trimmed(lines: string[], i: number): string {
  return (lines[i] ?? "").trim();
}

function nextNonEmpty(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (trimmed(lines, i) !== "") return i;
  return -1;
}

function previousNonEmpty(lines: string[], from: number): number {
  for (let i = from; i >= 0; i--) if (trimmed(lines, i) !== "") return i;
  return -1;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)?.[0].replace(/\t/g, "  ").length ?? 0;
}

/** The line where the method badge (upper case) stands alone, followed by the full URL or the path. */
function findRequestLine(lines: string[]): number {
  return lines.findIndex((l, i) => /^[A-Z]+$/.test(l.trim()) && readSplitRequestLine(lines, i) !== undefined);
}

/** A glued Fern field line: "widget_idstringRequired", "extrasmap from strings to anyOptional". */
const GLUED_FIELD =
  /^[A-Za-z_][\w.-]*?(?:string|integer|double|long|boolean|enum|object|datetime|date|uuid|any|list of [a-z]+|map from [a-z]+ to [a-z]+)(?: or null)?(?:Required|Optional)/;

/**
 * Lines of page furniture: the markers themselves and the neighbouring page titles after Previous/Next,
 * which may well read "Authentication" or "Errors" and must not open a section.
 */
function chromeLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((_, i) => {
    const text = trimmed(lines, i);
    if (!CHROME_END.test(text)) return;
    out.add(i);
    if (text !== "Previous" && text !== "Next") return;
    const title = nextNonEmpty(lines, i + 1);
    if (title !== -1 && !CHROME_END.test(trimmed(lines, title))) out.add(title);
  });
  return out;
}

/** How far below its heading a section's first field may sit (after "This endpoint expects an object."). */
const FIRST_FIELD_WITHIN = 3;

/** How many of Fern's section headings are followed, within a few lines, by a glued field line. */
function sectionsOpenedByFields(lines: string[]): number {
  return sectionRanges(lines, chromeLines(lines)).filter((section) => {
    let seen = 0;
    for (let i = section.start + 1; i < section.end && seen < FIRST_FIELD_WITHIN; i++) {
      const text = trimmed(lines, i);
      if (text === "") continue;
      if (readFieldLine(text)) return true;
      // "Request", then "path Parameters" (Redoc, whose tag may be "Authentication"): a heading of another
      // layout opens the section, not Fern's own field lines.
      if (classifySection(text) !== undefined) return false;
      seen++;
    }
    return false;
  }).length;
}

function sectionRanges(lines: string[], chrome: Set<number>): SectionRange[] {
  const starts: { kind: SectionKind; heading: string; start: number }[] = [];
  lines.forEach((line, i) => {
    const heading = line.trim();
    const kind = sectionKindOf(heading);
    if (chrome.has(i) || !kind) return;
    starts.push({ kind, heading, start: i });
  });
  return starts.map((s, k) => ({ ...s, end: starts[k + 1]?.start ?? lines.length }));
}

// ---------------------------------------------------------------------------------------------------
// Field lines
// ---------------------------------------------------------------------------------------------------

interface FieldLine {
  name: string;
  schema: JsonSchema;
  required?: boolean;
  deprecated: boolean;
}

/**
 * Reads what follows the type ("Optional<=255 characters", "RequiredDeprecated", "OptionalDefaults to 3",
 * "Requiredformat: \"email\"") with the shared badge reader. Returns undefined when something else follows:
 * then the line is prose.
 */
function readTail(rest: string, base: JsonSchema): Omit<FieldLine, "name"> | undefined {
  // "searchstringOptionalDefaults to ": an empty string default leaves the badge with nothing after it.
  const emptyDefault = EMPTY_DEFAULT.exec(rest);
  const badges = readBadges(emptyDefault ? rest.slice(0, emptyDefault.index) : rest, base);
  if (badges.rest !== "" || badges.example) return undefined;
  const schema = emptyDefault ? { ...(badges.schema ?? base), default: "" } : (badges.schema ?? base);
  const deprecated = badges.deprecated === true;
  return badges.required === undefined
    ? { schema, deprecated }
    : { schema, required: badges.required, deprecated };
}

const EMPTY_DEFAULT = /Defaults to\s*$/;

/**
 * A field line: a name and a type run together, then only Optional/Required, Deprecated, bounds, a
 * default or a format.
 */
function readFieldLine(text: string): FieldLine | undefined {
  return splitFieldName(text, (name, glued) => {
    const tail = readTail(glued.rest, glued.schema ?? {});
    return tail ? { name, ...tail } : undefined;
  });
}

/**
 * Splits a glued field line at the name and hands each split to `read` until it accepts one. The shortest
 * name before a type word is not always the name: in "profileIdstringRequired" the type "file" follows
 * "pro", and "updateTimedatetime" holds "date" after "up". When `read` refuses what follows that type, the
 * name goes on: the split is tried again past it, a bounded number of times. A name ending in "_", "-" or
 * "." is an enum value that merely ends in a type word ("by_date").
 */
function splitFieldName(
  text: string,
  read: (name: string, glued: GluedField) => FieldLine | undefined,
): FieldLine | undefined {
  const line = text.trim();
  const bracketed = BRACKETED_NAME.exec(line)?.[0];
  if (bracketed) {
    // "page[size]integerOptional": the shared splitter's names stop at "["; the type follows the "]".
    const field = splitFieldName(`x${line.slice(bracketed.length)}`, read);
    return field?.name === "x" ? { ...field, name: bracketed } : undefined;
  }
  let nameStart = 0;
  for (let attempt = 0; attempt < MAX_NAME_SPLITS; attempt++) {
    const glued = splitGluedField(line.slice(nameStart)) ?? splitGluedAny(line.slice(nameStart));
    if (!glued?.schema) return undefined;
    const name = line.slice(0, nameStart) + glued.name;
    const field = /[_.-]$/.test(name) ? undefined : read(name, glued);
    if (field) return field;
    nameStart = name.length + 1;
  }
  return undefined;
}

/** A query name in brackets glued to its type: "filter[since]", "page[size]". */
const BRACKETED_NAME = /^[A-Za-z_$][\w$.-]*(?:\[[\w$.-]*\])+(?=[a-z])/;

/** Split points one field line tries: a name holds a type word a few times at most ("updateDateTime"). */
const MAX_NAME_SPLITS = 4;

/**
 * Fern's `any` ("parentSandboxanyOptional", "metadataany"), which the shared splitter leaves out because
 * so many words end in "any". Read only when no other type splits the line, and followed by what follows a
 * type on a Fern field line (Required/Optional, "or null", a bound); with nothing after it (response fields),
 * only when the name is camelCase or snake_case: "company" alone is a word.
 */
const GLUED_ANY =
  /^([A-Za-z_$][\w$.-]*?)any((?: or null)?(?:Required|Optional|Deprecated|[<>=]|format:|Defaults)[^]*)?$/;

function splitGluedAny(text: string): ReturnType<typeof splitGluedField> {
  const t = text.trim();
  const m = GLUED_ANY.exec(t);
  // With nothing after it, only a name that cannot be a word ("parentSandbox", "raw_data") reads as one.
  if (!m?.[1] || (m[2] === undefined && !/^[a-z$][\w$.-]*(?:[A-Z_]|\d)/.test(m[1]))) return undefined;
  const rest = (m[2] ?? "").trim();
  const orNull = rest.startsWith("or null");
  return {
    name: m[1],
    typePhrase: orNull ? "any or null" : "any",
    schema: {},
    rest: orNull ? rest.slice("or null".length).trim() : rest,
  };
}

/** The last line of a cut page may stop inside "Optional"/"Required": still a field, minus that word. */
function readCutFieldLine(text: string): FieldLine | undefined {
  return splitFieldName(text, (name, glued) => {
    const cut =
      glued.rest !== "" && ["Optional", "Required", "Deprecated"].some((w) => w.startsWith(glued.rest));
    return cut && glued.schema ? { name, schema: glued.schema, deprecated: false } : undefined;
  });
}

/** One entry of a section: a field, or an HTTP scheme in Authentication. */
interface Entry extends FieldLine {
  /** 0-based index of the entry's line. */
  line: number;
  indent: number;
  scheme?: "bearer" | "basic";
  description: string[];
  enumValues: string[];
  /** Children an expanded "Hide N properties" toggle announces. */
  announced?: { count: number; line: number };
}

interface SectionBody {
  /** Lines before the first entry ("This endpoint expects an object.", "Updated session."). */
  intro: { line: number; text: string }[];
  entries: Entry[];
}

/** An entry with its place in the tree of properties. */
interface PlacedEntry {
  entry: Entry;
  path: string[];
}

// ---------------------------------------------------------------------------------------------------
// The extractor
// ---------------------------------------------------------------------------------------------------

export const fernTextExtractor: Extractor = {
  name: NAME,

  detect(page: Page): number {
    if (/^\s*</.test(page.text)) return 0;
    const lines = page.text.split("\n");
    let score = 0;
    const sections = new Set(lines.map((l) => l.trim()).filter((l) => sectionKindOf(l) !== undefined));
    // Fern's headings opening on glued field lines, also with a single parameter or only response fields
    // ("Response" / "idstring"): what shows a main-content capture, which has no method badge.
    const opened = sectionsOpenedByFields(lines);
    if (findRequestLine(lines) !== -1) score += 0.4;
    else if (opened >= 1 || lines.filter((l) => GLUED_FIELD.test(l.trim())).length >= 2) score += 0.3;
    if (lines.some((l) => /^\s*\$\s?curl\b/.test(l))) score += 0.15;
    if (lines.some((l) => NUMBERED_JSON_START.test(l))) score += 0.15;
    if (sections.size >= 3 || (sections.size >= 2 && opened >= 1)) score += 0.2;
    if (lines.some((l) => SIDEBAR_ENTRY.test(l) && /•/.test(l))) score += 0.15;
    if (lines.some((l) => l.trim() === "Was this page helpful?")) score += 0.05;
    return Math.min(1, score);
  },

  extract(page: Page): PageFragment {
    return new FernReader(page).read();
  },
};

/** Reads one page; holds the lines, the fragment being built and the state shared by the steps. */
class FernReader {
  private readonly lines: string[];
  private readonly out: PageFragment;
  private readonly chrome: Set<number>;
  private readonly sections: SectionRange[];
  /** The 2xx response, once an example or the Response section creates it. */
  private success: ResponseFragment | undefined;
  /** Whether the page's last line was read as a description or intro (a cut there stops mid-sentence). */
  private lastLineIsProse = false;

  constructor(private readonly page: Page) {
    this.lines = page.text.split("\n");
    this.out = emptyPageFragment(page.file, NAME);
    this.chrome = chromeLines(this.lines);
    this.sections = sectionRanges(this.lines, this.chrome);
  }

  private src(index: number): Source {
    return { file: this.page.file, line: index + 1 };
  }

  private warn(index: number, message: string): void {
    this.out.warnings.push({ file: this.page.file, line: index + 1, message });
  }

  private text(index: number): string {
    return trimmed(this.lines, index);
  }

  read(): PageFragment {
    this.readSidebar();
    const request = findRequestLine(this.lines);
    const fields = this.sections.some((s) => s.end > s.start + 1);
    if (request === -1 && !fields) {
      // Only the sidebar (or less) made it into the capture.
      const last = Math.max(0, previousNonEmpty(this.lines, this.lines.length - 1));
      this.warn(
        last,
        "no operation (a method badge followed by its URL) on the page: it may be cut off before it",
      );
      return this.out;
    }
    // A main-content capture has the sections without the method badge and URL: an operation to place.
    const firstLine = request === -1 ? nextNonEmpty(this.lines, 0) : request;
    const op = emptyOperation(this.src(firstLine));
    const headingEnd = request === -1 ? this.readMainContentTitle(op) : this.readHeading(op, request);
    const firstSection = this.sections.find((s) => s.start > headingEnd)?.start ?? this.lines.length;
    this.readPanel(op, headingEnd + 1, firstSection);
    for (const section of this.sections) {
      if (section.start > headingEnd) this.readSection(op, section);
    }
    this.templatePathParameters(op);
    this.checkCutOff(op, request);
    this.out.operations.push(op);
    if (op.title) this.out.title = op.title.value;
    return this.out;
  }

  /** Sidebar entries ("      • PATCHUpdate a session") are the API's operations, this one included. */
  private readSidebar(): void {
    this.lines.forEach((line, i) => {
      const m = SIDEBAR_ENTRY.exec(line);
      const method = m?.[1] ? parseMethod(m[1]) : undefined;
      if (m?.[2] && method)
        this.out.listedOperations.push({ method, title: m[2].trim(), source: this.src(i) });
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Heading: title, METHOD, full URL, METHOD, path
  // -------------------------------------------------------------------------------------------------

  /**
   * The title of a capture without the method badge: the last line of its first paragraph, when that is
   * not a section. A capture that took the site's navigation along has it glued above the title, one
   * entry a line, with no blank line between; the description is a paragraph of its own below.
   */
  private readMainContentTitle(op: OperationFragment): number {
    const first = nextNonEmpty(this.lines, 0);
    const firstSection = this.sections[0]?.start ?? this.lines.length;
    if (first === -1 || first >= firstSection) return first;
    let title = first;
    while (title + 1 < firstSection && this.text(title + 1) !== "") title++;
    op.title = fact(this.text(title), this.src(title), "prose");
    return title;
  }

  /** Reads the title above the method badge and the endpoint below it; returns its last line. */
  private readHeading(op: OperationFragment, request: number): number {
    op.method = fact(parseMethod(this.text(request)) as HttpMethod, this.src(request), "typed");
    const titleLine = previousNonEmpty(this.lines, request - 1);
    if (titleLine !== -1 && !SIDEBAR_ENTRY.test(this.lines[titleLine] ?? ""))
      op.title = fact(this.text(titleLine), this.src(titleLine), "prose");

    let last = nextNonEmpty(this.lines, request + 1);
    const urlLine = /^https?:\/\//i.test(this.text(last)) ? last : -1;
    let pathLine = urlLine === -1 ? last : -1;
    if (urlLine !== -1) {
      // Fern repeats the badge before the bare path, whole on one line (also the root "/"); without it
      // the URL's own path is the path.
      const again = nextNonEmpty(this.lines, urlLine + 1);
      const repeated = again === -1 ? -1 : nextNonEmpty(this.lines, again + 1);
      // A path on the page's last line may be cut ("/ownership/unins"): the whole URL above shows it.
      const lastLine = previousNonEmpty(this.lines, this.lines.length - 1);
      if (parseMethod(this.text(again)) && this.text(repeated).startsWith("/") && repeated !== lastLine) {
        pathLine = repeated;
        last = repeated;
      }
    }
    this.readEndpoint(op, urlLine, pathLine);
    return last;
  }

  /** The path template, and the server: the full URL minus the path's suffix. */
  private readEndpoint(op: OperationFragment, urlLine: number, pathLine: number): void {
    const url = urlLine === -1 ? "" : this.text(urlLine);
    const shown = pathLine !== -1 ? this.text(pathLine) : url;
    // Fern prints the API's own path key; its trailing "/" stays, as the request-line reader keeps it.
    const path = readTarget(shown).path;
    op.path = fact(path, this.src(pathLine !== -1 ? pathLine : urlLine), "typed");
    if (!url) return;
    const server = serverBeforePath(url, path) ?? readTarget(url).server;
    if (server) addServer(op.servers, server, this.src(urlLine), "typed");
  }

  // -------------------------------------------------------------------------------------------------
  // The code panel and the description, between the heading and the first section
  // -------------------------------------------------------------------------------------------------

  /**
   * Reads the curl command, the JSON example and a success status wherever they sit in the panel, and
   * takes the remaining lines up to the page furniture as the description.
   */
  private readPanel(op: OperationFragment, from: number, to: number): void {
    const description: number[] = [];
    let furniture = false;
    for (let i = from; i < to; i++) {
      const line = this.lines[i] ?? "";
      const text = line.trim();
      if (CURL_START.test(line)) i = this.readCurl(op, i);
      else if (NUMBERED_JSON_START.test(line)) i = this.readNumberedJson(i, to);
      else if (BARE_JSON_START.test(line)) i = this.readBareJson(i, to);
      else if (SUCCESS_STATUS.test(text)) this.stateSuccessStatus(text, i);
      else if (CHROME_END.test(text) || this.chrome.has(i)) furniture = true;
      else if (!furniture && text !== "" && !CHROME_SKIP.test(text)) description.push(i);
    }
    this.readDescription(op, description);
  }

  /** Paragraphs of the description, joined into one plain line. */
  private readDescription(op: OperationFragment, lineIndexes: number[]): void {
    const first = lineIndexes[0];
    if (first === undefined) return;
    const text = collapseSpace(lineIndexes.map((i) => this.text(i)).join(" "));
    op.description = fact(text, this.src(first), "prose");
  }

  /** Reads a curl command; returns the index of its last line. */
  private readCurl(op: OperationFragment, start: number): number {
    const { command, end } = joinContinuationLines(this.lines, start);
    const curl = parseCurl(command);
    if (!curl) return end;
    const source = this.src(start);
    // -u, an Authorization header, a credential header (an Idempotency-Key is none): the shared reading.
    for (const hint of securityFromCurl(curl)) op.security.push(fact(hint, source, "example"));
    this.readCurlBody(op, curl, source, end);
    // The URL in the panel shows the server when the heading did not (a page with only the bare path).
    if (op.servers.length === 0 && op.path) {
      const server = serverBeforePath(curl.url, op.path.value) ?? serverOfUrl(curl.url);
      if (server) addServer(op.servers, server, source, "example");
    }
    if (/\\\s*$/.test(this.lines[end] ?? "") && nextNonEmpty(this.lines, end + 1) === -1)
      this.warn(end, "the curl example stops at a line continuation: the page may be cut off");
    return end;
  }

  /**
   * The media type the example sends (a Content-Type header, else what -d or -F implies) and a JSON body
   * as the request example.
   */
  private readCurlBody(op: OperationFragment, curl: CurlCommand, source: Source, end: number): void {
    const mediaType = requestMediaType(curl);
    const data = curl.get ? undefined : curl.data.find(isJsonData);
    if (mediaType) {
      op.requestBody ??= { fields: [] };
      op.requestBody.contentType ??= fact(mediaType, source, "example");
    }
    if (data === undefined) return;
    if (findJsonEnd(data, data.search(/[{[]/)) === -1)
      this.warn(end, "the curl request body stops before its JSON closes: the page may be cut off");
    const parsed = parseLenientJson(data);
    // "-d '{}'" is Fern's placeholder for a body it has no example of: not an example.
    if (parsed.ok && isNonEmpty(parsed.value)) {
      op.requestBody ??= { fields: [] };
      op.requestBody.example = fact(parsed.value, source, "example");
    } else if (!parsed.ok) {
      this.warn(end, `the curl request body is not JSON even after repair (${parsed.error}); skipped`);
    }
  }

  /** Lines "1{", "2 \"id\": ..." while the numbering runs on; returns the index of the last one. */
  private readNumberedJson(start: number, to: number): number {
    let i = start;
    for (let expected = 1; i < to; i++, expected++) {
      const m = /^\s*(\d+)/.exec(this.lines[i] ?? "");
      if (!m || Number(m[1]) !== expected) break;
    }
    const text = stripLineNumbers(this.lines.slice(start, i).join("\n"));
    this.takeJsonExample(text, start, i - 1);
    return i - 1;
  }

  /** An unnumbered JSON example: from "{" to its closing bracket, or to the first section. */
  private readBareJson(start: number, to: number): number {
    const text = this.lines.slice(start, to).join("\n");
    const end = findJsonEnd(text, text.search(/[{[]/));
    const last =
      end === -1 ? previousNonEmpty(this.lines, to - 1) : start + text.slice(0, end).split("\n").length - 1;
    this.takeJsonExample(this.lines.slice(start, last + 1).join("\n"), start, last);
    return last;
  }

  /** Parses the panel's JSON as the success response's example, warning when it is cut or broken. */
  private takeJsonExample(text: string, start: number, last: number): void {
    if (this.success?.example) return; // A second block is another status's example: not ours to place.
    if (findJsonEnd(text, text.search(/[{[]/)) === -1)
      this.warn(last, "the JSON example stops before it closes: the page may be cut off");
    const parsed = parseLenientJson(text);
    if (!parsed.ok) {
      this.warn(start, `the JSON example is not JSON even after repair (${parsed.error}); skipped`);
      return;
    }
    this.successResponse(start).example = fact(parsed.value, this.src(start), "example");
  }

  /** A "201 Created" in the panel or the Response section names the success status. */
  private stateSuccessStatus(text: string, index: number): void {
    const status = SUCCESS_STATUS.exec(text)?.[1];
    if (!status) return;
    this.successResponse(index).status = status;
  }

  private successResponse(index: number): ResponseFragment {
    this.success ??= { status: SUCCESS_NOT_SHOWN, fields: [], source: this.src(index) };
    return this.success;
  }

  // -------------------------------------------------------------------------------------------------
  // Sections
  // -------------------------------------------------------------------------------------------------

  private readSection(op: OperationFragment, section: SectionRange): void {
    // "Response headers" describe what the response sends back, no field of a body or request.
    if (section.kind === "ignore") return;
    if (section.kind === "errors") return this.readErrors(op, section);
    const body = this.readSectionBody(section);
    switch (section.kind) {
      case "auth":
        return this.readAuthentication(body);
      case "path":
      case "query":
      case "header":
        return this.readParameters(op, section, body);
      case "request":
        return this.readRequest(op, section, body);
      case "response":
        return this.readResponse(section, body);
    }
  }

  /**
   * Splits a section into its intro and its entries. After an entry's line come its description, an
   * "Allowed values:" list and toggles, in any order, until the next entry.
   */
  private readSectionBody(section: SectionRange): SectionBody {
    const body: SectionBody = { intro: [], entries: [] };
    const lastLine = previousNonEmpty(this.lines, this.lines.length - 1);
    let inEnum = false;
    for (let i = section.start + 1; i < section.end; i++) {
      const text = this.text(i);
      if (text === "") continue;
      const current = body.entries[body.entries.length - 1];
      const broken = this.readBrokenName(section, i, lastLine, current);
      if (broken) {
        body.entries.push(broken);
        inEnum = false;
        i = broken.line;
        continue;
      }
      const entry = this.readEntry(section, i, i === lastLine);
      if (entry) {
        body.entries.push(entry);
        inEnum = false;
      } else if (!current) {
        body.intro.push({ line: i, text });
        if (i === lastLine) this.lastLineIsProse = true;
      } else if (TOGGLE.test(text)) {
        inEnum = this.applyToggle(current, text, i);
      } else if (ALLOWED_VALUES.test(text)) {
        const inline = ALLOWED_VALUES.exec(text)?.[1] ?? "";
        current.enumValues.push(...inline.split(/(?<!\s)\s*,\s*/).filter((v) => v !== ""));
        inEnum = true;
      } else if (inEnum && enumValueLine(text) !== undefined) {
        current.enumValues.push(enumValueLine(text) ?? text);
      } else {
        inEnum = false;
        current.description.push(text);
        if (i === lastLine) this.lastLineIsProse = true;
      }
    }
    return body;
  }

  /**
   * A field whose name the capture broke after "_" or "." ("refresh_" then "urlstringOptional"): the
   * fragment line ends in the separator and, joined to the next line, reads as a field line. The entry
   * keeps the fragment's indentation and takes the second line's index as its own. A one-word line ending
   * in "." right under a field line is that field's description ("onlineOnlybooleanOptional" /
   * "Deprecated."), not a name broken at "."; a sentence never ends in "_".
   */
  private readBrokenName(
    section: SectionRange,
    index: number,
    lastLine: number,
    current: Entry | undefined,
  ): Entry | undefined {
    const head = this.text(index);
    if (!/^[A-Za-z_$][\w$-]*(?:\.[\w$-]+)*[_.]$/.test(head)) return undefined;
    const describes =
      current?.description.length === 0 && previousNonEmpty(this.lines, index - 1) === current.line;
    if (head.endsWith(".") && describes) return undefined;
    const next = nextNonEmpty(this.lines, index + 1);
    if (next === -1 || next >= section.end || next !== index + 1) return undefined;
    const joined = head + this.text(next);
    // A page cut inside the second half's "Required" still shows the whole name ("file_" / "idstringRe").
    const cut = next === lastLine ? readCutFieldLine(joined) : undefined;
    const field = readFieldLine(joined) ?? cut;
    if (!field) return undefined;
    if (field === cut) this.warn(next, `the field line "${joined}" is cut short: the page may be cut off`);
    const base = { line: next, indent: indentOf(this.lines[index] ?? ""), description: [], enumValues: [] };
    return { ...base, ...field };
  }

  /** An entry line of the section, or undefined when the line is prose. */
  private readEntry(section: SectionRange, index: number, isLastLine: boolean): Entry | undefined {
    const line = this.lines[index] ?? "";
    const text = line.trim();
    const base = { line: index, indent: indentOf(line), description: [], enumValues: [] };
    const scheme = section.kind === "auth" ? HTTP_AUTH_LINE.exec(text)?.[1] : undefined;
    if (scheme) {
      const kind = scheme.toLowerCase() === "basic" ? "basic" : "bearer";
      return { ...base, name: "Authorization", schema: {}, deprecated: false, scheme: kind };
    }
    const field = readFieldLine(text);
    // Request fields always say Required or Optional: on the last line of a page, one without is a name
    // the cut stopped inside ("vali" + "date" of "validateRequestBody").
    if (field && isLastLine && field.required === undefined && section.kind !== "response") {
      this.warn(index, `the field line "${text}" stops before Required/Optional: the page may be cut off`);
      return undefined;
    }
    if (field) return { ...base, ...field };
    const cut = isLastLine ? readCutFieldLine(text) : undefined;
    if (!cut) return undefined;
    this.warn(index, `the field line "${text}" is cut short: the page may be cut off`);
    return { ...base, ...cut };
  }

  /** "Hide 3 properties" announces children that follow; enum toggles open a list of values. */
  private applyToggle(entry: Entry, text: string, index: number): boolean {
    const [, state, count, what] = TOGGLE.exec(text) ?? [];
    if (/^enum/i.test(what ?? "")) return true;
    // A collapsed "Show" leaves the children out of the capture; indentation still nests any that show.
    if (/^propert/i.test(what ?? "") && state?.toLowerCase() === "hide")
      entry.announced = { count: Number(count), line: index };
    return false;
  }

  /**
   * Gives each entry its path: an entry is the child of the one before it when that one announced
   * children still to come, or when it is indented deeper. Children of a list of objects are placed under
   * the list itself (fragments have no notation for "the items of").
   */
  private placeEntries(entries: Entry[]): PlacedEntry[] {
    const placed: PlacedEntry[] = [];
    const stack: { entry: Entry; path: string[]; pending: number }[] = [];
    const close = (frame: { entry: Entry; pending: number }): void => {
      if (frame.pending > 0 && frame.entry.announced)
        this.warn(
          frame.entry.announced.line,
          `"${frame.entry.name}" announces ${frame.entry.announced.count} properties but the page shows ` +
            `${frame.entry.announced.count - frame.pending}: the page may be cut off`,
        );
    };
    for (const entry of entries) {
      let top = stack[stack.length - 1];
      // Entries that can take no more children (none announced, none deeper) are done.
      while (top && top.pending === 0 && entry.indent <= top.entry.indent) {
        stack.pop();
        close(top);
        top = stack[stack.length - 1];
      }
      if (top && top.pending > 0) top.pending--;
      const path = top ? [...top.path, entry.name] : [entry.name];
      placed.push({ entry, path });
      stack.push({ entry, path, pending: entry.announced?.count ?? 0 });
    }
    stack.reverse().forEach(close);
    return placed;
  }

  private toField({ entry, path }: PlacedEntry): FieldFragment {
    const fragment: FieldFragment = {
      path,
      schema: withEnum(entry.schema, entry.enumValues),
      source: this.src(entry.line),
      strength: "typed",
    };
    if (entry.required !== undefined) fragment.required = entry.required;
    const description = collapseSpace(entry.description.join(" "));
    if (description) fragment.description = description;
    if (entry.deprecated) fragment.deprecated = true;
    return fragment;
  }

  /**
   * API-key headers ("X-API-Keystring") and HTTP schemes ("AuthorizationBearer") with their descriptions,
   * page-level: Fern prints the API's authentication on every operation page.
   */
  private readAuthentication(body: SectionBody): void {
    for (const entry of body.entries) {
      const description = collapseSpace(entry.description.join(" "));
      let hint: SecurityHint;
      const scheme =
        entry.scheme ?? (/^authorization$/i.test(entry.name) ? httpSchemeIn(description) : undefined);
      if (scheme) hint = { type: "http", scheme };
      else hint = { type: "apiKey", in: "header", name: entry.name };
      if (description) hint.description = description;
      this.out.security.push(fact(hint, this.src(entry.line), "typed"));
    }
  }

  /** Fern writes path parameters as `:name`, also inside a segment ("thumbnail.:extension"). */
  private templatePathParameters(op: OperationFragment): void {
    if (!op.path) return;
    const names = op.parameters.flatMap((p) => (p.in === "path" && p.path[0] ? [p.path[0]] : []));
    const path = templateDeclaredParameters(op.path.value, names);
    if (path !== op.path.value) op.path = { ...op.path, value: path };
  }

  /** Path parameters are always required; a header or query parameter not marked Required is optional. */
  private readParameters(op: OperationFragment, section: SectionRange, body: SectionBody): void {
    const location = section.kind as ParameterLocation;
    for (const placed of this.placeEntries(body.entries)) {
      const field = this.toField(placed);
      if (placed.path.length === 1) field.required = location === "path" ? true : (field.required ?? false);
      op.parameters.push({ ...field, in: location });
    }
  }

  /** "This endpoint expects an object." states a JSON body; the fields are its properties. */
  private readRequest(op: OperationFragment, section: SectionRange, body: SectionBody): void {
    op.requestBody ??= { fields: [] };
    const expects = body.intro.find((l) => /\bexpects\b/i.test(l.text));
    const mediaType = expects ? statedMediaType(expects.text) : undefined;
    if (mediaType && expects) op.requestBody.contentType = fact(mediaType, this.src(expects.line), "typed");
    op.requestBody.fields.push(...this.placeEntries(body.entries).map((p) => this.toField(p)));
    if (body.entries.length === 0 && !expects && body.intro.length === 0)
      this.warn(section.start, `the "Request" section is empty: the capture may have lost it`);
  }

  /** The intro is the success response's description, unless it only names a status or a shape. */
  private readResponse(section: SectionRange, body: SectionBody): void {
    const response = this.successResponse(section.start);
    const said: { line: number; text: string }[] = [];
    for (const l of body.intro) {
      if (SUCCESS_STATUS.test(l.text)) this.stateSuccessStatus(l.text, l.line);
      else if (!/^This endpoint returns\b/i.test(l.text)) said.push(l);
    }
    const first = said[0];
    if (first)
      response.description = fact(
        collapseSpace(said.map((l) => l.text).join(" ")),
        this.src(first.line),
        "prose",
      );
    response.fields.push(...this.placeEntries(body.entries).map((p) => this.toField(p)));
  }

  /** Pairs of a status line and a name line: "401" / "Unauthorized Error". */
  private readErrors(op: OperationFragment, section: SectionRange): void {
    for (let i = section.start + 1; i < section.end; i++) {
      const status = this.text(i);
      if (!ERROR_STATUS.test(status)) continue;
      const next = nextNonEmpty(this.lines, i + 1);
      const name = next !== -1 && next < section.end ? this.text(next) : "";
      const response: ResponseFragment = { status, fields: [], source: this.src(i) };
      if (name && !ERROR_STATUS.test(name)) response.description = fact(name, this.src(next), "typed");
      else this.warn(i, `error ${status} has no description: the page may be cut off`);
      op.responses.push(response);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Cut pages
  // -------------------------------------------------------------------------------------------------

  /**
   * Places the success response first and looks for the signs of a page cut part-way that the steps
   * above could not see: no sections at all, an ending inside a section that is never last, an ending
   * mid-sentence or mid-name, a response field list that stops before the example's last fields.
   */
  private checkCutOff(op: OperationFragment, request: number): void {
    if (this.success) op.responses.unshift(this.success);
    const lastLine = previousNonEmpty(this.lines, this.lines.length - 1);
    // A cut JSON example or field line already names what was cut: saying the page ends early adds nothing.
    if (this.out.warnings.some((w) => w.line === lastLine + 1)) return;
    const last = this.sections[this.sections.length - 1];
    if (!last || last.start < request) {
      this.warn(
        lastLine,
        "the page ends before any section (Authentication, parameters, Request, Response): it may be cut off",
      );
      return;
    }
    if (ALLOWED_VALUES.test(this.text(lastLine)))
      this.warn(lastLine, `the page ends at "Allowed values:" before the values: it may be cut off`);
    else if (last.kind === "errors") this.checkErrorsComplete(last, lastLine);
    else if (last.kind === "response") this.checkResponseComplete(lastLine);
    else
      this.warn(
        lastLine,
        `the page ends inside the "${last.heading}" section without an Errors section: it may be cut off`,
      );
  }

  /** Fern names every error "<Reason> Error": a page ending on anything else stopped mid-name. */
  private checkErrorsComplete(section: SectionRange, lastLine: number): void {
    // An empty Errors section is how Fern shows an operation without documented errors, whole pages too.
    if (lastLine === section.start) return;
    const text = this.text(lastLine);
    if (!ERROR_STATUS.test(text) && !/\bError$/.test(text))
      this.warn(lastLine, `the page ends with "${text}", not an error name: it may be cut off`);
  }

  /**
   * Fern ends a page with Response when the operation has no errors. A capture cut there shows fewer
   * fields than the example (missing from the end), or a description that stops mid-sentence.
   */
  private checkResponseComplete(lastLine: number): void {
    if (this.lastLineIsProse && !/[.!?:)"'`\]]$/.test(this.text(lastLine)))
      this.warn(lastLine, `the page ends mid-sentence in the "Response" section: it may be cut off`);
    const example = this.success?.example?.value;
    if (!isRecord(example)) return;
    const documented = new Set(this.success?.fields.filter((f) => f.path.length === 1).map((f) => f.path[0]));
    const keys = Object.keys(example);
    const lastDocumented = keys.reduce((at, key, k) => (documented.has(key) ? k : at), -1);
    const missing = keys.slice(lastDocumented + 1);
    if (missing.length > 0)
      this.warn(
        lastLine,
        `the page ends inside the "Response" section before the example's fields ${missing.join(", ")}: ` +
          "it may be cut off",
      );
  }
}

// ---------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isNonEmpty(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : isRecord(v) ? Object.keys(v).length > 0 : v !== undefined;
}

/** The media type a Request intro states: "expects an object", "expects a multipart form". */
function statedMediaType(text: string): string | undefined {
  if (/multipart|form data|file/i.test(text)) return "multipart/form-data";
  if (/form[- ]urlencoded/i.test(text)) return "application/x-www-form-urlencoded";
  if (/binary|octet/i.test(text)) return "application/octet-stream";
  if (/expects (an? )?(object|list|array|string|number|integer|boolean|map)/i.test(text))
    return "application/json";
  return undefined;
}

/** Which HTTP scheme an "Authorization" header entry's description names. */
function httpSchemeIn(description: string): "bearer" | "basic" | undefined {
  if (/\bbearer\b/i.test(description)) return "bearer";
  if (/\bbasic\b/i.test(description)) return "basic";
  return undefined;
}
