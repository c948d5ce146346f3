// specsmith capture: download the pages a manifest lists into specs/<api>/pages/, or crawl a site from a
// start URL (--from URL, or URL --out DIR: capture-site.ts). Manifest pages are written only when every
// download of the run succeeded, all in one journaled batch. Each download is bounded (see
// scripts/capture/fetch-page.ts).
import { parseArgs } from "node:util";
import { join, relative } from "node:path";
import { withOutputLocks, writeOutputs, type OutputFile } from "../lib/atomic-write.ts";
import { UsageError, UserError } from "../lib/errors.ts";
import { refuseOutputsOverInputs } from "../lib/output-paths.ts";
import { paint } from "../lib/terminal.ts";
import { fileInApiFolder, readManifest } from "../scrape/manifest.ts";
import { fetchPage, MAX_REDIRECTS } from "../capture/fetch-page.ts";
import { selectApis } from "../lib/api-folders.ts";
import type { Command } from "./command.ts";
import { captureSite, loginHeaders } from "./capture-site.ts";
import { inputLimits, PAGE_BYTES_OPTION, SPEC_BYTES_OPTION } from "./input-options.ts";

const DEFAULT_MAX_PAGES = 500;
const DEFAULT_MAX_DEPTH = 3;

const HELP = `Usage:
  specsmith capture [--api NAME] [--timeout SECONDS] [--max-page-bytes SIZE]
  specsmith capture --api NAME --from URL [crawl options]
  specsmith capture URL --out DIR [crawl options]

Without --from: downloads every page listed with a url in specs/<api>/api.yaml into specs/<api>/pages/,
replacing the previous captures. Pages without a url are left as they are. Exit 2 when a page cannot be
downloaded (nothing of that run is written).

With --from URL (or a URL and --out DIR): crawls the documentation site from URL and keeps the pages that
document an API. Pages are found, in this order, through the site's llms.txt (or llms-full.txt), its
sitemap.xml (and the sitemaps an index names), then the links of the start page and of the pages they lead
to, staying under the start URL's path; a page's markdown twin (page.md) is read where the site serves one.
The pages go to specs/<api>/pages/ (or DIR), what is known of each (url, file, ETag, Last-Modified,
sha256, status) and the pages skipped with the reason to pages/capture.json, and the page list to
api.yaml (its comments kept; an api.yaml is made when the folder has none). Run it again to refresh:
requests are conditional, only changed pages are rewritten, and the summary counts new, changed,
unchanged and gone pages. Gone pages are kept and marked in capture.json until --prune. A page that
fails keeps its earlier copy; only files capture wrote (and that are unedited since) are replaced or
deleted. When the site publishes its OpenAPI document (Redoc, Scalar, Swagger UI, a link to
openapi.json), capture says so and how to use it. Exit 0 when pages were kept (failed pages are
warnings), 2 when no page could be fetched or none documents an API (nothing written).

Options:
  --api NAME              the API folder under specs/
  --from URL              (crawl) the start URL: its origin and path prefix are the site
  --out DIR               (crawl a URL) the folder for the pages and capture.json
  --max-pages N           (crawl) pages fetched at most (default ${DEFAULT_MAX_PAGES})
  --max-depth N           (crawl) link levels followed from the start page (default ${DEFAULT_MAX_DEPTH})
  --include PATTERN       (crawl) only URLs matching it (repeatable); * stands for any characters,
                          a pattern without :// is matched against the path: --include '/docs/api/*'
  --exclude PATTERN       (crawl) no URL matching it (repeatable)
  --header "NAME: VALUE"  (crawl) sent with every request to the site (repeatable); never written or shown
  --cookie "NAME=VALUE"   (crawl) a cookie for docs behind a login (repeatable); never written or shown
  --prune                 (crawl) delete the pages the site no longer has (only files capture wrote)
  --timeout SECONDS       per page, redirects and body included (default 30)
  --max-page-bytes SIZE   the largest page to download, counted after decompression, e.g. 64MiB
                          (default 16MiB)
  --max-spec-bytes SIZE   the largest api.yaml (or capture.json) to read (default 128MiB)
  -h, --help              this help

Redirects are followed, at most ${MAX_REDIRECTS} of them, to http(s) URLs only (when crawling, only within the
site). A page is decoded by the charset its server declares (UTF-8 otherwise); bytes that are not UTF-8
are warned about with their line. A page is written only inside the API folder. Progress is shown on a
terminal only.

Examples:
  specsmith capture --api verifa
  specsmith capture --api verifa --from https://docs.withverifa.com/api-reference/
  specsmith capture https://docs.example.com/api/ --out captures --exclude '/api/changelog*'`;

/** A whole number given on the command line, at least `least`. */
function count(text: string | undefined, flag: string, fallback: number, least: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < least)
    throw new UsageError(`${flag} must be a whole number of at least ${least}`);
  return n;
}

export const captureCommand: Command = {
  help: HELP,
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        api: { type: "string" },
        from: { type: "string" },
        out: { type: "string" },
        "max-pages": { type: "string" },
        "max-depth": { type: "string" },
        include: { type: "string", multiple: true },
        exclude: { type: "string", multiple: true },
        header: { type: "string", multiple: true },
        cookie: { type: "string", multiple: true },
        prune: { type: "boolean" },
        timeout: { type: "string" },
        ...PAGE_BYTES_OPTION,
        ...SPEC_BYTES_OPTION,
      },
    });
    const timeout = values.timeout === undefined ? 30 : Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout <= 0)
      throw new UserError(`--timeout must be a positive number of seconds`);
    const limits = inputLimits(values);
    const crawlOnly = [
      "out",
      "max-pages",
      "max-depth",
      "include",
      "exclude",
      "header",
      "cookie",
      "prune",
    ] as const;
    if (values.from !== undefined || positionals.length > 0) {
      if (positionals.length > 1) throw new UsageError("capture crawls one site: give one URL");
      const from = values.from ?? (positionals[0] as string);
      if (positionals.length > 0 && values.from !== undefined)
        throw new UsageError("give the start URL once: either --from URL or URL");
      if ((values.api === undefined) === (values.out === undefined))
        throw new UsageError(
          "a crawl writes into one place: give --api NAME (specs/NAME/pages/) or --out DIR",
        );
      return captureSite(
        {
          from,
          ...(values.api !== undefined ? { api: values.api } : {}),
          ...(values.out !== undefined ? { out: values.out } : {}),
          maxPages: count(values["max-pages"], "--max-pages", DEFAULT_MAX_PAGES, 1),
          maxDepth: count(values["max-depth"], "--max-depth", DEFAULT_MAX_DEPTH, 0),
          include: values.include ?? [],
          exclude: values.exclude ?? [],
          headers: loginHeaders(values.header ?? [], values.cookie ?? []),
          prune: values.prune ?? false,
          timeoutMs: timeout * 1000,
          pageLimit: limits.page,
          specLimit: limits.spec,
        },
        ctx,
      );
    }
    const misplaced = crawlOnly.find((flag) => values[flag] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} is for a crawl: add --from URL`);
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
