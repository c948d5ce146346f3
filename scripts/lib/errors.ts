// Errors the CLI turns into exit codes. A UserError is the user's input being wrong (a missing page, a
// broken manifest): it names the file and the reason and exits 2. A failed file-system call (permission
// denied, not a folder, disk full) is the user's environment and is reported the same way. Anything else
// is a bug in specsmith.
import { getSystemErrorMap } from "node:util";

export class UserError extends Error {
  readonly file: string | undefined;
  constructor(message: string, file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = "UserError";
    this.file = file;
  }
}

/** Wrong command-line usage: exits 2; `hint` (where to read more) is printed on a line of its own. */
export class UsageError extends UserError {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = "UsageError";
    this.hint = hint;
  }
}

/**
 * A thrown value's `code` when it is a string, as Node's system and argument errors have. Anything can
 * be thrown (null, a string), and other codes are not strings: a DOMException's (a timeout is 23) or a
 * failed child process's (its exit status) are numbers.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * A failed file-system call as a UserError naming its path ("file already exists (EEXIST, mkdir)"), or
 * undefined when `error` is not one. Node's system errors carry a string code, the call and the path.
 */
export function fileSystemError(error: unknown): UserError | undefined {
  const code = errorCode(error);
  if (!(error instanceof Error) || code === undefined) return undefined;
  const { errno, syscall, path, dest } = error as {
    errno?: unknown;
    syscall?: unknown;
    path?: unknown;
    dest?: unknown;
  };
  if (typeof syscall !== "string" || typeof path !== "string") return undefined;
  const description = typeof errno === "number" ? getSystemErrorMap().get(errno)?.[1] : undefined;
  const file = typeof dest === "string" ? `${path} -> ${dest}` : path;
  return new UserError(`${description ?? error.message} (${code}, ${syscall})`, file);
}

export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_BAD_INPUT = 2;
