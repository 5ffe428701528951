/**
 * `setImmediate` for the browser, in place of the `setimmediate` package that
 * `rdf-canonize` loads (wxt.config.ts aliases it here): that one builds functions from
 * strings (`new Function`), which extension pages forbid and addons-linter flags. A
 * `MessageChannel` message runs the callback in a task of its own, so long
 * canonicalisation still yields to the page between steps.
 */
type Callback = (...args: unknown[]) => void;

const scope = globalThis as { setImmediate?: (fn: Callback, ...args: unknown[]) => unknown };

if (typeof scope.setImmediate !== 'function') {
  const queue: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => queue.shift()?.();
  scope.setImmediate = (fn, ...args) => {
    queue.push(() => fn(...args));
    channel.port2.postMessage(null);
    return queue.length;
  };
}

export {};
