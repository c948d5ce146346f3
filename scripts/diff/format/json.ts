// The format for tools: {changes: [{id, level, operation, pointer, message}], summary, semver}. Each
// change also lists every operation it reaches (`operation` is the first), its API with --base, and its
// acceptance; `impact` lists the generated package's exported names that change.
import type { DiffReport } from "../compare.ts";
import { maxSemver, summarize } from "../compare.ts";

export function formatJson(reports: readonly DiffReport[]): string {
  const multi = reports.length > 1 || reports.some((r) => r.api !== undefined);
  const changes = reports.flatMap((r) =>
    r.findings.map((f) => ({
      id: f.id,
      level: f.level,
      operation: f.operations[0] ?? null,
      pointer: `#${f.pointer}`,
      message: f.message,
      operations: f.operations,
      ...(multi ? { api: r.api ?? r.revision } : {}),
      ...(f.accepted ? { accepted: f.accepted } : {}),
    })),
  );
  const impact = reports.flatMap((r) =>
    r.impact.entries.map((e) => ({ ...(multi ? { api: r.api ?? r.revision } : {}), ...e })),
  );
  const specs = reports.map((r) => ({
    ...(r.api !== undefined ? { api: r.api } : {}),
    base: r.base,
    revision: r.revision,
    summary: summarize([r]),
    semver: r.semver,
  }));
  const semver = maxSemver(...reports.map((r) => r.semver));
  return JSON.stringify({ changes, summary: summarize(reports), semver, impact, specs }, null, 2);
}
