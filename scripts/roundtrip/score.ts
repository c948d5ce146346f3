// The round trip's scoring: recall over the facts a page shows (after the cut), precision over the facts
// the scraped spec states (a fact is right when the source spec states it too, shown or not).
import type { Fact } from "./types.ts";
import { factKey } from "./facts.ts";

export const FACT_KINDS: readonly Fact["kind"][] = ["operation", "parameter", "property", "status"];

/** Counts for recall (found / shown) and precision (correct / scraped). */
export interface Tally {
  shown: number;
  found: number;
  scraped: number;
  correct: number;
}

export type KindTallies = Record<Fact["kind"], Tally>;

export function emptyTallies(): KindTallies {
  return Object.fromEntries(
    FACT_KINDS.map((k) => [k, { shown: 0, found: 0, scraped: 0, correct: 0 }]),
  ) as KindTallies;
}

export function addTallies(into: KindTallies, from: KindTallies): void {
  for (const kind of FACT_KINDS) {
    into[kind].shown += from[kind].shown;
    into[kind].found += from[kind].found;
    into[kind].scraped += from[kind].scraped;
    into[kind].correct += from[kind].correct;
  }
}

export function totalOf(tallies: KindTallies): Tally {
  const total = { shown: 0, found: 0, scraped: 0, correct: 0 };
  for (const kind of FACT_KINDS) {
    total.shown += tallies[kind].shown;
    total.found += tallies[kind].found;
    total.scraped += tallies[kind].scraped;
    total.correct += tallies[kind].correct;
  }
  return total;
}

/** found / shown (1 when nothing was shown). */
export function recall(t: Tally): number {
  return t.shown === 0 ? 1 : t.found / t.shown;
}

/** correct / scraped (1 when nothing was scraped). */
export function precision(t: Tally): number {
  return t.scraped === 0 ? 1 : t.correct / t.scraped;
}

export interface FactScore {
  tallies: KindTallies;
  /** Shown facts the scraped spec lacks, in page order. */
  missed: Fact[];
  /** Scraped facts the source spec does not state. */
  invented: Fact[];
}

function byKey(facts: readonly Fact[]): Map<string, Fact> {
  const map = new Map<string, Fact>();
  for (const f of facts) if (!map.has(factKey(f))) map.set(factKey(f), f);
  return map;
}

/**
 * Scores one scrape: `shown` are the facts the (possibly cut) pages state, `truth` every fact of the source
 * spec, `scraped` the facts of the scraped spec. Each distinct fact counts once.
 */
export function scoreFacts(
  shown: readonly Fact[],
  truth: readonly Fact[],
  scraped: readonly Fact[],
): FactScore {
  const tallies = emptyTallies();
  const shownFacts = byKey(shown);
  const truthKeys = new Set(truth.map(factKey));
  const scrapedFacts = byKey(scraped);
  const missed: Fact[] = [];
  const invented: Fact[] = [];
  for (const [key, fact] of shownFacts) {
    tallies[fact.kind].shown++;
    if (scrapedFacts.has(key)) tallies[fact.kind].found++;
    else missed.push(fact);
  }
  for (const [key, fact] of scrapedFacts) {
    tallies[fact.kind].scraped++;
    if (truthKeys.has(key)) tallies[fact.kind].correct++;
    else invented.push(fact);
  }
  return { tallies, missed, invented };
}
