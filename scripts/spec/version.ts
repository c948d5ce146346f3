// Which documents specsmith reads: OpenAPI 3.0.x and 3.1.x. Anything else is refused before any other work,
// with its own error class for unsupported versions so that a corpus runner can count those as skips
// rather than failures.
import { UserError } from "../lib/errors.ts";
import { isObject, type Obj } from "./pointer.ts";

export class UnsupportedSpecVersionError extends UserError {
  /** What the file declared: "2.0" for Swagger, else the `openapi` value. */
  readonly version: string;
  constructor(message: string, version: string, file: string) {
    super(message, file);
    this.name = "UnsupportedSpecVersionError";
    this.version = version;
  }
}

export type Dialect = "3.0" | "3.1";

/** Checks the top level and returns the declared version and its dialect. */
export function checkVersion(
  value: unknown,
  display: string,
): { document: Obj; declared: string; dialect: Dialect } {
  if (!isObject(value)) {
    const what = Array.isArray(value) ? "an array" : value === null ? "empty" : `a ${typeof value}`;
    throw new UserError(`not an OpenAPI document: the top level is ${what}, not an object`, display);
  }
  if (Object.hasOwn(value, "swagger")) {
    const declared = String(value.swagger);
    throw new UnsupportedSpecVersionError(
      `Swagger ${declared} is not supported; convert it to OpenAPI 3 first`,
      declared,
      display,
    );
  }
  if (!Object.hasOwn(value, "openapi")) {
    throw new UserError("not an OpenAPI document: it has no `openapi` field", display);
  }
  const declared = value.openapi;
  if (typeof declared !== "string") {
    // YAML reads `openapi: 3.1` as the number 3.1.
    throw new UserError(
      `\`openapi\` must be a version string such as "3.1.0", not ${JSON.stringify(declared)} (quote it in YAML)`,
      display,
    );
  }
  const dialect = /^3\.0\.\d+(-.+)?$/.test(declared)
    ? "3.0"
    : /^3\.1\.\d+(-.+)?$/.test(declared)
      ? "3.1"
      : null;
  if (!dialect && /^3\.[01](\.|$)/.test(declared)) {
    throw new UserError(
      `\`openapi\` is "${declared}": write the full version, such as "${declared.slice(0, 3)}.0"`,
      display,
    );
  }
  if (!dialect) {
    throw new UnsupportedSpecVersionError(
      `OpenAPI ${declared} is not supported; specsmith reads OpenAPI 3.0.x and 3.1.x`,
      declared,
      display,
    );
  }
  return { document: value, declared, dialect };
}
