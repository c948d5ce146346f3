// What the text and markdown formats share: findings of one level grouped by the operations they reach
// (a change in a shared schema is one group, listing every operation it reaches), and the summary words.
import type { DiffReport } from "../compare.ts";
import { LEVELS, summarize } from "../compare.ts";
import type { Finding, Level } from "../model.ts";

export interface Group {
  operations: string[];
  findings: Finding[];
}

/** Findings grouped by the exact set of operations they reach, in the findings' order. */
export function groupByOperations(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = f.operations.join("\n");
    let group = groups.get(key);
    if (!group) {
      group = { operations: f.operations, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(f);
  }
  return [...groups.values()];
}

export function ofLevel(report: DiffReport, level: Level): Finding[] {
  return report.findings.filter((f) => !f.accepted && f.level === level);
}

export function accepted(report: DiffReport): Finding[] {
  return report.findings.filter((f) => f.accepted);
}

export const LEVEL_TITLES: Record<Level, string> = {
  breaking: "Breaking changes",
  warning: "Warnings",
  info: "Info",
};

/**
 * "2 breaking, 1 warning, 3 info, 1 accepted", in parts, with `strong` around the breaking count: the
 * text format makes it a styled run, markdown joins the parts.
 */
export function countsText<T>(reports: readonly DiffReport[], strong: (text: string) => T): (string | T)[] {
  const s = summarize(reports);
  const parts: (string | T)[] = [];
  for (const level of LEVELS) {
    const n = s[level];
    const text = level === "warning" ? `${n} warning${n === 1 ? "" : "s"}` : `${n} ${level}`;
    if (parts.length > 0) parts.push(", ");
    parts.push(level === "breaking" && n > 0 ? strong(text) : text);
  }
  if (s.accepted > 0) parts.push(`, ${s.accepted} accepted`);
  return parts;
}

/** A group's heading: its operation, or how many it reaches and the first few. */
export function groupTitle(operations: readonly string[], code: (text: string) => string, shown = 5): string {
  if (operations.length === 0) return "generated package";
  if (operations.length === 1) return code(operations[0] as string);
  const listed = operations.slice(0, shown).map(code).join(", ");
  const more = operations.length > shown ? ` and ${operations.length - shown} more` : "";
  return `${operations.length} operations: ${listed}${more}`;
}
