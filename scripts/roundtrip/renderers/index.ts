// The registry of round-trip renderers: every layout the round trip renders and scores. Add yours here
// (one import, one entry); the harness and the slice test render with every entry.
import type { Renderer } from "../types.ts";
import { seed000 } from "./seed-000.ts";

export const RENDERERS: readonly Renderer[] = [seed000];
