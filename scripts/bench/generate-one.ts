// One generator benchmark run in its own process, so its peak memory is its own. Prints one JSON line.
//   generate-one.ts ours SPEC OUT_DIR    specsmith's whole package (load, model, templates, write)
//   generate-one.ts peer SPEC OUT_FILE   openapi-typescript's types alone, as its CLI does
import { writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import openapiTS, { astToString } from "openapi-typescript";
import { loadSpec } from "../spec/index.ts";
import { renderPackage } from "../generate/render-package.ts";
import { writePackage } from "../generate/write-package.ts";

const [tool, spec, out] = process.argv.slice(2) as [string, string, string];
const start = performance.now();
if (tool === "ours") {
  const loaded = await loadSpec(spec);
  const { files } = await renderPackage({
    document: loaded.document,
    packageName: "bench-client",
    specName: "spec",
    specHash: loaded.hash,
  });
  await writePackage(out, files);
} else {
  const { readFile } = await import("node:fs/promises");
  const ast = await openapiTS(JSON.parse(await readFile(spec, "utf8")), { silent: true });
  await writeFile(out, astToString(ast));
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ tool, seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
