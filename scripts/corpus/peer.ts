// Runs openapi-typescript over the sample in worker processes, two at a time (2 cores).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CorpusSpec } from "./sample.ts";
import type { PeerVerdict } from "./verdicts.ts";
import { runInWorkers } from "./workers.ts";

const SCRIPT = join(import.meta.dirname, "peer-child.ts");

export interface PeerResult {
  verdict: PeerVerdict;
  seconds: number;
  /** The types file, when generated. */
  outFile: string;
}

export async function runPeer(
  specs: readonly CorpusSpec[],
  outRoot: string,
  options: { concurrency: number; timeoutMs: number; onDone: (spec: CorpusSpec, r: PeerResult) => void },
): Promise<PeerResult[]> {
  // The types files are ES modules: under NodeNext, tsc needs a package.json saying so to check them as such.
  mkdirSync(outRoot, { recursive: true });
  writeFileSync(join(outRoot, "package.json"), '{ "type": "module" }\n');
  const result = (i: number, verdict: unknown, death: string | undefined, seconds: number): PeerResult => ({
    verdict: (verdict as PeerVerdict | undefined) ?? { status: "crashed", message: death ?? "" },
    seconds,
    outFile: join(outRoot, `${(specs[i] as CorpusSpec).slug}.ts`),
  });
  const jobs = specs.map((spec) => [spec.file, join(outRoot, `${spec.slug}.ts`)]);
  const outcomes = await runInWorkers(SCRIPT, jobs, {
    ...options,
    onDone: (i, o) => options.onDone(specs[i] as CorpusSpec, result(i, o.verdict, o.death, o.seconds)),
  });
  return outcomes.map((o, i) => result(i, o.verdict, o.death, o.seconds));
}
