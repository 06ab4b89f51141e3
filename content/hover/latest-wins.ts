/**
 * Runs `work` for the latest argument only: while one run is in flight, newer calls replace each other and the last
 * one runs when it ends (a pointer moving over text asks for one lookup at a time, never a queue of stale ones).
 */
export function latestWins<A>(work: (arg: A) => Promise<void>): (arg: A) => void {
  let busy = false;
  let waiting: { arg: A } | null = null;
  const run = (arg: A): void => {
    if (busy) {
      waiting = { arg };
      return;
    }
    busy = true;
    void work(arg).finally(() => {
      busy = false;
      const next = waiting;
      waiting = null;
      if (next) run(next.arg);
    });
  };
  return run;
}
