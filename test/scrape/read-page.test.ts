import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPage } from "../../scripts/scrape/read-page.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "specsmith-pages-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("readPage", () => {
  it("normalises line endings and drops a byte-order mark", async () => {
    await writeFile(join(dir, "ok.txt"), "\uFEFFGET /v1/a\r\nline two\r\n");
    expect(await readPage(join(dir, "ok.txt"), "pages/ok.txt")).toEqual({
      file: "pages/ok.txt",
      text: "GET /v1/a\nline two\n",
      warnings: [],
    });
  });

  it.each([
    ["missing.txt", null, "pages/missing.txt: page not found"],
    ["empty.txt", "", "pages/empty.txt: page is empty"],
    ["blank.txt", " \n\n\t\n", "pages/blank.txt: page is empty"],
    [
      "image.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      "pages/image.png: page is binary data",
    ],
  ])("refuses %s", async (name, content, message) => {
    if (content !== null) await writeFile(join(dir, name), content);
    await expect(readPage(join(dir, name), `pages/${name}`)).rejects.toThrow(message);
  });
});
