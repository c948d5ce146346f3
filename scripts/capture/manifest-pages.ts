// The page list of api.yaml after a crawl, edited through yaml's Document API so that the comments, the
// order and the style of everything else in the file survive. Entries the user wrote stay as they are
// (a page saved by hand, one with a url of its own); a captured page is added once, with the url it was
// read from; a pruned page's entry goes. The result is checked as a manifest before it is written.
import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { UserError } from "../lib/errors.ts";
import { parseManifest } from "../scrape/manifest.ts";

export interface ManifestPageChange {
  /** The page entries capture keeps: file (relative to the API folder) and the URL its text came from. */
  pages: readonly { file: string; url: string }[];
  /** Files whose entries go (pruned pages). */
  removed: ReadonlySet<string>;
}

/** The file an entry of `pages` names: a plain string or the `file` of a mapping. */
function fileOf(item: unknown): string | undefined {
  if (isScalar(item) && typeof item.value === "string") return item.value;
  if (isMap(item)) {
    const file = (item as YAMLMap).get("file");
    return typeof file === "string" ? file : undefined;
  }
  return undefined;
}

/** A new api.yaml for an API that has none yet: what `generate` needs, named after the folder. */
export function newManifestText(name: string, from: string): string {
  return [
    `# ${name}: captured from ${JSON.stringify(from)} by specsmith capture. Review the title, package and`,
    "# version; `specsmith capture --api " + name + "` adds pages found later to the list below.",
    `title: ${JSON.stringify(name)}`,
    `package: ${JSON.stringify(`@specsmith/${name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}`)}`,
    'version: "0.1.0"',
    "pages: []",
    "",
  ].join("\n");
}

/** api.yaml's text with the page list changed; `display` names it in errors. */
export function updateManifestPages(
  text: string,
  display: string,
  name: string,
  change: ManifestPageChange,
): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new UserError(`is not valid YAML: ${doc.errors[0]?.message}`, display);
  if (!isMap(doc.contents))
    throw new UserError("must be a YAML mapping with title, package, version and pages", display);
  let pages = doc.get("pages", true);
  if (!isSeq(pages)) {
    pages = doc.createNode([]) as YAMLSeq;
    doc.set("pages", pages);
  }
  const list = pages as YAMLSeq;
  // A flow list (`pages: []`) would put every page on one line: the list is written as a block.
  list.flow = false;
  list.items = list.items.filter((item) => !change.removed.has(fileOf(item) ?? ""));
  const byFile = new Map<string, unknown>();
  for (const item of list.items) {
    const file = fileOf(item);
    if (file !== undefined && !byFile.has(file)) byFile.set(file, item);
  }
  for (const page of change.pages) {
    const item = byFile.get(page.file);
    if (item === undefined) {
      list.items.push(doc.createNode({ file: page.file, url: page.url }));
    } else if (isMap(item)) {
      if ((item as YAMLMap).get("url") !== page.url) (item as YAMLMap).set("url", page.url);
    } else {
      const index = list.items.indexOf(item as never);
      list.items[index] = doc.createNode({ file: page.file, url: page.url });
    }
  }
  const out = spliced(text, doc, list) ?? doc.toString({ lineWidth: 0 });
  parseManifest(out, display, name);
  return out;
}

/**
 * The original text with only the `pages` entry replaced by the edited list, so that everything else
 * stays byte for byte (yaml would otherwise refold a folded description); undefined when the list was
 * not a block list in the text (`pages: []`, or none).
 */
function spliced(text: string, doc: Document, list: YAMLSeq): string | undefined {
  const pair = (doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === "pages");
  const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
  const end = list.range?.[2];
  if (!keyRange || end === undefined || pair?.value !== list || text[end - 1] !== "\n") return undefined;
  const alone = new Document({ pages: null });
  alone.set("pages", list);
  // lineWidth 0: the text of an entry is not folded.
  return text.slice(0, keyRange[0]) + alone.toString({ lineWidth: 0 }) + text.slice(end);
}
