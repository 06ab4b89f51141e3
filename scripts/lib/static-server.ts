import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  url(pathname: string): string;
  close(): Promise<void>;
}

/**
 * Serves files from `mounts` (URL prefix → folder) on 127.0.0.1 and a free port.
 * Pages must come from a real http origin: content scripts do not run on file:// URLs by default.
 */
export async function startStaticServer(mounts: Record<string, string>): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = entries.find(([prefix]) => pathname.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end('not found');
    const [prefix, root] = mount;
    const file = path.join(root, pathname.slice(prefix.length));
    if (!file.startsWith(path.resolve(root))) return void res.writeHead(403).end('forbidden');
    try {
      const target = (await stat(file)).isDirectory() ? path.join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (pathname) => origin + pathname,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
