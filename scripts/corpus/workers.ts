// Corpus jobs in worker processes: a crash, a hang or running out of memory in one spec costs that spec
// and its worker alone (the worker is replaced). Workers are reused because starting one costs seconds
// (tsx, ts-morph, openapi-typescript) and a small spec is then most of the time; each is still replaced
// after a few jobs, so memory one big spec leaves behind does not build up.
import { fork, type ChildProcess } from "node:child_process";
import { appendTail, deathReason } from "./node-run.ts";

export interface JobOutcome {
  /** What the worker answered, or undefined when it died first. */
  verdict: unknown;
  /** Why there is no verdict: "timeout after 120 s", "out of memory", "killed by SIGSEGV", ... */
  death: string | undefined;
  /** The job's own time when it answered (worker start-up not included), else the time until it died. */
  seconds: number;
}

/** The worker side: answers each job (an argument list) with the verdict `handle` returns. */
export function serveJobs(handle: (args: string[]) => Promise<unknown>): void {
  process.on("message", (args) => {
    // Timed here, not in the parent, so a job's time does not include starting the worker.
    const start = performance.now();
    // A rejection is not caught on purpose: it ends the worker, which the parent counts as a crash.
    void handle(args as string[]).then((verdict) =>
      process.send?.({ verdict, seconds: (performance.now() - start) / 1000 }),
    );
  });
}

const JOBS_PER_WORKER = 20;

class Worker {
  private child: ChildProcess | undefined;
  private served = 0;
  private stderrTail = "";

  constructor(
    private readonly script: string,
    private readonly timeoutMs: number,
  ) {}

  private start(): ChildProcess {
    const child = fork(this.script, [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderrTail = appendTail(this.stderrTail, chunk);
    });
    return child;
  }

  run(args: string[]): Promise<JobOutcome> {
    const child = (this.child ??= this.start());
    this.stderrTail = "";
    const start = Date.now();
    return new Promise((resolve) => {
      let timedOut = false;
      const finish = (verdict: unknown, death: string | undefined, seconds?: number): void => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("close", onClose);
        resolve({ verdict, death, seconds: seconds ?? (Date.now() - start) / 1000 });
      };
      const onMessage = (answer: { verdict: unknown; seconds: number }): void => {
        finish(answer.verdict, undefined, answer.seconds);
        if (++this.served >= JOBS_PER_WORKER) this.stop();
      };
      const onClose = (code: number | null, signal: NodeJS.Signals | null): void => {
        this.child = undefined;
        this.served = 0;
        finish(
          undefined,
          deathReason({ stderrTail: this.stderrTail, code, signal, timedOut }, this.timeoutMs),
        );
      };
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, this.timeoutMs);
      child.on("message", onMessage);
      child.on("close", onClose);
      child.send(args);
    });
  }

  stop(): void {
    this.child?.kill();
    this.child = undefined;
    this.served = 0;
  }
}

/** Runs every job (the argument list of one) in `concurrency` workers of `script`; outcomes keep job order. */
export async function runInWorkers(
  script: string,
  jobs: readonly string[][],
  options: { concurrency: number; timeoutMs: number; onDone: (index: number, outcome: JobOutcome) => void },
): Promise<JobOutcome[]> {
  const outcomes = new Array<JobOutcome>(jobs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    const worker = new Worker(script, options.timeoutMs);
    while (next < jobs.length) {
      const index = next++;
      outcomes[index] = await worker.run(jobs[index] as string[]);
      options.onDone(index, outcomes[index]);
    }
    worker.stop();
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, jobs.length) }, lane));
  return outcomes;
}
