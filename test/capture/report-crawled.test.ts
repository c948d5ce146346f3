// The report's undocumented operations name the page a crawl found for them and why it was not saved
// (pages/capture.json), so the user knows which page to capture, or why it failed.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { main } from "../../scripts/cli.ts";
import { serializeCaptureRecord } from "../../scripts/lib/capture-record.ts";
import { memoryTerminal } from "../cli/memory-terminal.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-report-crawled-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("names the page the crawl found for a listed but undocumented operation, with the reason it was not saved", async () => {
  const api = join(dir, "specs", "verifa");
  await cp(join(import.meta.dirname, "../../specs/verifa"), api, { recursive: true });
  const base = "https://docs.withverifa.com/api-reference/sessions";
  await writeFile(
    join(api, "pages/capture.json"),
    serializeCaptureRecord({
      from: "https://docs.withverifa.com/api-reference/",
      openapi: [],
      pages: [
        {
          url: `${base}/get-a-session`,
          file: "pages/get-a-session.md",
          title: "GET Get a session",
          status: "gone",
          error: "HTTP 404",
          sha256: "0".repeat(64),
        },
      ],
      skipped: [
        { url: `${base}/list-sessions`, title: "List sessions", reason: "excluded by --exclude */list-*" },
      ],
    }),
  );
  const term = memoryTerminal();
  expect(await main(["scrape", "--api", "verifa", "--specs", join(dir, "specs")], term, dir)).toBe(0);
  const report = await readFile(join(api, "report.md"), "utf8");
  expect(report).toContain(
    `- GET List sessions (\`pages/update-session.fern.txt:55\`): the crawl found its page \`${base}/list-sessions\` and did not save it (excluded by --exclude \\*/list-\\*)`,
  );
  expect(report).toContain(
    `the crawl found its page \`${base}/get-a-session\` and did not save it (gone (HTTP 404))`,
  );
  // An operation the crawl found no page for reads as before.
  expect(report).toContain("- POST Resume a session (`pages/update-session.fern.txt:59`)\n");
});
