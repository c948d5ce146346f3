// Examples in code blocks: curl commands, raw HTTP requests and responses, header lines and JSON bodies,
// and what each shows about the operation (server, security, media type, body or query fields, examples).
// A JSON block is the request's or a response's by its caption, the label above it and its section.
import { SUCCESS_NOT_SHOWN, fact, type JsonSchema, type Source } from "../../fragment.ts";
import {
  formPairs,
  isJsonData,
  mediaTypeOf,
  requestMediaType,
  securityFromCurl,
  securityFromHeader,
} from "../../curl-facts.ts";
import { findJsonEnd, isJsonObject, parseLenientJson, stripLineNumbers } from "../../lenient-json.ts";
import { fieldsFromSchema } from "../../schema-fields.ts";
import type { CurlCommand } from "../../text.ts";
import { serverBeforePath, serverOfHost, serverOfUrl, splitUrl } from "../../read/servers.ts";
import { plain, type CodeBlock, type Ctx, warn } from "../../read/blocks.ts";
import { HEADER_LINE, codeKind, curlOf } from "../../read/code-blocks.ts";
import type { OperationParts } from "./operation-parts.ts";
import { statusIn, type SectionInfo } from "../../read/sections.ts";

interface HttpMessage {
  start: string;
  headers: { name: string; value: string }[];
  body: string;
}

function splitHttpMessage(text: string): HttpMessage {
  const lines = text.trim().split("\n");
  const headers: { name: string; value: string }[] = [];
  let i = 1;
  for (; i < lines.length && (lines[i] ?? "").trim() !== ""; i++) {
    const m = HEADER_LINE.exec((lines[i] ?? "").trim());
    if (m?.[1]) headers.push({ name: m[1], value: (m[2] ?? "").trim() });
  }
  return { start: lines[0] ?? "", headers, body: lines.slice(i).join("\n").trim() };
}

function isJsonSchema(value: unknown): value is JsonSchema {
  if (!isJsonObject(value)) return false;
  const props = value.properties;
  if (typeof value.$schema === "string") return true;
  if (!isJsonObject(props)) return false;
  return (
    value.type === "object" ||
    Object.values(props).some((p) => typeof p === "object" && p !== null && ("type" in p || "$ref" in p))
  );
}

/**
 * The server of an example URL: the URL minus the documented path; when the path does not match, the stated
 * base URL the URL starts with, else the URL's origin.
 */
export function serverFor(url: string, template: string | undefined, bases: string[]): string | undefined {
  if (!splitUrl(url)) return undefined;
  const server = template ? serverBeforePath(url, template) : undefined;
  return server ?? bases.find((b) => url.startsWith(b + "/")) ?? serverOfUrl(url);
}

/** "a[b][c]" -> ["a", "b", "c"]; "expand[]" stays as written, as parameter tables write it. */
function formKeyPath(key: string): string[] {
  const m = /^([^[\]]+)((?:\[[^\]]+\])+)$/.exec(key);
  if (!m?.[1] || !m[2]) return [key];
  return [m[1], ...[...m[2].matchAll(/\[([^[\]]+)\]/g)].map((x) => x[1] ?? "")];
}

function formKeys(data: string[]): string[] {
  return formPairs(data.flatMap((d) => d.split("&")))
    .map((pair) => pair.name)
    .filter((k) => /^[\w.[\]-]+$/.test(k));
}

/** Where a code block stands: the section it is in and the label above it ("Example response", "201 Created"). */
export interface CodePlace {
  section?: SectionInfo;
  label: string;
}

/** Adds what a code block in an operation's span shows to the operation. */
export function readCode(block: CodeBlock, place: CodePlace, parts: OperationParts, ctx: Ctx): void {
  switch (codeKind(block)) {
    case "curl": {
      const curl = curlOf(block);
      if (curl) applyCurl(curl, block.source, parts, ctx);
      return;
    }
    case "http-request":
      applyHttpRequest(splitHttpMessage(block.text), block, parts, ctx);
      return;
    case "http-response":
      applyHttpResponse(splitHttpMessage(block.text), block, parts, ctx);
      return;
    case "headers":
      for (const line of block.text.split("\n")) {
        const m = HEADER_LINE.exec(line.trim());
        const hint = m?.[1] ? securityFromHeader(m[1], (m[2] ?? "").trim()) : undefined;
        if (hint) parts.addSecurity(hint, block.source);
      }
      return;
    case "json":
      readJson(block.text, block, exampleRole(block, place), parts, ctx);
      return;
    default:
      return;
  }
}

/** Where a JSON block goes: the request body, or a response (and which status, when the page shows it). */
type ExampleRole = { role: "request" } | { role: "response"; status: string };

/** Whether a JSON block is the request or the response, from its label, caption and section. */
function exampleRole(block: CodeBlock, place: CodePlace): ExampleRole {
  const { section } = place;
  const words = `${block.meta} ${plain(place.label)}`;
  const status = statusIn(block.meta) ?? statusIn(plain(place.label)) ?? section?.status;
  const fallback = section?.kind === "errors" ? "default" : SUCCESS_NOT_SHOWN;
  if (status || /\b(responses?|returns?|result|output|reply)\b/i.test(words))
    return { role: "response", status: status ?? fallback };
  if (/\b(request|body|payload|input)\b/i.test(words)) return { role: "request" };
  if (section?.kind === "body") return { role: "request" };
  return { role: "response", status: fallback };
}

function readJson(text: string, block: CodeBlock, where: ExampleRole, parts: OperationParts, ctx: Ctx): void {
  const body = stripLineNumbers(text).trim();
  if (body === "") return;
  const start = body.search(/[{[]/);
  if (!block.cut && start !== -1 && findJsonEnd(body, start) === -1) {
    warn(
      ctx,
      block.source,
      "unterminated JSON example: its brackets are not closed; kept what could be read",
    );
  }
  const parsed = parseLenientJson(body);
  if (!parsed.ok) {
    warn(ctx, block.source, `JSON example could not be read (${parsed.error}); skipped`);
    return;
  }
  if (isJsonSchema(parsed.value)) {
    const fields = fieldsFromSchema(parsed.value, block.source, "schema", (m) => warn(ctx, block.source, m));
    if (where.role === "request") parts.requestBody().fields.push(...fields);
    else parts.response(where.status, block.source).fields.push(...fields);
    return;
  }
  const example = fact(parsed.value, block.source, "example");
  if (where.role === "request") parts.requestBody().example ??= example;
  else parts.response(where.status, block.source).example ??= example;
}

/** What a curl command shows: the server, the credentials, the media type, the body or query fields. */
function applyCurl(curl: CurlCommand, source: Source, parts: OperationParts, ctx: Ctx): void {
  const server = serverFor(curl.url, parts.op.path?.value, ctx.bases);
  if (server) parts.addServer(server, source, "example");
  for (const hint of securityFromCurl(curl)) parts.addSecurity(hint, source);
  if (curl.get) {
    for (const key of formKeys(curl.data)) exampleField(key, "query", source, parts);
    return;
  }
  const media = requestMediaType(curl);
  if (media) parts.setContentType(media, source, "example");
  const json = curl.data.find(isJsonData);
  if (json !== undefined) {
    const parsed = parseLenientJson(json);
    if (parsed.ok) parts.requestBody().example ??= fact(parsed.value, source, "example");
  } else {
    for (const key of formKeys([...curl.data, ...curl.form])) exampleField(key, "body", source, parts);
  }
}

function exampleField(key: string, target: "query" | "body", source: Source, parts: OperationParts): void {
  const path = formKeyPath(key);
  if (target === "body") {
    // Each level of "options[document][x]" is a node of its own.
    for (let i = 1; i <= path.length; i++) {
      const sub = path.slice(0, i);
      const body = parts.requestBody();
      if (!body.fields.some((f) => f.strength === "example" && f.path.join(".") === sub.join("."))) {
        body.fields.push({ path: sub, source, strength: "example" });
      }
    }
  } else if (!parts.op.parameters.some((p) => p.in === "query" && p.path[0] === key)) {
    parts.op.parameters.push({ path: [key], in: "query", source, strength: "example" });
  }
}

function applyHttpRequest(message: HttpMessage, block: CodeBlock, parts: OperationParts, ctx: Ctx): void {
  for (const h of message.headers) {
    const hint = securityFromHeader(h.name, h.value);
    if (hint) parts.addSecurity(hint, block.source);
    const server = /^host$/i.test(h.name) ? serverOfHost(h.value) : undefined;
    if (server) parts.addServer(server, block.source, "example");
    const media = /^content-type$/i.test(h.name) ? mediaTypeOf(h.value) : undefined;
    if (media) parts.setContentType(media, block.source, "example");
  }
  if (/^[[{]/.test(message.body)) readJson(message.body, block, { role: "request" }, parts, ctx);
}

function applyHttpResponse(message: HttpMessage, block: CodeBlock, parts: OperationParts, ctx: Ctx): void {
  const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(message.start)?.[1] ?? SUCCESS_NOT_SHOWN;
  const response = parts.response(status, block.source);
  const header = message.headers.find((h) => /^content-type$/i.test(h.name));
  const media = header ? mediaTypeOf(header.value) : undefined;
  if (media) response.contentType ??= fact(media, block.source, "example");
  if (/^[[{]/.test(message.body)) readJson(message.body, block, { role: "response", status }, parts, ctx);
}
