// After `generate` writes the packages under generated/ of a project whose package.json makes them npm
// workspaces, which of them npm has not linked into node_modules yet: importing such a package by name
// fails until `npm install` links it (a new API's package, right after its first generate). specsmith
// does not run npm itself: an install changes node_modules and the lockfile and may reach the network,
// which a generator should not do behind the user's back; it names the one command instead.
import { realpath } from "node:fs/promises";
import { join } from "node:path";
import { readInputFile, specLimit } from "../lib/read-input.ts";

/** Whether the project's package.json declares workspaces (so `npm install` links its packages). */
function declaresWorkspaces(root: string): boolean {
  try {
    const path = join(root, "package.json");
    const pkg = JSON.parse(readInputFile(path, path, "file", specLimit()).toString("utf8")) as unknown;
    const workspaces = (pkg as { workspaces?: unknown } | null)?.workspaces;
    return Array.isArray(workspaces) || (typeof workspaces === "object" && workspaces !== null);
  } catch {
    return false;
  }
}

async function realOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
}

/** The names of the packages whose node_modules/<name> is missing or is not their folder. */
export async function unlinkedWorkspaces(
  root: string,
  packages: readonly { name: string; dir: string }[],
): Promise<string[]> {
  if (packages.length === 0 || !declaresWorkspaces(root)) return [];
  const unlinked: string[] = [];
  for (const { name, dir } of packages) {
    const linked = await realOrUndefined(join(root, "node_modules", ...name.split("/")));
    if (linked === undefined || linked !== (await realOrUndefined(dir))) unlinked.push(name);
  }
  return unlinked;
}
