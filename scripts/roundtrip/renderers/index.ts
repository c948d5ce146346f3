// The registry of round-trip renderers: every layout the round trip renders and scores. Add yours here
// (one import, one entry); the harness and the slice test render with every entry.
import type { Renderer } from "../types.ts";
import { seed000 } from "./seed-000.ts";
import { seed001 } from "./seed-001.ts";
import { seed002 } from "./seed-002.ts";
import { seed003 } from "./seed-003.ts";
import { seed004 } from "./seed-004.ts";

export const RENDERERS: readonly Renderer[] = [seed000, seed001, seed002, seed003, seed004];
