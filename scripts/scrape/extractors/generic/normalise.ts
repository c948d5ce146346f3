// Normalising blocks before anchors are found: request lines start their own block, and lists whose items
// are operations with their fields nested under them are unrolled into blocks.
import {
  textBlock,
  type Block,
  type Item,
  type Line,
  type ListBlock,
  type TextBlock,
} from "../../read/blocks.ts";
import { requestLineOf } from "./words.ts";

/** A paragraph holding several request lines ("GET /a\nLists a.\nPOST /a") is one block per request line. */
function splitAtRequestLines(block: TextBlock): TextBlock[] {
  const out: TextBlock[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    const first = current[0];
    if (first) out.push({ kind: "text", lines: current, source: first.source });
    current = [];
  };
  for (const line of block.lines) {
    if (requestLineOf(line.text) && current.length > 0) flush();
    current.push(line);
  }
  flush();
  return out;
}

/** A list whose items are operations with their fields nested under them is unrolled into blocks. */
function unrollOperationItems(block: ListBlock): Block[] {
  const documented = block.items.some(
    (it) => requestLineOf(it.text) && (it.children.length > 0 || it.rest.some((l) => l.trim() !== "")),
  );
  if (!documented) return [block];
  const out: Block[] = [];
  let pending: Item[] = [];
  const flush = (): void => {
    const first = pending[0];
    if (first) out.push({ kind: "list", items: pending, source: first.source });
    pending = [];
  };
  for (const item of block.items) {
    if (!requestLineOf(item.text)) {
      pending.push(item);
      continue;
    }
    flush();
    out.push({ kind: "text", lines: [{ text: item.text, source: item.source }], source: item.source });
    const rest = textBlock(item.rest.join("\n"), item.source);
    if (rest) out.push(rest);
    pending = item.children;
    flush();
  }
  flush();
  return out;
}

export function normalise(blocks: Block[]): Block[] {
  return blocks.flatMap((b) => {
    if (b.kind === "text") return splitAtRequestLines(b);
    if (b.kind === "list") return unrollOperationItems(b);
    return [b];
  });
}
