// Prints the templates' code files (templates/code-file.ts) from their ts-morph structures on a worker
// thread. Loading ts-morph (it brings the TypeScript compiler, 9 MB of JavaScript) takes 0.6-0.7 s and
// printing Stripe's ~1,000 files 0.3 s more; on their own thread both run while this one loads the spec,
// builds the model and the structures, and renders the types and validators. `generate` starts the
// printer before it loads the spec (startPrinter); only plain structures and text cross the boundary.
//
// One printer serves the whole process (a run renders several packages; the tests render many) and does
// not keep the process alive while it has nothing to print.
import { Worker } from "node:worker_threads";
import { PRINT_OPTIONS, type CodeFile } from "../../templates/code-file.ts";

export interface PrintedFile {
  /** Path relative to the package folder, with forward slashes. */
  path: string;
  text: string;
}

type Answer = { id: number; texts: string[] } | { id: number; error: string };

interface Batch {
  resolve: (texts: string[]) => void;
  reject: (error: Error) => void;
}

class Printer {
  private readonly worker: Worker;
  private readonly batches = new Map<number, Batch>();
  private nextId = 0;

  constructor() {
    this.worker = new Worker(new URL("./print-code-files.worker.mjs", import.meta.url), {
      workerData: { options: PRINT_OPTIONS },
      // Not the parent's flags: a loader it was started with (tsx in the tests) has nothing to do in a
      // plain JavaScript thread, and would cost that thread its start-up.
      execArgv: [],
    });
    this.worker.on("message", (answer: Answer) => {
      const batch = this.batches.get(answer.id);
      this.batches.delete(answer.id);
      if (this.batches.size === 0) this.worker.unref();
      if ("error" in answer) batch?.reject(new Error(`printing code files failed: ${answer.error}`));
      else batch?.resolve(answer.texts);
    });
    const fail = (error: Error): void => {
      // The next print starts a new printer.
      if (printer === this) printer = undefined;
      for (const batch of this.batches.values()) batch.reject(error);
      this.batches.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the code file printer exited (code ${code})`)));
    // Only after the listeners: adding a "message" listener refs the worker again.
    this.worker.unref();
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }

  print(statements: CodeFile["statements"][]): Promise<string[]> {
    const id = this.nextId++;
    return new Promise<string[]>((resolve, reject) => {
      // Throws (synchronously, rejecting this promise) on what cannot cross to a thread: a function
      // where the templates should have written text.
      this.worker.postMessage({ id, files: statements });
      this.batches.set(id, { resolve, reject });
      // Kept alive only while it owes an answer.
      this.worker.ref();
    });
  }
}

let printer: Printer | undefined;

function currentPrinter(): Printer {
  printer ??= new Printer();
  return printer;
}

/** Starts the printer (and its load of ts-morph) ahead of the first print. */
export function startPrinter(): void {
  currentPrinter();
}

/**
 * Ends the printer and frees its memory (ts-morph's, 60-80 MB) before other heavy work, such as the build
 * that loads ts-morph again on this thread; a later print starts a new one.
 */
export async function stopPrinter(): Promise<void> {
  const stopping = printer;
  printer = undefined;
  await stopping?.stop();
}

/** The files' texts, in order. The structures are sent to the printer right away. */
export function printCodeFiles(files: readonly CodeFile[]): Promise<PrintedFile[]> {
  if (files.length === 0) return Promise.resolve([]);
  const printed = currentPrinter()
    .print(files.map((f) => f.statements))
    .then((texts) => files.map((f, i) => ({ path: f.path, text: texts[i] as string })));
  // A render that fails before it awaits its batches (a template throws) reports its own error; a batch
  // failing meanwhile must not also end the process as an unhandled rejection. Awaiting it still throws.
  printed.catch(() => undefined);
  return printed;
}
