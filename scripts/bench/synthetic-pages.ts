// Pages for the scrape benchmark: the seed pages of every format with their resource renamed, so the
// benchmark reads 1,000 different pages in the formats the extractors claim, not one page 1,000 times.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "../scrape/fragment.ts";

const SEEDS = [
  "stripe-identity/pages/update-verification-session.openapi-renderer.html",
  "stripe-identity/pages/verification-sessions.api-reference.txt",
  "stripe-identity/pages/create-verification-session.api-catalogue.txt",
  "stripe-identity/pages/verification-sessions.docs.md",
  "verifa/pages/update-session.fern.txt",
];

const NOUNS = [
  "widget",
  "invoice",
  "payout",
  "shipment",
  "ticket",
  "device",
  "report",
  "webhook",
  "member",
  "order",
];
const ADJECTIVES = ["", "billing_", "legacy_", "team_", "audit_", "bulk_", "draft_", "shared_"];

/** A deterministic pseudo-random sequence (mulberry32), so every run reads the same pages. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pascal(snake: string): string {
  return snake
    .split("_")
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join("");
}

function rename(text: string, snake: string): string {
  const p = pascal(snake);
  return text
    .replaceAll("verification_sessions", `${snake}s`)
    .replaceAll("verification_session", snake)
    .replaceAll("VerificationSessions", `${p}s`)
    .replaceAll("VerificationSession", p)
    .replaceAll("sessions", `${snake}s`)
    .replaceAll("session", snake.replace(/_/g, " "));
}

export async function syntheticPages(specsDir: string, count: number, seed = 42): Promise<Page[]> {
  const templates = await Promise.all(SEEDS.map((s) => readFile(join(specsDir, s), "utf8")));
  const next = random(seed);
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length] as string;
    const noun = `${ADJECTIVES[Math.floor(next() * ADJECTIVES.length)]}${NOUNS[Math.floor(next() * NOUNS.length)]}`;
    pages.push({
      file: `synthetic/${String(i).padStart(4, "0")}-${SEEDS[i % SEEDS.length]?.split("/").pop()}`,
      text: rename(template, noun),
    });
  }
  return pages;
}
