// Checks a request's arguments against the operation's validators (src/validators.ts) before anything is
// sent, so a mistake is reported by field rather than as a 400 from the server, or not at all. Under
// `validate: "warn"` (a spec older than the API: a value the API added since is refused locally) the
// problems are reported and the request is sent.
import { RequestValidationError, type RequestPart, type RequestValidationIssue } from "./errors.js";
import type { ValidateOptions, ValidationResult } from "./validation.js";

/** A generated validator, as src/validators.ts exports them. */
export type Validator = (value: unknown, options?: ValidateOptions) => ValidationResult<unknown>;

/** The validators of one operation, by the part of the request each checks. */
export interface RequestValidators {
  path?: Validator;
  query?: Validator;
  header?: Validator;
  body?: Validator;
}

/** What the check reads of the request: its parts, as the client is about to send them. */
export interface CheckedRequest {
  method: string;
  path: string;
  /** A body that is not an object travels as `params.body`: its errors point below "/body". */
  wrappedBody: boolean;
  bodyRequired: boolean;
  args: {
    path?: Record<string, unknown> | undefined;
    query?: Record<string, unknown> | undefined;
    headers?: Record<string, unknown> | undefined;
    body?: unknown;
  };
}

/**
 * The RequestValidationError listing every problem found (up to the validators' cap), with the `secrets`
 * (the request's credentials) masked wherever the error prints; undefined when the request is valid.
 * The caller throws it, or reports it and sends the request anyway (`validate: "warn"`).
 */
export function checkRequest(
  validators: RequestValidators,
  request: CheckedRequest,
  secrets?: readonly string[],
): RequestValidationError | undefined {
  const issues: RequestValidationIssue[] = [];
  const run = (part: RequestPart, validator: Validator | undefined, value: unknown, prefix = ""): void => {
    if (validator === undefined) return;
    const result = validator(value);
    if (result.ok) return;
    for (const error of result.errors) {
      // Field by field: a form error's wireName is a getter, which a spread would leave out.
      const { keyword, message, wireName } = error;
      issues.push({ pointer: prefix + error.pointer, keyword, message, wireName, part });
    }
  };
  const { args } = request;
  run("path", validators.path, args.path ?? {});
  run("query", validators.query, args.query ?? {});
  run("header", validators.header, args.headers ?? {});
  // An optional body that was not given is not checked; a required one is, so its absence is reported.
  if (args.body !== undefined || request.bodyRequired) {
    run("body", validators.body, args.body, request.wrappedBody ? "/body" : "");
  }
  return issues.length > 0
    ? new RequestValidationError(`${request.method} ${request.path}`, issues, secrets)
    : undefined;
}

/** How a client checks requests: refuse invalid ones, report them and send anyway, or not check. */
export type ValidateMode = boolean | "warn";

/** Receives each invalid request sent under `validate: "warn"`. */
export type ValidationWarningHandler = (warning: RequestValidationError) => void;

/** The most distinct messages the default handler remembers (a long-lived client must not grow). */
const REMEMBERED_WARNINGS = 1000;

/**
 * The default handler for `validate: "warn"`: a line to `write` (the client's log at warn), once per
 * distinct message per client, so a loop sending the same out-of-date value does not flood the log.
 */
export function warnOncePerMessage(write: (line: string) => void): ValidationWarningHandler {
  const seen = new Set<string>();
  return (warning) => {
    if (seen.has(warning.message)) return;
    if (seen.size >= REMEMBERED_WARNINGS) seen.clear();
    seen.add(warning.message);
    write(`${warning.message} (sent anyway: validate is "warn")`);
  };
}
