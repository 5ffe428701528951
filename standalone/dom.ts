/** The standalone pages build their DOM from text and attributes only: nothing is parsed as HTML. */
type Children = (Node | string | null | undefined | false)[];

/** An element with the given attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  ...children: Children
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Saves `content` as a file named `name`, through a link the page clicks for the reader. */
export function saveFile(name: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The page's data block (`<script type="application/json" id="…">`), parsed, when it has the
 * shape `fits` asks for; null for a missing, damaged or foreign one.
 */
export function readDataBlock<T>(
  id: string,
  fits: (data: Record<string, unknown>) => boolean,
): T | null {
  try {
    const data: unknown = JSON.parse(document.getElementById(id)?.textContent ?? '');
    return data && typeof data === 'object' && fits(data as Record<string, unknown>)
      ? (data as T)
      : null;
  } catch {
    return null;
  }
}
