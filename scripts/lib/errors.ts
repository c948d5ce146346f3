// Errors the CLI turns into exit codes. A UserError is the user's input being wrong (a missing page, a
// broken manifest): it names the file and the reason and exits 2. Anything else is a bug in specsmith.

export class UserError extends Error {
  readonly file: string | undefined;
  constructor(message: string, file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = "UserError";
    this.file = file;
  }
}

/** Wrong command-line usage: exits 2 and prints the command's help hint. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDING = 1;
export const EXIT_BAD_INPUT = 2;
