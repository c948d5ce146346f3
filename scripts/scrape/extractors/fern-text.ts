// Plain-text captures of Fern-built API reference pages: a sidebar of operations ("GETList sessions"),
// the operation's title, METHOD and full URL, a curl example with "> " continuation lines, a JSON example
// whose lines carry the code viewer's numbers, then sections (Authentication, Path parameters, Query
// parameters, Headers, Request, Response, Errors) of field lines where name, type, Optional/Required and
// constraints are run together: "external_refstringOptional<=255 characters".
import type {
  Extractor,
  FieldFragment,
  HttpMethod,
  OperationFragment,
  Page,
  PageFragment,
  ParameterLocation,
  ResponseFragment,
  SecurityHint,
  Source,
} from "../fragment.ts";
import { emptyOperation, emptyPageFragment, fact } from "../fragment.ts";
import { findJsonEnd, parseLenientJson, stripLineNumbers } from "../lenient-json.ts";
import { joinContinuationLines, parseCurl, parseMethod, splitUrl, toPathTemplate } from "../text.ts";
import { parseConstraints, splitGluedField } from "../type-phrase.ts";

const NAME = "fern";

const SECTIONS = [
  "Authentication",
  "Path parameters",
  "Query parameters",
  "Headers",
  "Request",
  "Response",
  "Errors",
] as const;
type Section = (typeof SECTIONS)[number];

const METHOD_WORD = /^(GET|POST|PUT|PATCH|DELETE|DEL|HEAD|OPTIONS)$/;
const SIDEBAR_ENTRY = /^\s*•\s*(GET|POST|PUT|PATCH|DELETE|DEL|HEAD|OPTIONS)(\S.*)$/;
const NUMBERED_JSON_START = /^\s*1\s*[{[]\s*$/;
/** Page furniture after the operation text, before the sections. */
const CHROME = /^(Was this page helpful\?|Previous|Next|Built with|Yes|No)$/;
/** What may follow a field's type on its line: Optional/Required, a default, bounds. */
const FIELD_TAIL = /^(Optional|Required)?\s*(Deprecated)?\s*((Defaults to .*)|([<>]=?\s*-?\d.*))?$/;

function isSection(line: string): line is Section {
  return (SECTIONS as readonly string[]).includes(line.trim());
}

/** The line where the method stands alone, followed by the full URL on the next non-empty line. */
function findRequestLine(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (!METHOD_WORD.test((lines[i] ?? "").trim())) continue;
    const next = nextNonEmpty(lines, i + 1);
    if (next !== -1 && /^https?:\/\/\S+$/.test((lines[next] ?? "").trim())) return i;
  }
  return -1;
}

function nextNonEmpty(lines: string[], from: number): number {
  for (let i = from; i < lines.length; i++) if ((lines[i] ?? "").trim() !== "") return i;
  return -1;
}

function previousNonEmpty(lines: string[], from: number): number {
  for (let i = from; i >= 0; i--) if ((lines[i] ?? "").trim() !== "") return i;
  return -1;
}

export const fernTextExtractor: Extractor = {
  name: NAME,

  detect(page: Page): number {
    const lines = page.text.split("\n");
    if (/^\s*</.test(page.text)) return 0;
    let score = 0;
    if (findRequestLine(lines) !== -1) score += 0.4;
    if (lines.some((l) => /^\s*\$\s?curl\b/.test(l))) score += 0.15;
    if (lines.some((l) => NUMBERED_JSON_START.test(l))) score += 0.15;
    const sections = new Set(lines.map((l) => l.trim()).filter(isSection));
    if (sections.size >= 3) score += 0.2;
    if (lines.some((l) => SIDEBAR_ENTRY.test(l))) score += 0.15;
    if (lines.some((l) => l.trim() === "Was this page helpful?")) score += 0.05;
    return Math.min(1, score);
  },

  extract(page: Page): PageFragment {
    return new FernReader(page).read();
  },
};

interface FieldEntry {
  line: number;
  name: string;
  schema: Record<string, unknown>;
  required: boolean | undefined;
  description: string[];
  enumValues: string[];
}

class FernReader {
  private readonly lines: string[];
  private readonly out: PageFragment;

  constructor(private readonly page: Page) {
    this.lines = page.text.split("\n");
    this.out = emptyPageFragment(page.file, NAME);
  }

  private src(index: number): Source {
    return { file: this.page.file, line: index + 1 };
  }

  private warn(index: number, message: string): void {
    this.out.warnings.push({ file: this.page.file, line: index + 1, message });
  }

  read(): PageFragment {
    this.readSidebar();
    const request = findRequestLine(this.lines);
    if (request === -1) return this.out;
    const op = emptyOperation(this.src(request));
    this.readHeading(op, request);
    const afterExample = this.readExamples(op, request);
    const sections = this.sectionRanges();
    const firstSection = sections[0]?.start ?? this.lines.length;
    this.readDescription(op, afterExample, firstSection);
    for (const { name, start, end } of sections) this.readSection(op, name, start, end);
    this.checkCutOff(sections);
    this.out.operations.push(op);
    if (op.title) this.out.title = op.title.value;
    return this.out;
  }

  /** Sidebar entries ("      • PATCHUpdate a session") are the API's other operations. */
  private readSidebar(): void {
    this.lines.forEach((line, i) => {
      const m = SIDEBAR_ENTRY.exec(line);
      const method = m?.[1] ? parseMethod(m[1]) : undefined;
      if (m?.[2] && method)
        this.out.listedOperations.push({ method, title: m[2].trim(), source: this.src(i) });
    });
  }

  /** Title above the method; METHOD, full URL, METHOD, path. */
  private readHeading(op: OperationFragment, request: number): void {
    const method = parseMethod((this.lines[request] ?? "").trim()) as HttpMethod;
    op.method = fact(method, this.src(request), "typed");
    const titleLine = previousNonEmpty(this.lines, request - 1);
    if (titleLine !== -1) op.title = fact((this.lines[titleLine] ?? "").trim(), this.src(titleLine), "prose");
    const urlLine = nextNonEmpty(this.lines, request + 1);
    const url = (this.lines[urlLine] ?? "").trim();
    // The path is written again after the repeated method; fall back to the URL's own path.
    const again = nextNonEmpty(this.lines, urlLine + 1);
    const pathLine =
      again !== -1 && METHOD_WORD.test((this.lines[again] ?? "").trim())
        ? nextNonEmpty(this.lines, again + 1)
        : -1;
    const statedPath =
      pathLine !== -1 && (this.lines[pathLine] ?? "").trim().startsWith("/")
        ? (this.lines[pathLine] ?? "").trim()
        : undefined;
    const split = splitUrl(url);
    const rawPath = statedPath ?? split?.path ?? "/";
    op.path = fact(toPathTemplate(rawPath), this.src(statedPath ? pathLine : urlLine), "typed");
    const server = url.endsWith(rawPath) ? url.slice(0, url.length - rawPath.length) : split?.server;
    if (server) op.servers.push(fact(server.replace(/\/+$/, ""), this.src(urlLine), "typed"));
  }

  /** The curl command and the numbered JSON example after the heading; returns the line after them. */
  private readExamples(op: OperationFragment, request: number): number {
    let i = request + 1;
    let end = request + 1;
    const firstSection = this.lines.findIndex((l, k) => k > request && isSection(l));
    const limit = firstSection === -1 ? this.lines.length : firstSection;
    for (; i < limit; i++) {
      const line = this.lines[i] ?? "";
      if (/^\s*\$?\s?curl\b/.test(line)) {
        const joined = joinContinuationLines(this.lines, i);
        this.readCurl(op, joined.command, i);
        i = joined.end;
        end = i + 1;
      } else if (NUMBERED_JSON_START.test(line)) {
        i = this.readNumberedJson(op, i);
        end = i + 1;
      }
    }
    return end;
  }

  private readCurl(op: OperationFragment, command: string, index: number): void {
    const curl = parseCurl(command);
    if (!curl) return;
    const source = this.src(index);
    for (const h of curl.headers) {
      const name = h.name.toLowerCase();
      if (name === "content-type") {
        op.requestBody ??= { fields: [] };
        op.requestBody.contentType ??= fact(h.value.split(";")[0]?.trim() ?? h.value, source, "example");
      } else if (name === "authorization" && /^bearer\b/i.test(h.value)) {
        op.security.push(fact({ type: "http", scheme: "bearer" }, source, "example"));
      } else if (name === "authorization" && /^basic\b/i.test(h.value)) {
        op.security.push(fact({ type: "http", scheme: "basic" }, source, "example"));
      } else if (/key|token|auth|secret/.test(name)) {
        op.security.push(fact({ type: "apiKey", in: "header", name: h.name }, source, "example"));
      }
    }
    if (curl.user) op.security.push(fact({ type: "http", scheme: "basic" }, source, "example"));
    const body = curl.data[0];
    if (body && /^\s*[{[]/.test(body)) {
      const parsed = parseLenientJson(body);
      if (
        parsed.ok &&
        parsed.value &&
        typeof parsed.value === "object" &&
        Object.keys(parsed.value).length > 0
      ) {
        op.requestBody ??= { fields: [] };
        op.requestBody.example = fact(parsed.value, source, "example");
      }
    }
  }

  /** Lines "1{", "2 \"id\": ..." up to where the numbering stops. */
  private readNumberedJson(op: OperationFragment, start: number): number {
    let i = start;
    let expected = 1;
    const block: string[] = [];
    while (i < this.lines.length) {
      const m = /^\s*(\d+)/.exec(this.lines[i] ?? "");
      if (!m || Number(m[1]) !== expected) break;
      block.push(this.lines[i] ?? "");
      expected++;
      i++;
    }
    const text = stripLineNumbers(block.join("\n"));
    const complete = findJsonEnd(text, text.search(/[{[]/)) !== -1;
    const parsed = parseLenientJson(text);
    if (!complete) this.warn(i - 1, "the JSON example stops before it closes: the page may be cut off");
    if (parsed.ok) {
      const response = this.successResponse(op, start);
      response.example = fact(parsed.value, this.src(start), "example");
    } else {
      this.warn(start, `the JSON example is not JSON even after repair (${parsed.error})`);
    }
    return i - 1;
  }

  private successResponse(op: OperationFragment, index: number): ResponseFragment {
    let response = op.responses.find((r) => /^2/.test(r.status));
    if (!response) {
      response = { status: "200", fields: [], source: this.src(index) };
      op.responses.push(response);
    }
    return response;
  }

  /** Sentences between the examples and the first section, without the page furniture. */
  private readDescription(op: OperationFragment, from: number, to: number): void {
    const paragraphs: string[] = [];
    let current: string[] = [];
    let first = -1;
    for (let i = from; i < to; i++) {
      const line = (this.lines[i] ?? "").trim();
      if (CHROME.test(line)) {
        // "Previous"/"Next" are followed by neighbouring page titles: the description is over.
        break;
      }
      if (line === "") {
        if (current.length > 0) paragraphs.push(current.join(" "));
        current = [];
      } else {
        if (first === -1) first = i;
        current.push(line);
      }
    }
    if (current.length > 0) paragraphs.push(current.join(" "));
    if (paragraphs.length > 0) op.description = fact(paragraphs.join("\n\n"), this.src(first), "prose");
  }

  private sectionRanges(): { name: Section; start: number; end: number }[] {
    const starts = this.lines.flatMap((l, i) =>
      isSection(l) ? [{ name: l.trim() as Section, start: i }] : [],
    );
    return starts.map((s, k) => ({ ...s, end: starts[k + 1]?.start ?? this.lines.length }));
  }

  /** A field line: a glued name and type, then nothing but Optional/Required, a default or bounds. */
  private fieldLine(
    line: string,
  ): { name: string; schema: Record<string, unknown>; rest: string } | undefined {
    const trimmed = line.trim();
    const glued = splitGluedField(trimmed);
    if (!glued?.schema || !FIELD_TAIL.test(glued.rest)) return undefined;
    return { name: glued.name, schema: glued.schema, rest: glued.rest };
  }

  private readEntries(
    start: number,
    end: number,
  ): { intro: string[]; introLine: number; entries: FieldEntry[] } {
    const intro: string[] = [];
    let introLine = -1;
    const entries: FieldEntry[] = [];
    let inEnum = false;
    for (let i = start + 1; i < end; i++) {
      const line = (this.lines[i] ?? "").trim();
      if (line === "") continue;
      const field = this.fieldLine(line);
      const current = entries[entries.length - 1];
      if (field) {
        const schema = { ...field.schema, ...parseConstraints(field.rest, field.schema) };
        const required = /^Required/.test(field.rest)
          ? true
          : /^Optional/.test(field.rest)
            ? false
            : undefined;
        entries.push({ line: i, name: field.name, schema, required, description: [], enumValues: [] });
        inEnum = false;
      } else if (!current) {
        if (introLine === -1) introLine = i;
        intro.push(line);
      } else if (/^Allowed values:?$/.test(line)) {
        inEnum = true;
      } else if (inEnum && /^[A-Za-z0-9_.-]+$/.test(line)) {
        current.enumValues.push(line);
      } else {
        inEnum = false;
        current.description.push(line);
      }
    }
    return { intro, introLine, entries };
  }

  private toField(entry: FieldEntry): FieldFragment {
    const schema = { ...entry.schema };
    if (entry.enumValues.length > 0) schema.enum = entry.enumValues;
    // "Defaults to snake" is stated beside the type and repeated in the description: keep it once.
    const fragment: FieldFragment = {
      path: [entry.name],
      schema,
      source: this.src(entry.line),
      strength: "typed",
    };
    if (entry.required !== undefined) fragment.required = entry.required;
    const description = entry.description.join(" ").trim();
    if (description) fragment.description = description;
    return fragment;
  }

  private readSection(op: OperationFragment, name: Section, start: number, end: number): void {
    if (name === "Errors") return this.readErrors(op, start, end);
    const { intro, introLine, entries } = this.readEntries(start, end);
    switch (name) {
      case "Authentication":
        for (const e of entries) this.readAuthentication(e);
        this.readHttpAuthentication(start, end);
        return;
      case "Path parameters":
      case "Query parameters":
      case "Headers": {
        const location: ParameterLocation =
          name === "Headers" ? "header" : name === "Path parameters" ? "path" : "query";
        for (const e of entries) {
          const field = this.toField(e);
          if (location === "path") field.required = true;
          op.parameters.push({ ...field, in: location });
        }
        return;
      }
      case "Request": {
        op.requestBody ??= { fields: [] };
        const said = intro.join(" ");
        if (/expects an? object/i.test(said) || entries.length > 0) {
          const type = /multipart/i.test(said) ? "multipart/form-data" : "application/json";
          op.requestBody.contentType = fact(type, this.src(introLine === -1 ? start : introLine), "typed");
        }
        op.requestBody.fields.push(...entries.map((e) => this.toField(e)));
        return;
      }
      case "Response": {
        const response = this.successResponse(op, start);
        if (intro.length > 0) response.description = fact(intro.join(" "), this.src(introLine), "prose");
        response.fields.push(...entries.map((e) => this.toField(e)));
        return;
      }
    }
  }

  private readAuthentication(entry: FieldEntry): void {
    const description = entry.description.join(" ").trim();
    const source = this.src(entry.line);
    let hint: SecurityHint;
    if (/^authorization$/i.test(entry.name) && /bearer/i.test(description))
      hint = { type: "http", scheme: "bearer" };
    else if (/^authorization$/i.test(entry.name) && /basic/i.test(description))
      hint = { type: "http", scheme: "basic" };
    else hint = { type: "apiKey", in: "header", name: entry.name };
    if (description) hint.description = description;
    this.out.security.push(fact(hint, source, "typed"));
  }

  /** Fern writes HTTP schemes as "AuthorizationBearer" or "AuthorizationBasic", followed by a description. */
  private readHttpAuthentication(start: number, end: number): void {
    for (let i = start + 1; i < end; i++) {
      const m = /^Authorization\s*(Bearer|Basic)$/i.exec((this.lines[i] ?? "").trim());
      if (!m?.[1]) continue;
      const hint: SecurityHint = {
        type: "http",
        scheme: m[1].toLowerCase() === "basic" ? "basic" : "bearer",
      };
      const next = nextNonEmpty(this.lines, i + 1);
      const text = next !== -1 && next < end ? (this.lines[next] ?? "").trim() : "";
      if (text && !this.fieldLine(text)) hint.description = text;
      this.out.security.push(fact(hint, this.src(i), "typed"));
    }
  }

  /** "401" then "Unauthorized Error". */
  private readErrors(op: OperationFragment, start: number, end: number): void {
    for (let i = start + 1; i < end; i++) {
      const status = (this.lines[i] ?? "").trim();
      if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) continue;
      const next = nextNonEmpty(this.lines, i + 1);
      const text = next !== -1 && next < end ? (this.lines[next] ?? "").trim() : "";
      const response: ResponseFragment = { status, fields: [], source: this.src(i) };
      if (text && !/^([1-5]\d\d|[1-5]XX)$/.test(text))
        response.description = fact(text, this.src(next), "typed");
      else this.warn(i, `error ${status} has no description`);
      op.responses.push(response);
    }
  }

  /** Fern pages end with the Errors section or the last field section; a page that stops inside one may be cut. */
  private checkCutOff(sections: { name: Section; start: number; end: number }[]): void {
    const last = sections[sections.length - 1];
    if (!last || last.name === "Errors") return;
    const lastLine = previousNonEmpty(this.lines, this.lines.length - 1);
    this.warn(
      lastLine,
      `the page ends inside the "${last.name}" section without an Errors section: it may be cut off`,
    );
  }
}
