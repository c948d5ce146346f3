// The page writer every renderer uses: it appends text and records each fact at the UTF-8 byte offset
// where its statement ends, so a page cut at ~2,000 bytes knows which facts it still shows. Also the
// perturbations that are the same in every layout (names broken at "_", one-line flattening, noise
// lines, pipe rows) and the cut itself.
import type { Fact, Perturbations, PlacedFact, RenderApi, RenderedPage } from "../types.ts";

export class PageWriter {
  private readonly chunks: string[] = [];
  private bytes = 0;
  private readonly placed: PlacedFact[] = [];

  /** Bytes written so far (UTF-8). */
  get offset(): number {
    return this.bytes;
  }

  write(...texts: string[]): this {
    for (const text of texts) {
      this.chunks.push(text);
      this.bytes += Buffer.byteLength(text, "utf8");
    }
    return this;
  }

  /** Writes `text` and a line break. */
  line(text = ""): this {
    return this.write(text, "\n");
  }

  /** Records facts as stated by the text written so far (call it right after the text that states them). */
  place(...facts: Fact[]): this {
    for (const fact of facts) this.placed.push({ fact, end: this.bytes });
    return this;
  }

  /** Records facts stated by text that ended at byte `end` (an offset noted earlier; never past the text). */
  placeAt(end: number, ...facts: Fact[]): this {
    const at = Math.min(end, this.bytes);
    for (const fact of facts) this.placed.push({ fact, end: at });
    return this;
  }

  page(file: string): RenderedPage {
    return { file, text: this.chunks.join(""), facts: [...this.placed] };
  }
}

/** A field name as a text capture may break it: a line break after its first "_" or "." (`size_\nmm`). */
export function fieldName(name: string, perturbations: Perturbations): string {
  if (!perturbations.namesBrokenAtUnderscores) return name;
  const at = name.search(/[_.](?=.)/);
  return at < 0 ? name : `${name.slice(0, at + 1)}\n${name.slice(at + 1)}`;
}

/** One markdown table row; without outer pipes when the perturbation says so. `|` inside a cell is `\|`. */
export function tableRow(cells: readonly string[], perturbations: Perturbations): string {
  const inner = cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ");
  return perturbations.tablesWithoutOuterPipes ? inner : `| ${inner} |`;
}

/** The separator row under a table header. */
export function tableSeparator(columns: number, perturbations: Perturbations): string {
  return tableRow(
    Array.from({ length: columns }, () => "---"),
    perturbations,
  );
}

/** The API's first absolute server URL without a trailing slash, for request lines and curl samples. */
export function apiBaseUrl(api: RenderApi): string {
  return (api.servers.find((s) => /^https?:\/\//.test(s)) ?? "https://api.example.com").replace(/\/+$/, "");
}

/** Lines of a documentation site's sidebar, written before the content when navigationNoise is set. */
export function navigationLines(api: RenderApi): string[] {
  const names = api.operations.slice(0, 8).map((op) => op.summary ?? op.operationId ?? "Endpoint");
  return [
    "Skip to main content",
    `${api.title} docs`,
    "Search...",
    "API Reference",
    ...names,
    "Guides",
    "Changelog",
  ];
}

/** Lines of a page footer, written after the content when navigationNoise is set. */
export const FOOTER_LINES: readonly string[] = [
  "Was this page helpful?",
  "Yes No",
  "Previous",
  "Next",
  "Built with a docs generator",
];

/**
 * Markdown flattened onto one line, as docs.stripe.com markdown captures are: every line break becomes
 * one space, so byte offsets (and the placed facts) stay where they were.
 */
export function flattenToOneLine(page: RenderedPage): RenderedPage {
  return { ...page, text: page.text.replace(/\r?\n/g, (m) => " ".repeat(m.length)) };
}

/** The cut real captures have: about 2,000 UTF-8 bytes. */
export const CUT_BYTES = 2000;

/**
 * The page cut after `bytes` UTF-8 bytes (moved back to a character boundary), keeping only the facts
 * that end at or before the cut. A page shorter than the cut is unchanged.
 *
 * A fact about an operation ("`limit` is a query parameter of GET /v1/items") is stated wholly only once
 * the page has also said which operation it is. Where a page shows an operation's fields before its
 * method and path (docs.stripe.com text puts the request line after the parameters; Redoc the curl after
 * the fields), a cut between them leaves fields of an operation the page no longer names: those facts are
 * not before the cut. Where a page places no operation fact at all (ReadMe's reference pages, claimed by
 * their title), its other facts stand on their own offsets.
 */
export function cutPage(page: RenderedPage, bytes = CUT_BYTES): RenderedPage {
  const encoded = Buffer.from(page.text, "utf8");
  if (encoded.length <= bytes) return page;
  let end = bytes;
  // A UTF-8 continuation byte is 10xxxxxx: back up to the start of the character the cut falls in.
  while (end > 0 && ((encoded[end] ?? 0) & 0xc0) === 0x80) end--;
  // Where the page names each operation it places: the end of its first operation fact.
  const named = new Map<string, number>();
  for (const { fact, end: at } of page.facts) {
    if (fact.kind === "operation") named.set(fact.operation, Math.min(named.get(fact.operation) ?? at, at));
  }
  return {
    file: page.file,
    text: encoded.subarray(0, end).toString("utf8"),
    facts: page.facts.filter((f) => f.end <= end && (named.get(f.fact.operation) ?? 0) <= end),
  };
}
