/**
 * Asks the browser to keep Skilltrail's storage when the disk runs low instead of
 * evicting it. Extensions with `unlimitedStorage` are usually granted this silently; where
 * the browser decides per site (Firefox), asking from a page the learner opened is what
 * lets it say yes. Never throws; resolves whether storage is persistent.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return false;
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
