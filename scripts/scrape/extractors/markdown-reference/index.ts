// Reads markdown captures of docs.stripe.com-style API references. Each operation is a heading ("# Create a
// VerificationSession") followed by a paragraph that is only a link to the operation's slug, description
// paragraphs, a parameter list whose items glue name, type and description together
// ("metadataobjectSet of key-value pairs…"), and a closing "Returns the created X object" line. The capture
// repeats each item's description and enum value descriptions as separate paragraphs after the item; those
// repeats are what lets us cut the glued text cleanly. Other pages of the same site may use `##` headings,
// nested child-parameter lists, pipe tables, a request line, curl blocks and JSON response examples.
//
// The page is parsed with mdast (GFM for tables); node positions give every fact's source line.
//
// This file finds the operations (the sections under the headings at the depth operations are written at),
// reads what the page states before them, checks for a cut-off page, and scores the format.
import type { Heading, ListItem, Root, RootContent } from "mdast";
import {
  emptyPageFragment,
  fact,
  type Extractor,
  type OperationFragment,
  type Page,
  type PageFragment,
} from "../../fragment.ts";
import { parseMarkdown } from "../../markdown.ts";
import { isJsonBlock, isShellBlock } from "./code-blocks.ts";
import { gluedField, itemHeadText, readStyledHead } from "./field-lists.ts";
import { tableColumns } from "./field-tables.ts";
import { atPageEnd, lineOf, linkOnly, source, textOf, type Ctx, warn } from "./nodes.ts";
import { unflattenMarkdown } from "./one-line.ts";
import { readOperation, type Section } from "./operation.ts";
import { NO_PARAMETERS, labelZone, readRequestLine, readReturns, readServerStatement } from "./statements.ts";
import { collapseSpace } from "../../read/plain.ts";

const NAME = "markdown";

/** "The Payout object" sections document a resource's attributes, not an operation. */
const OBJECT_TITLE = /^the .+ object$/i;

// ---------------------------------------------------------------------------------------------------------
// Sections and page

/**
 * The nodes under each heading of `depth`. Label headings ("### Parameters", even "## Response" in a flat
 * capture) belong to the section they are in. A heading above `depth` (a page title) ends a section. With
 * `own`, any other heading ends it too: then a section holds only what its heading itself introduces, so a
 * "# Shipments API" title does not claim the operations written under it.
 */
function splitSections(
  tree: Root,
  depth: number,
  own = false,
): { intro: RootContent[]; sections: Section[] } {
  const intro: RootContent[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === "heading" && !labelZone(textOf(node))) {
      if (node.depth === depth) {
        current = { heading: node, title: textOf(node), nodes: [] };
        sections.push(current);
        continue;
      }
      if (node.depth < depth || own) current = undefined;
    } else if (node.type === "heading" && node.depth < depth) current = undefined;
    (current ? current.nodes : intro).push(node);
  }
  return { intro, sections };
}

function isFieldItem(item: ListItem): boolean {
  const head = item.children[0];
  if (head?.type !== "paragraph") return false;
  return readStyledHead(head) !== undefined || gluedField(itemHeadText(head)) !== undefined;
}

/** Whether a node is something only an operation has: slug line, field list, Returns line, request, curl. */
function isOperationEvidence(node: RootContent, title: string): boolean {
  if (node.type === "paragraph") {
    const link = linkOnly(node);
    if (link) return collapseSpace(link.text) === title;
    const text = textOf(node);
    return NO_PARAMETERS.test(text) || readReturns(text) !== undefined || readRequestLine(text) !== undefined;
  }
  if (node.type === "list") return node.children.some(isFieldItem);
  if (node.type === "table") return tableColumns(node) !== undefined;
  if (node.type === "code")
    return isShellBlock(node) || readRequestLine(node.value.split("\n")[0] ?? "") !== undefined;
  return false;
}

function isOperationSection(section: Section): boolean {
  if (OBJECT_TITLE.test(section.title)) return false;
  return section.nodes.some((n) => isOperationEvidence(n, section.title));
}

/**
 * The heading depth operations are written at: the one with the most headings that themselves introduce
 * operation content, the shallower on a tie. "# Shipments API" above "## Create a shipment" makes it 2.
 */
function operationDepth(tree: Root): number {
  const depths = [...new Set(tree.children.flatMap((n) => (n.type === "heading" ? [n.depth] : [])))].sort();
  let best = { depth: depths[0] ?? 1, count: 0 };
  for (const depth of depths) {
    const count = splitSections(tree, depth, true).sections.filter(isOperationSection).length;
    if (count > best.count) best = { depth, count };
  }
  return best.depth;
}

function readIntro(intro: RootContent[], page: PageFragment, ctx: Ctx): void {
  for (const node of intro) {
    if (node.type !== "paragraph") continue;
    const server = readServerStatement(textOf(node));
    if (server && !page.servers.some((s) => s.value === server)) {
      page.servers.push(fact(server, source(ctx, lineOf(node)), "typed"));
    }
  }
}

/** A page cut after its last heading, or before the "Returns" line every other operation has. */
function checkTruncation(sections: Section[], ops: OperationFragment[], ctx: Ctx): void {
  const last = sections[sections.length - 1];
  if (last && last.nodes.length === 0 && atPageEnd(last.heading, ctx)) {
    warn(
      ctx,
      lineOf(last.heading),
      `"${last.title}" ends the page with nothing under it: the page seems cut off`,
    );
  }
  const lastOp = ops[ops.length - 1];
  const earlier = ops.slice(0, -1);
  if (lastOp && !lastOp.returns && earlier.length > 0 && earlier.every((o) => o.returns)) {
    const end = ctx.text.trimEnd().split("\n").length;
    warn(
      ctx,
      end,
      `"${lastOp.title?.value ?? "last operation"}" has no "Returns" line, which every other operation on the ` +
        "page has: the page seems cut off",
    );
  }
}

function extract(captured: Page): PageFragment {
  const page = { ...captured, text: unflattenMarkdown(captured.text) };
  const out = emptyPageFragment(page.file, NAME);
  const ctx: Ctx = { file: page.file, text: page.text, warnings: out.warnings, pageServers: [] };
  const tree = parseMarkdown(page.text, page.file, out.warnings);
  const depth = operationDepth(tree);
  const { intro, sections } = splitSections(tree, depth);
  const top = tree.children.find((n): n is Heading => n.type === "heading" && n.depth < depth);
  if (top) out.title = textOf(top);
  readIntro(intro, out, ctx);
  ctx.pageServers = out.servers.map((s) => s.value);
  const kept = sections.filter(
    (s, i) => isOperationSection(s) || (i === sections.length - 1 && s.nodes.length === 0),
  );
  out.operations = kept.map((s) => readOperation(s, ctx));
  checkTruncation(kept, out.operations, ctx);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Detection

/**
 * Judged from the markdown structure: headings are required (plain-text captures have none); a heading
 * followed by a link to itself is this capture's signature; glued or typed parameter lists, "Returns"
 * lines and curl blocks add to it.
 */
function detect(captured: Page): number {
  if (/^\s*<(?:!doctype|html)/i.test(captured.text)) return 0;
  const page = { ...captured, text: unflattenMarkdown(captured.text) };
  // No line that could open a heading: not worth parsing.
  if (!/^ {0,3}#{1,3}[ \t]/m.test(page.text)) return 0.05;
  const tree = parseMarkdown(page.text);
  const nodes = tree.children;
  const headings = nodes.filter((n): n is Heading => n.type === "heading" && n.depth <= 3);
  // Only "#" headings: a setext underline can appear by accident in plain text.
  const atx = headings.filter((h) => {
    const start = h.position?.start.offset ?? 0;
    return /^\s{0,3}#/.test(page.text.slice(start, start + 4));
  });
  if (atx.length === 0) return 0.05;
  let score = 0.3;
  const selfLinked = nodes.some((n, i) => {
    const next = nodes[i + 1];
    return (
      n.type === "heading" &&
      next !== undefined &&
      collapseSpace(linkOnly(next)?.text ?? "") === textOf(n) &&
      textOf(n) !== ""
    );
  });
  if (selfLinked) score += 0.35;
  const fieldLists = nodes.filter((n) => n.type === "list" && n.children.some(isFieldItem)).length;
  const fieldTables = nodes.filter((n) => n.type === "table" && tableColumns(n) !== undefined).length;
  if (fieldLists + fieldTables > 0) score += 0.25;
  const examples = nodes.some((n) => n.type === "code" && (isShellBlock(n) || isJsonBlock(n)));
  const statements = nodes.some((n) => {
    // Section label headings: "## Parameters", "## Returns", "### Response".
    if (n.type === "heading") return n.depth > 1 && labelZone(textOf(n)) !== undefined;
    if (n.type !== "paragraph") return false;
    const text = textOf(n);
    return NO_PARAMETERS.test(text) || readReturns(text) !== undefined || readRequestLine(text) !== undefined;
  });
  // Each adds: a page that kept its newlines shows no self-link or field list, only its curl and Returns.
  if (examples) score += 0.15;
  if (statements) score += 0.1;
  return Math.min(1, Math.round(score * 100) / 100);
}

export const markdownReferenceExtractor: Extractor = { name: NAME, detect, extract };
