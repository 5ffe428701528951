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
