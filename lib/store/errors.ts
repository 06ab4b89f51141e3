import { t } from '../i18n';

/**
 * IndexedDB errors a reader can act on, in words they understand. Everything the store does goes through `guard`,
 * so a full disk is reported where the reader is looking instead of vanishing in a console.
 */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly reason: 'quota' | 'unavailable' | 'invalid' | 'missing',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

function errorNames(err: unknown): string[] {
  const names: string[] = [];
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    e = (e as { inner?: unknown }).inner;
  }
  return names;
}

function explainStorageError(err: unknown): unknown {
  if (err instanceof StoreError) return err;
  const names = errorNames(err);
  if (names.some((n) => n === 'QuotaExceededError')) {
    return new StoreError(t('storeQuotaExceeded'), 'quota');
  }
  if (names.some((n) => ['OpenFailedError', 'MissingAPIError', 'DatabaseClosedError', 'InvalidStateError'].includes(n))) {
    const detail = err instanceof Error ? err.message : String(err);
    return new StoreError(t('storeUnavailable', detail), 'unavailable');
  }
  return err;
}

/** Runs a store operation and turns storage failures into a `StoreError` with a message for the reader. */
export async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw explainStorageError(err);
  }
}
