// The round trip of one spec file with the chosen renderers and every variant of each. Used in-process by
// the slice test and inside a worker process by `npm run roundtrip`.
import { UserError } from "../lib/errors.ts";
import { loadSpec, UnsupportedSpecVersionError } from "../spec/index.ts";
import { loadRenderApi } from "./load-api.ts";
import { type ApiScore, roundTrip, variantsOf } from "./pipeline.ts";
import { RENDERERS } from "./renderers/index.ts";
import type { Renderer } from "./types.ts";

export type SpecVerdict =
  | { status: "scored"; api: string; operations: number; scores: ApiScore[] }
  /** Not a spec the round trip can use: Swagger 2.0, invalid, or without operations. */
  | { status: "skipped"; api: string; reason: string };

/** The registered renderers whose names are in `layouts` (all of them when it is empty). */
export function chooseRenderers(layouts: readonly string[]): Renderer[] {
  const unknown = layouts.filter((l) => !RENDERERS.some((r) => r.name === l));
  if (unknown.length > 0) {
    throw new UserError(
      `unknown layout ${unknown.join(", ")} (known: ${RENDERERS.map((r) => r.name).join(", ")})`,
    );
  }
  return layouts.length === 0 ? [...RENDERERS] : RENDERERS.filter((r) => layouts.includes(r.name));
}

export async function roundTripSpec(
  file: string,
  name: string,
  renderers: readonly Renderer[],
): Promise<SpecVerdict> {
  let document: Record<string, unknown>;
  try {
    document = (await loadSpec(file, { displayName: name })).document;
  } catch (err) {
    if (err instanceof UnsupportedSpecVersionError || err instanceof UserError) {
      return { status: "skipped", api: name, reason: err.message.slice(0, 300) };
    }
    throw err;
  }
  const api = loadRenderApi(document, name);
  if (api.operations.length === 0) return { status: "skipped", api: name, reason: "no operations" };
  const scores: ApiScore[] = [];
  for (const renderer of renderers) {
    for (const variant of variantsOf(renderer)) scores.push(await roundTrip(api, renderer, variant));
  }
  return { status: "scored", api: name, operations: api.operations.length, scores };
}
