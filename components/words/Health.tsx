import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { checkStore, repairStore, type Problem } from '../../lib/store/consistency';
import type { YueduDb } from '../../lib/store/db';

/** How many problems are listed; the repair fixes them all. */
const SHOWN = 20;

/**
 * Shown only when the store is damaged (by an older version or a bad import): what is wrong, and one button that
 * repairs it, keeping everything still valid. `revision` changes whenever the word list reloads, so it re-checks.
 */
export function Health({ db, revision, onRepaired }: { db: YueduDb; revision: unknown; onRepaired: () => void }) {
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    checkStore(db).then(setProblems, (err: unknown) => setStatus(err instanceof Error ? err.message : String(err)));
  }, [db, revision]);

  const repair = async () => {
    try {
      const fixed = await repairStore(db);
      setStatus(t('healthRepaired', fixed.length));
      setProblems([]);
      onRepaired();
    } catch (err) {
      setStatus(err instanceof Error ? err.message : String(err));
    }
  };

  if (problems.length === 0) return status ? <p class="hint" role="status" data-testid="health-status">{status}</p> : null;
  return (
    <section class="health" aria-labelledby="health-heading" data-testid="health">
      <h2 id="health-heading">{t('healthHeading', problems.length)}</h2>
      <ul>
        {problems.slice(0, SHOWN).map((p) => (
          <li key={p.path + p.message}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN ? <p>{t('healthMore', problems.length - SHOWN)}</p> : null}
      <button type="button" onClick={() => void repair()} data-testid="health-repair">
        {t('healthRepair')}
      </button>
    </section>
  );
}
