import { useState } from 'preact/hooks';

interface Status {
  ok: boolean;
  text: string;
}

/**
 * One action at a time on a section of the word list: `busy` while it runs, then what it said (a line, or nothing) or
 * why it failed, for `<StatusLine>`.
 */
export function useAction() {
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setStatus(null);
    try {
      const text = await action();
      if (text) setStatus({ ok: true, text });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return { status, busy, act, fail: (err: unknown) => setStatus({ ok: false, text: String(err) }) };
}

/** What the last action said: a status line, or an alert when it failed. */
export function StatusLine({ status, testid }: { status: Status | null; testid: string }) {
  if (!status) return null;
  return (
    <p class={status.ok ? 'hint' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid={testid}>
      {status.text}
    </p>
  );
}
