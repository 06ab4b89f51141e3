import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Beside the repository, or where YUEDU_FIXTURES says (as for the benches): a git worktree sits one level deeper. */
export const PAGES_DIR = path.join(process.env.YUEDU_FIXTURES ?? path.resolve(import.meta.dirname, '../../../../shared/fixtures'), 'pages');

/** Reads a fixture page as a browser served it: the files are UTF-8 (the test server says so) whatever their <meta> claims. */
export function readPage(name: string, file = 'source.html'): string {
  return readFileSync(path.join(PAGES_DIR, name, file), 'utf8');
}

export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Visible text of an element: script and style bodies are not text a reader sees. */
export function visibleText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const junk of clone.querySelectorAll('script, style, noscript, template')) junk.remove();
  return (clone.textContent ?? '').replace(/\s+/g, '');
}

function trigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i + 3 <= chars.length; i++) {
    const gram = chars.slice(i, i + 3).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * How well `chosen` covers `expected`: recall = share of the expected text found in the chosen text, precision = share
 * of the chosen text that is expected. Counted on character trigrams (whitespace removed), so order within the page
 * matters locally but markup and spacing do not.
 */
export function overlap(expected: string, chosen: string): { recall: number; precision: number } {
  const e = trigrams(expected);
  const c = trigrams(chosen);
  let shared = 0;
  for (const [gram, n] of e) shared += Math.min(n, c.get(gram) ?? 0);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  return { recall: shared / Math.max(1, total(e)), precision: shared / Math.max(1, total(c)) };
}
