// A node process with a time limit, and the reason a process died, told from how it ended.
import { spawn } from "node:child_process";

export interface NodeRun {
  stdout: string;
  /** The last 8 KiB of stderr: enough for the fatal line of a V8 out-of-memory report, which comes last. */
  stderrTail: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  seconds: number;
}

export function appendTail(tail: string, chunk: string): string {
  return (tail + chunk).slice(-8192);
}

/** Runs `node ...args` with a time limit (SIGKILL when it is over), collecting its output. */
export function runNode(args: string[], timeoutMs: number, cwd?: string): Promise<NodeRun> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderrTail = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr
      .setEncoding("utf8")
      .on("data", (chunk: string) => (stderrTail = appendTail(stderrTail, chunk)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderrTail, code, signal, timedOut, seconds: (Date.now() - start) / 1000 });
    });
  });
}

/** Why a process ended before it gave an answer: "timeout after 120 s", "out of memory", "exit 1: ...". */
export function deathReason(
  run: Pick<NodeRun, "stderrTail" | "code" | "signal" | "timedOut">,
  timeoutMs: number,
): string {
  if (run.timedOut) return `timeout after ${timeoutMs / 1000} s`;
  if (/heap out of memory|Allocation failed/.test(run.stderrTail)) return "out of memory";
  if (run.signal) return `killed by ${run.signal}`;
  // An uncaught exception prints the source line, a caret, `TypeError: message`, the stack, the version.
  const lines = run.stderrTail.split("\n").map((l) => l.trim());
  const error = lines.find((l) => /^[A-Z]\w*(Error|Exception)\b.*:/.test(l));
  const last = lines.filter((l) => l !== "" && !l.startsWith("Node.js v")).pop();
  return `exit ${run.code} without an answer: ${error ?? last ?? "no output"}`;
}
