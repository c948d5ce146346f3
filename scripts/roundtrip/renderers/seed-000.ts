// Seed 000's layout (LAYOUTS.md family 5): one HTML page per operation from a static OpenAPI-to-HTML
// renderer. The operationId as the h1, the description, an HTTP request example whose target is the path
// with backslashes and the query parameters as an RFC 6570 template (`\v1\customers{?created*,limit*}`),
// a definition list of parameters (in, type, required), the request body's JSON Schema as an XML-escaped
// block, and the status codes. It is lossless for requests: every fact of operationFacts is on the page.
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { operationFact, parameterFacts, propertyFacts, statusFact } from "../facts.ts";
import { bodyProperties } from "../schema-walk.ts";
import { FOOTER_LINES, PageWriter, navigationLines } from "./page-writer.ts";
import { escapeHtml, escapeHtmlText, singleType, typePhrase } from "./schema-text.ts";

/** How this renderer escapes text: markup characters, and line breaks and non-ASCII as character references. */
function escapeXml(text: string): string {
  return escapeHtml(text)
    .replace(/&#39;/g, "'")
    .replace(/\n/g, "&#xA;")
    .replace(/[^\x20-\x7e&#;]/gu, (c) => `&#x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()};`);
}

const HEAD =
  '<!DOCTYPE html><html><head><title></title><link rel="stylesheet" href="../OpenApi.css"/><meta charset="utf-8"/>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"/></head><body>';

/** The request target as the seed writes it: `\v1\customers\{customer}` and `{?a*,b*}` for the query. */
export function requestTarget(op: RenderOperation): string {
  const query = op.parameters.filter((p) => p.in === "query").map((p) => `${p.name}*`);
  return op.path.replace(/\//g, "\\") + (query.length > 0 ? `{?${query.join(",")}}` : "");
}

function hostOf(api: RenderApi): string {
  try {
    const url = new URL(api.servers[0] ?? "https://localhost");
    return `${url.hostname}:${url.port || (url.protocol === "http:" ? "80" : "443")}`;
  } catch {
    return "localhost:443";
  }
}

function descriptionHtml(text: string | undefined): string {
  const paragraphs = (text ?? "")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n\n");
}

function renderOperation(api: RenderApi, op: RenderOperation, perturbations: Perturbations): RenderedPage {
  const w = new PageWriter();
  w.write(HEAD);
  if (perturbations.navigationNoise) {
    w.write(
      `<nav class="sidebar"><ul>${navigationLines(api)
        .map((l) => `<li>${escapeHtml(l)}</li>`)
        .join("")}</ul></nav>`,
    );
  }
  const title = op.operationId ?? op.summary ?? `${op.method} ${op.path}`;
  w.write(
    '<article><section  class="requestOverview"><h1  class="requestSummary">',
    escapeHtml(title),
    "</h1>",
  );
  w.write('<p  class="requestDescription">', descriptionHtml(op.description ?? op.summary), "</p></section>");

  w.write('<section  class="http"><h3>HTTP Request</h3><pre  class="httpExample">');
  w.write(`<span  class="requestLine">${op.method.toUpperCase()}</span> `);
  w.write(`<span  class="httpTarget">${escapeHtml(requestTarget(op))}</span>`);
  w.place(operationFact(op));
  w.write(' <span  class="httpVersion">HTTP/1.1</span>\n');
  const headers: [string, string][] = [
    ["host", hostOf(api)],
    ["eTag", '"23423432"'],
    ["accept", "application/json"],
  ];
  if (op.requestBody) headers.push(["content-type", op.requestBody.contentType]);
  for (const [name, value] of headers) {
    w.write(
      `<span  class="headerLine">${name}</span>: <span  class="headerValue">${escapeHtmlText(value)}</span>\n`,
    );
  }
  w.write("\n{ &quot;example&quot;: &quot;Example goes here&quot; }</pre></section>");

  if (op.parameters.length > 0) {
    w.write('<dl  class="parameters"><h3>Parameters</h3>');
    for (const p of op.parameters) {
      const type = singleType(p.schema) ?? typePhrase(p.schema);
      w.write(`<dt  class="parameter"><span  class="parameterName">${escapeHtml(p.name)}</span> [ in: `);
      w.write(
        `<span  class="parameterLocation">${p.in}</span> type: <span  class="parameterType">${escapeHtml(type)}</span> ]</dt>`,
      );
      w.write(
        `<dd  class="parameter"><span  class="parameterDescription">${escapeHtml(p.description ?? "")}</span> `,
      );
      w.write(`<span  class="parameterRequired">${p.required ? "required" : "optional"}</span></dd>`);
      w.place(...parameterFacts(op, p));
    }
    w.write("</dl>");
  }

  if (op.requestBody) {
    w.write('<section  class="requestContent"><h3>Request Body Schema</h3><pre  class="schema">');
    const ends = writeSchemaJson(w, op.requestBody.schema);
    w.write("</pre></section>");
    for (const property of bodyProperties(op.requestBody.schema)) {
      const [exists, required, ...attributes] = propertyFacts(op, property) as [Fact, Fact, ...Fact[]];
      const parent = property.path.includes(".") ? property.path.replace(/\.[^.]*$/, "") : "";
      const valueEnd = ends.value.get(property.path) ?? w.offset;
      w.placeAt(valueEnd, exists, ...attributes);
      w.placeAt(ends.required.get(parent) ?? w.offset, required);
    }
  }

  if (op.responses.length > 0) {
    w.write('<section  class="responses"><h2>Responses</h2><ul  class="responses">');
    for (const r of op.responses) {
      w.write(`<li  class="response"><span  class="statusLine">${escapeHtml(r.status)}</span> `);
      w.write(`<span  class="statusDescription">${escapeHtml(r.description ?? "")}</span></li>`);
      w.place(statusFact(op, r.status));
    }
    w.write("</ul></section>");
  }
  w.write("</article>");
  if (perturbations.navigationNoise) {
    w.write(`<footer>${FOOTER_LINES.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}</footer>`);
  }
  w.write("</body></html>\n");
  return w.page(pageFile(op));
}

/** A file name per operation: the operationId, or method and path, made folder-safe. */
export function pageFile(op: RenderOperation): string {
  const base = `${op.method}-${op.path}`.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return `${base.slice(0, 120)}.html`;
}

interface SchemaEnds {
  /** Body property path -> offset where (the last occurrence of) its schema ends. */
  value: Map<string, number>;
  /** Object path ("" = the body) -> offset where its `required` list (or, without one, the object) ends. */
  required: Map<string, number>;
}

const MAX_JSON_DEPTH = 64;

/**
 * The schema as the seed shows it: JSON indented by two spaces, XML-escaped, every line break as `&#xA;`.
 * While writing, notes where each body property's schema ends (paths as bodyProperties spells them:
 * "a.b", "list[].name"; anyOf/oneOf/allOf branches keep their parent's path).
 */
function writeSchemaJson(w: PageWriter, schema: Schema): SchemaEnds {
  const ends: SchemaEnds = { value: new Map(), required: new Map() };
  const note = (map: Map<string, number>, path: string): void => {
    map.set(path, Math.max(map.get(path) ?? 0, w.offset));
  };
  const join = (prefix: string, name: string): string => (prefix === "" ? name : `${prefix}.${name}`);
  // `path` is the body path of the schema being written, or undefined outside the property tree.
  const value = (v: unknown, indent: string, path: string | undefined, depth: number): void => {
    if (depth > MAX_JSON_DEPTH || v === null || typeof v !== "object") {
      w.write(escapeXml(JSON.stringify(depth > MAX_JSON_DEPTH ? null : (v ?? null))));
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return void w.write("[]");
      w.write("[");
      v.forEach((item, i) => {
        w.write(`${i > 0 ? "," : ""}&#xA;${inner}`);
        value(item, inner, path, depth + 1);
      });
      w.write(`&#xA;${indent}]`);
      return;
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return void w.write("{}");
    w.write("{");
    entries.forEach(([key, child], i) => {
      w.write(`${i > 0 ? "," : ""}&#xA;${inner}${escapeXml(JSON.stringify(key))}: `);
      if (
        path !== undefined &&
        key === "properties" &&
        child &&
        typeof child === "object" &&
        !Array.isArray(child)
      ) {
        const props = Object.entries(child);
        if (props.length === 0) return void w.write("{}");
        w.write("{");
        const propIndent = `${inner}  `;
        props.forEach(([name, propSchema], j) => {
          w.write(`${j > 0 ? "," : ""}&#xA;${propIndent}${escapeXml(JSON.stringify(name))}: `);
          value(propSchema, propIndent, join(path, name), depth + 2);
          note(ends.value, join(path, name));
        });
        w.write(`&#xA;${inner}}`);
        return;
      }
      const childPath =
        path === undefined
          ? undefined
          : key === "items"
            ? `${path}[]`
            : key === "allOf" || key === "anyOf" || key === "oneOf"
              ? path
              : undefined;
      value(child, inner, childPath, depth + 1);
      if (path !== undefined && key === "required") note(ends.required, path);
    });
    w.write(`&#xA;${indent}}`);
    if (path !== undefined && !ends.required.has(path)) note(ends.required, path);
  };
  value(schema, "", "", 0);
  return ends;
}

export const seed000: Renderer = {
  name: "seed-000",
  imitates: "seed 000 (LAYOUTS.md family 5, static OpenAPI-to-HTML renderer)",
  perturbations: ["navigationNoise"],
  render(api: RenderApi, perturbations: Perturbations): RenderedPage[] {
    return api.operations.map((op) => renderOperation(api, op, perturbations));
  },
};
