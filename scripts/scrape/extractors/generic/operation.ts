// Reading one operation's blocks: sections, prose (description, returns, stated media types and
// responses), field lists, field lines and tables, each field placed by its marker, section, name or method.
// Code blocks are handed to examples.ts.
import {
  SUCCESS_NOT_SHOWN,
  emptyOperation,
  fact,
  type FieldFragment,
  type HttpMethod,
  type OperationFragment,
  type ParameterFragment,
  type ParameterLocation,
  type ResponseFragment,
  type Source,
  type Strength,
} from "../../fragment.ts";
import { returnsHint } from "../../returns-prose.ts";
import type { Span } from "./anchors.ts";
import {
  plain,
  type Block,
  type Ctx,
  type Item,
  type Line,
  type Row,
  type TableBlock,
  type TextBlock,
  warn,
} from "../../read/blocks.ts";
import { readCode } from "./examples.ts";
import { identifierLike, parseFieldItem, pascalNameLine } from "../../read/field-lists.ts";
import {
  isFlagLine,
  isNameFragment,
  joinBrokenNames,
  labelledConstraint,
  readFieldText,
  readTitledField,
  readTokenRun,
  startsTokenField,
  toFieldSpec,
} from "../../read/field.ts";
import { rowSpec, tableColumns, type Columns } from "../../read/field-tables.ts";
import { enrichSchema, type FieldSpec } from "../../read/field-types.ts";
import { OperationParts } from "./operation-parts.ts";
import { namePath } from "../../read/names.ts";
import {
  classifySection,
  isSectionHeading,
  isServersTitle,
  statusIn,
  statusLabel,
  type SectionInfo,
} from "../../read/sections.ts";
import { requestLineOf } from "./words.ts";
import { mediaTypeLine } from "../../read/text-blocks.ts";

const BODYLESS = new Set<HttpMethod>(["get", "delete", "head", "options", "trace"]);

const RESPONDS_RE =
  /\b(?:[Rr]eturns?|[Rr]esponds? with)\s+(?:an?\s+|the\s+)?(?:HTTP\s+)?(?:status\s+)?([1-5]\d\d)\b(?:\s+((?:OK|[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*))?/;
const MEDIA_TYPE_RE =
  /\b(?:content[- ]type|media type|mime type|encoded as|sent as)\b[^.\n]{0,40}?`?((?:application|multipart|text)\/[\w.+-]+)/i;

/** Reads the blocks of one operation's span, in page order, into its OperationFragment. */
export class OperationReader {
  private readonly op: OperationFragment;
  private readonly parts: OperationParts;
  private readonly sections: { depth: number; info: SectionInfo }[] = [];
  /** The last heading or paragraph: it names the next code block ("Example response", "201 Created"). */
  private label = "";
  private describing = true;
  private readonly description: Line[] = [];
  private readonly pathParams: Set<string>;
  /** Since a responses heading and until a request-side one: a status line alone there heads a response. */
  private inResponses = false;
  /** The last field read from a field line: the paragraph after it may be its description. */
  private pendingField: FieldFragment | undefined;
  /** Fields read from one token per line: a one-line paragraph under one is its description, not a field. */
  private readonly tokenFields = new WeakSet<FieldFragment>();
  /** The response a status heading just opened: the paragraph right under it may be its description. */
  private statusHeading: ResponseFragment | undefined;
  /**
   * The last array or object field read from one token per line, and its section: ReadMe repeats such a
   * field's name after its description, and that line closes the field rather than starting another.
   */
  private repeatable: { field: FieldFragment; section: SectionInfo | undefined } | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly span: Span,
    startSource: Source,
  ) {
    const { anchor } = span;
    this.op = emptyOperation(startSource);
    this.parts = new OperationParts(this.op);
    if (anchor) {
      this.op.method = fact(anchor.method, anchor.source, anchor.strength);
      this.op.path = fact(anchor.path, anchor.source, anchor.strength);
      if (anchor.server) this.parts.addServer(anchor.server, anchor.source, anchor.strength);
    }
    if (span.title) this.op.title = fact(span.title.text, span.title.source, "prose");
    this.pathParams = new Set([...(anchor?.path ?? "").matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] ?? ""));
  }

  read(block: Block, index: number): void {
    const isAnchor = index === this.span.anchor?.block;
    // "callback" "string", then "JSONP", "Server Ip", "Mysql databases on the server" or "Error response of an
    // operation failure" alone: a field's description, not a heading that ends the field section (a section
    // heading is not a sentence, and a Servers heading only names the list).
    const servers = block.kind === "heading" && classifySection(block.text)?.kind === "servers";
    if (
      block.kind === "heading" &&
      this.pendingField &&
      this.inFieldSection() &&
      (!isSectionHeading(block.text) ||
        readsAsSentence(block.text) ||
        this.describesTokenField(block.text) ||
        (servers && !isServersTitle(block.text)))
    ) {
      this.read(
        { kind: "text", lines: [{ text: block.text, source: block.source }], source: block.source },
        index,
      );
      return;
    }
    if (block.kind !== "text") this.pendingField = undefined;
    const statusHeading = this.statusHeading;
    this.statusHeading = undefined;
    if (block.kind === "heading") {
      if (isAnchor || (index === this.span.start && this.span.title?.source === block.source)) return;
      const inResponses = this.inResponses;
      this.enterSection(block.text, block.depth, block.source);
      this.openStatusLine(block.text, block.source, inResponses);
      this.hint(block.text, block.source);
      this.label = block.text;
      this.describing = false;
    } else if (block.kind === "text") this.readText(block, isAnchor, statusHeading);
    else if (block.kind === "list") {
      this.describing = false;
      for (const item of block.items) this.readItem(item, []);
    } else if (block.kind === "table") {
      this.describing = false;
      this.readTable(block);
    } else {
      this.describing = false;
      readCode(block, { section: this.section(), label: this.label }, this.parts, this.ctx);
      this.label = "";
    }
  }

  /**
   * "properties.error.code" "string", then "Error code": the description of a field read from its own
   * lines that has none yet, not an errors section (whose heading names errors in the plural).
   */
  private describesTokenField(text: string): boolean {
    const field = this.pendingField;
    if (!field || !this.tokenFields.has(field) || field.description) return false;
    return (
      classifySection(text)?.kind === "errors" &&
      !/^(?:errors|error codes|error responses)$/i.test(plain(text).trim())
    );
  }

  finish(): OperationFragment {
    const first = this.description[0];
    if (first) {
      const text = this.description.map((l) => plain(l.text)).join(" ");
      this.op.description = fact(text, first.source, "prose");
    }
    const said = `${this.op.title?.value ?? ""} ${this.op.description?.value ?? ""}`;
    if (/\bdeprecated\b/i.test(said))
      this.op.deprecated = fact(true, this.op.title?.source ?? this.op.source, "prose");
    return this.parts.finish();
  }

  // --- sections -----------------------------------------------------------------------------------------

  /**
   * A heading closes the sections at its depth or deeper; a section heading opens one. A response heading
   * with its status ("201 - application/json", "404 Not Found") shows that response, whatever follows it.
   */
  private enterSection(text: string, depth: number, source?: Source): void {
    while ((this.sections.at(-1)?.depth ?? -1) >= depth) this.sections.pop();
    const info = classifySection(text);
    if (info) this.sections.push({ depth, info });
    if (info) this.inResponses = info.kind === "response" || info.kind === "errors";
    if (source && info?.kind === "response" && info.status) {
      this.statusHeading = this.parts.response(info.status, source);
    }
  }

  private section(): SectionInfo | undefined {
    return this.sections.at(-1)?.info;
  }

  /**
   * A status code alone as a heading or line ("200", "404 Not Found", "default", "4XX") heads a response the
   * page shows, even when nothing is listed under it (Redoc's "Responses" then "200" and its description).
   * A "default" or "4XX" only under a responses section; a three-digit code as a heading (which is a
   * response section of its own) anywhere.
   */
  private openStatusLine(text: string, source: Source, inResponses: boolean): boolean {
    const t = plain(text).trim();
    const status = statusLabel(t, true);
    if (status && inResponses) {
      if (this.section()?.status !== status)
        this.sections.push({ depth: 99, info: { kind: "response", status } });
      this.parts.response(status, source);
      return true;
    }
    const code = /^([1-5]\d\d)\b/.exec(t)?.[1];
    if (!code || this.section()?.status !== code) return false;
    this.parts.response(code, source);
    return true;
  }

  /** "Query parameters:" or "**Response**" alone on a line works as a heading below the real ones. */
  private static isLabel(block: TextBlock): boolean {
    if (block.lines.length !== 1) return false;
    const raw = (block.lines[0]?.text ?? "").trim();
    const t = plain(raw);
    const shaped = (t.endsWith(":") && t.split(" ").length <= 6) || /^\*\*[^*]+\*\*:?$/.test(raw);
    return shaped && classifySection(t) !== undefined;
  }

  // --- prose --------------------------------------------------------------------------------------------

  private readText(block: TextBlock, isAnchor: boolean, statusHeading?: ResponseFragment): void {
    // The request line is not prose, nor is a repeat of it ("PATCH https://host/x" then "PATCH /x").
    const repeat = isAnchor || requestLineOf(block.lines[0]?.text ?? "") !== undefined;
    const lines = repeat ? block.lines.slice(1) : block.lines;
    if (lines.length === 0) return;
    // Under "Responses", status lines and their one-line descriptions alternate (Redoc: "200", "OK",
    // "4XX", "Client error"), so a status may sit inside a paragraph.
    const statuses = lines.filter((l) => this.openStatusLine(l.text, l.source, this.inResponses));
    if (statuses.length > 0 && lines.length <= 2 * statuses.length) return;
    const text = lines.map((l) => l.text).join(" ");
    if (!repeat && OperationReader.isLabel(block)) {
      this.enterSection(text, 99);
      this.label = text;
      this.describing = false;
      return;
    }
    // "block" "string", then "Block Number": the description, though it reads as "name type".
    const tokenField = this.pendingField;
    if (
      tokenField &&
      this.tokenFields.has(tokenField) &&
      lines.length === 1 &&
      this.inFieldSection() &&
      !startsTokenFieldAt(lines, 0) &&
      this.describeField(tokenField, lines)
    )
      return;
    if (this.readFieldLines(lines)) {
      this.describing = false;
      return;
    }
    const pending = this.pendingField;
    this.pendingField = undefined;
    if (pending && this.inFieldSection() && this.describeField(pending, lines)) return;
    // "200 - application/json" then "Successful Response": the response's description.
    const first = lines[0];
    if (statusHeading && first && !statusHeading.description) {
      statusHeading.description = fact(plain(text), first.source, "prose");
      return;
    }
    this.hint(text, block.source);
    const status = statusIn(plain(text));
    const caption = /:$/.test(plain(text)) && plain(text).split(" ").length <= 6;
    if (this.describing && !caption && !status) this.description.push(...lines);
    else this.describing = false;
    this.label = text;
  }

  /**
   * A paragraph under a field read from its own lines: its limits or enum values ("Required range:
   * 1 <= x <= 50", "Available options:" then "a," lines), else its description. The field stays open for
   * the next paragraph, as token-per-line pages give the description and the limits paragraphs of their own.
   */
  private describeField(field: FieldFragment, lines: Line[]): boolean {
    const texts = lines.map((l) => plain(l.text));
    const text = texts.join(" ");
    const enriched = enrichSchema(field.schema, text, texts);
    if (enriched !== field.schema && enriched) field.schema = enriched;
    else if (!field.description) field.description = text;
    else return false;
    this.pendingField = field;
    return true;
  }

  private inFieldSection(): boolean {
    const kind = this.section()?.kind;
    return kind !== undefined && !["errors", "ignore", "servers"].includes(kind);
  }

  /**
   * Fields written as lines rather than list items, under a field section: "limit (integer) - Max items",
   * "external_refstringOptional<=255 characters". A line that is not a field describes the field above it,
   * and so does the paragraph after a field line that has no description.
   */
  private readFieldLines(broken: Line[]): boolean {
    if (!this.inFieldSection()) return false;
    const lines = joinBrokenLines(broken);
    const section = this.section();
    const asField = (line: Line): FieldSpec | undefined => {
      const spec = parseFieldItem(
        { text: line.text, rest: [], children: [], source: line.source },
        section?.kind,
      );
      // "Block Number" under a field is its description, not a field "Block" of type number: a name
      // written apart from its type reads as an identifier (header names aside: "Authorization string").
      const spaced =
        spec !== undefined &&
        plain(line.text)
          .trim()
          .startsWith(spec.name + " ");
      // "Page integer OPTIONAL" (Docusaurus) is a field, its name one capitalised word.
      const named = spec !== undefined && (identifierLike(spec.name) || pascalNameLine(plain(line.text)));
      if (spaced && !named && section?.kind !== "header") return undefined;
      if (spec?.typed) return spec;
      // The shared reader's other forms: "page_size?integer", "color: optional \"red\" or \"green\"".
      const reading = readFieldText(line.text);
      if (reading?.schema) return toFieldSpec(reading);
      // "color Colorrequired" (Docusaurus): a schema title in a body or response field, under the section's
      // own heading. Parameters are written "name type REQUIRED", so a titled line there ("ISO3166 Country
      // Code") is the description of the parameter above.
      const titled =
        section?.kind === "body" || section?.kind === "response"
          ? readTitledField(plain(line.text))
          : undefined;
      return titled ? toFieldSpec(titled) : undefined;
    };
    // "Request Body schema: application/json", then "required" (Redoc): the flag is the body's, not a field's.
    if (section?.kind === "body" && isFlagLine(plain(lines[0]?.text ?? "")) && startsTokenFieldAt(lines, 1))
      return this.readTokenRun(lines.slice(1));
    // A bare name, then its type on the next line: token-per-line fields ("integer <int64>" is a type, not
    // a field named "integer").
    if (startsTokenFieldAt(lines, 0)) return this.readTokenRun(lines);
    const first = lines.findIndex((l) => asField(l) !== undefined);
    if (first === -1) return this.readTokenRun(lines);
    // Prose above the first field line of a response is the response's description ("Updated session.").
    const lead = lines.slice(0, first);
    const leadLine = lead[0];
    if (leadLine && section?.kind === "response") {
      const response = this.parts.response(section.status ?? SUCCESS_NOT_SHOWN, leadLine.source);
      response.description ??= fact(lead.map((l) => plain(l.text)).join(" "), leadLine.source, "prose");
    }
    let current: FieldFragment | undefined;
    // "Array [" ... "]" around an array's item fields (Docusaurus) nests them under it.
    const parents: string[][] = [];
    let open = "";
    for (const line of lines.slice(first)) {
      const t = plain(line.text).trim();
      // "Possible values: [red, green" then "]": one constraint read when its bracket closes.
      if (open) {
        open += ` ${t}`;
        if (!t.includes("]")) continue;
        this.describeLine(current, open);
        open = "";
        continue;
      }
      if (/^Array \[$/i.test(t)) {
        if (current) parents.push(current.path);
        continue;
      }
      if (t === "]") {
        parents.pop();
        continue;
      }
      const spec = asField(line);
      if (spec) current = this.place(spec, line.source, "typed", parents.at(-1) ?? [])?.fragment;
      else if (t.lastIndexOf("[") > t.lastIndexOf("]")) open = t;
      else this.describeLine(current, t);
    }
    if (open) this.describeLine(current, open);
    this.pendingField = current;
    return true;
  }

  /** A line under a field line: its limits or enum values ("Possible values: [a, b]"), else its description. */
  private describeLine(field: FieldFragment | undefined, text: string): void {
    if (!field) return;
    // Only a labelled constraint: a description's prose ("either the job or ...") states no enum.
    const enriched = labelledConstraint(text) ? enrichSchema(field.schema, text, [text]) : field.schema;
    if (enriched && enriched !== field.schema) field.schema = enriched;
    else field.description = [field.description, text].filter(Boolean).join(" ");
  }

  /**
   * A field written one token per line (Mintlify, Starlight, Apidog): "page_size", "integer", "default:20".
   * Only a run that starts with a name and has a type is a field; a nameless run is reported, not placed.
   */
  private readTokenRun(lines: Line[]): boolean {
    // A loop, not recursion: each pass moves past a description or a closing name, and looks at a window
    // of lines only, so a long paragraph is read in linear time.
    let split = 0;
    for (let at = 0; ;) {
      const head = lines[at];
      if (!head) return true;
      const left = lines.length - at;
      if (this.closesRepeatable(head)) {
        this.repeatable = undefined;
        this.pendingField = undefined;
        const after = lines[at + 1];
        if (!after) return true;
        if (left === 2 && isTypeLine(after.text)) {
          this.noteNameless(after);
          return true;
        }
        at++;
        continue;
      }
      if (startsTokenFieldAt(lines, at)) {
        const rest = lines.slice(at);
        const starts = tokenRunStarts(rest);
        return starts.length > 1 ? this.readTokenRuns(rest, starts) : this.readOneTokenRun(rest, []);
      }
      // ReadMe: a field's description, then at once the next field: its name and type, or only its type
      // line (a scalar field lost its name).
      const window = lines.slice(at, at + TOKEN_RUN_WINDOW);
      const next = window.findIndex((l, i) => i > 0 && (isTypeLine(l.text) || startsTokenFieldAt(window, i)));
      // ReadMe: a nameless field (its type line, `required`, a description) and at once the next field:
      // each is a field of its own (each path parameter asks for a slot, a named field after them is
      // read). A section has a few such fields; past that, the rest is read at once, as a long paragraph
      // of nameless fields shows nothing more and must stay cheap to read.
      if (
        next > 0 &&
        split < MAX_SPLIT_NAMELESS &&
        isTypeLine(head.text) &&
        isNamelessRun(window.slice(0, next))
      ) {
        split++;
        this.noteNameless(head);
        at += next;
        continue;
      }
      if (next <= 0 || isTypeLine(head.text)) return this.readOneTokenRun(lines.slice(at), []);
      if (this.pendingField) this.describeField(this.pendingField, window.slice(0, next));
      at += next;
      const last = lines[at];
      if (left - next === 1 && last) {
        this.noteNameless(last);
        return true;
      }
    }
  }

  /** Whether a line repeats the name of the array or object field just read, in the same section. */
  private closesRepeatable(line: Line | undefined): boolean {
    const open = this.repeatable;
    if (!line || !open || open.section !== this.section()) return false;
    return plain(line.text).trim() === open.field.path.join(".");
  }

  /** A field whose name the capture lost: reported, and counted where it is a path parameter. */
  private noteNameless(first: Line): void {
    warn(this.ctx, first.source, "a field with a type but no name (the capture lost it); not placed");
    // Unnamed, yet a path parameter still asks for a slot in the operation's route.
    if (this.section()?.kind === "path")
      this.op.namelessPathParameters = (this.op.namelessPathParameters ?? 0) + 1;
    this.pendingField = undefined;
  }

  /**
   * Several token-per-line fields in one paragraph (a capture that lost the blank lines between them):
   * each starts at a name followed by its type. "Array [" ... "]" around fields nests them under the
   * array field above.
   */
  private readTokenRuns(lines: Line[], starts: number[]): boolean {
    const parents: string[][] = [];
    let last: string[] | undefined;
    starts.forEach((start, k) => {
      const run = lines.slice(start, starts[k + 1] ?? lines.length);
      const own: Line[] = [];
      const opens: number[] = [];
      let closes = 0;
      // "Possible values: [a, b" then "]": a wrapped enum's bracket, not the end of an array's items.
      let enumOpen = false;
      for (const line of run) {
        const t = plain(line.text).trim();
        if (/^Array \[$/i.test(t)) opens.push(own.length);
        else if (t === "]" && !enumOpen) closes++;
        else {
          own.push(line);
          enumOpen = t === "]" ? false : t.lastIndexOf("[") > t.lastIndexOf("]") || enumOpen;
        }
      }
      const prefix = parents.at(-1) ?? [];
      const placed = this.readOneTokenRun(own, prefix);
      if (placed) last = [...prefix, ...(namePathOf(own[0]?.text) ?? [])];
      for (let o = 0; o < opens.length; o++) if (last) parents.push(last);
      for (let c = 0; c < closes; c++) parents.pop();
    });
    return true;
  }

  private readOneTokenRun(lines: Line[], prefix: string[]): boolean {
    const first = lines[0];
    if (!first || lines.length < 2 || lines.length > 12) return false;
    const reading = readTokenRun(lines.map((l) => l.text));
    if (!reading?.schema) return false;
    if (reading.nameless) {
      if (prefix.length === 0) this.noteNameless(first);
      else warn(this.ctx, first.source, "a field with a type but no name (the capture lost it); not placed");
      return true;
    }
    const spec = toFieldSpec(reading);
    if (!spec || reading.name !== plain(first.text)) return false;
    const field = this.place(spec, first.source, "typed", prefix)?.fragment;
    this.pendingField = field;
    if (field) this.tokenFields.add(field);
    const type = field?.schema?.type;
    if (field && (type === "array" || type === "object"))
      this.repeatable = { field, section: this.section() };
    return true;
  }

  /** Prose that states the return object or the request's media type. */
  private hint(text: string, source: Source): void {
    const returns = this.op.returns ? undefined : returnsHint(plain(text));
    if (returns) this.op.returns = fact(returns, source, "prose");
    const kind = this.section()?.kind;
    const media = MEDIA_TYPE_RE.exec(plain(text))?.[1];
    if (media && kind !== "response" && kind !== "errors") this.parts.setContentType(media, source, "typed");
    // "Returns `204 No Content`", "Responds with 202 Accepted": a response the prose states.
    const stated = RESPONDS_RE.exec(plain(text));
    if (stated?.[1]) {
      const response = this.parts.response(stated[1], source);
      if (stated[2] && !response.description) response.description = fact(stated[2], source, "prose");
    }
  }

  // --- fields -------------------------------------------------------------------------------------------

  private readItem(item: Item, prefix: string[], forced?: Target): void {
    // "- 200", "- default" under "Responses" (Docusaurus's status tabs): the responses the page shows.
    const status =
      prefix.length === 0 && !forced && item.children.length === 0 && this.section()?.kind === "response"
        ? statusLabel(plain(item.text), true)
        : undefined;
    if (status) {
      this.parts.response(status, item.source);
      return;
    }
    // "- application/json" under "Body" (Docusaurus's media type tab): the body's media type, so the page
    // shows a body, whatever the method.
    if (
      prefix.length === 0 &&
      !forced &&
      this.section()?.kind === "body" &&
      mediaTypeLine(plain(item.text))
    ) {
      this.parts.setContentType(plain(item.text).trim(), item.source, "typed");
      return;
    }
    // "- Query parameters:" with the parameters nested under it.
    const section = classifySection(item.text);
    if (
      prefix.length === 0 &&
      !forced &&
      section &&
      item.children.length > 0 &&
      /:\s*$|^\*\*/.test(item.text.trim())
    ) {
      this.sections.push({ depth: 100, info: section });
      for (const child of item.children) this.readItem(child, []);
      this.sections.pop();
      return;
    }
    if (prefix.length === 0 && !forced && item.children.length === 0) {
      const returns = returnsHint(plain(item.text));
      if (returns && !this.op.returns) this.op.returns = fact(returns, item.source, "prose");
    }
    const spec = parseFieldItem(item, forced ? "params" : this.section()?.kind);
    if (!spec) return;
    const values = enumChildren(item);
    if (values && spec.schema?.enum === undefined)
      spec.schema = { ...(spec.schema ?? { type: "string" }), enum: values };
    const placed = this.place(spec, item.source, spec.typed ? "typed" : "prose", prefix, forced);
    if (!placed || values) return;
    for (const child of item.children) this.readItem(child, placed.fragment.path, placed.target);
  }

  private readTable(table: TableBlock): void {
    const cols = tableColumns(table.header);
    const expected = table.header.length;
    // "Code | Name | Description" with 404 in the code column lists responses, not fields.
    const statuses =
      cols.status !== undefined &&
      table.rows.some((r) => /^([1-5]\d\d|[1-5]XX|default)\b/i.test(plain(r.cells[cols.status ?? 0] ?? "")));
    for (const row of table.rows) {
      if (table.checkCells && row.cells.length < expected && row.cells.some((c) => c !== "")) {
        const name = plain(row.cells[0] ?? "");
        warn(
          this.ctx,
          row.source,
          `table row "${name}" has ${row.cells.length} of ${expected} cells (cut off?); read what it holds`,
        );
      }
      if (statuses) this.readStatusRow(row, cols);
      else if (cols.name !== undefined) {
        const spec = rowSpec(row, cols);
        if (spec) this.place(spec, row.source, "typed", []);
      }
    }
  }

  /** A "Status | Description" table: the responses the operation documents. */
  private readStatusRow(row: Row, cols: Columns): void {
    const code = plain(row.cells[cols.status ?? 0] ?? "");
    const status = /^([1-5]\d\d|[1-5]XX|default)\b/i.exec(code)?.[1];
    if (!status) return;
    const response = this.parts.response(
      status.toLowerCase() === "default" ? "default" : status.toUpperCase(),
      row.source,
    );
    const description = plain(
      cols.description !== undefined ? (row.cells[cols.description] ?? "") : code.slice(status.length),
    );
    if (description && !response.description) response.description = fact(description, row.source, "typed");
  }

  /** Where a field goes: its own marker, else its section, else a path parameter by name, else by method. */
  private place(
    spec: FieldSpec,
    source: Source,
    strength: Strength,
    prefix: string[],
    forced?: Target,
  ): { target: Target; fragment: FieldFragment } | undefined {
    let target: Target | undefined = forced ?? spec.location;
    if (!target) {
      const section = this.section();
      switch (section?.kind) {
        case "path":
        case "query":
        case "header":
        case "cookie":
        case "body":
          target = section.kind;
          break;
        case "response":
          target = { status: section.status ?? SUCCESS_NOT_SHOWN };
          break;
        case "errors":
        case "ignore":
        case "servers":
          return undefined;
        default:
          break;
      }
    }
    if (!target) {
      const method = this.op.method?.value ?? "get";
      target =
        prefix.length === 0 && this.pathParams.has(spec.name)
          ? "path"
          : BODYLESS.has(method)
            ? "query"
            : "body";
    }
    const fragment = fieldFragment(spec, [...prefix, ...this.split(spec.name, target)], source, strength);
    if (typeof target === "object") {
      this.parts.response(target.status, source).fields.push(fragment);
      return { target, fragment };
    }
    if (target === "body") {
      this.parts.requestBody().fields.push(fragment);
      return { target, fragment };
    }
    // Parameters have no children of their own in the contract: items nested under one are left out.
    if (prefix.length > 0) return undefined;
    const parameter: ParameterFragment = { ...fragment, in: target };
    this.op.parameters.push(parameter);
    return { target, fragment: parameter };
  }

  /** Dotted names nest body and response properties; a parameter's name stays whole. */
  private split(name: string, target: Target): string[] {
    return typeof target === "object" || target === "body" ? name.split(".").filter(Boolean) : [name];
  }
}

/** More than three words with a function word among them: "Mysql databases on the server". */
function readsAsSentence(text: string): boolean {
  const words = plain(text).trim().split(/\s+/);
  return words.length > 3 && words.some((w) => /^(?:a|an|the|of|on|which|that|is|are|when)$/i.test(w));
}

/** How far a paragraph is searched for the next field after a description: a field run is at most 12 lines. */
const TOKEN_RUN_WINDOW = 16;
/** How many nameless fields of one paragraph are read one by one (see readTokenRun). */
const MAX_SPLIT_NAMELESS = 16;

/**
 * Line `i` of a paragraph starts a token-per-line field (see `startsTokenField` in read/field.ts). Only the
 * lines it looks at are made plain, so a scan of every line stays linear.
 */
function startsTokenFieldAt(lines: Line[], i: number): boolean {
  const from = Math.max(0, i - 1);
  return startsTokenField(
    lines.slice(from, i + 3).map((l) => plain(l.text)),
    i - from,
  );
}

/**
 * Lines joined where a capture broke a field's name at "_" or "." ("api_" + "Key string REQUIRED"): only
 * after a line that is nothing but the name's first part, so a sentence's full stop joins nothing.
 */
function joinBrokenLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  let fragment = false;
  for (const line of lines) {
    const last = out.at(-1);
    const joined = last && fragment ? joinBrokenNames([last.text, line.text]) : [];
    fragment = isNameFragment(plain(line.text));
    if (last && joined.length === 1) out[out.length - 1] = { text: joined[0] ?? "", source: last.source };
    else out.push(line);
  }
  return out;
}

/** Lines that read as one field without a name: a type line alone, or with its badges and description. */
function isNamelessRun(lines: readonly Line[]): boolean {
  return lines.length === 1 || readTokenRun(lines.map((l) => l.text))?.nameless === true;
}

/** A type alone on its line: "string", "object or null", "string or integer", "Array of objects". */
function isTypeLine(text: string): boolean {
  const typeAlone = (t: string): boolean => {
    const reading = readTokenRun([t]);
    return reading?.nameless === true && reading.schema !== undefined;
  };
  const t = plain(text).trim();
  return typeAlone(t) || t.split(" or ").every((piece) => piece === "null" || typeAlone(piece));
}

/**
 * Where the fields of a token-per-line paragraph start: at each name followed by its type, and at a type
 * line after a field that already has one, which is a field that lost its name (Redoc's unions and
 * nullable fields: `object or null`). The nameless run keeps its own lines (an `Enum: …` under it), so
 * they are not read as the field above's.
 */
function tokenRunStarts(lines: Line[]): number[] {
  const starts: number[] = [];
  let typed = false;
  lines.forEach((line, i) => {
    if (startsTokenFieldAt(lines, i)) {
      starts.push(i);
      typed = false;
    } else if (isTypeLine(line.text)) {
      if (typed && starts.length > 0) starts.push(i);
      typed = true;
    }
  });
  return starts;
}

function namePathOf(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : namePath(plain(text).trim())?.path;
}

/** Where a field goes: a parameter location, the request body, or a response by status. */
type Target = ParameterLocation | "body" | { status: string };

/** Nested items that are bare values ("- `draft`", "- live") list the parent's enum, not child fields. */
function enumChildren(item: Item): string[] | undefined {
  if (item.children.length === 0) return undefined;
  // The words in the last sentence (searched there, rather than from every word on to the end: linear).
  const text = plain([item.text, ...item.rest].join(" "));
  const intro = /(values|one of|either|enum)\b/i.test(text.slice(text.lastIndexOf(".") + 1));
  const values = item.children.map(
    (c) =>
      /^`([^`]+)`(?:\s*([—–:-]|$))/.exec(c.text.trim())?.[1] ??
      (/^[\w.:/+-]+$/.test(c.text.trim()) ? c.text.trim() : undefined),
  );
  if (!intro || values.some((v) => v === undefined)) return undefined;
  return values as string[];
}

function fieldFragment(spec: FieldSpec, path: string[], source: Source, strength: Strength): FieldFragment {
  const out: FieldFragment = { path, source, strength };
  if (spec.schema) out.schema = spec.schema;
  if (spec.required !== undefined) out.required = spec.required;
  if (spec.description) out.description = spec.description;
  if (spec.deprecated) out.deprecated = true;
  return out;
}
