// specsmith capture: download the pages a manifest lists into specs/<api>/pages/. Pages are written only
// when every download of the run succeeded, all in one journaled batch. Each download is bounded: one
// timeout over the redirects and the body, at most MAX_REDIRECTS redirects, and the page size limit
// counted on the decompressed body as it arrives (a gzip bomb stops at the limit, never held whole in
// memory).
import { parseArgs } from "node:util";
import { join, relative } from "node:path";
import { withOutputLocks, writeOutputs, type OutputFile } from "../lib/atomic-write.ts";
import { UserError } from "../lib/errors.ts";
import { refuseOutputsOverInputs } from "../lib/output-paths.ts";
import { pageLimit, tooLarge, type SizeLimit } from "../lib/read-input.ts";
import { paint } from "../lib/terminal.ts";
import { fileInApiFolder, readManifest } from "../scrape/manifest.ts";
import { decodePage } from "../scrape/read-page.ts";
import { selectApis } from "../lib/api-folders.ts";
import type { Command } from "./command.ts";
import { inputLimits, PAGE_BYTES_OPTION, SPEC_BYTES_OPTION } from "./input-options.ts";

/** Redirects followed for one page before giving up. */
export const MAX_REDIRECTS = 5;

const HELP = `Usage:
  specsmith capture [--api NAME] [--timeout SECONDS] [--max-page-bytes SIZE]

Downloads every page listed with a url in specs/<api>/api.yaml into specs/<api>/pages/, replacing the
previous captures. Pages without a url are left as they are.

Options:
  --api NAME              only this API folder under specs/
  --timeout SECONDS       per page, redirects and body included (default 30)
  --max-page-bytes SIZE   the largest page to download, counted after decompression, e.g. 64MiB
                          (default 16MiB)
  --max-spec-bytes SIZE   the largest api.yaml to read (default 128MiB)
  -h, --help              this help

Redirects are followed, at most ${MAX_REDIRECTS} of them, to http(s) URLs only. A page is decoded by
the charset its server declares (UTF-8 otherwise); bytes that are not UTF-8 are warned about with their
line. A page is written only inside the API folder.

Exit 0 on success, 2 when a page cannot be downloaded (nothing of that run is written).

Example:
  specsmith capture --api verifa`;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchOptions {
  timeoutMs: number;
  limit?: SizeLimit;
  fetchImpl?: typeof fetch;
}

/** Why a fetch or a body read failed, in words; a timeout names the time. */
function failure(error: unknown, timeoutMs: number, during: string): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError")
    return `timed out after ${timeoutMs / 1000}s${during}`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return during ? `the connection failed${during} (${cause})` : `could not connect (${cause})`;
}

/** Follows redirects by hand, so that there is a limit and only http(s) targets are fetched. */
async function fetchFollowing(url: string, signal: AbortSignal, options: FetchOptions): Promise<Response> {
  const fetchImpl = options.fetchImpl ?? fetch;
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetchImpl(current, {
        signal,
        headers: { "user-agent": "specsmith-capture", accept: "text/html, text/markdown, text/plain, */*" },
        redirect: "manual",
      });
    } catch (error) {
      throw new UserError(failure(error, options.timeoutMs, ""), url);
    }
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    if (redirects === MAX_REDIRECTS) throw new UserError(`more than ${MAX_REDIRECTS} redirects`, url);
    const next = URL.canParse(location, current) ? new URL(location, current) : undefined;
    if (next?.protocol !== "http:" && next?.protocol !== "https:")
      throw new UserError(`redirected to ${JSON.stringify(location)}, which is not an http(s) URL`, url);
    current = next.href;
  }
}

/** The body, at most `limit.bytes` of it after decompression; more is an error, and the rest is not read. */
async function readBody(
  response: Response,
  url: string,
  limit: SizeLimit,
  timeoutMs: number,
): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  // Content-Length counts the bytes on the wire: only without a content encoding is it the page's size.
  if (!response.headers.get("content-encoding") && declared > limit.bytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(limit, url, declared);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (done) break;
      length += value.length;
      if (length > limit.bytes) {
        await reader?.cancel().catch(() => undefined);
        throw tooLarge(limit, url);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(failure(error, timeoutMs, " while reading the page"), url);
  }
  return Buffer.concat(chunks, length);
}

/** The text of `url`: downloaded within the options' limits, decoded by its charset (UTF-8 by default). */
export async function fetchPage(
  url: string,
  options: FetchOptions,
): Promise<{ text: string; warnings: { line?: number; message: string }[] }> {
  const limit = options.limit ?? pageLimit();
  const signal = AbortSignal.timeout(options.timeoutMs);
  const response = await fetchFollowing(url, signal, options);
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`HTTP ${response.status} ${response.statusText}`.trim(), url);
  }
  const bytes = await readBody(response, url, limit, options.timeoutMs);
  const { text, warnings } = decode(bytes, response.headers.get("content-type"), url);
  if (text.trim() === "") throw new UserError("the server returned an empty page", url);
  return { text, warnings };
}

/** Decodes by the charset the server declares when it is one TextDecoder knows; UTF-8 otherwise. */
function decode(bytes: Buffer, contentType: string | null, url: string): ReturnType<typeof decodePage> {
  const charset = /;\s*charset="?([\w.:-]+)/i.exec(contentType ?? "")?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    try {
      return { text: new TextDecoder(charset).decode(bytes).replace(/\r\n?/g, "\n"), warnings: [] };
    } catch {
      // Not a charset TextDecoder knows: read it as UTF-8, with warnings where that fails.
    }
  }
  return decodePage(bytes, url);
}

export const captureCommand: Command = {
  name: "capture",
  summary: "download the pages listed in specs/<api>/api.yaml into pages/",
  help: HELP,
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        api: { type: "string" },
        timeout: { type: "string" },
        ...PAGE_BYTES_OPTION,
        ...SPEC_BYTES_OPTION,
      },
    });
    const timeout = values.timeout === undefined ? 30 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0)
      throw new UserError(`--timeout must be a positive number of seconds`);
    const limits = inputLimits(values);
    const downloads: { api: string; path: string; url: string }[] = [];
    for (const name of await selectApis(ctx.specsDir, values.api)) {
      const apiDir = join(ctx.specsDir, name);
      const manifestPath = join(apiDir, "api.yaml");
      const manifest = await readManifest(manifestPath, relative(ctx.cwd, manifestPath), name, limits.spec);
      const withUrl = manifest.pages.filter((p) => p.url);
      await refuseOutputsOverInputs(
        withUrl.map((p) => ({ path: join(apiDir, p.file), flag: "a page to capture" })),
        [manifestPath],
        ctx.cwd,
      );
      for (const page of withUrl) {
        // Checked before the download: a page must land inside the API folder, not through a link out of it.
        const path = fileInApiFolder(apiDir, page.file, relative(ctx.cwd, join(apiDir, page.file)));
        downloads.push({ api: name, path, url: page.url as string });
      }
    }
    // What a killed capture left is put right first, also when this run then fails to download. The pages
    // are not locked while downloading (that may take long), only while they are written.
    await withOutputLocks(
      downloads.map((d) => d.path),
      async () => undefined,
    );
    const outputs: OutputFile[] = [];
    for (const [i, page] of downloads.entries()) {
      ctx.term.progress(`capturing ${page.api} ${i + 1}/${downloads.length}: ${page.url}`);
      const { text, warnings } = await fetchPage(page.url, { timeoutMs: timeout * 1000, limit: limits.page });
      for (const w of warnings)
        ctx.term.err([paint("yellow", "warning"), ` ${page.url} line ${w.line}: ${w.message}`]);
      outputs.push({ path: page.path, content: text });
    }
    ctx.term.clearProgress();
    // All pages in one journaled batch, under a lock per page: a killed run leaves the old pages or the new.
    await writeOutputs(outputs);
    for (const o of outputs) ctx.term.out([paint("green", "captured"), " ", relative(ctx.cwd, o.path)]);
    if (outputs.length === 0) ctx.term.out("no page has a url to capture from");
    return 0;
  },
};
