// The thread print-code-files.ts prints code files on. Plain JavaScript, so it runs as it is from the
// sources and from the CLI's bundle alike. ts-morph is required, not imported: Node's ES module loader
// would first scan its 1 MB of source for export names.
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const { printStructure, StructureKind } = createRequire(import.meta.url)("ts-morph");

// Each message is a batch, { id, files } with each file's statements; the answer is { id, texts } in the
// same order, or { id, error }.
parentPort.on("message", ({ id, files }) => {
  try {
    const texts = files.map((statements) =>
      printStructure({ kind: StructureKind.SourceFile, statements }, workerData.options),
    );
    parentPort.postMessage({ id, texts });
  } catch (error) {
    parentPort.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
