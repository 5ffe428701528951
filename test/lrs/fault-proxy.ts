/**
 * A small HTTP proxy in front of the test LRS that misbehaves on request: 5xx, 429 with
 * Retry-After, hangs, connection resets before or after the LRS stored the request, and
 * rewritten credentials. Loopback only (listens on 127.0.0.1 and forwards only to a
 * loopback target) and bounded (request bodies, hang time, sockets).
 */
import { request, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type ProxyFault = { method?: 'GET' | 'POST' } & (
  | /** Answer this without asking the LRS. */
    { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
    /** Take the request and never answer (until `ms`, bounded by `maxHangMs`). */
  | { kind: 'hang'; ms?: number }
  /** Drop the connection before the LRS sees the request. */
  | { kind: 'reset' }
  /** Let the LRS store the request, then drop the connection: the answer is lost. */
  | { kind: 'reset-after-forward' }
  /** Forward with another Authorization header (the test LRS maps special tokens to 401/403). */
  | { kind: 'auth'; authorization: string }
);

export interface ProxyLogEntry {
  method: string;
  path: string;
  fault?: ProxyFault['kind'];
  /** The LRS's status, when it was asked. */
  status?: number;
}

export interface FaultProxy {
  /** The same xAPI base URL as the LRS's, through the proxy. */
  endpoint: string;
  port: number;
  /** Faults still to play, in order; each is used by the next request it matches. */
  faults: ProxyFault[];
  log: ProxyLogEntry[];
  /** Stops listening and drops every open connection (an outage). */
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** The LRS's xAPI base URL, e.g. `http://127.0.0.1:40123/xAPI`. */
  target: string;
  /** A fixed port, e.g. to come back on the same one after `close()`. */
  port?: number;
  maxBodyBytes?: number;
  maxHangMs?: number;
  maxSockets?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Starts the proxy. `faults` may be pushed at any time.
 * @example const proxy = await startFaultProxy({ target: lrs.endpoint }); proxy.faults.push({ kind: 'status', status: 500 });
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (!LOOPBACK.has(target.hostname) || target.protocol !== 'http:') {
    throw new Error(`The fault proxy only forwards to http on this computer, not ${target.origin}`);
  }
  const maxBody = options.maxBodyBytes ?? 20 * 2 ** 20;
  const maxHang = options.maxHangMs ?? 60_000;
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const proxy: FaultProxy = { endpoint: '', port: 0, faults: [], log: [], close: async () => {} };

  const takeFault = (method: string): ProxyFault | undefined => {
    const i = proxy.faults.findIndex((f) => !f.method || f.method === method);
    return i < 0 ? undefined : proxy.faults.splice(i, 1)[0];
  };

  const forward = (
    req: IncomingMessage,
    body: Buffer,
    headers: Record<string, string | string[] | undefined>,
    onAnswer: (
      status: number,
      headers: Record<string, string | string[] | undefined>,
      body: Buffer,
    ) => void,
    onError: () => void,
  ) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...headers, host: target.host, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => onAnswer(res.statusCode ?? 502, res.headers, Buffer.concat(chunks)));
        res.on('error', onError);
      },
    );
    upstream.on('error', onError);
    upstream.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const method = req.method ?? 'GET';
    const entry: ProxyLogEntry = { method, path: req.url ?? '' };
    proxy.log.push(entry);
    const fault = takeFault(method);
    if (fault) entry.fault = fault.kind;
    const headers = { ...req.headers };
    const answer = (
      status: number,
      h: Record<string, string | string[] | undefined>,
      b: Buffer,
    ) => {
      entry.status = status;
      const { 'content-length': _l, 'transfer-encoding': _t, connection: _c, ...rest } = h;
      res.writeHead(status, { ...rest, 'content-length': String(b.length) });
      res.end(b);
    };
    const badGateway = () => {
      if (!res.headersSent)
        answer(502, { 'content-type': 'text/plain' }, Buffer.from('LRS unreachable'));
    };

    switch (fault?.kind) {
      case 'status':
        answer(
          fault.status,
          { 'content-type': 'application/json', ...fault.headers },
          Buffer.from(fault.body ?? JSON.stringify({ message: `injected ${fault.status}` })),
        );
        return;
      case 'hang': {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            req.socket.destroy();
          },
          Math.min(fault.ms ?? maxHang, maxHang),
        );
        timers.add(timer);
        return;
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'reset-after-forward':
        forward(
          req,
          body,
          headers,
          () => req.socket.destroy(),
          () => req.socket.destroy(),
        );
        return;
      case 'auth':
        headers.authorization = fault.authorization;
        break;
      default:
        break;
    }
    forward(req, body, headers, answer, badGateway);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (size <= maxBody) handle(req, res, Buffer.concat(chunks));
    });
  });
  server.maxConnections = options.maxSockets ?? 64;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  proxy.port = typeof address === 'object' && address ? address.port : 0;
  proxy.endpoint = `http://127.0.0.1:${proxy.port}${target.pathname.replace(/\/+$/, '')}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
