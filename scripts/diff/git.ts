// The few git questions the diff asks, through execFile (no shell: revisions and paths are user input).
// Every failure the user can cause (not a repository, a revision that does not exist, a file over the size
// limit) is a UserError. Output is bounded: a blob by the spec size limit (its size is asked first, so a
// big one is refused without reading it), everything else by a small buffer.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { UserError } from "../lib/errors.ts";
import { specLimit, tooLarge, type SizeLimit } from "../lib/read-input.ts";

const run = promisify(execFile);

/** Enough for any listing or revision name the diff asks for. */
const LISTING_BYTES = 16 * 1024 * 1024;

async function git(args: string[], cwd: string, maxBuffer: number = LISTING_BYTES): Promise<Buffer> {
  const { stdout } = await run("git", args, { cwd, encoding: "buffer", maxBuffer });
  return stdout;
}

/** The repository's top folder; `display` names what needed it in the error. */
export async function topLevel(cwd: string, display: string): Promise<string> {
  try {
    return (await git(["rev-parse", "--show-toplevel"], cwd)).toString("utf8").trim();
  } catch {
    throw new UserError("not inside a git repository, so a git revision cannot be read", display);
  }
}

/** cwd relative to the top folder, with a trailing slash ("" at the top). */
export async function prefix(cwd: string): Promise<string> {
  return (await git(["rev-parse", "--show-prefix"], cwd)).toString("utf8").trim();
}

export async function checkRevision(revision: string, cwd: string, display: string): Promise<void> {
  if (revision.startsWith("-")) throw new UserError(`"${revision}" is not a git revision`, display);
  try {
    await git(["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], cwd);
  } catch {
    throw new UserError(
      `git revision "${revision}" not found (fetch it first, e.g. git fetch origin)`,
      display,
    );
  }
}

/**
 * The bytes of `path` (relative to the top folder) at `revision`, or undefined when it is not there (or is
 * a folder). A file over `limit` is an InputLimitError naming it as REV:path.
 */
export async function fileAt(
  revision: string,
  path: string,
  cwd: string,
  limit: SizeLimit = specLimit(),
): Promise<Buffer | undefined> {
  const object = `${revision}:${path}`;
  let size: number;
  try {
    size = Number((await git(["cat-file", "-s", object], cwd)).toString("utf8").trim());
  } catch {
    return undefined;
  }
  if (size > limit.bytes) throw tooLarge(limit, object, size);
  try {
    return await git(["cat-file", "blob", object], cwd, limit.bytes + 1);
  } catch {
    return undefined;
  }
}

/** The names of the folders directly under `folder` (relative to the top folder) at `revision`. */
export async function foldersAt(revision: string, folder: string, cwd: string): Promise<string[]> {
  try {
    const out = await git(["ls-tree", "-d", "--name-only", `${revision}:${folder}`], cwd);
    return out
      .toString("utf8")
      .split("\n")
      .filter((n) => n !== "");
  } catch {
    return [];
  }
}
