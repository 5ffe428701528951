import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | void;

export interface TestServer {
  port: number;
  /** `http://127.0.0.1:PORT` (or https). */
  origin: string;
  close: () => Promise<void>;
}

/** A self-signed certificate for any host, made with openssl once per run. */
export function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'skilltrail-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
  } catch {
    throw new Error(
      'openssl is needed to make a test certificate. Install it with "apt-get install openssl".',
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Serves test pages on loopback. Handlers run in order; the first that returns true (or
 * ends the response) wins; otherwise 404.
 */
export async function startServer(
  handlers: Handler[],
  options: { https?: boolean } = {},
): Promise<TestServer> {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    for (const handler of handlers) {
      if (handler(req, res, url) === true || res.writableEnded) return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
  const server: Server = options.https
    ? createHttpsServer(selfSignedCertificate(), listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTML page handler for one path. */
export function htmlPage(path: string, html: string): Handler {
  return (_req, res, url) => {
    if (url.pathname !== path) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return true;
  };
}

/** A small readable article page for tests. */
export function articleHtml(title: string, paragraphs = 12, extraHead = ''): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Paragraph ${i + 1} of an article about ${title}. It explains the idea step by step, with examples that a careful reader can follow, try and remember later on when it matters.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${title}</h1>
<p class="byline">By Ada Example</p>${body}</article></main><footer>Footer</footer></body></html>`;
}
