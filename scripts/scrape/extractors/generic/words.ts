// Request lines: the phrase by which the generic reader recognises an operation on a page it has never seen.
// They are read by the one shared reader (read/request-line.ts).
export type { RequestLine } from "../../read/request-line.ts";
export { readRequestLine as requestLineOf } from "../../read/request-line.ts";
