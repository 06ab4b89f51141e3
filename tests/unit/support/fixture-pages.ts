import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** shared/fixtures/pages beside the checkout: in the nearest ancestor of `from` that has one (a worktree sits deeper). */
function findPagesDir(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared/fixtures/pages');
    if (existsSync(candidate) || dir === path.dirname(dir)) return candidate;
  }
}

/** Where YUEDU_FIXTURES says (as for the benches), else beside the checkout. */
export const PAGES_DIR = process.env.YUEDU_FIXTURES
  ? path.join(process.env.YUEDU_FIXTURES, 'pages')
  : findPagesDir(path.resolve(import.meta.dirname, '../../../..'));

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

export const GNE_DIR = path.join(PAGES_DIR, 'gne');

/**
 * Decodes a page's bytes as a browser would without a charset from the server: a BOM first, then the bytes as UTF-8
 * when they are valid UTF-8 (the files in gne/ were re-saved as UTF-8, some still declaring gb2312: a server sending
 * them with `charset=utf-8`, as the e2e server does, makes the browser read UTF-8), else the charset the page's
 * <meta> declares (gb2312/gbk read as GB18030, its superset, as browsers do), else GB18030.
 */
function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'gb18030';
    const label = /^(gb2312|gbk|x-gbk|gb18030)$/.test(declared) ? 'gb18030' : declared;
    return new TextDecoder(label).decode(bytes);
  }
}

export function readGnePage(file: string): string {
  return decodeHtml(readFileSync(path.join(GNE_DIR, file)));
}
