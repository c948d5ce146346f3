// specsmith capture: download the pages a manifest lists into specs/<api>/pages/. Pages are written only
// when every download of the run succeeded, all in one journaled batch. Each download is bounded (see
// scripts/capture/fetch-page.ts).
import { parseArgs } from "node:util";
import { join, relative } from "node:path";
import { withOutputLocks, writeOutputs, type OutputFile } from "../lib/atomic-write.ts";
import { UserError } from "../lib/errors.ts";
import { refuseOutputsOverInputs } from "../lib/output-paths.ts";
import { paint } from "../lib/terminal.ts";
import { fileInApiFolder, readManifest } from "../scrape/manifest.ts";
import { fetchPage, MAX_REDIRECTS } from "../capture/fetch-page.ts";
import { selectApis } from "../lib/api-folders.ts";
import type { Command } from "./command.ts";
import { inputLimits, PAGE_BYTES_OPTION, SPEC_BYTES_OPTION } from "./input-options.ts";

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
