/**
 * Recording a Chromium trace over CDP and naming its threads: what the trace tools
 * (click-trace.ts, navigation-trace.ts) share.
 */
import type { CDPSession } from 'puppeteer-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown>; frame?: string } & Record<
    string,
    unknown
  >;
}

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let out = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    out += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  return out;
}

/** Starts tracing every process of the browser `cdp` belongs to; `stop()` returns the JSON. */
export async function startTrace(
  cdp: CDPSession,
  categories: string[],
): Promise<{ stop: () => Promise<string> }> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
  });
  return {
    stop: async () => {
      const done = new Promise<string>((res) =>
        cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => res(e.stream!)),
      );
      await cdp.send('Tracing.end');
      return readStream(cdp, await done);
    },
  };
}

/** "process pid / thread" for each event, from the trace's metadata. */
export function threadNames(events: TraceEvent[]): (e: TraceEvent) => string {
  const threadName = new Map<string, string>();
  const processName = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    if (e.name === 'process_name') processName.set(e.pid, e.args?.name ?? '');
    if (e.name === 'process_labels') processName.set(e.pid, `${processName.get(e.pid)} ${e.args}`);
  }
  return (e) =>
    `${processName.get(e.pid) ?? ''} ${e.pid} / ${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
}

/** A top-level task of a thread (a task run inside another is not one). */
export const isTask = (e: TraceEvent) =>
  e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
