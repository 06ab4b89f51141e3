/**
 * docs/anki-note.png: the Yuedu note's back (answer) as Anki shows it, rendered in headless Chromium from the note
 * type's own template and CSS (lib/anki/note-type.ts) with a sample word. Anki's template syntax used there is small:
 * {{Field}}, {{#Field}}…{{/Field}} (shown when the field is not empty) and {{^Field}}…{{/Field}} (when it is).
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { noteFields } from '../lib/anki/note';
import { BACK_TEMPLATE, NOTE_CSS } from '../lib/anki/note-type';
import { CHROMIUM } from './lib/browser';
import { ROOT } from './lib/build';

function render(template: string, fields: Record<string, string>): string {
  const sections = template.replace(/\{\{([#^])([^}]+)\}\}([\s\S]*?)\{\{\/\2\}\}/g, (_, kind: string, name: string, inner: string) =>
    (kind === '#') === Boolean(fields[name]) ? inner : '',
  );
  // Sections may nest one level (Source title inside Source URL): a second pass resolves the inner ones.
  const flat = sections === template ? sections : render(sections, fields);
  return flat.replace(/\{\{([^#^/}][^}]*)\}\}/g, (_, name: string) => fields[name] ?? '');
}

const fields = noteFields({
  simplified: '命运共同体',
  traditional: '命運共同體',
  pinyin: 'ming4 yun4 gong4 tong2 ti3',
  definitions: ['community of common destiny', 'community with a shared future'],
  note: 'A slogan of Chinese foreign policy since 2012.',
  hsk: undefined,
  contexts: [{ sentence: '携手构建人类命运共同体。', title: '丝路新闻', url: 'https://news.example.cn/silk-road.html', date: 0 }],
  savedAt: 0,
  updatedAt: 0,
  suspended: false,
});

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 640, height: 420 } });
await page.setContent(`<!doctype html><meta charset="utf-8"><style>${NOTE_CSS}</style><div class="card">${render(BACK_TEMPLATE, fields)}</div>`);
const out = path.join(ROOT, 'docs', 'anki-note.png');
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`saved ${out}`);
