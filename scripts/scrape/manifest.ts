// specs/<api>/api.yaml: what an API is called, which package it becomes, its servers and the pages to
// read (with the URL each was captured from). Every problem is reported with the file and the field.
// The files it names (pages, overlay) must lie inside the API folder: relative paths that do not climb out.
// Symbolic links are judged where the files are read (see scripts/lib/confine.ts).
import { isAbsolute, join, normalize, sep } from "node:path";
import { isPackageName } from "../lib/package-name.ts";
import { Fence } from "../lib/confine.ts";
import { UserError } from "../lib/errors.ts";
import { parseData } from "../lib/parse-data.ts";
import { readInputFile, specLimit, type SizeLimit } from "../lib/read-input.ts";

export interface ManifestPage {
  /** Path relative to the API folder, e.g. "pages/update-session.fern.txt". */
  file: string;
  /** Where the page was captured from; `specsmith capture` downloads it again from here. */
  url?: string;
}

export interface Manifest {
  /** The API folder name under specs/, e.g. "stripe-identity". */
  name: string;
  title: string;
  /** npm package name of the generated client. */
  package: string;
  /** info.version of the spec. */
  version: string;
  description?: string;
  servers: { url: string; description?: string }[];
  pages: ManifestPage[];
  /** Overlay file relative to the API folder; "overlay.yaml" is used when present and this is unset. */
  overlay?: string;
  /**
   * `idempotency: { header: Idempotency-Key }`: the API honours an idempotency key on every write though
   * its spec does not declare the header (Stripe's); the generated client sends one and retries writes.
   */
  idempotency?: { header: string };
  /**
   * `env: { prefix: OPENAI, baseURL: OPENAI_BASE_URL, apiKey: OPENAI_API_KEY }`: the environment variables
   * the generated client reads, instead of those derived from the API's name. `prefix` renames them all;
   * `baseURL` and each credential option of the client (`apiKey`, a second scheme's option) name one.
   */
  env?: ManifestEnv;
}

export interface ManifestEnv {
  prefix?: string;
  baseURL?: string;
  /** By the client's credential option: the variable that gives it. */
  credentials?: Record<string, string>;
}

function fail(file: string, message: string): never {
  throw new UserError(message, file);
}

function requireString(file: string, data: Record<string, unknown>, key: string): string {
  const value = data[key];
  if (typeof value !== "string" || value.trim() === "") fail(file, `"${key}" must be a non-empty string`);
  return value;
}

function optionalString(file: string, data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") fail(file, `"${key}" must be a string`);
  return value;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Whether a file name from the manifest stays inside the API folder: relative, never climbing out. */
function staysInside(path: string): boolean {
  const normal = normalize(path);
  return !isAbsolute(path) && normal !== ".." && !normal.startsWith(`..${sep}`) && normal !== ".";
}

const KNOWN_KEYS = new Set([
  "title",
  "package",
  "version",
  "description",
  "servers",
  "pages",
  "overlay",
  "idempotency",
  "env",
]);

/** An HTTP header name (RFC 9110 token), so the generated client can always set it. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function parseIdempotency(file: string, value: unknown): { header: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || Object.keys(value).some((key) => key !== "header"))
    fail(file, `"idempotency" must be a mapping with one key, header (e.g. header: Idempotency-Key)`);
  const header = value.header;
  if (typeof header !== "string" || !HEADER_NAME.test(header))
    fail(file, `"idempotency.header" must be an HTTP header name, e.g. Idempotency-Key`);
  return { header };
}

/** An environment variable name as shells write it: letters, digits and underscores, not a digit first. */
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function parseEnv(file: string, value: unknown): ManifestEnv | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value))
    fail(file, `"env" must be a mapping, e.g. env: { prefix: OPENAI } or env: { apiKey: OPENAI_API_KEY }`);
  const env: ManifestEnv = {};
  for (const [key, name] of Object.entries(value)) {
    if (typeof name !== "string" || !ENV_VAR_NAME.test(name))
      fail(
        file,
        `"env.${key}" must be an environment variable name (letters, digits, _), e.g. OPENAI_API_KEY`,
      );
    if (key === "prefix") env.prefix = name;
    else if (key === "baseURL") env.baseURL = name;
    else {
      env.credentials ??= {};
      Object.defineProperty(env.credentials, key, {
        value: name,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return env;
}

export function parseManifest(text: string, file: string, name: string): Manifest {
  const data = parseData(text, file);
  if (!isRecord(data)) fail(file, "must be a YAML mapping with title, package, version and pages");
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) fail(file, `unknown key "${key}" (known: ${[...KNOWN_KEYS].join(", ")})`);
  }
  const pkg = requireString(file, data, "package");
  if (!isPackageName(pkg)) {
    fail(file, `"package" is not a valid npm package name: ${JSON.stringify(pkg)}`);
  }
  const servers = data.servers ?? [];
  if (!Array.isArray(servers)) fail(file, `"servers" must be a list`);
  const pages = data.pages;
  if (!Array.isArray(pages) || pages.length === 0) fail(file, `"pages" must be a non-empty list`);

  const manifest: Manifest = {
    name,
    title: requireString(file, data, "title"),
    package: pkg,
    version: String(data.version ?? fail(file, `"version" is required`)),
    servers: servers.map((s, i) => {
      if (typeof s === "string") return { url: s };
      if (!isRecord(s) || typeof s.url !== "string")
        fail(file, `servers[${i}] must be a URL or {url, description}`);
      return typeof s.description === "string" ? { url: s.url, description: s.description } : { url: s.url };
    }),
    pages: pages.map((p, i) => {
      const entry = typeof p === "string" ? { file: p } : p;
      if (!isRecord(entry) || typeof entry.file !== "string" || entry.file === "") {
        fail(file, `pages[${i}] must be a file name or {file, url}`);
      }
      if (entry.url !== undefined && (typeof entry.url !== "string" || !/^https?:\/\//.test(entry.url))) {
        fail(file, `pages[${i}].url must be an http(s) URL`);
      }
      if (!staysInside(entry.file)) fail(file, `pages[${i}].file must stay inside the API folder`);
      return entry.url ? { file: entry.file, url: entry.url as string } : { file: entry.file };
    }),
  };
  const description = optionalString(file, data, "description");
  if (description) manifest.description = description;
  const overlay = optionalString(file, data, "overlay");
  if (overlay && !staysInside(overlay)) fail(file, `"overlay" must stay inside the API folder`);
  if (overlay) manifest.overlay = overlay;
  const idempotency = parseIdempotency(file, data.idempotency);
  if (idempotency) manifest.idempotency = idempotency;
  const env = parseEnv(file, data.env);
  if (env) manifest.env = env;
  return manifest;
}

export async function readManifest(
  path: string,
  displayName: string,
  name: string,
  limit: SizeLimit = specLimit(),
): Promise<Manifest> {
  const text = readInputFile(path, displayName, "manifest", limit).toString("utf8");
  return parseManifest(text, displayName, name);
}

/**
 * The path of a file the manifest names (a page, the overlay), inside the API folder. One that a symbolic
 * link takes out of the folder is refused, naming the file as `display`.
 */
export function fileInApiFolder(apiDir: string, file: string, display: string): string {
  const path = join(apiDir, file);
  if (new Fence([apiDir]).place(path) !== "inside")
    throw new UserError("leads outside the API folder through a symbolic link: refused", display);
  return path;
}
