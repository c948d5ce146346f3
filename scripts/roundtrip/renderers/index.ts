// The registry of round-trip renderers: every layout the round trip renders and scores. Add yours here
// (one import, one entry); the harness and the slice test render with every entry.
import type { Renderer } from "../types.ts";
import { seed000 } from "./seed-000.ts";
import { stripeText } from "./stripe-text.ts";
import { stripeMarkdown } from "./stripe-markdown.ts";
import { fern } from "./fern.ts";
import { mintlify } from "./mintlify.ts";
import { readme } from "./readme.ts";
import { redoc } from "./redoc.ts";
import { docusaurusOpenapi } from "./docusaurus-openapi.ts";

export const RENDERERS: readonly Renderer[] = [
  seed000,
  // LAYOUTS.md families 1, 2, 4, 6, 7, 8, 11.
  stripeText,
  stripeMarkdown,
  fern,
  mintlify,
  readme,
  redoc,
  docusaurusOpenapi,
];
