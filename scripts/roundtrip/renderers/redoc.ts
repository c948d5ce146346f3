// LAYOUTS.md family 8: Redoc / Redocly, several operations a page (one tag, at most five operations). The
// top: a mobile banner, `API title (version)`, `Download OpenAPI description`, `Languages`, `Servers` with a
// mock server, the tag and `Operations`. The method and URL appear ONLY in each curl command (`curl -i -X
// PUT \`, the URL on the next line: the mock server's or the real one, per API). Fields are glued:
// `Bodyrequired`, `colorstringrequired`, `sizeinteger(int64)`, `finishobject(Finish)`, `partsArray of
// stringsrequired`, then blank-separated `Enum"a""b"`, `Default: x`, and `Example:` with its value after a
// blank line. Nested properties stay collapsed (not captured).
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
import { isNullable, itemsOf, schemaTypes } from "../schema-walk.ts";
import { FOOTER_LINES, PageWriter, fieldName, navigationLines } from "./page-writer.ts";
import { enumValues, singleType } from "./schema-text.ts";
import {
  bodyFields,
  groupOperations,
  oneLine,
  operationTitle,
  pageFile,
  pick,
  sampleObject,
  parameterSchema,
} from "./family-kit.ts";

export type RedocHost = "mock" | "real";

/** `integer(int64)`, `object(Finish)`, `Array of strings`, `string or null`; and the facts it states. */
function typeRun(schema: Schema): { run: string; attributes: string[] } {
  const type = singleType(schema);
  const attributes: string[] = [];
  let run: string;
  if (type === "array") {
    const items = itemsOf(schema);
    const itemType = items ? singleType(items) : undefined;
    run = itemType ? `Array of ${itemType}s` : "Array";
  } else if (type === "object" && typeof schema.title === "string") {
    run = `object(${oneLine(schema.title)})`;
  } else if (type && typeof schema.format === "string") {
    run = `${type}(${schema.format})`;
    attributes.push("format");
  } else {
    run = type ?? "any";
  }
  if (type && schemaTypes(schema).filter((t) => t !== "null").length === 1) attributes.push("type");
  if (isNullable(schema)) {
    run += " or null";
    attributes.push("nullable");
  }
  return { run, attributes };
}

/** Writes one field; returns whether blocks followed its line (then a blank line parts it from the next). */
function writeField(
  w: PageWriter,
  name: string,
  schema: Schema,
  required: boolean,
  facts: Fact[],
  p: Perturbations,
): boolean {
  const { run, attributes } = typeRun(schema);
  w.write(`${fieldName(name, p)}${run}${required ? "required" : ""}`);
  const shown = new Set(["exists", "required", ...attributes]);
  w.place(...facts.filter((f) => shown.has(f.attribute))).line();
  const description = oneLine(schema.description as string | undefined);
  if (description) w.line().line(description);
  if ("default" in schema && schema.default !== undefined)
    w.line().line(`Default: ${JSON.stringify(schema.default)}`);
  const values = enumValues(schema) ?? [];
  if (values.length > 0) {
    w.line().write(`Enum${values.map((v) => JSON.stringify(v)).join("")}`);
    w.place(...facts.filter((f) => f.attribute === "enum")).line();
  }
  if ("example" in schema) w.line("Example:").line().line(JSON.stringify(schema.example));
  return description !== "" || "default" in schema || values.length > 0 || "example" in schema;
}

function mockServer(server: string): string {
  try {
    const url = new URL(server);
    url.hostname = url.hostname.replace(/^[^.]+(?=\.)/, "mock");
    return url.href.replace(/\/$/, "");
  } catch {
    return server;
  }
}

function writeOperation(
  w: PageWriter,
  api: RenderApi,
  op: RenderOperation,
  host: RedocHost,
  p: Perturbations,
): void {
  w.line(operationTitle(op));
  if (oneLine(op.description)) w.line(oneLine(op.description));
  w.line("Request").line();
  const sections: [string, "path" | "query" | "header"][] = [
    ["path Parameters", "path"],
    ["query Parameters", "query"],
    ["header Parameters", "header"],
  ];
  let pendingBlank = false;
  const field = (name: string, schema: Schema, required: boolean, facts: Fact[]): void => {
    if (pendingBlank) w.line();
    pendingBlank = writeField(w, name, schema, required, facts, p);
  };
  for (const [heading, location] of sections) {
    const params = op.parameters.filter((x) => x.in === location);
    if (params.length === 0) continue;
    w.line(heading).line();
    pendingBlank = false;
    for (const x of params) field(x.name, parameterSchema(x), x.required, parameterFacts(op, x));
    w.line();
  }
  if (op.requestBody) {
    w.line(`Body${op.requestBody.required ? "required" : ""}`).line();
    pendingBlank = false;
    for (const property of bodyFields(op)) {
      if (property.depth === 1)
        field(property.name, property.schema, property.required, propertyFacts(op, property));
    }
  }
  const server = (api.servers[0] ?? "https://api.example.com").replace(/\/$/, "");
  w.line(`curl -i -X ${op.method.toUpperCase()} \\`);
  w.write(`  ${host === "mock" ? mockServer(server) : server}${op.path}`)
    .place(operationFact(op))
    .line(" \\");
  if (op.requestBody) {
    w.line("  -H 'Authorization: Bearer <YOUR_TOKEN_HERE>' \\");
    w.line(`  -H 'Content-Type: ${op.requestBody.contentType}' \\`);
    w.line(`  -d '${JSON.stringify(sampleObject(op.requestBody.schema, true))}'`);
  } else {
    w.line("  -H 'Authorization: Bearer <YOUR_TOKEN_HERE>'");
  }
  w.line().line("Responses");
  for (const response of op.responses) {
    w.write(response.status).place(statusFact(op, response.status)).line();
    if (oneLine(response.description)) w.line(oneLine(response.description));
  }
  w.line();
}

export function renderRedoc(api: RenderApi, perturbations: Perturbations, host: RedocHost): RenderedPage[] {
  return groupOperations(api.operations, 5).map((ops, index) => {
    const w = new PageWriter();
    if (perturbations.navigationNoise) for (const l of navigationLines(api)) w.line(l);
    w.line("This documentation is not optimized for mobile devices. Switch to a larger screen.");
    w.line(`${api.title} (${api.version})`)
      .line()
      .line("Download OpenAPI description")
      .line("Languages")
      .line("curl");
    w.line("Servers").line("Mock server");
    for (const server of api.servers) w.line(mockServer(server.replace(/\/$/, "")));
    w.line("Production server");
    for (const server of api.servers) w.line(server);
    w.line()
      .line(ops[0]?.tags[0] ?? "Operations")
      .line("Operations");
    for (const op of ops) w.line(operationTitle(op));
    w.line();
    for (const op of ops) writeOperation(w, api, op, host, perturbations);
    if (perturbations.navigationNoise) for (const l of FOOTER_LINES) w.line(l);
    return w.page(pageFile(index, ops[0] as RenderOperation, ".txt"));
  });
}

export const redoc: Renderer = {
  name: "redoc",
  imitates: "LAYOUTS.md family 8 (Redoc / Redocly)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api, perturbations) {
    return renderRedoc(api, perturbations, pick<RedocHost>(`${api.name} host`, ["mock", "real"]));
  },
};
