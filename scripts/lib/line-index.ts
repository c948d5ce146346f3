// Line numbers of character offsets, for messages that name the line: the line starts of a text are
// found once, then each question is a binary search.

/** The offsets where each line of a text starts, to find the line of an offset by binary search. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line number of a character offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

/** The index of the text lineAt() was last asked about: extractors ask about one page many times. */
let lastIndex: LineIndex | undefined;

/**
 * 1-based line number of a character offset. Counting the line breaks before the offset on every call
 * made a page with a fact on each of its n lines cost n^2; the page's line index is built once.
 */
export function lineAt(text: string, offset: number): number {
  if (lastIndex?.text !== text) lastIndex = new LineIndex(text);
  return lastIndex.lineAt(Math.min(offset, text.length));
}
