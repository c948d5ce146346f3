// The two ways to ask for a diff: two specs (files or REV:path), or every API under specs/ against its
// version at a git revision (`--base REV`), where an API that is new or gone is compared with an empty
// spec (every operation added, or removed).
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Obj } from "../spec/pointer.ts";
import { listApis } from "../lib/api-folders.ts";
import { UsageError } from "../lib/errors.ts";
import { compareDocuments, type DiffReport } from "./compare.ts";
import { checkRevision, foldersAt, topLevel } from "./git.ts";
import { namingFile } from "../lib/depth.ts";
import { existsAt, loadSide, type LoadedSide, type SideOptions } from "./load-side.ts";

export async function diffPair(
  base: string,
  revision: string,
  cwd: string,
  options: SideOptions = {},
): Promise<DiffReport> {
  const a = await loadSide(base, cwd, options);
  const b = await loadSide(revision, cwd, options);
  // A walk that meets its depth limit names the place; the pair of files is named here.
  return namingFile(`${a.display} -> ${b.display}`, () =>
    compareDocuments(a.document, b.document, { base: a.display, revision: b.display }),
  );
}

/** A spec with no operations, titled like the other side (so the client class name is not "renamed"). */
function emptySide(display: string, other: Obj): LoadedSide {
  const info = other.info as { title?: unknown } | undefined;
  return {
    display,
    document: { openapi: "3.1.0", info: { title: info?.title ?? "API", version: "0.0.0" }, paths: {} },
  };
}

export async function diffAgainstRevision(
  revision: string,
  options: { cwd: string; specsDir: string; api?: string } & SideOptions,
): Promise<DiffReport[]> {
  const { cwd, specsDir } = options;
  const side: SideOptions = { limit: options.limit, allowRefDirs: options.allowRefDirs };
  const display = `--base ${revision}`;
  const top = await topLevel(cwd, display);
  await checkRevision(revision, cwd, display);
  // Paths at the revision are read from the top folder; specsDir may be anywhere inside it.
  const specsFromTop = relative(top, specsDir).split(sep).join("/");
  if (specsFromTop.startsWith("..")) throw new UsageError(`${specsDir} is outside the git repository`);
  const here = await listApis(specsDir);
  const there = await foldersAt(revision, specsFromTop, cwd);
  const names = [...new Set([...here, ...there])].sort();
  if (options.api !== undefined && !names.includes(options.api))
    throw new UsageError(`no API named "${options.api}" (known: ${names.join(", ") || "none"})`);
  const reports: DiffReport[] = [];
  for (const api of options.api !== undefined ? [options.api] : names) {
    const current = join(specsDir, api, "openapi.yaml");
    const fromTop = `${specsFromTop}/${api}/openapi.yaml`;
    const hasCurrent = existsSync(current);
    const hasBase = await existsAt(revision, fromTop, top, side);
    if (!hasCurrent && !hasBase) continue; // a folder with no spec on either side (not scraped yet)
    const currentDisplay = relative(cwd, current) || current;
    const baseDisplay = `${revision}:${fromTop}`;
    const b = hasCurrent ? await loadSide(current, cwd, side) : undefined;
    const a = hasBase ? await loadSide(baseDisplay, cwd, side) : undefined;
    const baseSide = a ?? emptySide(`${revision}: (no spec)`, (b as LoadedSide).document);
    const revSide = b ? { ...b, display: currentDisplay } : emptySide("(spec removed)", baseSide.document);
    reports.push(
      await namingFile(`${baseSide.display} -> ${revSide.display}`, () =>
        compareDocuments(baseSide.document, revSide.document, {
          base: baseSide.display,
          revision: revSide.display,
          api,
        }),
      ),
    );
  }
  return reports;
}
