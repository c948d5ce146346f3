// Reads captured pages and refuses what is not a page: a missing file, an empty one, or binary data. Reads
// are bounded (regular files only, at most the page size limit); in a scrape of many pages a page that
// breaks the limit is skipped with a warning, and the run fails only when no page could be read.
import { isUtf8 } from "node:buffer";
import { UserError } from "../lib/errors.ts";
import { InputLimitError, pageLimit, readInputFile, type SizeLimit } from "../lib/read-input.ts";
import type { Diagnostic, Page } from "./fragment.ts";

/** True when the bytes are not text: a NUL byte, or many bytes that are not valid UTF-8. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return true;
  const decoded = sample.toString("utf8");
  const replacements = decoded.split("\uFFFD").length - 1;
  return replacements > 8 && replacements / decoded.length > 0.02;
}

/** The lines (1-based) of `bytes` that are not valid UTF-8. */
function invalidUtf8Lines(bytes: Buffer): number[] {
  if (isUtf8(bytes)) return [];
  const lines: number[] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    if (!isUtf8(bytes.subarray(start, end))) lines.push(line);
    start = end + 1;
  }
  return lines;
}

/**
 * Page text from bytes: UTF-8 with the byte-order mark dropped and line endings normalised. Bytes that are
 * not UTF-8 become U+FFFD, which can end up in a path or a name: a warning names the first line that has
 * them and how many more do.
 */
export function decodePage(bytes: Buffer, display: string): { text: string; warnings: Diagnostic[] } {
  const bad = invalidUtf8Lines(bytes);
  const warnings: Diagnostic[] = [];
  const first = bad[0];
  if (first !== undefined) {
    const more = bad.length > 1 ? ` (and ${bad.length - 1} more line${bad.length > 2 ? "s" : ""})` : "";
    warnings.push({
      file: display,
      line: first,
      message: `bytes that are not valid UTF-8${more}: read as U+FFFD (\uFFFD); save the page as UTF-8`,
    });
  }
  const text = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  return { text, warnings };
}

/**
 * Reads a page for the extractors. `displayName` is the name used in sources and messages (relative to
 * the API folder for manifest pages, as given for ad-hoc pages).
 */
export async function readPage(
  path: string,
  displayName: string = path,
  limit: SizeLimit = pageLimit(),
): Promise<Page & { warnings: Diagnostic[] }> {
  const bytes = readInputFile(path, displayName, "page", limit);
  if (looksBinary(bytes)) throw new UserError("page is binary data, not a text or HTML capture", displayName);
  const { text, warnings } = decodePage(bytes, displayName);
  if (text.trim() === "") throw new UserError("page is empty", displayName);
  return { file: displayName, text, warnings };
}

/**
 * Reads every page. A page refused by a limit (too large, not a regular file) is skipped with a warning
 * naming it; any other problem, or no page left to read, is an error.
 */
export async function readPages(
  entries: { path: string; display: string }[],
  limit: SizeLimit = pageLimit(),
): Promise<{ pages: Page[]; warnings: Diagnostic[] }> {
  const pages: Page[] = [];
  const warnings: Diagnostic[] = [];
  const skipped: InputLimitError[] = [];
  for (const entry of entries) {
    try {
      const { warnings: pageWarnings, ...page } = await readPage(entry.path, entry.display, limit);
      pages.push(page);
      warnings.push(...pageWarnings);
    } catch (error) {
      if (!(error instanceof InputLimitError)) throw error;
      skipped.push(error);
      warnings.push({ file: entry.display, message: `page skipped: it ${error.reason}` });
    }
  }
  const first = skipped[0];
  if (pages.length === 0 && first) {
    const more = skipped.length > 1 ? ` (and ${skipped.length - 1} more skipped)` : "";
    throw new UserError(`no page could be read: ${first.message}${more}`);
  }
  return { pages, warnings };
}
