// Terminal output: colour only on a TTY and never with NO_COLOR set; a progress line on stderr for long
// runs, redrawn in place on a TTY and silent otherwise (CI logs should not fill with progress).

export interface Terminal {
  color: boolean;
  interactive: boolean;
  out(line: string): void;
  err(line: string): void;
  progress(message: string): void;
  clearProgress(): void;
}

type Style = "red" | "yellow" | "green" | "bold" | "dim";
const CODES: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  bold: [1, 22],
  dim: [2, 22],
};

export function paint(term: Pick<Terminal, "color">, style: Style, text: string): string {
  if (!term.color) return text;
  const [open, close] = CODES[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

export function createTerminal(
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Terminal {
  const interactive = Boolean(stderr.isTTY);
  const color = Boolean(stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== "dumb";
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) stderr.write("\r\u001b[2K");
    progressShown = false;
  };
  return {
    color,
    interactive,
    out(line) {
      clearProgress();
      stdout.write(line + "\n");
    },
    err(line) {
      clearProgress();
      stderr.write(line + "\n");
    },
    progress(message) {
      if (!interactive) return;
      stderr.write("\r\u001b[2K" + message.slice(0, (stderr.columns ?? 80) - 1));
      progressShown = true;
    },
    clearProgress,
  };
}
