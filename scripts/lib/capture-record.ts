// pages/capture.json: what `specsmith capture` knows of the pages it crawled. It is written by capture and
// read twice: by the next capture (conditional requests, which files it wrote and may replace or prune) and
// by the scraper's report (which page the crawl found for an operation a sidebar lists but no page
// documents). Its order is deterministic (by URL) and it holds no time stamp, so a capture that changed
// nothing rewrites it byte for byte. It never holds a request header (a login cookie, a token).
import { existsSync } from "node:fs";
import { UserError } from "./errors.ts";
import { parseData } from "./parse-data.ts";
import { readInputFile, specLimit, type SizeLimit } from "./read-input.ts";

/** A page capture saved: its file is capture's to replace or prune, and no one else's. */
export interface CapturedPage {
  /** The page's address as discovered. */
  url: string;
  /** Where its content came from when not `url` itself: the markdown twin (`url` + ".md"). */
  source?: string;
  /** The saved file, relative to the API folder (`pages/x.html`) or, for `capture URL --out DIR`, to DIR. */
  file: string;
  etag?: string;
  lastModified?: string;
  /** Of the saved file's bytes. */
  sha256: string;
  /**
   * "captured": the saved copy is what the site served at the last capture; "failed": the last capture
   * could not fetch it and kept the older copy; "gone": the site no longer has it (kept until --prune).
   */
  status: "captured" | "failed" | "gone";
  /** Why the last fetch failed (status "failed"). */
  error?: string;
  /** The page's title or the text of the link to it, for the report. */
  title?: string;
}

/** A page the crawl found and did not save, and why. */
export interface SkippedPage {
  url: string;
  reason: string;
  title?: string;
}

export interface CaptureRecord {
  /** The start URL of the crawl. */
  from: string;
  pages: CapturedPage[];
  skipped: SkippedPage[];
  /** OpenAPI documents the site publishes (a Redoc spec-url, a link to openapi.json...). */
  openapi: string[];
}

export const CAPTURE_RECORD = "capture.json";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const STATUSES = new Set(["captured", "failed", "gone"]);

function text(entry: Record<string, unknown>, key: string, where: string, file: string): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new UserError(`${where}.${key} must be a string`, file);
  return value;
}

function required(entry: Record<string, unknown>, key: string, where: string, file: string): string {
  return text(entry, key, where, file) ?? fail(file, `${where}.${key} is missing`);
}

function fail(file: string, message: string): never {
  throw new UserError(`${message} (a capture.json that specsmith capture did not write?)`, file);
}

/** Copies the optional string fields that are set, so records never hold `key: undefined`. */
function optional<K extends string>(
  entry: Record<string, unknown>,
  keys: readonly K[],
  where: string,
  file: string,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = text(entry, key, where, file);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function parseCaptureRecord(raw: string, file: string): CaptureRecord {
  const data = parseData(raw, file);
  if (!isRecord(data)) fail(file, "must be a JSON object with from, pages and skipped");
  const list = (key: string): Record<string, unknown>[] => {
    const value = data[key] ?? [];
    if (!Array.isArray(value) || !value.every(isRecord)) fail(file, `"${key}" must be a list of objects`);
    return value;
  };
  const pages = list("pages").map((entry, i): CapturedPage => {
    const where = `pages[${i}]`;
    const status = required(entry, "status", where, file);
    if (!STATUSES.has(status)) fail(file, `${where}.status must be captured, failed or gone`);
    return {
      url: required(entry, "url", where, file),
      file: required(entry, "file", where, file),
      sha256: required(entry, "sha256", where, file),
      status: status as CapturedPage["status"],
      ...optional(entry, ["source", "etag", "lastModified", "error", "title"] as const, where, file),
    };
  });
  const skipped = list("skipped").map((entry, i): SkippedPage => {
    const where = `skipped[${i}]`;
    return {
      url: required(entry, "url", where, file),
      reason: required(entry, "reason", where, file),
      ...optional(entry, ["title"] as const, where, file),
    };
  });
  const openapi = data.openapi ?? [];
  if (!Array.isArray(openapi) || !openapi.every((u) => typeof u === "string"))
    fail(file, `"openapi" must be a list of URLs`);
  return { from: typeof data.from === "string" ? data.from : "", pages, skipped, openapi };
}

/** Reads capture.json, or undefined when there is none (no crawl has run here). */
export function readCaptureRecord(
  path: string,
  display: string,
  limit: SizeLimit = specLimit(),
): CaptureRecord | undefined {
  if (!existsSync(path)) return undefined;
  return parseCaptureRecord(readInputFile(path, display, "capture record", limit).toString("utf8"), display);
}

const byUrl = (a: { url: string }, b: { url: string }): number =>
  a.url < b.url ? -1 : a.url > b.url ? 1 : 0;

/** The record as written: entries by URL, keys in one order, so equal records are equal bytes. */
export function serializeCaptureRecord(record: CaptureRecord): string {
  const page = (p: CapturedPage) => ({
    url: p.url,
    ...(p.source ? { source: p.source } : {}),
    file: p.file,
    ...(p.title ? { title: p.title } : {}),
    status: p.status,
    ...(p.error ? { error: p.error } : {}),
    sha256: p.sha256,
    ...(p.etag ? { etag: p.etag } : {}),
    ...(p.lastModified ? { lastModified: p.lastModified } : {}),
  });
  const skipped = (s: SkippedPage) => ({
    url: s.url,
    ...(s.title ? { title: s.title } : {}),
    reason: s.reason,
  });
  const out = {
    from: record.from,
    openapi: [...new Set(record.openapi)].sort(),
    pages: [...record.pages].sort(byUrl).map(page),
    skipped: [...record.skipped].sort(byUrl).map(skipped),
  };
  return JSON.stringify(out, null, 2) + "\n";
}
