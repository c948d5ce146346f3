// Small text helpers shared by the extractors: line numbers, HTTP request lines, paths and curl commands.
import type { HttpMethod } from "./fragment.ts";
import { HTTP_METHODS } from "./fragment.ts";

export { LineIndex, lineAt } from "../lib/line-index.ts";

/** The URL or path without its query string and fragment. */
export function withoutQuery(url: string): string {
  const at = url.search(/[?#]/);
  return at === -1 ? url : url.slice(0, at);
}

/** Normalises a method word ("GET", "Del", "DELETE") or returns undefined. */
export function parseMethod(word: string): HttpMethod | undefined {
  const w = word.trim().toLowerCase();
  if (w === "del") return "delete";
  return (HTTP_METHODS as readonly string[]).includes(w) ? (w as HttpMethod) : undefined;
}

/**
 * Turns a documented path into an OpenAPI template: backslashes become slashes, ":id" and "<id>" become
 * "{id}", the query string and trailing slash go. Parameter names are kept as written.
 */
export function toPathTemplate(raw: string): string {
  let p = raw.trim().replace(/\\/g, "/");
  p = withoutQuery(p);
  p = p.replace(/\/:([A-Za-z_][A-Za-z0-9_]*)/g, "/{$1}").replace(/\/<([A-Za-z_][A-Za-z0-9_]*)>/g, "/{$1}");
  if (!p.startsWith("/")) p = "/" + p;
  if (p.length > 1) p = p.replace(/(?<!\/)\/+$/, "");
  return p.replace(/\/{2,}/g, "/");
}

/** Splits an absolute URL into its server ("https://api.example.com") and its path ("/v1/items"). */
export function splitUrl(url: string): { server: string; path: string } | undefined {
  const m = /^(https?:\/\/[^/\s]+)(\/[^\s]*)?$/.exec(url.trim());
  if (!m?.[1]) return undefined;
  return { server: m[1].replace(/:443$/, ""), path: m[2] ?? "/" };
}

/** A request line such as "POST /v1/items/:id" or "GET https://api.example.com/v1/items". */
export const REQUEST_LINE =
  /^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+((?:https?:\/\/[^\s/\\]+)?[/\\]\S*)\s*$/;

export interface CurlCommand {
  method?: HttpMethod;
  url: string;
  /** `-u user:password` credentials, as written. */
  user?: string;
  headers: { name: string; value: string }[];
  /** `-d` / `--data*` arguments, as written. */
  data: string[];
  /** `-G`: the data goes into the query string. */
  get: boolean;
  /** `-F` multipart form fields. */
  form: string[];
}

/** Splits a shell command into words, honouring single and double quotes and backslash-newlines. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let current = "";
  let quote: "'" | '"' | undefined;
  let inWord = false;
  const text = command.replace(/\\\r?\n/g, " ");
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === "\\" && quote === '"' && i + 1 < text.length) current += text[++i];
      else current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** Parses a curl command line (already joined across continuation lines). */
export function parseCurl(command: string): CurlCommand | undefined {
  const words = shellWords(command.replace(/^\s*\$\s*/, ""));
  if (words[0] !== "curl") return undefined;
  const out: CurlCommand = { url: "", headers: [], data: [], get: false, form: [] };
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as string;
    const next = (): string => words[++i] ?? "";
    if (w === "-X" || w === "--request") out.method = parseMethod(next());
    else if (w === "-u" || w === "--user") out.user = next();
    else if (w === "-H" || w === "--header") {
      const h = next();
      const colon = h.indexOf(":");
      if (colon > 0) out.headers.push({ name: h.slice(0, colon).trim(), value: h.slice(colon + 1).trim() });
    } else if (/^(-d|--data|--data-raw|--data-urlencode|--data-binary)$/.test(w)) out.data.push(next());
    else if (w === "-F" || w === "--form") out.form.push(next());
    else if (w === "-G" || w === "--get") out.get = true;
    else if (/^https?:\/\//.test(w)) out.url = w;
  }
  if (!out.url) return undefined;
  if (!out.method) out.method = out.get ? "get" : out.data.length > 0 || out.form.length > 0 ? "post" : "get";
  return out;
}

/**
 * Joins a curl command that continues over lines: lines ending in a backslash, and lines a docs site
 * prefixes with the shell's continuation prompt "> " (a quoted JSON body spans such lines without
 * backslashes, and keeps its line breaks).
 */
export function joinContinuationLines(lines: string[], start: number): { command: string; end: number } {
  let command = (lines[start] ?? "").replace(/^\s*\$\s*/, "");
  let i = start;
  while (i + 1 < lines.length) {
    const escaped = /\\\s*$/.test(lines[i] ?? "");
    const prompted = /^\s*>\s?/.test(lines[i + 1] ?? "");
    if (!escaped && !prompted) break;
    i++;
    const next = (lines[i] ?? "").replace(/^\s*>\s?/, "");
    command = escaped ? command.replace(/\\\s*$/, " ") + next : command + "\n" + next;
  }
  return { command, end: i };
}
