// Section roles from heading words: what a heading (or a "Query parameters:" label) says the fields and
// examples under it are (path / query / header / cookie parameters, body, request, response, errors,
// authentication, servers). Judged from the words alone, whatever their case, so a repeated or oddly cased
// heading ("PATH PARAMETERS", "Path Params", "path Path Parameters") gets the same role.
import type { ParameterLocation } from "../fragment.ts";
import { plainText as plain } from "./plain.ts";

/**
 * A response's status code alone on a line, maybe with its media type: "200", "4XX", "201 -
 * application/json", "default - application/json" (Mintlify's response list), "default" (Docusaurus's
 * `- default` tab). A bare "default" is a status only where the caller knows it lists responses, as a
 * field may be named "default".
 */
export function statusLabel(text: string, bareDefault = false): string | undefined {
  const m = /^\s*([1-5]\d\d|[1-5]XX|default)(\s*[-–—]\s*[\w.+-]+\/[\w.+*-]+)?\s*$/i.exec(text);
  const code = m?.[1];
  if (!code || (code.toLowerCase() === "default" && !m[2] && !bareDefault)) return undefined;
  return code.toLowerCase() === "default" ? "default" : code.toUpperCase();
}

/** A status code near a label: "200 OK", "404 Not Found", "Response 201", "status: 422", "HTTP/1.1 204", "OK(200)". */
export function statusIn(text: string): string | undefined {
  const label = statusLabel(text);
  if (label) return label;
  const reason = /\b([1-5]\d\d)\s*(?:[-–—:]\s*)?(?:OK|[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)\b/.exec(text);
  if (reason?.[1]) return reason[1];
  const labelled =
    /\b(?:status(?: code)?|code|HTTP(?:\/[\d.]+)?|response|error)\s*(?:[:(]\s*)?([1-5]\d\d|[1-5]XX)\b/i.exec(
      text,
    );
  if (labelled?.[1]) return labelled[1].toUpperCase();
  // "OK(200)", "Not Found (404)": Apidog's response tabs, the reason before the code in brackets.
  const bracketed = /^\s*[A-Z][A-Za-z ]*\(([1-5]\d\d)\)\s*$/.exec(text);
  if (bracketed?.[1]) return bracketed[1];
  return /^\s*\(?([1-5]\d\d)\)?:?\s*$/.exec(text)?.[1];
}

export type SectionKind =
  ParameterLocation | "body" | "params" | "response" | "errors" | "ignore" | "servers";

export interface SectionInfo {
  kind: SectionKind;
  status?: string;
  /** An "Authentication" heading: header parameters that are the API's credentials (its security). */
  auth?: true;
}

/** What a heading (or a "Query parameters:" label) says the fields and examples under it are. */
export function classifySection(raw: string): SectionInfo | undefined {
  // "Bodyrequired" (Redoc): the body's required badge glued to the heading word.
  const text = plain(raw)
    .replace(/:$/, "")
    .replace(/(?<=[a-z])(?:required|Required)$/, "");
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
  if (/\b(authentication|authorization)\b/.test(t)) return { kind: "header", auth: true };
  if (/\bheaders?\b/.test(t)) return { kind: "header" };
  if (/\bcookies?\b/.test(t)) return { kind: "cookie" };
  if (/\b(body|payload|form (data|fields|parameters))\b/.test(t)) return { kind: "body" };
  if (/\b(parameters?|params|arguments?|fields|properties|attributes|request|inputs?)\b/.test(t))
    return { kind: "params" };
  if (/\b(servers?|base urls?|hosts?|environments?)\b/.test(t)) return { kind: "servers" };
  return undefined;
}

/**
 * A heading that is nothing but a name for the server list ("Servers", "Base URLs", "API hosts"), where
 * "Server Ip" or "Mysql databases on the server" under a field is that field's description.
 */
export function isServersTitle(text: string): boolean {
  return /^(?:(?:api|the)\s+)?(?:servers?|base urls?|hosts?|environments?|server urls?)$/i.test(
    plain(text).replace(/:$/, "").trim(),
  );
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
