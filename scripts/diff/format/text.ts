// The terminal format: a summary line, then findings by level (breaking first), grouped by operation,
// then accepted findings with their reasons, then the generated package's exported names that change.
import type { DiffReport } from "../compare.ts";
import { LEVELS, maxSemver } from "../compare.ts";
import type { Level } from "../model.ts";
import { paint, type Text } from "../../lib/terminal.ts";
import { accepted, countsText, groupByOperations, groupTitle, LEVEL_TITLES, ofLevel } from "./groups.ts";

const COLOURS: Record<Level, "red" | "yellow" | "dim"> = { breaking: "red", warning: "yellow", info: "dim" };

/** The report's lines, for the Terminal (which shows spec text as it reads, and draws the colours). */
export function formatText(reports: readonly DiffReport[]): Text[] {
  const lines: Text[] = [];
  const semver = maxSemver(...reports.map((r) => r.semver));
  lines.push([
    countsText<Text>(reports, (t) => paint("red", t)),
    " · generated package: ",
    paint("bold", semver),
    " bump",
  ]);
  for (const report of reports) {
    lines.push(
      "",
      paint("bold", `${report.api ? `${report.api}: ` : ""}${report.base} -> ${report.revision}`),
    );
    if (report.findings.length === 0 && report.impact.entries.length === 0) {
      lines.push("  no changes");
      continue;
    }
    for (const level of LEVELS) {
      const findings = ofLevel(report, level);
      if (findings.length === 0) continue;
      lines.push(paint(COLOURS[level], `${LEVEL_TITLES[level]} (${findings.length})`));
      for (const group of groupByOperations(findings)) {
        lines.push(`  ${groupTitle(group.operations, (t) => t, 3)}`);
        for (const f of group.findings) {
          lines.push(["    ", paint(COLOURS[level], f.id), `  ${f.message}`], `      at #${f.pointer}`);
        }
      }
    }
    const ok = accepted(report);
    if (ok.length > 0) {
      lines.push(paint("green", `Accepted (${ok.length})`));
      for (const f of ok) {
        lines.push(
          `  ${f.id}  ${f.message}  [${f.operations.slice(0, 3).join(", ") || "generated package"}]`,
        );
        lines.push(`    accepted: ${f.accepted?.reason ?? ""}`);
      }
    }
    const entries = report.impact.entries;
    if (entries.length > 0) {
      lines.push(paint("bold", `Generated package: ${report.impact.semver}`));
      for (const e of entries) {
        const what = e.before !== undefined ? `${e.before} -> ${e.after}` : e.name;
        lines.push(`  ${e.change.padEnd(17)} ${e.exportKind.padEnd(18)} ${what}`);
      }
    }
  }
  return lines;
}
