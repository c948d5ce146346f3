// One operation: the nodes under its heading read in order (slug line, description, labels, field lists
// and tables, code), then method, path and servers set first, since placing the fields depends on them.
import type { Code, Heading, Paragraph, RootContent } from "mdast";
import {
  SUCCESS_NOT_SHOWN,
  emptyOperation,
  fact,
  type FieldFragment,
  type HttpMethod,
  type OperationFragment,
  type ResponseFragment,
} from "../../fragment.ts";
import {
  codeIsCut,
  isJsonBlock,
  isShellBlock,
  readCurlBlock,
  readJsonExample,
  type CurlFact,
} from "./code-blocks.ts";
import { applyCurl } from "./curl.ts";
import { collectRepeats, readFieldList, type FieldDraft } from "./field-lists.ts";
import { readTable } from "./field-tables.ts";
import { lineOf, linkOnly, source, textOf, type Ctx, warn } from "./nodes.ts";
import { requestBodyOf } from "./operation-parts.ts";
import { addServer } from "../../read/servers.ts";
import { readLabelledRequest } from "../../read/request-line.ts";
import {
  NO_PARAMETERS,
  UI_TEXT,
  labelZone,
  readContentTypeStatement,
  readRequestLine,
  readReturns,
  readStepRequest,
  type RequestLine,
  type Zone,
} from "./statements.ts";
import { collapseSpace } from "../../read/plain.ts";
import { docsLinkReadsOnly } from "../../read/docs-link.ts";
import { verbReads } from "../../read/crud-verbs.ts";

const BODYLESS_METHODS = new Set<HttpMethod>(["get", "delete", "head"]);

export interface Section {
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
  /** Paths the section names for other operations ("1. createWidget POST /v2/widgets", a prerequisite). */
  otherPaths: string[];
}

export function readOperation(section: Section, ctx: Ctx): OperationFragment {
  const line = lineOf(section.heading);
  const state: OpState = {
    op: emptyOperation(source(ctx, line)),
    title: section.title,
    zone: { kind: "params" },
    describing: true,
    description: [],
    drafts: [],
    curls: [],
    otherPaths: [],
  };
  state.op.title = fact(section.title, source(ctx, line), "prose");
  // A heading that is itself the request line: "## POST /widgets¶", "## GET /api/widgets".
  const own = readRequestLine(section.title);
  if (own) state.requestLine = { ...own, line };
  const nodes = section.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    if (node.type === "paragraph") readParagraph(node, i === 0, state, ctx);
    else if (node.type === "heading") {
      state.describing = false;
      state.zone = labelZone(textOf(node)) ?? state.zone;
    } else if (node.type === "list") {
      // "* URL Endpoint: /path" and "* Method: GET" as separate bullets.
      const labelled = readLabelledRequest(node.children.map((item) => textOf(item)));
      if (labelled) state.requestLine ??= { ...labelled, line: lineOf(node) };
      for (const item of node.children) {
        const step = readStepRequest(textOf(item));
        if (step) state.otherPaths.push(step);
      }
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
    if (!state.op.slug && (first || collapseSpace(link.text) === state.title)) {
      state.op.slug = fact(link.url, source(ctx, line), "prose");
    }
    return;
  }
  const text = collapseSpace(textOf(node).replace(UI_TEXT, " "));
  if (!text) return;
  const returns = readReturns(text);
  const request = readRequestLine(text) ?? readLabelledRequest(textOf(node).split("\n"));
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
  if (codeIsCut(code, ctx)) {
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
    const status = state.zone.kind === "response" ? state.zone.status : SUCCESS_NOT_SHOWN;
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
    if (state.requestLine.server) addServer(op.servers, state.requestLine.server, at, "typed");
  }
  for (const curl of state.curls) applyCurl(op, curl, ctx, state.otherPaths);
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

/**
 * Whether parameters without a stated place go in the query. A curl sample says it where it can: `-G` sends
 * its data in the query string, so the listed parameters go there whatever the method (`-X POST -G`); a
 * DELETE written with `-X DELETE` and no `-G` sends them in its body (docs.stripe.com's convention, LAYOUTS.md
 * family 2). Otherwise by the method if shown, else by the verb of the operation's docs link (the route
 * placement builds from it), else by the title's verb.
 */
function readsOnly(state: OpState): boolean {
  const curls = state.curls.map((c) => c.curl);
  if (curls.some((c) => c.get)) return true;
  if (curls.some((c) => c.method !== undefined && c.method !== "get" && c.method !== "head")) return false;
  const method = state.op.method?.value;
  if (method) return BODYLESS_METHODS.has(method);
  const byLink = state.op.slug && docsLinkReadsOnly(state.op.slug.value);
  if (byLink !== undefined) return byLink;
  // A title verb that reads ("List", "Fetch"): its parameters go in the query string.
  return verbReads(state.title.split(/\s+/)[0] ?? "");
}

function pathParams(path: string | undefined): Set<string> {
  return new Set([...(path ?? "").matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] ?? ""));
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
