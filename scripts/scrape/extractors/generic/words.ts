// Words: request lines, status codes, section headings and location markers, the phrases by which the
// generic reader recognises an operation and its parts on a page it has never seen.
import type { ParameterLocation } from "../../fragment.ts";
import { plain } from "./blocks.ts";

export type { RequestLine } from "../../read/request-line.ts";
/** Request lines are read by the one shared reader (read/request-line.ts). */
export { readRequestLine as requestLineOf } from "../../read/request-line.ts";

/** A status code near a label: "200 OK", "404 Not Found", "Response 201", "status: 422", "HTTP/1.1 204". */
export function statusIn(text: string): string | undefined {
  const reason = /\b([1-5]\d\d)\s*(?:[-–—:]\s*)?(?:OK|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)\b/.exec(text);
  if (reason?.[1]) return reason[1];
  const labelled =
    /\b(?:status(?: code)?|code|HTTP(?:\/[\d.]+)?|response|error)\s*(?:[:(]\s*)?([1-5]\d\d|[1-5]XX)\b/i.exec(
      text,
    );
  if (labelled?.[1]) return labelled[1].toUpperCase();
  return /^\s*\(?([1-5]\d\d)\)?:?\s*$/.exec(text)?.[1];
}

export type SectionKind =
  ParameterLocation | "body" | "params" | "response" | "errors" | "ignore" | "servers";

export interface SectionInfo {
  kind: SectionKind;
  status?: string;
}

/** What a heading (or a "Query parameters:" label) says the fields and examples under it are. */
export function classifySection(raw: string): SectionInfo | undefined {
  const text = plain(raw).replace(/:$/, "");
  const t = text.toLowerCase();
  if (t === "" || t.split(" ").length > 6) return undefined;
  const status = statusIn(text);
  const withStatus = (kind: SectionKind): SectionInfo => (status ? { kind, status } : { kind });
  if (/\bresponse\b/.test(t) && /\bheaders?\b/.test(t)) return { kind: "ignore" };
  if (/\b(errors?|error codes|error responses)\b/.test(t)) return withStatus("errors");
  if (status || /\b(responses?|returns?|return value|result|output)\b/.test(t)) return withStatus("response");
  if (/\b(path|url|route) (param|parameter|variable|argument)s?\b/.test(t) || t === "path")
    return { kind: "path" };
  if (/\bquery\b/.test(t)) return { kind: "query" };
  if (/\b(headers?|authentication|authorization)\b/.test(t)) return { kind: "header" };
  if (/\bcookies?\b/.test(t)) return { kind: "cookie" };
  if (/\b(body|payload|form (data|fields|parameters))\b/.test(t)) return { kind: "body" };
  if (/\b(parameters?|params|arguments?|fields|properties|attributes|request|inputs?)\b/.test(t))
    return { kind: "params" };
  if (/\b(servers?|base urls?|hosts?|environments?)\b/.test(t)) return { kind: "servers" };
  return undefined;
}

/** Headings that name a part of an operation rather than the operation itself. */
export function isSectionHeading(text: string): boolean {
  return (
    classifySection(text) !== undefined ||
    /^(examples?|sample|description|overview|usage|endpoint|definition|notes?|http request|try it)\b/i.test(
      text,
    )
  );
}

/** A location marker in a description: "in: query", "Location: header". */
export function markedLocation(text: string): ParameterLocation | "body" | undefined {
  return locationOf(/\b(?:in|location)\s*:\s*(path|query|header|cookie|body)\b/i.exec(text)?.[1]);
}

export function locationOf(word: string | undefined): ParameterLocation | "body" | undefined {
  const w = (word ?? "").trim().toLowerCase();
  if (/^(path|url|route)$/.test(w)) return "path";
  if (/^(query|querystring|query string)$/.test(w)) return "query";
  if (/^headers?$/.test(w)) return "header";
  if (/^cookies?$/.test(w)) return "cookie";
  if (/^(body|form|formdata|json)$/.test(w)) return "body";
  return undefined;
}
