// One round trip: render an API's operations with one renderer and one variant (perturbations, cut),
// scrape all its pages in one call as `specsmith scrape` does, and score the scraped spec's facts.
import { performance } from "node:perf_hooks";
import { scrapePages } from "../scrape/scrape-pages.ts";
import type { Fact, Perturbations, RenderApi, RenderedPage, Renderer } from "./types.ts";
import { apiFacts, factKey } from "./facts.ts";
import { loadRenderApi } from "./load-api.ts";
import { cutPage } from "./renderers/page-writer.ts";
import { type KindTallies, scoreFacts } from "./score.ts";
import { underSourceServers } from "./server-frame.ts";

export interface Variant {
  /** "plain", "cut", "navigationNoise", "navigationNoise+cut". */
  name: string;
  perturbations: Perturbations;
  cut: boolean;
}

/**
 * The plain pages uncut and cut at ~2,000 bytes, each perturbation the renderer applies on its own (uncut:
 * what it breaks), and all of them together on cut pages (what a real capture looks like). Each single
 * perturbation is not also run cut: uncut pages are where a scrape spends its time, and the whole run must
 * stay under 20 minutes.
 */
export function variantsOf(renderer: Renderer): Variant[] {
  const variants: Variant[] = [
    { name: "plain", perturbations: {}, cut: false },
    { name: "cut", perturbations: {}, cut: true },
  ];
  for (const p of renderer.perturbations)
    variants.push({ name: p, perturbations: { [p]: true }, cut: false });
  if (renderer.perturbations.length > 0) {
    const all: Perturbations = Object.fromEntries(renderer.perturbations.map((p) => [p, true]));
    const name = renderer.perturbations.length === 1 ? renderer.perturbations[0] : "all";
    variants.push({ name: `${name}+cut`, perturbations: all, cut: true });
  }
  return variants;
}

/** How many missed and invented facts each API result keeps as examples. */
const EXAMPLES = 6;

export interface ApiScore {
  api: string;
  layout: string;
  variant: string;
  pages: number;
  operations: number;
  tallies: KindTallies;
  missed: string[];
  invented: string[];
  /** How many shown facts were missed, by "kind attribute" ("parameter exists", "property enum"). */
  missedByAttribute: Record<string, number>;
  /** Set when the scrape threw: the API then counts with nothing found. */
  error?: string;
  seconds: number;
}

/** Up to EXAMPLES facts, one per kind of fact and attribute first, so the examples show different failures. */
function examples(facts: readonly Fact[]): string[] {
  const seen = new Set<string>();
  const varied = facts.filter((f) => {
    const group = `${f.kind} ${f.attribute}`;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
  const rest = facts.filter((f) => !varied.includes(f));
  return [...varied, ...rest].slice(0, EXAMPLES).map(factKey);
}

/**
 * Missed facts counted by "kind attribute"; the facts of a field (or operation) missed as a whole count once
 * as "kind (whole)", so an attribute's count says how often a found field had that attribute wrong.
 */
function countByAttribute(facts: readonly Fact[]): Record<string, number> {
  const missedWhole = new Set(
    facts.filter((f) => f.attribute === "exists").map((f) => `${f.operation} ${f.where}`),
  );
  const counts: Record<string, number> = {};
  for (const f of facts) {
    const whole = missedWhole.has(`${f.operation} ${f.where}`);
    if (whole && f.attribute !== "exists") continue;
    const group = whole ? `${f.kind} (whole)` : `${f.kind} ${f.attribute}`;
    counts[group] = (counts[group] ?? 0) + 1;
  }
  return counts;
}

/** Page files made unique inside the API (two paths may clean up to the same name). */
export function uniqueFiles(pages: RenderedPage[]): RenderedPage[] {
  const used = new Set<string>();
  return pages.map((page) => {
    let file = page.file;
    for (let n = 2; used.has(file); n++) file = page.file.replace(/(\.\w+)?$/, `-${n}$1`);
    used.add(file);
    return file === page.file ? page : { ...page, file };
  });
}

export function renderVariant(api: RenderApi, renderer: Renderer, variant: Variant): RenderedPage[] {
  const pages = uniqueFiles(renderer.render(api, variant.perturbations));
  return variant.cut ? pages.map((p) => cutPage(p)) : pages;
}

export async function roundTrip(api: RenderApi, renderer: Renderer, variant: Variant): Promise<ApiScore> {
  const start = performance.now();
  const pages = renderVariant(api, renderer, variant);
  const shown = pages.flatMap((p) => p.facts.map((f) => f.fact));
  let scraped: ReturnType<typeof apiFacts> = [];
  let error: string | undefined;
  try {
    const result = await scrapePages(
      pages.map((p) => ({ file: p.file, text: p.text })),
      { version: api.version, servers: [], specFile: `${api.name}.${renderer.name}.yaml` },
    );
    scraped = apiFacts(underSourceServers(loadRenderApi(result.document, api.name), api));
  } catch (err) {
    error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  const score = scoreFacts(shown, apiFacts(api), scraped);
  return {
    api: api.name,
    layout: renderer.name,
    variant: variant.name,
    pages: pages.length,
    operations: api.operations.length,
    tallies: score.tallies,
    missed: examples(score.missed),
    missedByAttribute: countByAttribute(score.missed),
    invented: examples(score.invented),
    ...(error !== undefined ? { error: error.slice(0, 500) } : {}),
    seconds: (performance.now() - start) / 1000,
  };
}
