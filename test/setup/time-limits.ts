// The ceiling for tests that prove a reader linear on a hostile input by timing it. Such a test takes
// 5-100 ms on an idle machine; on this 2-core machine, while the whole suite runs in parallel beside other
// work (load average 20), runs of 2.4-3.3 s were seen, so a 2 s ceiling failed now and then. The ceiling
// is about 100x the idle time: no busy run comes near it, while the quadratic code these tests were
// written against took minutes on the same inputs.
export const LINEAR_CEILING_MS = 10_000;
