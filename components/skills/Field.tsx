import type { ComponentChildren } from 'preact';

export interface FieldProps {
  /** The input's id: the label points at it, the hint and error are named after it. */
  inputId: string;
  label: string;
  /** Shown under the label; the input names it with `aria-describedby` (`hintId`). */
  hint?: string;
  hintId?: string;
  /** The field's error, shown under the input; `errorId` names it for `aria-describedby`. */
  error?: string | null;
  errorId?: string;
  /** The input itself, carrying its own value, events and ARIA. */
  children: ComponentChildren;
}

/** One labelled form field: label, optional hint, the input, and its error when it has one. */
export function Field({ inputId, label, hint, hintId, error, errorId, children }: FieldProps) {
  return (
    <>
      <label for={inputId}>{label}</label>
      {hint && (
        <p id={hintId} class="muted hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={errorId} class="error field-error">
          {error}
        </p>
      )}
    </>
  );
}
