// Every decision the merge makes is recorded here with the sources it weighed, so report.md can say
// where each fact came from and why one source won over another.
import type { Diagnostic, Source, Strength } from "../fragment.ts";

export type DecisionKind =
  | "conflict" // sources disagree; the stronger one won
  | "inference" // a fact no page states, derived from what the pages show
  | "join" // fragments from different pages were taken to be one operation
  | "rename" // a path parameter was renamed to the name other sources use
  | "dropped"; // something documented that the spec cannot hold, with the reason

export interface Decision {
  kind: DecisionKind;
  /** What the decision is about: "PATCH /api/v1/sessions/{session_id} body.external_ref". */
  subject: string;
  message: string;
  sources: Source[];
}

export interface ProvenanceEntry {
  /** The operation ("POST /v1/items") or component ("components.schemas.Item"). */
  owner: string;
  /** The fact within it: "summary", "query.limit", "body.options.document", "response 200". */
  fact: string;
  /** The source whose value was used. */
  source: Source;
  strength: Strength | "inferred";
  /** Other sources that state the same fact. */
  also: Source[];
}

export class MergeLog {
  readonly decisions: Decision[] = [];
  readonly provenance: ProvenanceEntry[] = [];
  /** Problems of the pages the merge finds (a path naming one parameter twice), for the report's warnings. */
  readonly warnings: Diagnostic[] = [];

  decide(kind: DecisionKind, subject: string, message: string, sources: Source[] = []): void {
    this.decisions.push({ kind, subject, message, sources });
  }

  warn(warning: Diagnostic): void {
    this.warnings.push(warning);
  }

  record(entry: ProvenanceEntry): void {
    this.provenance.push(entry);
  }
}

export function formatSource(source: Source): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  if (source.selector) return `${source.file} \`${source.selector}\``;
  return source.file;
}

/** Orders sources deterministically and drops duplicates. */
export function uniqueSources(sources: Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const s of sources) seen.set(formatSource(s), s);
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
}
