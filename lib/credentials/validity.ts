/**
 * A credential's validity period, checked one way for every proof form: `validFrom` and
 * `validUntil` (which a VC-JWT's `nbf` and `exp` must equal), against a clock passed in.
 */

export type ValidityProblem = 'not-yet-valid' | 'expired' | 'dates';

/**
 * Why the credential is not valid at `now`, or `null` when it is.
 * @example validityProblem({ validFrom: '2999-01-01T00:00:00Z' }, Date.now()) // 'not-yet-valid'
 */
export function validityProblem(
  credential: { validFrom?: unknown; validUntil?: unknown },
  now: number,
): ValidityProblem | null {
  const from = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : NaN;
  if (!Number.isFinite(from)) return 'dates';
  const until =
    credential.validUntil === undefined
      ? undefined
      : typeof credential.validUntil === 'string'
        ? Date.parse(credential.validUntil)
        : NaN;
  if (until !== undefined && !Number.isFinite(until)) return 'dates';
  // Whole seconds, as `nbf` and `exp` are.
  const seconds = Math.floor(now / 1000);
  if (seconds < Math.floor(from / 1000)) return 'not-yet-valid';
  if (until !== undefined && seconds >= Math.floor(until / 1000)) return 'expired';
  return null;
}

/**
 * The validity period as a person reads it in a detail line.
 * @example validityDetail({ validFrom: '2026-12-01T00:00:00Z' }) // 'valid from 2026-12-01T00:00:00Z'
 */
export function validityDetail(credential: { validFrom?: unknown; validUntil?: unknown }): string {
  const from = `valid from ${String(credential.validFrom)}`;
  return credential.validUntil === undefined
    ? from
    : `${from} until ${String(credential.validUntil)}`;
}
