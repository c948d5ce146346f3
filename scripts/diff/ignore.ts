// Accepting known changes on purpose: an ignore file lists findings (by rule id, optionally narrowed to an
// operation, a pointer or an API) with the reason they are accepted. Accepted findings are still shown,
// marked with their reason, but do not count for --fail-on. A reason is required: an entry without one is
// an error, so nobody silences a break without saying why.
import { isObject } from "../spec/pointer.ts";
import { UserError } from "../lib/errors.ts";
import { parseData } from "../lib/parse-data.ts";
import { readInputFile, specLimit, type SizeLimit } from "../lib/read-input.ts";
import type { DiffReport } from "./compare.ts";

export interface IgnoreEntry {
  id: string;
  operation?: string;
  pointer?: string;
  api?: string;
  reason: string;
}

const KEYS = new Set(["id", "operation", "pointer", "api", "reason"]);

export function readIgnoreFile(path: string, display: string, limit: SizeLimit = specLimit()): IgnoreEntry[] {
  const value = parseData(readInputFile(path, display, "ignore file", limit).toString("utf8"), display);
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value))
    throw new UserError("must be a YAML list of {id, operation?, pointer?, reason}", display);
  return value.map((raw, i) => {
    const where = `entry ${i + 1}`;
    if (!isObject(raw)) throw new UserError(`${where} must be a mapping with id and reason`, display);
    for (const key of Object.keys(raw)) {
      if (!KEYS.has(key))
        throw new UserError(`${where} has an unknown key "${key}" (keys: ${[...KEYS].join(", ")})`, display);
    }
    if (typeof raw.id !== "string" || raw.id === "")
      throw new UserError(`${where} needs an id (the rule id)`, display);
    if (typeof raw.reason !== "string" || raw.reason.trim() === "")
      throw new UserError(`${where} (${raw.id}) needs a reason: say why this change is accepted`, display);
    const entry: IgnoreEntry = { id: raw.id, reason: raw.reason.trim() };
    for (const key of ["operation", "pointer", "api"] as const) {
      const v = raw[key];
      if (v === undefined) continue;
      if (typeof v !== "string")
        throw new UserError(`${where} (${raw.id}): ${key} must be a string`, display);
      entry[key] = key === "operation" ? normalizeOperation(v) : key === "pointer" ? v.replace(/^#/, "") : v;
    }
    return entry;
  });
}

/** "patch /a/{id}" and "PATCH  /a/{id}" name the same operation as "PATCH /a/{id}". */
function normalizeOperation(text: string): string {
  const [method = "", ...rest] = text.trim().split(/\s+/);
  return `${method.toUpperCase()} ${rest.join(" ")}`;
}

/** Marks the findings the entries accept; returns the entries that matched nothing (stale entries). */
export function applyIgnores(reports: DiffReport[], entries: IgnoreEntry[]): IgnoreEntry[] {
  const used = new Set<IgnoreEntry>();
  for (const report of reports) {
    for (const finding of report.findings) {
      const entry = entries.find(
        (e) =>
          e.id === finding.id &&
          (e.operation === undefined || finding.operations.includes(e.operation)) &&
          (e.pointer === undefined || e.pointer === finding.pointer) &&
          (e.api === undefined || e.api === report.api),
      );
      if (!entry) continue;
      used.add(entry);
      finding.accepted = { reason: entry.reason };
    }
  }
  return entries.filter((e) => !used.has(e));
}
