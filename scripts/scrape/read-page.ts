// Reads one captured page and refuses what is not a page: a missing file, an empty one, or binary data.
import { readFile } from "node:fs/promises";
import { UserError } from "../lib/errors.ts";
import type { Page } from "./fragment.ts";

/** True when the bytes are not text: a NUL byte, or many bytes that are not valid UTF-8. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  const decoded = sample.toString("utf8");
  const replacements = decoded.split("\uFFFD").length - 1;
  return replacements > 8 && replacements / decoded.length > 0.02;
}

/**
 * Reads a page for the extractors. `displayName` is the name used in sources and messages (relative to
 * the API folder for manifest pages, as given for ad-hoc pages).
 */
export async function readPage(path: string, displayName: string = path): Promise<Page> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError("page not found", displayName);
    if (code === "EISDIR") throw new UserError("is a directory, not a page", displayName);
    throw new UserError(`cannot read page (${code ?? String(error)})`, displayName);
  }
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") {
    throw new UserError("page is empty", displayName);
  }
  if (looksBinary(bytes)) throw new UserError("page is binary data, not a text or HTML capture", displayName);
  const text = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  return { file: displayName, text };
}
