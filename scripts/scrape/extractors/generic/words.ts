// Request lines: the phrase by which the generic reader recognises an operation on a page it has never seen.
import type { HttpMethod } from "../../fragment.ts";
import { parseMethod } from "../../text.ts";
import { plainText as plain } from "../../read/plain.ts";

export interface RequestLine {
  method: HttpMethod;
  target: string;
  /** Text beside the request line ("— List things", "Create a thing: POST ..."), a title when no heading gives one. */
  title?: string;
}

const REQUEST_AT_START =
  /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s+((?:https?:\/\/[^\s/\\]+)?[/\\]\S*)(?:\s+HTTP\/[\d.]+)?/;

/**
 * Reads "GET /v1/things/{id}", "`DELETE https://api.x.com/v2/things/:id`", "Endpoint: POST /things",
 * "GET /things — List things". Prose that merely mentions a request ("call GET /things to list them") is not
 * a request line: only a separator may follow the target.
 */
export function requestLineOf(raw: string): RequestLine | undefined {
  let s = plain(raw).replace(/^[-*•+]\s+/, "");
  let label: string | undefined;
  const labelled =
    /^([A-Za-z][\w ()'’-]{0,40}?)\s*:\s*(?=(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\s)/.exec(s);
  if (labelled) {
    label = labelled[1];
    s = s.slice(labelled[0].length);
  }
  const m = REQUEST_AT_START.exec(s);
  const method = m?.[1] ? parseMethod(m[1]) : undefined;
  if (!m?.[2] || !method) return undefined;
  const rest = s.slice(m[0].length).trim();
  if (rest !== "" && !/^([—–:|(]|-\s)/.test(rest)) return undefined;
  const target = m[2].replace(/(?<![.,;:)\]`'"])[.,;:)\]`'"]+$/, "");
  const beside = rest
    .replace(/^[—–:|-]\s*/, "")
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  const title =
    beside ||
    (label && !/^(endpoint|request|http request|url|method|route|definition)$/i.test(label) ? label : "");
  return { method, target, ...(title ? { title } : {}) };
}
