// The registry of round-trip renderers: every layout the round trip renders and scores. Add yours here
// (one import, one entry); the harness and the slice test render with every entry.
import type { Renderer } from "../types.ts";
import { seed000 } from "./seed-000.ts";
import { seed001 } from "./seed-001.ts";
import { seed002 } from "./seed-002.ts";
import { seed003 } from "./seed-003.ts";
import { seed004 } from "./seed-004.ts";
import { stripeText } from "./stripe-text.ts";
import { stripeMarkdown } from "./stripe-markdown.ts";
import { fern } from "./fern.ts";
import { mintlify } from "./mintlify.ts";
import { readme } from "./readme.ts";
import { redoc } from "./redoc.ts";
import { docusaurusOpenapi } from "./docusaurus-openapi.ts";

export const RENDERERS: readonly Renderer[] = [
  seed000,
  seed001,
  seed002,
  seed003,
  seed004,
  // LAYOUTS.md families 1, 2, 4, 6, 7, 8, 11.
  stripeText,
  stripeMarkdown,
  fern,
  mintlify,
  readme,
  redoc,
  docusaurusOpenapi,
];
