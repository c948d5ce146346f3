// A binary response body (application/octet-stream, application/pdf, image/*...): handed over unread, as
// the caller chooses to take it (a stream, a Blob, an ArrayBuffer), so its bytes arrive as sent (decoding
// them as text turned 0xff into U+FFFD). Each way reads under the client's maxResponseBytes.
import { readBytes } from "./body.js";
import { ResponseTooLargeError } from "./errors.js";

/** A binary body; like a Response's, it can be read once, in one of the three ways. */
export interface BinaryResponse {
  /** The bytes as they arrive; errors with a ResponseTooLargeError past maxResponseBytes. */
  readonly body: ReadableStream<Uint8Array>;
  blob(): Promise<Blob>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Told, once, why reading the body failed (the connection broke, the body passed the limit); returns what
 * the read throws (the client makes a broken connection an APIConnectionError, as for a JSON body).
 */
export type BodyFailureHandler = (error: unknown) => unknown;

/**
 * The stream of `response`'s body that errors as soon as more than `maxBytes` have passed. Pulled chunk
 * by chunk from the body's own reader, so a read that fails is seen here (a pipe would pass it on unseen).
 */
function limitedStream(
  response: Response,
  maxBytes: number,
  onFailure: BodyFailureHandler,
): ReadableStream<Uint8Array> {
  const reader = (response.body ?? new Blob([]).stream()).getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw onFailure(error);
      }
      if (chunk.done) return controller.close();
      total += chunk.value.byteLength;
      if (total > maxBytes) {
        const error = new ResponseTooLargeError(maxBytes, response.status, response.headers);
        await reader.cancel(error).catch(() => undefined);
        throw onFailure(error);
      }
      controller.enqueue(chunk.value);
    },
    // The caller stopped reading: the connection is let go, and nothing failed.
    cancel: (reason) => reader.cancel(reason),
  });
}

/** `onFailure` hears of each way of reading the body that failed, once; not of a second read (a misuse). */
export function binaryResponse(
  response: Response,
  maxBytes: number,
  onFailure: BodyFailureHandler = (error) => error,
): BinaryResponse {
  let taken = false;
  const arrayBuffer = async (): Promise<ArrayBuffer> => {
    // As a Response's: a body read (or being read) once cannot be read again; said here, rather than as
    // the stream's "ReadableStream is locked", and not logged: a misuse is no failure of the API's.
    if (taken) throw new TypeError("The body of a binary response can be read once");
    taken = true;
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(response, maxBytes);
    } catch (error) {
      throw onFailure(error);
    }
    // A fresh ArrayBuffer holding exactly these bytes (a chunk may be a view into a larger buffer).
    return bytes.slice().buffer;
  };
  let stream: ReadableStream<Uint8Array> | undefined;
  return {
    get body() {
      // The same stream each time it is asked for, as Response.body.
      if (stream === undefined) {
        if (taken) throw new TypeError("The body of a binary response can be read once");
        taken = true;
        stream = limitedStream(response, maxBytes, onFailure);
      }
      return stream;
    },
    blob: async () => new Blob([await arrayBuffer()], { type: response.headers.get("content-type") ?? "" }),
    arrayBuffer,
  };
}
