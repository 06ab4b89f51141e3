import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstAnswer, LATE_MS, WorkerPulse } from '../../content/worker-pulse';

/** A message whose answer the test gives. */
function message<T>() {
  let answer!: (value: T) => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

/** Whether `promise` has settled once the timers due by now have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('the worker pulse', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const pulse = () => new WorkerPulse(() => Date.now());

  it('is late once a message has waited LATE_MS with no answer since', async () => {
    const p = pulse();
    void p.track(message().promise);
    const late = p.late();
    await vi.advanceTimersByTimeAsync(LATE_MS - 1);
    expect(await settled(late)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(late)).toBe(true);
  });

  it('is late at once when an earlier message (the first input’s ping) still waits', async () => {
    const p = pulse();
    void p.track(message().promise);
    await vi.advanceTimersByTimeAsync(200);
    void p.track(message().promise);
    expect(await settled(p.late())).toBe(true);
  });

  it('is late for a message LATE_MS after it, however the worker answers others; one sent before an answer counts for nothing', async () => {
    const p = pulse();
    void p.track(message().promise);
    await vi.advanceTimersByTimeAsync(30);
    const ping = message<string>();
    void p.track(ping.promise);
    ping.answer('pong');
    await vi.advanceTimersByTimeAsync(0);
    void p.track(message().promise);
    const late = p.late();
    await vi.advanceTimersByTimeAsync(10);
    const other = message<string>();
    void p.track(other.promise);
    other.answer('facts');
    await vi.advanceTimersByTimeAsync(LATE_MS - 11);
    expect(await settled(late)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(late)).toBe(true);
  });
});

describe('the first answer', () => {
  it('is the worker’s when it answers in time, and the page’s own is never asked', async () => {
    const own = vi.fn(async () => 'own');
    const late = message<undefined>();
    const answer = firstAnswer(Promise.resolve('worker'), late.promise, own);
    expect(await answer).toBe('worker');
    late.answer(undefined);
    await new Promise((r) => setTimeout(r, 0));
    expect(own).not.toHaveBeenCalled();
  });

  it('is the page’s own once the worker is late, or failed', async () => {
    expect(await firstAnswer(message<string>().promise, Promise.resolve(), async () => 'own')).toBe('own');
    expect(await firstAnswer(Promise.reject(new Error('worker')), message<undefined>().promise, async () => 'own')).toBe('own');
  });

  it('is the worker’s when the page cannot answer, and the worker’s error when neither can', async () => {
    const worker = message<string>();
    const answer = firstAnswer(worker.promise, Promise.resolve(), () => Promise.reject(new Error('corrections here')));
    worker.answer('worker');
    expect(await answer).toBe('worker');
    await expect(firstAnswer(Promise.reject(new Error('worker failed')), Promise.resolve(), () => Promise.reject(new Error('own failed')))).rejects.toThrow('worker failed');
  });
});
