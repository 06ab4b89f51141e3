/**
 * Looking a word up without a page: the popup's search box (`/` focuses it) and the entries found, each drawn by the
 * hover card's own component in its own shadow root (so the card's styles and the popup's cannot meet), with save.
 */
import { h, render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LookupMatch } from '../../dictionary/types';
import { Card, CARD_CSS, type CardSettings } from '../../content/card';
import { t } from '../../lib/i18n';
import { send } from '../../lib/messaging/client';
import { SEARCH_QUERY_MAX } from '../../lib/messaging/protocol';
import { loadSettings } from '../../lib/settings/store';
import { entryFor, wordToSave } from '../../lib/word-to-save';

/** Typing pauses this long before a search goes out, so a query is not searched once per keystroke. */
const TYPING_PAUSE_MS = 120;

function ShadowCard({ match, settings }: { match: LookupMatch; settings: CardSettings }) {
  const host = useRef<HTMLDivElement>(null);
  const mountPoint = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    if (!mountPoint.current) {
      const shadow = el.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = CARD_CSS;
      mountPoint.current = document.createElement('div');
      shadow.append(style, mountPoint.current);
    }
    render(h(Card, { matches: [match], settings }), mountPoint.current);
  });
  useEffect(() => () => mountPoint.current && render(null, mountPoint.current), []);
  return <div class="search-card" ref={host} />;
}

function Result({ match, settings }: { match: LookupMatch; settings: CardSettings }) {
  const [status, setStatus] = useState('');
  const save = async () => {
    const entry = entryFor(match.text, [match]);
    if (!entry) return;
    try {
      // Met in no page: no sentence, so no context is stored with the word.
      const { created } = await send('saveWord', { word: wordToSave(entry), context: { sentence: '', title: '', url: '' } });
      setStatus(t(created ? 'searchSaved' : 'searchAlreadySaved'));
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <li class="search-result" data-testid="search-result" data-word={match.text}>
      <ShadowCard match={match} settings={settings} />
      <div class="search-actions">
        <button type="button" onClick={() => void save()} data-testid="search-save">
          {t('searchSave')}
        </button>
        {status && <span role="status">{status}</span>}
      </div>
    </li>
  );
}

type Found = { query: string; matches: LookupMatch[] } | { query: string; error: string };

export function Search() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [settings, setSettings] = useState<CardSettings | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => void loadSettings().then(setSettings), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select')) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The latest query wins: an answer to one typed over since is dropped.
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFound(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      send('search', { query: q }).then(
        ({ matches }) => current && setFound({ query: q, matches }),
        (e: unknown) => current && setFound({ query: q, error: e instanceof Error ? e.message : String(e) }),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section class="search" data-testid="search">
      <input
        ref={input}
        type="search"
        class="search-input"
        data-testid="search-input"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        maxLength={SEARCH_QUERY_MAX}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        autocomplete="off"
        spellcheck={false}
      />
      {found && 'error' in found && <p role="alert">{t('searchFailed', found.error)}</p>}
      {found && 'matches' in found && found.matches.length === 0 && <p data-testid="search-none">{t('searchNone')}</p>}
      {found && 'matches' in found && settings && found.matches.length > 0 && (
        <ol class="search-results" data-testid="search-results">
          {found.matches.map((match) => (
            <Result key={`${found.query}:${match.text}`} match={match} settings={settings} />
          ))}
        </ol>
      )}
    </section>
  );
}
