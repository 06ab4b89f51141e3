import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TOGGLE_PINYIN_COMMAND } from '../../lib/commands';
import { t } from '../../lib/i18n';

/** The keys bound to the pinyin-layer command now (the reader may have changed them in the browser). */
export function Shortcut() {
  const [keys, setKeys] = useState<string | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(
      (commands) => setKeys(commands.find((c) => c.name === TOGGLE_PINYIN_COMMAND)?.shortcut || t('optionsShortcutNone')),
      () => setKeys(t('optionsShortcutNone')),
    );
  }, []);
  if (keys === null) return null;
  return (
    <p class="field" data-testid="shortcut">
      {t('optionsShortcut', keys)}
    </p>
  );
}
