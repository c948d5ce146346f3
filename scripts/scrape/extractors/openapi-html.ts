// Reads the HTML an OpenAPI-to-HTML renderer produces: one <article> per operation, holding the operation's
// name (h1.requestSummary), its description, an HTTP request example (method, backslashed path, host and
// media-type headers), a parameter list (dl.parameters), the request body as an escaped JSON Schema
// (section.requestContent pre.schema) and the response statuses (section.responses li.response).
// The renderer fills some spots with placeholders (an eTag header, an "Example goes here" body): those are
// not facts and are skipped.
import { load } from "cheerio";
import { type AnyNode, type Document, type Element, hasChildren, isTag } from "domhandler";
import type {
  Extractor,
  Fact,
  FieldFragment,
  HttpMethod,
  JsonSchema,
  OperationFragment,
  Page,
  PageFragment,
  ParameterFragment,
  ParameterLocation,
  RequestBodyFragment,
  ResponseFragment,
  Source,
} from "../fragment.ts";
import { mediaTypeOf } from "../curl-facts.ts";
import { emptyOperation, emptyPageFragment, fact } from "../fragment.ts";
import { loadHtmlPage, nextElement, nodeText, rankOf, startLineOf } from "../html-page.ts";
import { MAX_JSON_DEPTH } from "../../lib/depth.ts";
import { isJsonObject, isTooDeep, parseLenientJson } from "../lenient-json.ts";
import { fieldsFromParsedSchema, fieldsFromSchema } from "../schema-fields.ts";
import { lineAt } from "../text.ts";
import { parseMethod, readTarget, templateQueryParameters } from "../read/request-line.ts";
import { addServer, serverOfHost } from "../read/servers.ts";
import { parseTypePhrase } from "../type-phrase.ts";
import { plainText } from "../read/plain.ts";

const NAME = "openapi-html";

// ---------------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------------

/**
 * The class names this renderer gives its elements. Each is specific enough that a page using several of
 * them is almost certainly the renderer's output; a page cut off early still shows the first few.
 */
const MARKER_CLASSES = [
  "requestSummary",
  "requestDescription",
  "httpExample",
  "requestLine",
  "httpTarget",
  "headerLine",
  "parameterName",
  "parameterLocation",
  "requestContent",
  "statusLine",
];

const MARKER_PATTERNS = MARKER_CLASSES.map(
  (cls) => new RegExp(String.raw`class\s*=\s*["']?(?:[^"'>]*\s)?${cls}(?=[\s"'>])`),
);

/** Markers needed for full confidence: five of ten, so a page cut after the HTTP example still counts. */
const MARKERS_FOR_CERTAINTY = 5;

/** Scores a page by how many of the renderer's class names it uses in HTML class attributes. */
function detect(page: Page): number {
  if (!/<[a-z][a-z0-9]*[\s>]/i.test(page.text)) return 0;
  let hits = 0;
  // Counting stops at certainty: more markers would not raise the score.
  for (const re of MARKER_PATTERNS) if (re.test(page.text) && ++hits === MARKERS_FOR_CERTAINTY) break;
  return Math.min(1, hits / MARKERS_FOR_CERTAINTY);
}

// ---------------------------------------------------------------------------------------------------
// Shared reading context
// ---------------------------------------------------------------------------------------------------

interface Ctx {
  root: Document;
  page: Page;
  out: PageFragment;
}

/** Whether the element's class attribute lists `cls` (cheerio's hasClass). */
function hasClass(el: Element, cls: string): boolean {
  return (el.attribs.class ?? "").split(/\s+/).includes(cls);
}

const SPACE = /\s/;
const SPACES = /\s+/;

/** The node's children onto a stack, last first, so they come off it in document order. */
function pushChildren(stack: AnyNode[], node: { children: readonly AnyNode[] }): void {
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
}

/**
 * The elements under a node by class name, in document order. One walk of a subtree answers all of the
 * reader's lookups there; a cheerio selector per lookup compiled and walked the subtree again each time
 * (a third of a whole site's scrape went to finding each parameter's three spans).
 */
class ClassIndex {
  private readonly byClass = new Map<string, Element[]>();

  constructor(root: AnyNode | undefined) {
    // Iterative, so a deeply nested page cannot overflow the stack.
    const stack: AnyNode[] = [];
    if (root && hasChildren(root)) pushChildren(stack, root);
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (!isTag(node)) continue;
      const classes = node.attribs.class;
      // Most elements have no class, and most others one: only a list of several is split (a split per
      // element made an array for each of the elements of every page of a site).
      if (classes && SPACE.test(classes)) {
        for (const cls of classes.split(SPACES)) if (cls !== "") this.add(cls, node);
      } else if (classes) this.add(classes, node);
      pushChildren(stack, node);
    }
  }

  private add(cls: string, el: Element): void {
    const list = this.byClass.get(cls);
    if (list) list.push(el);
    else this.byClass.set(cls, [el]);
  }

  /** Elements with the class (and the tag, when given): `tag.cls`. */
  all(cls: string, tag?: string): Element[] {
    const list = this.byClass.get(cls) ?? [];
    return tag === undefined ? list : list.filter((el) => el.name === tag);
  }

  first(cls: string, tag?: string): Element | undefined {
    return this.all(cls, tag)[0];
  }

  /** `outer.outerCls tag.cls`: elements with the class inside an element with outerCls, below the root. */
  inside(outerTag: string, outerCls: string, tag: string, cls: string): Element[] {
    return this.all(cls, tag).filter((el) => {
      for (let up = el.parent; up && isTag(up); up = up.parent) {
        if (up.name === outerTag && hasClass(up, outerCls)) return true;
      }
      return false;
    });
  }
}

function sourceAt(ctx: Ctx, selector: string): Source {
  return { file: ctx.page.file, selector };
}

/** Adds a warning, with the line of the element it concerns when the parser recorded one. */
function warn(ctx: Ctx, node: AnyNode | undefined, message: string): void {
  const line = node ? startLineOf(node) : undefined;
  ctx.out.warnings.push(
    line === undefined ? { file: ctx.page.file, message } : { file: ctx.page.file, line, message },
  );
}

/**
 * The element's position among siblings of the same tag, for `:nth-of-type()`. Computed rather than
 * assumed so the selector finds exactly this element even when other tags sit between siblings.
 */
function nthOfType(el: Element): number {
  return rankOf(el).rank;
}

// ---------------------------------------------------------------------------------------------------
// Description
// ---------------------------------------------------------------------------------------------------

const BLOCK_TAGS = new Set("p div ul ol li pre blockquote table tr h1 h2 h3 h4 h5 h6 br hr".split(" "));

/** Splits an element's content into plain-text paragraphs at block elements. */
function blockParagraphs(el: Element): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const flush = (): void => {
    const text = plainText(current);
    if (text) paragraphs.push(text);
    current = "";
  };
  const walk = (node: AnyNode): void => {
    if (node.type === "text") current += (node as unknown as { data: string }).data;
    else if (node.type === "tag") {
      const tag = (node as Element).tagName.toLowerCase();
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      for (const child of (node as Element).children) walk(child);
      if (block) flush();
    }
  };
  for (const node of el.children) walk(node);
  flush();
  return paragraphs;
}

/**
 * The description's paragraphs. The renderer writes `<p class="requestDescription"><p>..</p></p>`; an
 * HTML parser closes the outer <p> where the inner one opens, so the paragraphs end up as class-less
 * siblings after an empty requestDescription. Those siblings are gathered back, up to the next element
 * that is the renderer's own (it has a class) or a heading.
 */
function descriptionParagraphs(desc: Element): string[] {
  const paragraphs = blockParagraphs(desc);
  if (desc.name === "p") {
    for (let next = nextElement(desc); next; next = nextElement(next)) {
      if (next.attribs.class || /^h[1-6]$/i.test(next.tagName)) break;
      paragraphs.push(...blockParagraphs(next));
    }
  }
  return paragraphs;
}

/** Longest first sentence still taken as a summary; longer ones are descriptions, not summaries. */
const MAX_SUMMARY_LENGTH = 160;

/** The first sentence of a paragraph: up to a stop followed by a capital (or the end). */
function firstSentence(paragraph: string): string | undefined {
  const m = /^(.+?[.!?])(?=\s+[A-Z0-9"'(]|$)/.exec(paragraph);
  const sentence = m?.[1] ?? paragraph;
  return sentence.length <= MAX_SUMMARY_LENGTH ? sentence : undefined;
}

/** Operation names the renderer prints: identifiers such as PostIdentityVerificationSessionsSession. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function readHeading(ctx: Ctx, index: ClassIndex, scope: string, op: OperationFragment): void {
  const text = plainText(nodeText(index.first("requestSummary", "h1")));
  if (!text) return;
  const source = sourceAt(ctx, `${scope} h1.requestSummary`);
  // An identifier is the renderer's operationId; a phrase with spaces is a human title (a spec summary).
  if (IDENTIFIER.test(text)) op.operationId = fact(text, source, "typed");
  else op.title = fact(text, source, "typed");
}

function readDescription(ctx: Ctx, index: ClassIndex, scope: string, op: OperationFragment): void {
  const desc = index.first("requestDescription");
  if (!desc) return;
  const paragraphs = descriptionParagraphs(desc);
  const first = paragraphs[0];
  if (first === undefined) return;
  const source = sourceAt(ctx, `${scope} .requestDescription`);
  op.description = fact(paragraphs.join("\n\n"), source, "prose");
  const summary = firstSentence(first);
  if (summary) op.summary = fact(summary, source, "prose");
}

// ---------------------------------------------------------------------------------------------------
// HTTP request example
// ---------------------------------------------------------------------------------------------------

interface HttpExample {
  method?: Fact<HttpMethod>;
  path?: Fact<string>;
  /** Query parameters an RFC 6570 template in the target names ("\\v1\\items{?limit*}"). */
  query: ParameterFragment[];
  servers: Fact<string>[];
  contentType?: Fact<string>;
  accept?: Fact<string>;
  body?: Fact<unknown>;
}

/** The renderer's stand-in body, `{ "example": "Example goes here" }`: one string-valued "example" key. */
function isPlaceholderBody(value: unknown): boolean {
  return isJsonObject(value) && Object.keys(value).length === 1 && typeof value.example === "string";
}

/** The text after the last element of the example: the body, separated from the headers by a blank line. */
function exampleBodyText(pre: Element): string {
  const nodes = pre.children;
  let lastTag = -1;
  nodes.forEach((n, i) => {
    if (n.type === "tag") lastTag = i;
  });
  return nodes
    .slice(lastTag + 1)
    .map((n) => (n.type === "text" ? (n as unknown as { data: string }).data : ""))
    .join("")
    .trim();
}

/**
 * A real JSON request example, or undefined for the placeholder and for bodies that are not JSON at all
 * (the renderer's stand-ins). JSON that is broken beyond repair is warned about.
 */
function readExampleBody(ctx: Ctx, pre: Element, selector: string): Fact<unknown> | undefined {
  const text = exampleBodyText(pre);
  if (!/^[[{]/.test(text)) return undefined;
  const parsed = parseLenientJson(text);
  if (!parsed.ok) {
    warn(ctx, pre, `request example body is not JSON even after repair (${parsed.error}); skipped`);
    return undefined;
  }
  if (isPlaceholderBody(parsed.value)) return undefined;
  return fact(parsed.value, sourceAt(ctx, selector), "example");
}

/** The request line: method and path (a full URL also gives a server). */
function readRequestLine(ctx: Ctx, pre: ClassIndex, selector: string, example: HttpExample): void {
  const methodEl = pre.first("requestLine");
  const methodText = nodeText(methodEl).trim();
  const method = parseMethod(methodText);
  if (method) example.method = fact(method, sourceAt(ctx, `${selector} .requestLine`), "typed");
  else if (methodEl) warn(ctx, methodEl, `unknown HTTP method "${methodText}" in the request example`);

  const target = nodeText(pre.first("httpTarget")).trim();
  if (!target) return;
  const targetSource = sourceAt(ctx, `${selector} .httpTarget`);
  const read = readTarget(target, "key");
  if (read.server) addServer(example.servers, read.server, targetSource, "typed");
  example.path = fact(read.path, targetSource, "typed");
  example.query = templateQueryParameters(read, targetSource);
}

/** The headers that carry facts (host, content-type, accept); the renderer's other headers are stand-ins. */
function readHeaders(ctx: Ctx, pre: ClassIndex, selector: string, example: HttpExample): void {
  for (const nameEl of pre.all("headerLine")) {
    const name = nodeText(nameEl).trim().toLowerCase();
    const valueEl = nextElement(nameEl);
    if (!valueEl || !hasClass(valueEl, "headerValue")) {
      const which = name ? `header "${name}"` : "a header line";
      warn(ctx, nameEl, `${which} in the request example has no value (the page may be cut off)`);
      continue;
    }
    const value = nodeText(valueEl).trim();
    const source = sourceAt(ctx, `${selector} span.headerValue:nth-of-type(${nthOfType(valueEl)})`);
    if (name === "host") {
      const server = serverOfHost(value);
      if (server) addServer(example.servers, server, source, "typed");
      else warn(ctx, valueEl, `host header "${value}" is not a host name; no server taken from it`);
    } else if (name === "content-type") {
      const type = mediaTypeOf(value);
      if (type) example.contentType = fact(type, source, "typed");
    } else if (name === "accept") {
      const type = mediaTypeOf(value);
      if (type) example.accept = fact(type, source, "typed");
    }
  }
}

function readHttpExample(ctx: Ctx, index: ClassIndex, scope: string): HttpExample {
  const example: HttpExample = { servers: [], query: [] };
  const pre = index.first("httpExample", "pre");
  if (!pre) return example;
  const selector = `${scope} pre.httpExample`;
  const inPre = new ClassIndex(pre);
  readRequestLine(ctx, inPre, selector, example);
  readHeaders(ctx, inPre, selector, example);
  example.body = readExampleBody(ctx, pre, selector);
  return example;
}

// ---------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------

const LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];

/**
 * Where a parameter goes. When the renderer's location is missing or unknown, a name that appears as a
 * template variable in the path is still certainly a path parameter; anything else cannot be placed.
 */
function parameterLocation(
  text: string,
  name: string,
  path: string | undefined,
): ParameterLocation | undefined {
  const loc = text.trim().toLowerCase();
  if ((LOCATIONS as readonly string[]).includes(loc)) return loc as ParameterLocation;
  return path?.includes(`{${name}}`) ? "path" : undefined;
}

/** One dt.parameter (name, location, type) and the dd after it (description, "required"). */
function readParameter(
  ctx: Ctx,
  dt: Element,
  scope: string,
  path: string | undefined,
): ParameterFragment | undefined {
  const inDt = new ClassIndex(dt);
  const name = nodeText(inDt.first("parameterName")).trim();
  if (!name) {
    warn(ctx, dt, "a parameter entry has no name; skipped");
    return undefined;
  }
  const locationText = nodeText(inDt.first("parameterLocation"));
  const location = parameterLocation(locationText, name, path);
  if (!location) {
    warn(ctx, dt, `parameter "${name}" has no known location ("${locationText.trim()}"); skipped`);
    return undefined;
  }
  const source = sourceAt(ctx, `${scope} dl.parameters dt.parameter:nth-of-type(${nthOfType(dt)})`);
  const param: ParameterFragment = { path: [name], in: location, source, strength: "typed" };
  const schema = parseTypePhrase(nodeText(inDt.first("parameterType")));
  if (schema) param.schema = schema;

  const dd = nextElement(dt);
  if (dd?.name !== "dd") {
    // A dt with no dd is a row cut short: whether it is required is unknown, so it is left unset.
    warn(ctx, dt, `parameter "${name}" has no description/required entry (the page may be cut off)`);
    return param;
  }
  const inDd = new ClassIndex(dd);
  param.required = /\brequired\b/i.test(inDd.all("parameterRequired").map(nodeText).join(""));
  const description = plainText(inDd.all("parameterDescription").map(nodeText).join(""));
  if (description) param.description = description;
  return param;
}

function readParameters(
  ctx: Ctx,
  index: ClassIndex,
  scope: string,
  path: string | undefined,
): ParameterFragment[] {
  return index
    .inside("dl", "parameters", "dt", "parameter")
    .flatMap((el) => readParameter(ctx, el, scope, path) ?? []);
}

// ---------------------------------------------------------------------------------------------------
// The request body's JSON Schema block
// ---------------------------------------------------------------------------------------------------

/** The keys from the root down to the last value in document order: where a cut-off JSON text stopped. */
function lastValuePath(value: unknown): string[] {
  const path: string[] = [];
  let node = value;
  for (;;) {
    if (Array.isArray(node) && node.length > 0) {
      path.push(String(node.length - 1));
      node = node[node.length - 1];
    } else if (isJsonObject(node) && Object.keys(node).length > 0) {
      const key = Object.keys(node).at(-1) as string;
      path.push(key);
      node = node[key];
    } else return path;
  }
}

/** Where a field's schema sits in the block: ["properties", "a", "properties", "b"] for a.b. */
function schemaPath(fieldPath: string[]): string[] {
  return fieldPath.flatMap((name) => ["properties", name]);
}

function isPrefix(prefix: string[], of: string[]): boolean {
  return prefix.length <= of.length && prefix.every((k, i) => of[i] === k);
}

/**
 * Makes the fields of a repaired, cut-off schema honest. The cut lies on the "last value" path: every
 * node on it was left open. Such a node's last keyword is the one that was being written when the text
 * stopped, so it is dropped (its earlier keywords were complete, as JSON keeps key order). A parent
 * left open may not have reached its `required` list yet, so its children's `required: false` becomes
 * unknown. Nodes off the path were closed before the cut and are kept as they are.
 */
function trimCutFields(fields: FieldFragment[], root: JsonSchema): FieldFragment[] {
  const cut = lastValuePath(root);
  return fields.map((field) => {
    const at = schemaPath(field.path);
    const parentAt = at.slice(0, -2);
    const out: FieldFragment = { ...field };
    if (isPrefix(parentAt, cut)) {
      const requiredComplete = cut[parentAt.length] !== "required" && hasKey(root, [...parentAt, "required"]);
      if (!requiredComplete && out.required === false) delete out.required;
    }
    if (!isPrefix(at, cut)) return out;
    const openKey = cut[at.length];
    if (openKey === "description") delete out.description;
    if (out.schema && openKey !== undefined) {
      const { [openKey]: _partial, ...kept } = out.schema;
      out.schema = kept;
    }
    if (out.schema && Object.keys(out.schema).length === 0) delete out.schema;
    return out;
  });
}

/** The deepest field the cut went through, the one whose documentation stops part-way. */
function partialField(fields: FieldFragment[], root: JsonSchema): string[] | undefined {
  const cut = lastValuePath(root);
  const open = fields.filter((f) => isPrefix(schemaPath(f.path), cut));
  return open.reduce<string[] | undefined>(
    (deepest, f) => (f.path.length > (deepest?.length ?? 0) ? f.path : deepest),
    undefined,
  );
}

function hasKey(root: unknown, path: string[]): boolean {
  let node = root;
  for (const key of path) {
    if (!isJsonObject(node) || !(key in node)) return false;
    node = node[key];
  }
  return true;
}

/** Schema descriptions are markdown in the spec; the contract wants plain text. */
function plainDescriptions(fields: FieldFragment[]): FieldFragment[] {
  return fields.map((f) => {
    if (f.description === undefined) return f;
    const description = plainText(f.description);
    const { description: _raw, ...rest } = f;
    return description ? { ...rest, description } : rest;
  });
}

/**
 * The fields of a `pre.schema` block (HTML-escaped JSON Schema; cheerio's text() decodes it). A block
 * that is not valid JSON was cut off: it is repaired to keep what it holds, with a warning.
 */
function readSchemaBlock(ctx: Ctx, pre: Element, selector: string, what: string): FieldFragment[] {
  const text = nodeText(pre).trim();
  const source = sourceAt(ctx, selector);
  try {
    const schema: unknown = JSON.parse(text);
    if (isTooDeep(schema)) {
      warn(ctx, pre, `${what} is nested more than ${MAX_JSON_DEPTH} levels deep; skipped`);
      return [];
    }
    if (!isJsonObject(schema)) {
      warn(ctx, pre, `${what} is not a JSON Schema object; skipped`);
      return [];
    }
    return plainDescriptions(fieldsFromParsedSchema(schema, source, "schema", (m) => warn(ctx, pre, m)));
  } catch (error) {
    return readCutSchema(ctx, pre, text, source, what, error);
  }
}

function readCutSchema(
  ctx: Ctx,
  pre: Element,
  text: string,
  source: Source,
  what: string,
  error: unknown,
): FieldFragment[] {
  const reason = error instanceof Error ? error.message : String(error);
  const repaired = parseLenientJson(text);
  if (!repaired.ok || !isJsonObject(repaired.value)) {
    warn(ctx, pre, `${what} is not valid JSON (${reason}) and cannot be repaired; skipped`);
    return [];
  }
  const fields = trimCutFields(
    fieldsFromSchema(repaired.value, source, "schema", (m) => warn(ctx, pre, m)),
    repaired.value,
  );
  const partial = partialField(fields, repaired.value);
  warn(
    ctx,
    pre,
    `${what} is not valid JSON (${reason}), likely cut off; kept the ${fields.length} properties ` +
      `before the cut${partial ? `, "${partial.join(".")}" only in part` : ""}`,
  );
  return plainDescriptions(fields);
}

// ---------------------------------------------------------------------------------------------------
// Request body and responses
// ---------------------------------------------------------------------------------------------------

/** Methods whose requests carry no body: a content-type header alone does not make one for them. */
const BODYLESS: ReadonlySet<HttpMethod> = new Set(["get", "head", "delete", "options", "trace"]);

function readRequestBody(
  ctx: Ctx,
  index: ClassIndex,
  scope: string,
  example: HttpExample,
): RequestBodyFragment | undefined {
  const pre = index.inside("section", "requestContent", "pre", "schema")[0];
  const fields = pre
    ? readSchemaBlock(ctx, pre, `${scope} section.requestContent pre.schema`, "request body schema")
    : [];
  const method = example.method?.value;
  const bodyExpected =
    pre !== undefined || example.body !== undefined || (method !== undefined && !BODYLESS.has(method));
  if (!bodyExpected || (!example.contentType && fields.length === 0 && !example.body)) return undefined;
  const body: RequestBodyFragment = { fields };
  if (example.contentType) body.contentType = example.contentType;
  if (example.body) body.example = example.body;
  return body;
}

/** Statuses whose responses have no body, so the Accept header says nothing about them. */
function hasNoBody(status: string): boolean {
  return status === "204" || status === "304" || /^1/.test(status);
}

/** "200", "4XX" or "default", or undefined for anything else. */
function normaliseStatus(text: string): string | undefined {
  const s = text.trim();
  if (/^[1-5]\d\d$/.test(s)) return s;
  if (/^[1-5]xx$/i.test(s)) return s.toUpperCase();
  if (/^default$/i.test(s)) return "default";
  return undefined;
}

function readResponse(
  ctx: Ctx,
  li: Element,
  scope: string,
  accept: Fact<string> | undefined,
): ResponseFragment | undefined {
  const inLi = new ClassIndex(li);
  const statusText = nodeText(inLi.first("statusLine"));
  const status = normaliseStatus(statusText);
  if (!status) {
    warn(ctx, li, `response status "${statusText.trim()}" is not a status code; skipped`);
    return undefined;
  }
  const selector = `${scope} section.responses li.response:nth-of-type(${nthOfType(li)})`;
  const response: ResponseFragment = { status, fields: [], source: sourceAt(ctx, selector) };
  const description = plainText(nodeText(inLi.first("statusDescription")));
  if (description)
    response.description = fact(description, sourceAt(ctx, `${selector} .statusDescription`), "typed");
  if (accept && !hasNoBody(status)) response.contentType = accept;
  return response;
}

function readResponses(
  ctx: Ctx,
  index: ClassIndex,
  scope: string,
  accept: Fact<string> | undefined,
): ResponseFragment[] {
  return index
    .inside("section", "responses", "li", "response")
    .flatMap((el) => readResponse(ctx, el, scope, accept) ?? []);
}

// ---------------------------------------------------------------------------------------------------
// Operations and the page
// ---------------------------------------------------------------------------------------------------

function readOperation(
  ctx: Ctx,
  article: Element | Document | undefined,
  scope: string,
  label: string,
): OperationFragment {
  const index = new ClassIndex(article);
  const hasDescription = index.first("requestDescription") !== undefined;
  const op = emptyOperation(sourceAt(ctx, hasDescription ? `${scope} .requestDescription` : scope));
  readHeading(ctx, index, scope, op);
  readDescription(ctx, index, scope, op);
  const example = readHttpExample(ctx, index, scope);
  if (example.method) op.method = example.method;
  if (example.path) op.path = example.path;
  op.servers = example.servers;
  if (!example.method || !example.path) {
    warn(
      ctx,
      article,
      `${label} has no complete HTTP request line (method and path); the operation cannot be placed`,
    );
  }
  op.parameters = readParameters(ctx, index, scope, example.path?.value);
  // The target's query template names the query parameters; the parameter list, when it has one, says more.
  const listed = new Set(op.parameters.map((p) => p.path.join(".")));
  op.parameters.push(...example.query.filter((q) => !listed.has(q.path.join("."))));
  const body = readRequestBody(ctx, index, scope, example);
  if (body) op.requestBody = body;
  op.responses = readResponses(ctx, index, scope, example.accept);
  return op;
}

/** Where the last element of a cut-off page sits, as words for the warning. */
const PLACES: [string, string][] = [
  ["section.requestContent", "in the request body schema"],
  ["section.responses", "in the responses"],
  ["dl.parameters", "in the parameters"],
  ["pre.httpExample", "in the HTTP request example"],
  [".requestOverview", "in the description"],
];

/**
 * Warns when the page stops before its end: an <html> page without </html>, or more <article> tags
 * opened than closed. The parser closes what is open, so the content before the cut is still read.
 */
function warnIfCut(ctx: Ctx): void {
  const text = ctx.page.text.trimEnd();
  const opened = (text.match(/<article[\s>]/gi) ?? []).length;
  const closed = (text.match(/<\/article\s*>/gi) ?? []).length;
  // The end tag is looked for in the page's last bytes: a regex anchored at the end ("...$") is still
  // tried at every "<" of the page.
  const noHtmlEnd = /<html[\s>]/i.test(text) && !/<\/html\s*>$/i.test(text.slice(-64));
  if (!noHtmlEnd && opened <= closed) return;
  // Only a cut page gets here: cheerio's selectors find where it stops.
  const $ = load(ctx.root);
  const last = $("*").last();
  const article = last.closest("article");
  const articleEl = article.get(0);
  const where = articleEl && isTag(articleEl) ? ` inside article ${nthOfType(articleEl)}` : "";
  const place = PLACES.find(([selector]) => last.closest(selector).length > 0)?.[1];
  ctx.out.warnings.push({
    file: ctx.page.file,
    line: lineAt(text, text.length),
    message: `page is cut off${where}${place ? ` ${place}` : ""} (no closing ${noHtmlEnd ? "</html>" : "</article>"}); what followed is missing`,
  });
}

/**
 * The page's <article> elements in document order, its first `head > title`, its <body> and whether it
 * shows a `pre.httpExample`, found in one walk of the tree (a cheerio selector per lookup compiled the
 * selector and walked the whole page again).
 */
function pageOutline(root: AnyNode): {
  articles: Element[];
  title?: Element;
  body?: Element;
  httpExample: boolean;
} {
  const articles: Element[] = [];
  let title: Element | undefined;
  let body: Element | undefined;
  let httpExample = false;
  // Iterative, so a deeply nested page cannot overflow the stack.
  const stack: AnyNode[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isTag(node)) {
      if (node.name === "article") articles.push(node);
      // The page's title sits in <head>, or before any <body> when the page leaves <head> out (an
      // <svg> holds <title>s of its own).
      else if (
        node.name === "title" &&
        !title &&
        (!node.parent || !isTag(node.parent) || node.parent.name === "head" || node.parent.name === "html")
      )
        title = node;
      else if (node.name === "body") body ??= node;
      else if (node.name === "pre" && !httpExample) httpExample = hasClass(node, "httpExample");
    }
    if (hasChildren(node)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  return { articles, httpExample, ...(title ? { title } : {}), ...(body ? { body } : {}) };
}

function extract(page: Page): PageFragment {
  const out = emptyPageFragment(page.file, NAME);
  const root = loadHtmlPage(page.text, page.file, out.warnings);
  const ctx: Ctx = { root, page, out };
  const outline = pageOutline(root);
  const title = plainText(nodeText(outline.title));
  if (title) out.title = title;
  for (const article of outline.articles) {
    const n = nthOfType(article);
    out.operations.push(readOperation(ctx, article, `article:nth-of-type(${n})`, `article ${n}`));
  }
  // A renderer fragment without <article> wrappers: read the body (the root of a fragment without one)
  // as the one operation.
  if (outline.articles.length === 0 && outline.httpExample) {
    out.operations.push(readOperation(ctx, outline.body ?? root, "body", "the page"));
  }
  warnIfCut(ctx);
  return out;
}

export const openapiHtmlExtractor: Extractor = { name: NAME, detect, extract };
