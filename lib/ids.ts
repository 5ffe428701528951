/**
 * A random RFC 4122 version 4 UUID.
 * @example newId() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function newId(): string {
  return crypto.randomUUID();
}
