// Terminal output, and the only place that writes escape sequences. Text is printed as it reads: what
// specsmith prints quotes specs, pages, file names, URLs and error messages, and a control character,
// an escape sequence, a bidi override or an invisible character in them is shown as its escape (see
// visible.ts), so no input can move the cursor, recolour, hide or reorder what the reader sees, or
// forge a line. specsmith's own styles are structure (`paint`), not characters in the text, which is
// what lets them through: colour only on a TTY and never with NO_COLOR set or TERM=dumb. A progress
// line on stderr for long runs, redrawn in place on a TTY and silent otherwise and in CI (CI logs should
// not fill with progress).
import { visible } from "./visible.ts";

export type Style = "red" | "yellow" | "green" | "bold" | "dim";
const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  bold: [1, 22],
  dim: [2, 22],
};

/**
 * What one printed line is made of: text, a run of text in one of specsmith's styles, or a sequence of
 * these. Every string is shown as it reads, a line break in it too (as `\n`): a line is one call.
 */
export type Text = string | Styled | readonly Text[];

/** A run of text in a style; made by `paint`, drawn by the Terminal. */
export class Styled {
  constructor(
    readonly style: Style,
    readonly text: Text,
  ) {}

  // Put into a template string, a style would silently print as "[object Object]": fail instead.
  toString(): never {
    throw new Error("a painted text was put into a string: build the line as a Text array instead");
  }
}

export function paint(style: Style, text: Text): Styled {
  return new Styled(style, text);
}

/** The characters a Text prints as: every string made visible, styles as SGR sequences when `color`. */
export function render(text: Text, color: boolean): string {
  if (typeof text === "string") return visible(text);
  if (text instanceof Styled) {
    const inner = render(text.text, color);
    if (!color) return inner;
    const [open, close] = CODES[text.style];
    return `\u001b[${open}m${inner}\u001b[${close}m`;
  }
  return text.map((part) => render(part, color)).join("");
}

export interface Terminal {
  /** Whether a person watches stderr: progress is drawn only then. */
  interactive: boolean;
  /** Prints one line on stdout. */
  out(line: Text): void;
  /** Prints one line on stderr. */
  err(line: Text): void;
  /** Shows what a long run is doing, in place of the previous progress line (plain, no styles). */
  progress(message: Text): void;
  clearProgress(): void;
}

/**
 * Writes to a stream until it breaks. A reader that goes away (`specsmith diff ... | head`) makes the next
 * write fail with EPIPE as an 'error' event, which unhandled ends the process with a stack trace: the rest
 * of the output is dropped instead, and the command still finishes its work and exits with its own code.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let broken = false;
  stream.on("error", () => {
    broken = true;
  });
  return (text) => {
    if (!broken) stream.write(text);
  };
}

export function createTerminal(
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Terminal {
  // CI runners that give a job a TTY (CI=true, as every major one sets) still write logs nobody watches.
  const inCi = env.CI !== undefined && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  const interactive = Boolean(stderr.isTTY) && !inCi;
  const color = Boolean(stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== "dumb";
  const toStdout = writerTo(stdout);
  const toStderr = writerTo(stderr);
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) toStderr("\r\u001b[2K");
    progressShown = false;
  };
  return {
    interactive,
    out(line) {
      clearProgress();
      toStdout(render(line, color) + "\n");
    },
    err(line) {
      clearProgress();
      toStderr(render(line, color) + "\n");
    },
    progress(message) {
      if (!interactive) return;
      toStderr("\r\u001b[2K" + render(message, false).slice(0, (stderr.columns ?? 80) - 1));
      progressShown = true;
    },
    clearProgress,
  };
}
