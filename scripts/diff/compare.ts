// One comparison, start to end: the structural diff, the generated-package impact, and the rules over
// both, giving the findings, their summary and the semver bump. Ignore files come after (ignore.ts).
import type { Obj } from "../spec/pointer.ts";
import { packageImpact, type ImpactEntry } from "./impact.ts";
import type { Finding, Level, Semver } from "./model.ts";
import { applyRules } from "./rules/index.ts";
import { compareOperations, compareText } from "./structural/graph.ts";
import { diffDocuments } from "./structural/index.ts";

export interface DiffReport {
  /** The API folder under specs/ (with --base), else undefined. */
  api?: string;
  /** How the two sides were named on the command line ("origin/main:specs/x/openapi.yaml"). */
  base: string;
  revision: string;
  /** Breaking first, then warnings, then info; accepted ones carry `accepted`. */
  findings: Finding[];
  impact: { entries: ImpactEntry[]; semver: Semver };
  semver: Semver;
}

export const LEVELS: readonly Level[] = ["breaking", "warning", "info"];
const SEMVER_ORDER: readonly Semver[] = ["none", "patch", "minor", "major"];

export function maxSemver(...values: Semver[]): Semver {
  return values.reduce((a, b) => (SEMVER_ORDER.indexOf(b) > SEMVER_ORDER.indexOf(a) ? b : a), "none");
}

/** 1 for a finding about the generated package alone (no operation): those come after the others. */
function packageOnly(f: Finding): number {
  return f.operations.length === 0 ? 1 : 0;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (x, y) =>
      LEVELS.indexOf(x.level) - LEVELS.indexOf(y.level) ||
      packageOnly(x) - packageOnly(y) ||
      compareOperations(x.operations[0] ?? "", y.operations[0] ?? "") ||
      x.operations.length - y.operations.length ||
      compareText(x.pointer, y.pointer) ||
      compareText(x.id, y.id) ||
      compareText(x.message, y.message),
  );
}

export function compareDocuments(
  base: Obj,
  revision: Obj,
  names: { base: string; revision: string; api?: string },
): DiffReport {
  const impact = packageImpact(base, revision);
  const findings = sortFindings(applyRules([...diffDocuments(base, revision), ...impact.changes]));
  const semver = maxSemver(impact.semver, ...findings.map((f) => f.semver));
  return {
    ...(names.api !== undefined ? { api: names.api } : {}),
    base: names.base,
    revision: names.revision,
    findings,
    impact: { entries: impact.entries, semver: impact.semver },
    semver,
  };
}

export interface Summary {
  breaking: number;
  warning: number;
  info: number;
  accepted: number;
}

/** Counts of findings not accepted, by level, and of accepted ones. */
export function summarize(reports: readonly DiffReport[]): Summary {
  const s: Summary = { breaking: 0, warning: 0, info: 0, accepted: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.accepted) s.accepted++;
      else s[f.level]++;
    }
  }
  return s;
}
