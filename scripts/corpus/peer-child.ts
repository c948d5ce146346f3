// openapi-typescript (the peer) on one corpus spec, in a worker process (see workers.ts), as its CLI
// does: types alone, written to one .ts file. Each job is [SPEC, OUT_FILE].
// It does not read Swagger 2.0, so those are skipped before it is called. Anything it throws counts as an
// error: its messages do not tell an invalid spec from a bug the way specsmith's UserError does.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import type { PeerVerdict } from "./verdicts.ts";
import { serveJobs } from "./workers.ts";

async function generate([spec, outFile]: string[]): Promise<PeerVerdict> {
  if (spec === undefined || outFile === undefined) throw new Error("bad job");
  try {
    const document = JSON.parse(await readFile(spec, "utf8")) as OpenAPI3 & { swagger?: unknown };
    if (Object.hasOwn(document, "swagger"))
      return {
        status: "skipped",
        message: `Swagger ${String(document.swagger)}: openapi-typescript 7 reads 3.x only`,
      };
    const ast = await openapiTS(document, { silent: true, cwd: pathToFileURL(spec) });
    await mkdir(dirname(outFile), { recursive: true });
    await writeFile(outFile, astToString(ast));
    return { status: "generated" };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { status: "error", message: `${e.name}: ${e.message.split("\n")[0]}` };
  }
}

serveJobs(generate);
