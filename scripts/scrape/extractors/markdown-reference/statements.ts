// What the capture's recurring lines say: section labels ("Parameters", "Response 201"), the Returns line,
// request lines, Content-Type and base URL statements, and which paragraphs are structure, not prose.
import {
  SUCCESS_NOT_SHOWN,
  type HttpMethod,
  type ParameterLocation,
  type ReturnsHint,
} from "../../fragment.ts";
import { readRequestLine as readRequestTarget } from "../../read/request-line.ts";
import { serverStatement } from "../../read/servers.ts";
import { returnsStatement } from "../../returns-prose.ts";
import { textOf, type MdNode } from "./nodes.ts";
import { collapseSpace } from "../../read/plain.ts";

/** Button text of the docs site's expanders; it carries no meaning on the page. */
export const UI_TEXT = /(?:Show|Hide) (?:child |all )?(?:parameters|attributes|properties|fields|values)/g;
export const ENUM_MARKER = "Possible enum values";
export const NO_PARAMETERS = /^no (?:parameters|arguments)\.?$/i;

export type Zone =
  | { kind: "params"; location?: ParameterLocation | "body" }
  | { kind: "response"; status: string }
  | { kind: "request" };

/** Section labels, as a deeper heading or a short paragraph of their own ("Parameters", "Response"). */
export function labelZone(text: string): Zone | undefined {
  const t = text.replace(/[:.]$/, "").trim().toLowerCase();
  if (t.split(" ").length > 5) return undefined;
  if (/^path (?:parameters|params|arguments)$/.test(t)) return { kind: "params", location: "path" };
  if (/^query (?:string )?(?:parameters|params|arguments)$/.test(t))
    return { kind: "params", location: "query" };
  if (/^(?:request )?headers?(?: parameters| params)?$/.test(t))
    return { kind: "params", location: "header" };
  if (/^cookies?(?: parameters| params)?$/.test(t)) return { kind: "params", location: "cookie" };
  if (/^(?:request )?body(?: parameters| params| fields)?$|^(?:form|body) (?:parameters|fields)$/.test(t)) {
    return { kind: "params", location: "body" };
  }
  if (/^(?:parameters|params|arguments)$/.test(t)) return { kind: "params" };
  // "Response", "Returns", "Response 201", "Example response (201 Created)"; not "Returns a list of …".
  const response =
    /^(?:example |sample )?(?:returns|responses?|response (?:body|fields|attributes)|attributes)(?: \(?([1-5](?:\d\d|xx))\b[a-z ]*\)?)?$/.exec(
      t,
    );
  if (response) return { kind: "response", status: response[1]?.toUpperCase() ?? SUCCESS_NOT_SHOWN };
  if (/^[1-5]\d\d(?: [a-z ]+)?$/.test(t)) return { kind: "response", status: t.slice(0, 3) };
  if (/^(?:example |sample )?request(?: body)?(?: example)?$/.test(t)) return { kind: "request" };
  return undefined;
}

/**
 * A "Returns" line: a paragraph that is a statement of the result and names its object with the word
 * "object" ("Returns the created VerificationSession object", "List of VerificationSession objects that
 * match …"). The capture's description paragraph of a list operation often reads "Returns a list of
 * VerificationSessions": that names no object, stays description, and the real Returns line follows later.
 */
export function readReturns(text: string): ReturnsHint | undefined {
  return /\bobjects?\b/i.test(text) ? returnsStatement(text) : undefined;
}

export interface RequestLine {
  method: HttpMethod;
  path: string;
  server?: string;
}

/** "POST /v1/widgets", "`GET https://api.example.com/v1/widgets`", "Endpoint: DELETE /v1/widgets/:id". */
export function readRequestLine(text: string): RequestLine | undefined {
  const request = readRequestTarget(collapseSpace(text));
  if (!request) return undefined;
  return {
    method: request.method,
    path: request.path,
    ...(request.server ? { server: request.server } : {}),
  };
}

/**
 * The path of a numbered step that runs another operation first ("1. createWidget POST /v2/widgets
 * {"color":"red"}", LAYOUTS.md family 2's Prerequisites): it names a DIFFERENT operation.
 */
export function readStepRequest(text: string): string | undefined {
  return /^(?:\d+\.\s+)?[A-Za-z_][\w.-]*\s+(?:GET|POST|PUT|PATCH|DELETE)\s+(\/[^\s?#]*)/.exec(text)?.[1];
}

/** "Content-Type: application/json" stated in prose. */
export function readContentTypeStatement(text: string): string | undefined {
  return /^(?:request )?content[- ]type\s*(?::\s*)?([a-z]+\/[\w.+-]+)\.?$/i.exec(text)?.[1]?.toLowerCase();
}

/** "Base URL: https://api.example.com" before the operations. */
export function readServerStatement(text: string): string | undefined {
  return serverStatement(text);
}

/** Paragraphs that start something new and so end the description or an item's repeated paragraphs. */
export function isStructural(node: MdNode): boolean {
  if (node.type !== "paragraph") return true;
  const text = textOf(node);
  return (
    NO_PARAMETERS.test(text) ||
    readReturns(text) !== undefined ||
    readRequestLine(text) !== undefined ||
    readContentTypeStatement(text) !== undefined ||
    labelZone(text) !== undefined
  );
}
