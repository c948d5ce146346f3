// One AbortSignal per attempt that fires on the caller's signal or on the attempt's timeout, remembering
// which of the two it was. Written by hand rather than with AbortSignal.any/timeout, which Node 20.0-20.2
// and older browsers lack.

/** setTimeout overflows (and fires at once) above 2^31-1 ms. */
const MAX_TIMER_MS = 2_147_483_647;

export interface AttemptSignal {
  signal: AbortSignal;
  /** Whether the abort came from the timeout (not from the caller). */
  timedOut(): boolean;
  /** Stops the timer and detaches from the caller's signal; call when the attempt is over. */
  done(): void;
  /** Stops the timer only: a body read after the attempt (a stream) still stops on the caller's abort. */
  stopTimer(): void;
}

export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = (): void => controller.abort(caller?.reason);
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (Number.isFinite(timeoutMs) && timeoutMs >= 0) {
    timer = setTimeout(
      () => {
        timedOut = true;
        controller.abort(new Error("Request timed out"));
      },
      Math.min(timeoutMs, MAX_TIMER_MS),
    );
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      if (timer !== undefined) clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
    stopTimer: () => {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
