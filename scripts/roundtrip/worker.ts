// A worker process of `npm run roundtrip` (see scripts/corpus/workers.ts): each job is
// [SPEC_FILE, API_NAME, LAYOUTS (comma-separated, empty for all)].
import { serveJobs } from "../corpus/workers.ts";
import { chooseRenderers, roundTripSpec } from "./api-job.ts";

serveJobs(async ([file, name, layouts]) => {
  if (file === undefined || name === undefined) throw new Error("bad job");
  return roundTripSpec(file, name, chooseRenderers((layouts ?? "").split(",").filter((l) => l !== "")));
});
