// The round trip's figures: per layout and variant, recall and precision overall and per fact kind,
// against the goals, and the worst APIs with examples of what they missed or invented.
import type { ApiScore } from "./pipeline.ts";
import {
  type KindTallies,
  type Tally,
  FACT_KINDS,
  addTallies,
  emptyTallies,
  precision,
  recall,
  totalOf,
} from "./score.ts";

export interface LayoutFigures {
  layout: string;
  variant: string;
  apis: number;
  failedApis: number;
  tallies: KindTallies;
  total: Tally;
  /** The goal on recall of facts (and, for seed-000 uncut, of operations). */
  goal: { facts: number; operations?: number };
  met: boolean;
  failures: { api: string; error: string }[];
  worst: { api: string; recall: number; precision: number; missed: string[]; invented: string[] }[];
}

/** Issue 12: seed-000 on uncut plain pages finds every operation and >= 99.5% of facts; else >= 97%. */
export function goalOf(layout: string, variant: string): { facts: number; operations?: number } {
  return layout === "seed-000" && (variant === "plain" || !variant.endsWith("cut"))
    ? { facts: 0.995, operations: 1 }
    : { facts: 0.97 };
}

export function figures(scores: readonly ApiScore[]): LayoutFigures[] {
  const groups = new Map<string, ApiScore[]>();
  for (const s of scores) {
    const key = `${s.layout}\u0000${s.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as ApiScore;
    const tallies = emptyTallies();
    for (const s of group) addTallies(tallies, s.tallies);
    const total = totalOf(tallies);
    const goal = goalOf(first.layout, first.variant);
    const met =
      recall(total) >= goal.facts &&
      (goal.operations === undefined || recall(tallies.operation) >= goal.operations);
    const worst = group
      .map((s) => ({ s, r: recall(totalOf(s.tallies)), p: precision(totalOf(s.tallies)) }))
      .filter((x) => x.r < 1 || x.p < 1)
      .sort((a, b) => a.r - b.r || a.p - b.p)
      .slice(0, 3)
      .map(({ s, r, p }) => ({
        api: s.api,
        recall: r,
        precision: p,
        missed: s.missed,
        invented: s.invented,
      }));
    return {
      layout: first.layout,
      variant: first.variant,
      apis: group.length,
      failedApis: group.filter((s) => s.error !== undefined).length,
      tallies,
      total,
      goal,
      met,
      failures: group.filter((s) => s.error !== undefined).map((s) => ({ api: s.api, error: s.error ?? "" })),
      worst,
    };
  });
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

export function formatFigures(all: readonly LayoutFigures[]): string {
  const lines: string[] = [];
  const header = [
    "layout",
    "variant",
    "APIs",
    "failed",
    "ops recall",
    "facts recall",
    "precision",
    "goal",
    "",
  ];
  const rows = all.map((f) => [
    f.layout,
    f.variant,
    String(f.apis),
    String(f.failedApis),
    pct(recall(f.tallies.operation)),
    pct(recall(f.total)),
    f.total.scraped === 0 ? "n/a" : pct(precision(f.total)),
    f.goal.operations !== undefined
      ? `ops ${pct(f.goal.operations)}, facts >= ${pct(f.goal.facts)}`
      : `facts >= ${pct(f.goal.facts)}`,
    f.met ? "met" : "MISSED",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  for (const r of [header, ...rows])
    lines.push(
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  lines.push("", "per fact kind (recall / precision, shown facts):");
  for (const f of all) {
    const kinds = FACT_KINDS.map(
      (k) => `${k} ${pct(recall(f.tallies[k]))} / ${pct(precision(f.tallies[k]))} (${f.tallies[k].shown})`,
    );
    lines.push(`  ${f.layout} ${f.variant}: ${kinds.join(", ")}`);
  }
  lines.push("", "worst APIs (missed = shown but not scraped; invented = scraped but not in the spec):");
  for (const f of all) {
    if (f.worst.length === 0 && f.failures.length === 0) continue;
    lines.push(`  ${f.layout} ${f.variant}:`);
    for (const e of f.failures.slice(0, 3)) lines.push(`    FAILED ${e.api}: ${e.error}`);
    for (const w of f.worst) {
      lines.push(`    ${w.api}: recall ${pct(w.recall)}, precision ${pct(w.precision)}`);
      for (const m of w.missed.slice(0, 4)) lines.push(`      missed   ${m.replace(/\t/g, "  ")}`);
      for (const m of w.invented.slice(0, 3)) lines.push(`      invented ${m.replace(/\t/g, "  ")}`);
    }
  }
  return lines.join("\n");
}
