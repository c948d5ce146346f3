// The options that bound what a command reads, shared by the commands that take them: the size limits of
// pages and of specs (and of the YAML files beside them), and the folders $refs may read besides the spec's.
import { resolve } from "node:path";
import {
  DEFAULT_PAGE_BYTES,
  DEFAULT_SPEC_BYTES,
  pageLimit,
  parseByteCount,
  specLimit,
  type SizeLimit,
} from "../lib/read-input.ts";

export const PAGE_BYTES_OPTION = { "max-page-bytes": { type: "string" } } as const;
export const SPEC_BYTES_OPTION = { "max-spec-bytes": { type: "string" } } as const;
export const REF_DIR_OPTION = { "allow-ref-dir": { type: "string", multiple: true } } as const;

export interface InputLimits {
  page: SizeLimit;
  spec: SizeLimit;
}

function bytes(value: unknown, flag: string, fallback: number): number {
  return typeof value === "string" ? parseByteCount(value, flag) : fallback;
}

/** The limits given with --max-page-bytes and --max-spec-bytes, or the defaults (16 MiB, 128 MiB). */
export function inputLimits(values: Record<string, unknown>): InputLimits {
  return {
    page: pageLimit(bytes(values["max-page-bytes"], "--max-page-bytes", DEFAULT_PAGE_BYTES)),
    spec: specLimit(bytes(values["max-spec-bytes"], "--max-spec-bytes", DEFAULT_SPEC_BYTES)),
  };
}

/** The folders given with --allow-ref-dir, absolute. */
export function allowedRefDirs(values: Record<string, unknown>, cwd: string): string[] {
  const dirs = values["allow-ref-dir"];
  return Array.isArray(dirs) ? dirs.map((d) => resolve(cwd, String(d))) : [];
}
