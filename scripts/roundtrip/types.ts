// The contract between the round-trip renderers and the scorer. A renderer turns the operations of a real
// spec into documentation pages of one layout, and records every fact it writes and where in the page
// that fact ends, so that a page cut at ~2,000 bytes expects only the facts wholly before the cut.
import type { HttpMethod } from "../scrape/fragment.ts";

/** A JSON Schema (OpenAPI 3.1) with every $ref resolved (cycles cut: a repeated schema is `{}`). */
export type Schema = { [keyword: string]: unknown };

export interface RenderParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  schema: Schema;
  deprecated?: boolean;
}

export interface RenderResponse {
  /** "200", "404", "4XX", "default". */
  status: string;
  description?: string;
  contentType?: string;
  schema?: Schema;
}

/** One operation of a real spec, upgraded to 3.1 and dereferenced, as every renderer sees it. */
export interface RenderOperation {
  method: HttpMethod;
  /** The OpenAPI path template as the spec writes it: "/v1/customers/{customer}". */
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated?: boolean;
  parameters: RenderParameter[];
  requestBody?: { contentType: string; required: boolean; schema: Schema; description?: string };
  responses: RenderResponse[];
}

export interface RenderApi {
  /** A folder-safe name ("stripe.com", "apis.guru_v2"). */
  name: string;
  title: string;
  version: string;
  /** Server URLs, variables expanded with their defaults. */
  servers: string[];
  operations: RenderOperation[];
}

/**
 * One fact a page states, in the scorer's terms. `operation` is "GET /v1/customers/{}" (method upper
 * case, path parameter names erased, so a page that renames a template variable still matches).
 * - kind "operation": where "", attribute "exists";
 * - kind "parameter": where "query.limit" (in + "." + name), attributes exists | required | type;
 * - kind "property": where "body.address.city" (request-body property path, depth <= 6), attributes
 *   exists | required | type | enum | nullable | format | minimum | maximum | minLength | maxLength |
 *   pattern | minItems | maxItems;
 * - kind "status": where "200", attribute "exists".
 * `value` is the canonical text of the attribute: "true"/"false", a type name ("integer", "array"), an
 * enum as its JSON array sorted by JSON text, a number as JSON.
 */
export interface Fact {
  operation: string;
  kind: "operation" | "parameter" | "property" | "status";
  where: string;
  attribute: string;
  value: string;
}

/** A fact and the byte offset (UTF-8) in the page's text just after the last character stating it. */
export interface PlacedFact {
  fact: Fact;
  end: number;
}

export interface RenderedPage {
  /** File name inside the API's pages folder, with the layout's extension (".html", ".md", ".txt"). */
  file: string;
  text: string;
  facts: PlacedFact[];
}

/** The perturbations real captures have; a renderer applies those that make sense for its layout. */
export interface Perturbations {
  /** Tables written without their outer pipes (`a | b` instead of `| a | b |`). */
  tablesWithoutOuterPipes?: boolean;
  /** Field names broken across lines at `_` or `.` (`size_\nmm`), as text captures do. */
  namesBrokenAtUnderscores?: boolean;
  /** Navigation before and footer after the content ("Was this page helpful?", a sidebar of links). */
  navigationNoise?: boolean;
  /** Markdown flattened onto one line, as docs.stripe.com markdown captures are. */
  flattenedToOneLine?: boolean;
}

export interface Renderer {
  /** Short stable name used in figures: "seed-000", "mintlify". */
  name: string;
  /** What it imitates: "seed 000" or "LAYOUTS.md family 6 (Mintlify)". */
  imitates: string;
  /** One or more pages per operation (or several operations per page, as the layout does). */
  render(api: RenderApi, perturbations: Perturbations): RenderedPage[];
  /**
   * The perturbations this renderer applies (the harness renders each of them on its own besides the
   * plain pages, and skips those the layout has no use for). The ~2,000-byte cut applies to every layout
   * and is not listed here.
   */
  perturbations: readonly (keyof Perturbations)[];
}
