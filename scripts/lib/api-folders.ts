// The APIs under specs/: every folder with an api.yaml, in name order.
import { readdir, access } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "./errors.ts";

export async function listApis(specsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(specsDir, { withFileTypes: true });
  } catch {
    throw new UserError("no specs folder (run from the project root, or pass --specs DIR)", specsDir);
  }
  const names: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    try {
      await access(join(specsDir, e.name, "api.yaml"));
      names.push(e.name);
    } catch {
      // A folder without a manifest is not an API (it may be scratch space).
    }
  }
  return names.sort();
}

export async function selectApis(specsDir: string, api: string | undefined): Promise<string[]> {
  const all = await listApis(specsDir);
  if (api === undefined) {
    if (all.length === 0) throw new UserError("no API folders with an api.yaml", specsDir);
    return all;
  }
  if (!all.includes(api)) {
    throw new UserError(`no API named "${api}" (known: ${all.join(", ") || "none"})`, specsDir);
  }
  return [api];
}
