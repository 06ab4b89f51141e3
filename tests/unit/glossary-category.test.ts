import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_DIR } from '../../dictionary/glossary/read';
import { GLOSSARY_CATEGORY_LABELS, glossaryCategoryLabel } from '../../content/glossary-category';
import { t } from '../../lib/i18n';

const categories = readdirSync(GLOSSARY_DIR)
  .filter((name) => name.endsWith('.tsv'))
  .map((name) => name.replace(/\.tsv$/, ''))
  .sort();

describe('glossary category labels on the hover card', () => {
  it('finds the glossary files', () => {
    expect(categories.length).toBeGreaterThan(5);
  });

  it.each(categories)('%s has a label of its own', (category) => {
    const label = glossaryCategoryLabel(category);
    expect(label).not.toBe(t('cardGlossary'));
    expect(label).not.toBe(category);
  });

  it('labels only categories that have a glossary file, each with a different label', () => {
    expect([...GLOSSARY_CATEGORY_LABELS.keys()].sort()).toEqual(categories);
    const labels = categories.map(glossaryCategoryLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('reads as English words outside the browser, and says "glossary" for a category it does not know', () => {
    expect(glossaryCategoryLabel('taiwan-hk-macao')).toBe('Taiwan, Hong Kong & Macao');
    expect(glossaryCategoryLabel('society-technology')).toBe('Society & technology');
    expect(glossaryCategoryLabel('astrology')).toBe('glossary');
    expect(glossaryCategoryLabel('')).toBe('glossary');
    expect(glossaryCategoryLabel(undefined)).toBe('glossary');
    expect(glossaryCategoryLabel('constructor')).toBe('glossary');
  });
});
