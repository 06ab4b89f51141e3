import { useEffect, useState } from 'preact/hooks';
import type { YueduDb } from '../../lib/store/db';

export function Popup({ db }: { db: YueduDb }) {
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    db.words.count().then(setCount, (err: unknown) => setError(String(err)));
  }, [db]);
  return (
    <main>
      <h1>Yuedu 阅读</h1>
      {error ? (
        <p role="alert">Cannot open your word list: {error}</p>
      ) : (
        <p data-testid="saved-count">{count === null ? 'Loading…' : `${count} saved words`}</p>
      )}
    </main>
  );
}
