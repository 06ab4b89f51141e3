/**
 * Whether the service worker is answering this page. A stopped worker takes 400–700 ms to start again on a busy
 * machine (its JS runs some 450 ms after a navigation that woke it), against some 20 ms for a message to a running one:
 * a hover cannot wait for that, and the content script answers it itself (content/hover/own-lookup.ts) once the worker
 * is late: when the hover's lookup has waited LATE_MS, or at once when an earlier message has waited that long with
 * no answer to any message since it was sent, as the first input's ping to a stopped worker has by the time the
 * pointer reaches a word after a pause (content/wake-worker.ts).
 */

/** Far above a running worker's answer (some 20 ms when busy), far below a cold start's. */
export const LATE_MS = 50;

export class WorkerPulse {
  /** When each message still waiting was sent (one entry per message). */
  private readonly waiting: number[] = [];
  private lastAnswer = -Infinity;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Watches a message to the worker: any answer, an error too, shows the worker running. */
  track<T>(answer: Promise<T>): Promise<T> {
    const sent = this.now();
    this.waiting.push(sent);
    const answered = () => {
      this.waiting.splice(this.waiting.indexOf(sent), 1);
      this.lastAnswer = this.now();
    };
    answer.then(answered, answered);
    return answer;
  }

  /**
   * Resolves once the worker is late for a message sent now: LATE_MS after it at the latest (even while the worker
   * answers others, as a worker still reading its dictionary does), at once if an earlier one shows it late already.
   */
  late(): Promise<void> {
    const asked = this.now();
    return new Promise((resolve) => {
      const check = () => {
        // A message sent before the last answer tells nothing: the worker answered after it.
        const since = Math.min(asked, ...this.waiting.filter((sent) => sent >= this.lastAnswer));
        const due = since + LATE_MS - this.now();
        if (due <= 0) resolve();
        else setTimeout(check, due);
      };
      check();
    });
  }
}

/**
 * The worker's answer, or `own()`'s once the worker is late or has failed: the first valid answer wins. When both fail,
 * the worker's error.
 */
export function firstAnswer<T>(asked: Promise<T>, late: Promise<void>, own: () => Promise<T>): Promise<T> {
  let answered = false;
  const worker = asked.then((value) => {
    answered = true;
    return value;
  });
  const mine = Promise.race([late, worker.catch(() => undefined)]).then(() => (answered ? new Promise<T>(() => undefined) : own()));
  return Promise.any([worker, mine]).catch((err: AggregateError) => Promise.reject(err.errors[0] as Error));
}
