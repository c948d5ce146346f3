// npm run bench, generator part (alone: `npm run bench -- --generate`): on Stripe's and GitHub's full specs,
// both tools run as a user runs them from the command line, in the same run, alternating, best of ROUNDS:
//   specsmith generate SPEC --out DIR (--no-build where the CLI has it)  vs  openapi-typescript SPEC -o FILE
// then `specsmith generate` again with nothing changed (goal < 0.5 s), the package's own tsc build, and a
// consumer's `tsc --noEmit` over each tool's output. Each line prints the ratio and the goal.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadSpec } from "../spec/index.ts";
import { buildModel } from "../generate/model/build-model.ts";
import { consumerProjects, tsc, type TscFigures, type TscRun } from "./consumer.ts";
import { realSpecs } from "./real-specs.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SPECSMITH = join(ROOT, "bin", "specsmith.js");
const OPENAPI_TS = join(ROOT, "node_modules", "openapi-typescript", "bin", "cli.js");
const TIME = "/usr/bin/time";
/** Runs of each side; the best counts (other work on a busy machine slows single runs by seconds). */
const ROUNDS = 3;

interface Run {
  seconds: number;
  /** Peak RSS of the process, when /usr/bin/time can tell. */
  peakMiB: number;
}

/** One command-line run, its wall time and peak memory (GNU time's %M), failing loudly on a non-zero exit. */
function timed(args: string[]): Run {
  const work = mkdtempSync(join(tmpdir(), "specsmith-time-"));
  const report = join(work, "time");
  try {
    const start = performance.now();
    if (existsSync(TIME)) {
      execFileSync(TIME, ["-o", report, "-f", "%M", process.execPath, ...args], { stdio: "pipe" });
    } else {
      execFileSync(process.execPath, args, { stdio: "pipe" });
    }
    const seconds = (performance.now() - start) / 1000;
    const kib = existsSync(report) ? Number(readFileSync(report, "utf8").trim().split("\n").pop()) : NaN;
    return { seconds, peakMiB: kib / 1024 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const best = (a: Run | undefined, b: Run): Run => ({
  seconds: Math.min(a?.seconds ?? Infinity, b.seconds),
  peakMiB: Math.max(a?.peakMiB ?? 0, b.peakMiB),
});

/** `--no-build` where the generate command has it (a package it would otherwise build with tsc). */
function noBuildFlag(): string[] {
  const help = execFileSync(process.execPath, [SPECSMITH, "generate", "--help"], { encoding: "utf8" });
  return help.includes("--no-build") ? ["--no-build"] : [];
}

const fmt = (r: Run): string =>
  `${r.seconds.toFixed(2)} s${Number.isNaN(r.peakMiB) ? "" : ` ${r.peakMiB.toFixed(0)} MiB`}`;

export async function benchGenerator(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "specsmith-bench-"));
  const noBuild = noBuildFlag();
  try {
    console.log(
      `\ngenerator benchmark, both from the command line, same run, alternating, best of ${ROUNDS}: ` +
        `specsmith generate SPEC --out DIR ${noBuild.join(" ")} (whole package) vs openapi-typescript ` +
        `SPEC -o FILE (types alone)`,
    );
    for (const [name, spec] of Object.entries(realSpecs())) {
      const out = join(work, name);
      const peerFile = join(work, `${name}-peer.ts`);
      let ours: Run | undefined;
      let peer: Run | undefined;
      let unchanged: Run | undefined;
      for (let round = 0; round < ROUNDS; round++) {
        // A fresh folder each round: a full render, not the no-change path measured below.
        rmSync(out, { recursive: true, force: true });
        ours = best(ours, timed([SPECSMITH, "generate", spec, "--out", out, ...noBuild]));
        peer = best(peer, timed([OPENAPI_TS, spec, "-o", peerFile]));
        unchanged = best(unchanged, timed([SPECSMITH, "generate", spec, "--out", out, ...noBuild]));
      }
      if (!ours || !peer || !unchanged) continue;
      const ratio = ours.seconds / peer.seconds;
      console.log(
        `${name.padEnd(7)} generate: ours ${fmt(ours)} | openapi-typescript ${fmt(peer)} | ratio ` +
          `${ratio.toFixed(2)}x time (goal <= 0.8: ${ratio <= 0.8 ? "met" : "MISSED"}), ` +
          `${(ours.peakMiB / peer.peakMiB).toFixed(2)}x memory | load average ${loadavg()
            .map((l) => l.toFixed(1))
            .join(" ")}`,
      );
      console.log(
        `${"".padEnd(7)} regenerate with nothing changed: ${fmt(unchanged)} ` +
          `(goal < 0.5 s: ${unchanged.seconds < 0.5 ? "met" : "MISSED"})`,
      );
      await typecheck(name, spec, out, peerFile, work);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The package builds under its own strict tsconfig; a consumer typechecks against each tool's output. */
async function typecheck(name: string, spec: string, out: string, peerFile: string, work: string) {
  const build = tsc(["-p", join(out, "tsconfig.json")]);
  const loaded = await loadSpec(spec);
  const model = buildModel({
    document: loaded.document,
    packageName: "bench-client",
    specName: "spec",
    specHash: loaded.hash,
    reservedExports: [],
  });
  const projects = consumerProjects(join(work, `${name}-consumers`), model, out, peerFile);
  // Alternating, best of ROUNDS, as above: the best wall time and, separately, the best CPU time. tsc's
  // own counts do not vary between runs; their ratio is the comparison no other work on the machine moves.
  let oursApp: TscRun | undefined;
  let peerApp: TscRun | undefined;
  let oursCpu = Infinity;
  let peerCpu = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const o = tsc(["-p", projects.ours]);
    const p = tsc(["-p", projects.peer]);
    oursApp = !oursApp || o.seconds < oursApp.seconds ? o : oursApp;
    peerApp = !peerApp || p.seconds < peerApp.seconds ? p : peerApp;
    oursCpu = Math.min(oursCpu, o.cpuSeconds);
    peerCpu = Math.min(peerCpu, p.cpuSeconds);
  }
  if (!oursApp || !peerApp) return;
  const ratio = oursApp.seconds / peerApp.seconds;
  console.log(
    `${"".padEnd(7)} package tsc --strict build: ${build.seconds.toFixed(2)} s, ${build.errors} errors (goal 0) | ` +
      `consumer tsc --noEmit: ours ${oursApp.seconds.toFixed(2)} s (${oursApp.errors} errors), ` +
      `openapi-typescript ${peerApp.seconds.toFixed(2)} s (${peerApp.errors} errors), ` +
      `ratio ${ratio.toFixed(2)}x (goal <= 1: ${ratio <= 1 ? "met" : "MISSED"})`,
  );
  const o = oursApp.figures;
  const p = peerApp.figures;
  const times = (run: TscRun, cpu: number) =>
    `parse ${run.figures.parse.toFixed(2)} s, bind ${run.figures.bind.toFixed(2)} s, check ` +
    `${run.figures.check.toFixed(2)} s, CPU ${cpu.toFixed(2)} s`;
  const counts = (f: TscFigures) =>
    `${f.files} files, ${f.definitionLines} declaration lines, ${f.identifiers} identifiers, ${f.symbols} symbols, ` +
    `${f.types} types, ${f.instantiations} instantiations, ${(f.memoryKiB / 1024).toFixed(0)} MiB`;
  console.log(
    `${"".padEnd(7)} consumer tsc --extendedDiagnostics: ours ${counts(o)}; ${times(oursApp, oursCpu)} | ` +
      `openapi-typescript ${counts(p)}; ${times(peerApp, peerCpu)} | ratios: identifiers ` +
      `${(o.identifiers / p.identifiers).toFixed(2)}x, symbols ${(o.symbols / p.symbols).toFixed(2)}x, ` +
      `instantiations ${(o.instantiations / p.instantiations).toFixed(2)}x, CPU ${(oursCpu / peerCpu).toFixed(2)}x, ` +
      `parse+bind+check ${((o.parse + o.bind + o.check) / (p.parse + p.bind + p.check)).toFixed(2)}x`,
  );
}
