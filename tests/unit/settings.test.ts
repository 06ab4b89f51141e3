import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { sanitizeInt, sanitizeColor, sanitizeSettings } from '../../lib/settings/sanitize';
import { isSiteDisabled, siteOf, withSite } from '../../lib/settings/sites';

describe('sanitizeSettings', () => {
  it('gives the defaults for nothing stored or for a value that is not an object', () => {
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings('marks')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid value', () => {
    const chosen = {
      pinyinStyle: 'zhuyin',
      toneColors: false,
      toneColorList: ['#111111', '#222222', '#333333', '#444444', '#555555'],
      pinyinSize: 16,
      hoverTrigger: 'alt',
      cardFontSize: 22,
      headwordFirst: 'traditional',
      showHsk: false,
      pinyinLayerDefault: 'unknown',
      sandhi: false,
      dailyNewCards: 0,
      anki: { enabled: true, url: 'http://localhost:8766', deck: 'Chinese', noteType: 'Basic', fields: { Front: 'Hanzi', Back: 'Meaning' } },
      speechRate: 150,
      knownLevel: 7,
      knownLevelChosen: true,
      knownStabilityDays: 0,
      knownHighlights: true,
    } as const;
    expect(sanitizeSettings(chosen)).toEqual(chosen);
  });

  it('replaces each invalid field by its default and keeps the valid ones (a partial or older object)', () => {
    const s = sanitizeSettings({ pinyinStyle: 'ipa', hoverTrigger: 'shift', showHsk: 'yes', sandhi: false, extra: 1 });
    expect(s).toEqual({ ...DEFAULT_SETTINGS, hoverTrigger: 'shift', sandhi: false });
    expect(s).not.toHaveProperty('extra');
  });

  it('keeps the known-word level within HSK 0–7 (7 for 7–9) and the stability threshold within 0–3650 days', () => {
    expect(sanitizeSettings({ knownLevel: 9 }).knownLevel).toBe(7);
    expect(sanitizeSettings({ knownLevel: -1 }).knownLevel).toBe(0);
    expect(sanitizeSettings({ knownLevel: '3' }).knownLevel).toBe(3);
    expect(sanitizeSettings({ knownStabilityDays: 99999 }).knownStabilityDays).toBe(3650);
    expect(sanitizeSettings({ knownStabilityDays: 'x' }).knownStabilityDays).toBe(21);
    expect(sanitizeSettings({ knownHighlights: 'yes', knownLevelChosen: 1 })).toMatchObject({ knownHighlights: false, knownLevelChosen: false });
  });

  it('clamps the font size, the daily limit and the speech rate to whole numbers within bounds', () => {
    expect(sanitizeSettings({ speechRate: 10 }).speechRate).toBe(50);
    expect(sanitizeSettings({ speechRate: 1000 }).speechRate).toBe(200);
    expect(sanitizeSettings({ speechRate: 'fast' }).speechRate).toBe(DEFAULT_SETTINGS.speechRate);
    expect(sanitizeSettings({ cardFontSize: 4 }).cardFontSize).toBe(12);
    // Pinyin is never drawn under 11 px, whatever is stored.
    expect(sanitizeSettings({ pinyinSize: 7 }).pinyinSize).toBe(11);
    expect(sanitizeSettings({ pinyinSize: '14' }).pinyinSize).toBe(14);
    expect(sanitizeSettings({ pinyinSize: 'big' }).pinyinSize).toBe(12);
    expect(sanitizeSettings({ cardFontSize: 400 }).cardFontSize).toBe(32);
    expect(sanitizeSettings({ cardFontSize: '18' }).cardFontSize).toBe(18);
    expect(sanitizeSettings({ cardFontSize: 17.6 }).cardFontSize).toBe(18);
    expect(sanitizeSettings({ dailyNewCards: -3 }).dailyNewCards).toBe(0);
    expect(sanitizeSettings({ dailyNewCards: Number.NaN }).dailyNewCards).toBe(DEFAULT_SETTINGS.dailyNewCards);
    expect(sanitizeSettings({ dailyNewCards: '' }).dailyNewCards).toBe(DEFAULT_SETTINGS.dailyNewCards);
    expect(sanitizeInt('12abc', { min: 0, max: 50 }, 7)).toBe(7);
  });

  it('repairs tone colours one by one', () => {
    const s = sanitizeSettings({ toneColorList: ['#ABC', 'red', '#00ff00', 42] });
    expect(s.toneColorList).toEqual([
      '#aabbcc',
      DEFAULT_SETTINGS.toneColorList[1],
      '#00ff00',
      DEFAULT_SETTINGS.toneColorList[3],
      DEFAULT_SETTINGS.toneColorList[4],
    ]);
    expect(sanitizeSettings({ toneColorList: 'blue' }).toneColorList).toEqual(DEFAULT_SETTINGS.toneColorList);
  });

  it('accepts only hex colours, so nothing can inject CSS through a setting', () => {
    expect(sanitizeColor(' #E30000 ')).toBe('#e30000');
    expect(sanitizeColor('#e30000; background: url(x)')).toBeNull();
    expect(sanitizeColor('#12345')).toBeNull();
    expect(sanitizeColor(undefined)).toBeNull();
  });

  it('does not share the defaults object, so a caller cannot change the defaults by mutating settings', () => {
    const s = sanitizeSettings({});
    s.toneColorList[0] = '#000000';
    expect(DEFAULT_SETTINGS.toneColorList[0]).not.toBe('#000000');
  });
});

describe('per-site switch', () => {
  it('treats a hostname with or without www., any case and a trailing dot as one site', () => {
    expect(siteOf('WWW.Xinhuanet.com.')).toBe('xinhuanet.com');
    expect(isSiteDisabled(['xinhuanet.com'], 'www.xinhuanet.com')).toBe(true);
    expect(isSiteDisabled(['www.xinhuanet.com'], 'xinhuanet.com')).toBe(true);
    expect(isSiteDisabled(['xinhuanet.com'], 'news.xinhuanet.com')).toBe(false);
    expect(isSiteDisabled(['xinhuanet.com'], '')).toBe(false);
  });

  it('turns a site off and on again, keeping the list sorted and free of duplicates', () => {
    const off = withSite(['people.com.cn'], 'www.Xinhuanet.com', false);
    expect(off).toEqual(['people.com.cn', 'xinhuanet.com']);
    expect(withSite(off, 'xinhuanet.com', false)).toEqual(off);
    expect(withSite(off, 'www.xinhuanet.com', true)).toEqual(['people.com.cn']);
    expect(withSite([], '', false)).toEqual([]);
  });
});
