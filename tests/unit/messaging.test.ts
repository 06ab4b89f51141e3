import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { backgroundParsers, tabParsers } from '../../lib/messaging/payloads';
import { ANNOTATE_CHARS, ANNOTATE_PARAGRAPHS, LOOKUP_BATCH, LOOKUP_TEXT, SEARCH_QUERY_MAX, type BackgroundRequests } from '../../lib/messaging/protocol';
import { dispatch, serveTab, type Handlers } from '../../lib/messaging/server';

const handlers: Partial<Handlers<BackgroundRequests>> = {
  ping: () => ({ pong: true, version: '1.2.3' }),
  lookup: ({ text }) => {
    if (text === 'boom') throw new Error('handler failed');
    return { matches: [{ text, entries: [] }] };
  },
  lookupMany: ({ windows }) => ({ matches: windows.map(() => []) }),
  annotate: ({ paragraphs }) => ({ paragraphs: paragraphs.map(() => []) }),
};
const request = (type: string, payload: unknown) => dispatch(backgroundParsers, handlers, { yuedu: 1, type, payload });
const error = async (type: string, payload: unknown) => {
  const reply = await request(type, payload);
  if (reply?.ok !== false) throw new Error(`expected an error reply, got ${JSON.stringify(reply)}`);
  return reply.error;
};

describe('dispatch', () => {
  it('answers a known request with its handler', async () => {
    expect(await request('ping', {})).toEqual({ ok: true, value: { pong: true, version: '1.2.3' } });
    expect(await request('lookup', { text: '峰会', pos: 0 })).toEqual({ ok: true, value: { matches: [{ text: '峰会', entries: [] }] } });
  });

  it('ignores messages that are not ours', async () => {
    expect(await dispatch(backgroundParsers, handlers, { type: 'ping' })).toBeUndefined();
    expect(await dispatch(backgroundParsers, handlers, 'ping')).toBeUndefined();
    expect(await dispatch(backgroundParsers, handlers, null)).toBeUndefined();
  });

  it('reports unknown types, inherited names included, and handler errors as data', async () => {
    for (const type of ['nope', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await request(type, {})).toEqual({ ok: false, error: `Unknown message type "${type}"` });
    }
    // A type with a parser but no handler here (the background answers it in the extension).
    expect(await error('saveWord', {})).toBe('Unknown message type "saveWord"');
    expect(await request('lookup', { text: 'boom' })).toEqual({ ok: false, error: 'handler failed' });
  });

  it('checks the payload once, before the handler, and says what is wrong', async () => {
    expect(await error('lookup', { text: 42 })).toMatch(/text/);
    expect(await error('lookup', { text: '峰会', pos: -1 })).toMatch(/pos/);
    expect(await error('lookup', null)).toMatch(/payload/);
    expect(await error('lookupMany', { windows: 'x' })).toMatch(/windows/);
    expect(await error('lookupMany', { windows: [{ text: '中' }, { text: 1 }] })).toMatch(/windows\[1\]\.text/);
    expect(await error('lookupMany', { windows: Array.from({ length: LOOKUP_BATCH + 1 }, () => ({ text: '中' })) })).toMatch(
      String(LOOKUP_BATCH),
    );
    expect(await error('annotate', { paragraphs: 'not a list', pinyin: { style: 'marks', sandhi: true } })).toMatch(/paragraphs/);
    expect(await error('annotate', { paragraphs: ['中国', 42], pinyin: { style: 'marks', sandhi: true } })).toMatch(/paragraphs\[1\]/);
    expect(await error('annotate', { paragraphs: ['中国'], pinyin: { style: 'bogus', sandhi: true } })).toMatch(/pinyin\.style/);
    expect(await error('ping', 'hello')).toMatch(/payload/);
  });

  it('refuses page messages past their size limits, saying which limit', async () => {
    const pinyin = { style: 'marks', sandhi: true };
    expect(await error('lookup', { text: '中'.repeat(LOOKUP_TEXT + 1) })).toMatch(new RegExp(`text.*${LOOKUP_TEXT}`));
    expect(await error('annotate', { paragraphs: ['中'.repeat(ANNOTATE_CHARS + 1)], pinyin })).toMatch(String(ANNOTATE_CHARS));
    expect(await error('annotate', { paragraphs: ['中'.repeat(ANNOTATE_CHARS / 2), '国'.repeat(ANNOTATE_CHARS / 2 + 1)], pinyin })).toMatch(String(ANNOTATE_CHARS));
    expect(await error('annotate', { paragraphs: Array.from({ length: ANNOTATE_PARAGRAPHS + 1 }, () => '中'), pinyin })).toMatch(String(ANNOTATE_PARAGRAPHS));
    expect(await request('annotate', { paragraphs: ['中'.repeat(ANNOTATE_CHARS)], pinyin })).toMatchObject({ ok: true });
    const word = { simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'] };
    expect(() => backgroundParsers.saveWord({ word, context: { sentence: '峰'.repeat(70_000), title: 't', url: 'https://a.example/' } })).toThrow(/context\.sentence/);
  });

  it('hands the handler only the fields it knows', async () => {
    let seen: unknown;
    const spy: Partial<Handlers<BackgroundRequests>> = {
      lookup: (payload) => {
        seen = payload;
        return { matches: [] };
      },
    };
    await dispatch(backgroundParsers, spy, { yuedu: 1, type: 'lookup', payload: { text: '峰会', extra: 'x', __proto__: { pos: 3 } } });
    expect(seen).toEqual({ text: '峰会' });
  });
});

describe('payload parsers', () => {
  it('parse a saved word and clip its page context', () => {
    const word = { simplified: ' 峰会 ', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'], note: '', junk: 1 };
    const parsed = backgroundParsers.saveWord({ word, context: { sentence: '峰'.repeat(5000), title: 't', url: 'https://a.example/' } });
    expect(parsed.word).toEqual({ simplified: '峰会', traditional: '峰會', pinyin: 'feng1 hui4', definitions: ['summit'] });
    expect(parsed.context.sentence).toHaveLength(2000);
    expect(() => backgroundParsers.saveWord({ word, context: { sentence: '', title: '', url: 'javascript:alert(1)' } })).toThrow(
      'context.url is not a web address',
    );
  });

  it('take a search query up to its bound, and say what is wrong otherwise', () => {
    expect(backgroundParsers.search({ query: 'mìngyùn' })).toEqual({ query: 'mìngyùn' });
    expect(backgroundParsers.search({ query: 'x'.repeat(SEARCH_QUERY_MAX) }).query).toHaveLength(SEARCH_QUERY_MAX);
    expect(() => backgroundParsers.search({ query: 'x'.repeat(SEARCH_QUERY_MAX + 1) })).toThrow(/query/);
    expect(() => backgroundParsers.search({ query: 3 })).toThrow(/query/);
  });

  it('take the pinyin-layer modes and toggle, nothing else', () => {
    expect(tabParsers.setPinyinLayer({ mode: 'unknown' })).toEqual({ mode: 'unknown' });
    expect(tabParsers.setPinyinLayer({ mode: 'toggle' })).toEqual({ mode: 'toggle' });
    expect(() => tabParsers.setPinyinLayer({ mode: 'some' })).toThrow(/mode/);
  });
});

describe('serveTab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers until it is unlistened', async () => {
    const stop = serveTab({
      setPinyinLayer: ({ mode }) => ({ mode: mode === 'toggle' ? 'all' : mode }),
      pageStatus: () => ({ site: 'example.com', enabled: true, hasChinese: true }),
      articleStats: () => null,
    });
    const ask = () => fakeBrowser.runtime.onMessage.trigger({ yuedu: 1, type: 'setPinyinLayer', payload: { mode: 'toggle' } }, {});
    expect(await Promise.all(await ask())).toEqual([{ ok: true, value: { mode: 'all' } }]);
    stop();
    expect(await ask()).toEqual([]);
  });
});
