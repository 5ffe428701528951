/**
 * How big a parsed JSON document may be before any JSON-LD work starts: canonicalising
 * costs far more per node than parsing, so a file shaped to be slow (thousands of empty
 * entries, deep nesting, huge strings) is refused by a walk over it that is linear and
 * stops at the first limit passed.
 */

export interface StructureLimits {
  /** Objects, arrays and values, all counted. */
  maxNodes: number;
  maxDepth: number;
  /** Items in any one list. */
  maxItems: number;
  /** Characters in any one string or key. */
  maxString: number;
}

/** What one endorsement may hold: far more than the request page ever signs. */
export const ENDORSEMENT_STRUCTURE: StructureLimits = {
  maxNodes: 2_000,
  maxDepth: 12,
  maxItems: 100,
  maxString: 100_000,
};

/** What one credential may hold, endorsements included (a whole record's evidence fits). */
export const CREDENTIAL_STRUCTURE: StructureLimits = {
  maxNodes: 250_000,
  maxDepth: 16,
  maxItems: 20_000,
  maxString: 300_000,
};

/**
 * Why `value` is beyond `limits` (a path and what was passed), or `null` when it is within.
 * @example structureProblem(JSON.parse(text), ENDORSEMENT_STRUCTURE) // 'evidence: 9000 items; at most 100'
 */
export function structureProblem(value: unknown, limits: StructureLimits): string | null {
  let nodes = 0;
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (++nodes > limits.maxNodes) return `more than ${limits.maxNodes} values`;
    if (typeof v === 'string') {
      if (v.length > limits.maxString) return `${path || 'text'}: longer than ${limits.maxString}`;
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) return `${path}: nested deeper than ${limits.maxDepth}`;
    if (Array.isArray(v)) {
      if (v.length > limits.maxItems)
        return `${path || 'list'}: ${v.length} items; at most ${limits.maxItems}`;
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (key.length > limits.maxString) return `${path}: a key longer than ${limits.maxString}`;
      const next = path ? `${path}.${key.slice(0, 40)}` : key.slice(0, 40);
      stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1, path: next });
    }
  }
  return null;
}
