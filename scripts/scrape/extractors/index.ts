// The extractor registry. Each page goes to the extractor whose detector is most sure of it; the generic
// fallback reads pages no specific extractor claims.
import type { Extractor, Page, PageFragment } from "../fragment.ts";
import { apiReferenceTextExtractor } from "./api-reference-text.ts";
import { fernTextExtractor } from "./fern-text.ts";
import { genericExtractor } from "./generic/index.ts";
import { markdownReferenceExtractor } from "./markdown-reference/index.ts";
import { openapiHtmlExtractor } from "./openapi-html.ts";
import { pipeTableExtractor } from "./pipe-table.ts";

/** Specific extractors, in the order used to break a tie between equal scores. */
export const SPECIFIC_EXTRACTORS: readonly Extractor[] = [
  openapiHtmlExtractor,
  fernTextExtractor,
  apiReferenceTextExtractor,
  pipeTableExtractor,
  markdownReferenceExtractor,
];

/** Below this score a specific extractor does not claim a page and the generic fallback reads it. */
export const CLAIM_THRESHOLD = 0.5;

export interface Detection {
  extractor: Extractor;
  score: number;
}

export function chooseExtractor(page: Page): Detection {
  let best: Detection = { extractor: genericExtractor, score: 0 };
  for (const extractor of SPECIFIC_EXTRACTORS) {
    const score = extractor.detect(page);
    if (score > best.score) best = { extractor, score };
    // Scores are at most 1 and a tie goes to the earlier extractor: no later one can win, so the rest
    // need not scan the page (on a whole site every page was scanned by every detector).
    if (best.score >= 1) break;
  }
  return best.score >= CLAIM_THRESHOLD ? best : { extractor: genericExtractor, score: best.score };
}

export function extractPage(page: Page): PageFragment {
  return chooseExtractor(page).extractor.extract(page);
}
