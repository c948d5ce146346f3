// specsmith's generator on corpus specs, in a worker process (see workers.ts). Each job is
// [SPEC, DISPLAY_NAME, OUT_DIR].
// The verdict tells an expected, named error (a UserError: the spec is invalid or unsupported) from a crash
// (anything else thrown: a bug in specsmith). Deaths (timeout, out of memory) are told by the parent.
import { basename } from "node:path";
import { UserError } from "../lib/errors.ts";
import { loadSpec, UnsupportedSpecVersionError } from "../spec/index.ts";
import { renderPackage } from "../generate/render-package.ts";
import { packageNameFromTitle } from "../lib/package-name.ts";
import { writePackage } from "../generate/write-package.ts";
import type { OursVerdict } from "./verdicts.ts";
import { serveJobs } from "./workers.ts";

/** The message without the `file: ` prefix UserError adds, so equal reasons group across specs. */
function reason(err: UserError): string {
  const prefix = err.file === undefined ? "" : `${err.file}: `;
  return err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
}

async function generate([spec, display, outDir]: string[]): Promise<OursVerdict> {
  if (spec === undefined || display === undefined || outDir === undefined) throw new Error("bad job");
  try {
    const loaded = await loadSpec(spec, { displayName: display });
    const title = (loaded.document.info as { title?: unknown } | undefined)?.title;
    const { files } = await renderPackage({
      document: loaded.document,
      packageName: packageNameFromTitle(title),
      specName: basename(spec),
      specHash: loaded.hash,
    });
    await writePackage(outDir, files);
    return { status: "generated", warnings: loaded.warnings.length };
  } catch (err) {
    if (err instanceof UnsupportedSpecVersionError && err.version.startsWith("2."))
      return { status: "skipped", message: reason(err) };
    if (err instanceof UserError) return { status: "failed", error: err.name, message: reason(err) };
    const e = err instanceof Error ? err : new Error(String(err));
    // The first frame inside the repository points at the code to look at.
    const frame = e.stack
      ?.split("\n")
      .find((l) => /\/(scripts|templates)\//.test(l) && !l.includes("/corpus/"));
    // Libraries' error classes often keep the name "Error"; the class name says more (NotImplementedError).
    const name = e.name === "Error" ? e.constructor.name : e.name;
    return {
      status: "crashed",
      message: `${name}: ${e.message}`,
      where: frame?.trim().replace(/^at /, ""),
    };
  }
}

serveJobs(generate);
