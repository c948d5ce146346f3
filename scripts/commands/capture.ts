// specsmith capture: download the pages a manifest lists into specs/<api>/pages/. A plain fetch with a
// timeout; pages are written only when every download of the run succeeded, all in one journaled batch.
import { parseArgs } from "node:util";
import { join, relative } from "node:path";
import { withOutputLocks, writeOutputs, type OutputFile } from "../lib/atomic-write.ts";
import { UserError } from "../lib/errors.ts";
import { refuseOutputsOverInputs } from "../lib/output-paths.ts";
import { paint } from "../lib/terminal.ts";
import { readManifest } from "../scrape/manifest.ts";
import { selectApis } from "./api-folders.ts";
import type { Command } from "./command.ts";

const HELP = `Usage:
  specsmith capture [--api NAME] [--timeout SECONDS]

Downloads every page listed with a url in specs/<api>/api.yaml into specs/<api>/pages/, replacing the
previous captures. Pages without a url are left as they are.

Options:
  --api NAME          only this API folder under specs/
  --timeout SECONDS   per page (default 30)
  -h, --help          this help

Exit 0 on success, 2 when a page cannot be downloaded (nothing of that run is written).

Example:
  specsmith capture --api verifa`;

export async function fetchPage(
  url: string,
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": "specsmith-capture", accept: "text/html, text/markdown, text/plain, */*" },
      redirect: "follow",
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError" || name === "AbortError")
      throw new UserError(`timed out after ${timeoutMs / 1000}s`, url);
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new UserError(`could not connect (${cause})`, url);
  }
  if (!response.ok) throw new UserError(`HTTP ${response.status} ${response.statusText}`.trim(), url);
  const text = await response.text();
  if (text.trim() === "") throw new UserError("the server returned an empty page", url);
  return text;
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
      },
    });
    const timeout = values.timeout === undefined ? 30 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0)
      throw new UserError(`--timeout must be a positive number of seconds`);
    const downloads: { api: string; path: string; url: string }[] = [];
    for (const name of await selectApis(ctx.specsDir, values.api)) {
      const apiDir = join(ctx.specsDir, name);
      const manifest = await readManifest(
        join(apiDir, "api.yaml"),
        relative(ctx.cwd, join(apiDir, "api.yaml")),
        name,
      );
      const withUrl = manifest.pages.filter((p) => p.url);
      await refuseOutputsOverInputs(
        withUrl.map((p) => ({ path: join(apiDir, p.file), flag: "a page to capture" })),
        [join(apiDir, "api.yaml")],
        ctx.cwd,
      );
      for (const page of withUrl)
        downloads.push({ api: name, path: join(apiDir, page.file), url: page.url as string });
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
      outputs.push({ path: page.path, content: await fetchPage(page.url, timeout * 1000) });
    }
    ctx.term.clearProgress();
    // All pages in one journaled batch, under a lock per page: a killed run leaves the old pages or the new.
    await writeOutputs(outputs);
    for (const o of outputs) ctx.term.out([paint("green", "captured"), " ", relative(ctx.cwd, o.path)]);
    if (outputs.length === 0) ctx.term.out("no page has a url to capture from");
    return 0;
  },
};
