// Runs specsmith's generator over the sample in worker processes, two at a time (2 cores).
import { join } from "node:path";
import type { CorpusSpec } from "./sample.ts";
import type { OursVerdict } from "./verdicts.ts";
import { runInWorkers } from "./workers.ts";

const SCRIPT = join(import.meta.dirname, "ours-child.ts");

export interface OursResult {
  verdict: OursVerdict;
  seconds: number;
  /** The package folder, when generated. */
  outDir: string;
}

export async function runOurs(
  specs: readonly CorpusSpec[],
  outRoot: string,
  options: { concurrency: number; timeoutMs: number; onDone: (spec: CorpusSpec, r: OursResult) => void },
): Promise<OursResult[]> {
  const result = (i: number, verdict: unknown, death: string | undefined, seconds: number): OursResult => ({
    verdict: (verdict as OursVerdict | undefined) ?? { status: "crashed", message: death ?? "" },
    seconds,
    outDir: join(outRoot, (specs[i] as CorpusSpec).slug),
  });
  const jobs = specs.map((spec) => [spec.file, spec.path, join(outRoot, spec.slug)]);
  const outcomes = await runInWorkers(SCRIPT, jobs, {
    ...options,
    onDone: (i, o) => options.onDone(specs[i] as CorpusSpec, result(i, o.verdict, o.death, o.seconds)),
  });
  return outcomes.map((o, i) => result(i, o.verdict, o.death, o.seconds));
}
