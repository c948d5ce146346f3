// The pull-request comment: a summary line, then breaking changes first, grouped by operation (a shared
// schema's change once, under every operation it reaches), warnings, info and accepted changes folded
// away, and the generated package's changed exports. Every spec-supplied string is in a code span or
// escaped (lib/markdown-escape.ts), so a name cannot add markup to the comment.
import type { DiffReport } from "../compare.ts";
import { maxSemver } from "../compare.ts";
import type { Finding } from "../model.ts";
import { message } from "../rules/messages.ts";
import { markdownCellCode, markdownCode, markdownText } from "../../lib/markdown-escape.ts";
import { accepted, countsText, groupByOperations, groupTitle, LEVEL_TITLES, ofLevel } from "./groups.ts";

function findingLine(f: Finding): string {
  return `- ${message(f.id, f.params, markdownCode)} — ${markdownCode(f.id)} at ${markdownCode(`#${f.pointer}`)}`;
}

function findingList(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  for (const group of groupByOperations(findings)) {
    lines.push("", `**${groupTitle(group.operations, markdownCode)}**`, "");
    for (const f of group.findings) lines.push(findingLine(f));
  }
  return lines;
}

function details(summary: string, body: string[]): string[] {
  return ["", `<details><summary>${summary}</summary>`, ...body, "", "</details>"];
}

function reportBody(report: DiffReport, heading: string): string[] {
  const lines: string[] = [];
  if (report.findings.length === 0 && report.impact.entries.length === 0) {
    lines.push("", "No changes.");
    return lines;
  }
  for (const level of ["breaking", "warning"] as const) {
    const findings = ofLevel(report, level);
    if (findings.length > 0)
      lines.push("", `${heading} ${LEVEL_TITLES[level]} (${findings.length})`, ...findingList(findings));
  }
  const info = ofLevel(report, "info");
  if (info.length > 0) lines.push(...details(`Info (${info.length})`, findingList(info)));
  const ok = accepted(report);
  if (ok.length > 0) {
    const body = ok.flatMap((f) => [
      // Not String.replace: "$&" or "$'" in a spec's path would be read as replacement patterns.
      `- ${groupTitle(f.operations, markdownCode, 2)}: ${findingLine(f).slice("- ".length)}`,
      `  accepted: ${markdownText(f.accepted?.reason ?? "")}`,
    ]);
    lines.push(...details(`Accepted (${ok.length})`, ["", ...body]));
  }
  const entries = report.impact.entries;
  if (entries.length > 0) {
    const rows = entries.map((e) => {
      const what =
        e.before !== undefined
          ? `${markdownCellCode(e.before)} → ${markdownCellCode(e.after ?? "")}`
          : markdownCellCode(e.name);
      const operation = e.operation ? markdownCellCode(e.operation) : "";
      return `| ${e.change} | ${e.exportKind} | ${what} | ${operation} |`;
    });
    const table = ["", "| change | export | name | operation |", "| --- | --- | --- | --- |", ...rows];
    const title = `Generated package: ${report.impact.semver} (${entries.length} exported name${entries.length === 1 ? "" : "s"})`;
    // Removals and renames break compiled callers: shown open; additions alone fold away.
    if (report.impact.semver === "major") lines.push("", `${heading} ${title}`, ...table);
    else lines.push(...details(title, table));
  }
  return lines;
}

export function formatMarkdown(reports: readonly DiffReport[]): string {
  const semver = maxSemver(...reports.map((r) => r.semver));
  const lines = [
    `**specsmith diff**: ${countsText(reports, (t) => `**${t}**`).join("")} · generated package: **${semver}** bump`,
  ];
  if (reports.length === 1) {
    const r = reports[0] as DiffReport;
    lines.push("", `${markdownCode(r.base)} → ${markdownCode(r.revision)}`, ...reportBody(r, "###"));
  } else {
    for (const r of reports) {
      lines.push(
        "",
        `## ${r.api ? markdownCode(r.api) : markdownCode(r.revision)}: ${countsText([r], (t) => `**${t}**`).join("")} · ${r.semver}`,
      );
      lines.push("", `${markdownCode(r.base)} → ${markdownCode(r.revision)}`, ...reportBody(r, "###"));
    }
  }
  return lines.join("\n");
}
