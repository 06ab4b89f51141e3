/**
 * Memoises an asset load in the service worker: concurrent callers share one load, and a failed load is forgotten so
 * that the next request tries again. The worker can be stopped at any time; the next start loads afresh.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const attempt = load();
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = undefined;
      });
    }
    return loading;
  };
}
