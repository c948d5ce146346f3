// Reading a spec file: bytes (hashed for generated file headers) and a parsed value, both bounded (see
// scripts/lib/read-input.ts and parse-data.ts).
import { createHash } from "node:crypto";
import { parseData } from "../lib/parse-data.ts";
import { readInputFile, specLimit, type SizeLimit } from "../lib/read-input.ts";

export interface ReadFile {
  value: unknown;
  /** sha256 hex of the file's bytes. */
  hash: string;
}

/** Reads and parses `path`; errors are UserErrors naming `display`. */
export function readSpecFile(path: string, display: string, limit: SizeLimit = specLimit()): ReadFile {
  const bytes = readInputFile(path, display, "spec file", limit);
  const hash = createHash("sha256").update(bytes).digest("hex");
  return { value: parseData(bytes.toString("utf8"), display), hash };
}
