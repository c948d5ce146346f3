// The contract between extractors and the merge. Extractors read one page and report what it states,
// each fact with its source and strength; they never decide between pages. The merge alone does that.

/** Where a fact was read: the page file and a line (text formats) or a CSS selector (HTML). */
export interface Source {
  file: string;
  line?: number;
  selector?: string;
}

/**
 * How much a fact is worth when sources disagree, strongest first:
 * - schema: a machine-readable JSON Schema block on the page;
 * - typed: a typed table or field list (name, type, required);
 * - prose: sentences ("Returns a VerificationSession object");
 * - example: inferred from an example (curl command, JSON response).
 */
export type Strength = "schema" | "typed" | "prose" | "example";

export const STRENGTH_RANK: Record<Strength, number> = { schema: 4, typed: 3, prose: 2, example: 1 };

export interface Fact<T> {
  value: T;
  source: Source;
  strength: Strength;
}

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete" | "head" | "options" | "trace";

export const HTTP_METHODS: readonly HttpMethod[] = [
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "head",
  "options",
  "trace",
];

/** An OpenAPI 3.1 Schema Object (JSON Schema 2020-12). Nullable is written as a type array. */
export type JsonSchema = { [keyword: string]: unknown };

export type ParameterLocation = "path" | "query" | "header" | "cookie";

/**
 * One documented field: a parameter, a request body property or a response property.
 * Nesting is expressed by `path` (["options", "document"]), one fragment per node, so that pages that
 * document different levels of the same object can be merged node by node.
 */
export interface FieldFragment {
  /** For parameters the one-element [name]; for body and response properties the property path. */
  path: string[];
  /**
   * The schema of this node alone: type, format, enum, constraints, default, items of arrays. Children
   * are their own fragments, never `properties` here, except under anyOf/oneOf/allOf, which are kept
   * whole. Undefined when the page names the field but not its type.
   */
  schema?: JsonSchema;
  required?: boolean;
  description?: string;
  /** Set when the page marks the field deprecated. */
  deprecated?: boolean;
  source: Source;
  strength: Strength;
}

export interface ParameterFragment extends FieldFragment {
  in: ParameterLocation;
}

export interface RequestBodyFragment {
  /** Media type as stated (content-type header, renderer) or inferred (curl -d means form encoding). */
  contentType?: Fact<string>;
  required?: Fact<boolean>;
  fields: FieldFragment[];
  example?: Fact<unknown>;
}

/**
 * The status of a response a page shows without its code ("Returns", a "Response" heading, an example
 * reply): a success, but which one the page does not say. The merge files it under the operation's shown
 * success status, or else under "2XX" marked as not shown, so no status code is invented.
 */
export const SUCCESS_NOT_SHOWN = "2XX (not shown)";

export interface ResponseFragment {
  /** "200", "404", "4XX", "default", or SUCCESS_NOT_SHOWN. */
  status: string;
  description?: Fact<string>;
  contentType?: Fact<string>;
  /** Documented response properties; path is relative to the response body. */
  fields: FieldFragment[];
  /** A parsed JSON example of the body. */
  example?: Fact<unknown>;
  source: Source;
}

/** What an operation is said to return in prose: "Returns a VerificationSession object". */
export interface ReturnsHint {
  /** The object's name as the page writes it, e.g. "VerificationSession". */
  name: string;
  /** True for "List of VerificationSession objects" and the like. */
  list: boolean;
}

export type SecurityHint =
  | { type: "http"; scheme: "basic" | "bearer"; description?: string }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string; description?: string };

export interface OperationFragment {
  /** Where the operation's description starts on the page. */
  source: Source;
  method?: Fact<HttpMethod>;
  /**
   * The path as an OpenAPI template ("/v1/items/{id}"), without the server part. Extractors convert
   * ":id" and backslash separators; parameter names are kept as the page writes them.
   */
  path?: Fact<string>;
  /** The human heading of the operation: "Update a VerificationSession". */
  title?: Fact<string>;
  /** A link slug naming the operation: "/api/identity/verification_sessions/update". */
  slug?: Fact<string>;
  /** An identifier the page itself states (a renderer's operation heading). */
  operationId?: Fact<string>;
  summary?: Fact<string>;
  description?: Fact<string>;
  deprecated?: Fact<boolean>;
  parameters: ParameterFragment[];
  /**
   * Path parameters the page lists whose names the capture lost (ReadMe's scalar fields): a route placed
   * for this operation has a slot for each of them besides the named ones.
   */
  namelessPathParameters?: number;
  requestBody?: RequestBodyFragment;
  responses: ResponseFragment[];
  returns?: Fact<ReturnsHint>;
  /** Security this operation's examples or sections show (curl -u, an X-API-Key header). */
  security: Fact<SecurityHint>[];
  /** Base URLs this operation's examples show ("https://api.stripe.com"), without the path. */
  servers: Fact<string>[];
}

/** An operation a page lists (a sidebar, an index) without documenting it. */
export interface ListedOperation {
  method?: HttpMethod;
  title: string;
  source: Source;
}

export interface Diagnostic {
  file: string;
  line?: number;
  message: string;
}

/** Everything one extractor read from one page. */
export interface PageFragment {
  file: string;
  /** Name of the extractor that read the page. */
  extractor: string;
  title?: string;
  operations: OperationFragment[];
  /** Page-level servers ("Servers: https://api.stripe.com/"). */
  servers: Fact<string>[];
  /** Page-level security (a Fern "Authentication" section). */
  security: Fact<SecurityHint>[];
  listedOperations: ListedOperation[];
  /** Non-fatal problems: a page cut off part-way, an example that is not JSON, a row with lost cells. */
  warnings: Diagnostic[];
}

/** A page as the extractors see it. `text` has "\r\n" normalised to "\n"; lines are 1-based via lineAt. */
export interface Page {
  /** The path used in sources and messages: relative to the API folder or as given on the command line. */
  file: string;
  text: string;
}

export interface Extractor {
  /** Short stable name, used in the report ("openapi-html", "fern"...). */
  name: string;
  /**
   * How sure the extractor is that the page is in its format, from 0 (not mine) to 1 (certainly mine),
   * judged from the page's own structure, never from its file name.
   */
  detect(page: Page): number;
  extract(page: Page): PageFragment;
}

export function emptyPageFragment(file: string, extractor: string): PageFragment {
  return { file, extractor, operations: [], servers: [], security: [], listedOperations: [], warnings: [] };
}

export function emptyOperation(source: Source): OperationFragment {
  return { source, parameters: [], responses: [], security: [], servers: [] };
}

export function fact<T>(value: T, source: Source, strength: Strength): Fact<T> {
  return { value, source, strength };
}
