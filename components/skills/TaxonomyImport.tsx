import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatNumber } from '@/lib/format';
import type { Skill } from '@/lib/model';
import { MAX_ALIASES, MAX_ALIAS_LENGTH, MAX_DESCRIPTION_LENGTH } from '@/lib/skills/library';
import {
  MAX_NAME_LENGTH,
  MAX_TAXONOMY_ROWS,
  TAXONOMY_CSV_HEADER,
  planTaxonomyImport,
  readTaxonomyCsv,
  type TaxonomyCheck,
  type TaxonomyImportResult,
  type TaxonomyProblem,
  type TaxonomyProblemCode,
} from '@/lib/skills/taxonomy-import';
import { t } from '../i18n/i18n';

export interface TaxonomyImportProps {
  /** The library now: the preview says which rows add a skill and which fill one in. */
  existing: readonly Skill[];
  /** Imports the file (all or nothing). */
  onImport: (text: string) => Promise<TaxonomyImportResult>;
  locale: string;
}

/** Names listed in the preview; the rest are counted. */
const PREVIEW_NAMES = 12;

/** The problem in the learner's language, from its code. */
export function taxonomyProblemText(problem: TaxonomyProblem): string {
  const words: Record<TaxonomyProblemCode, () => string> = {
    unreadable: () => t('taxonomyUnreadable'),
    empty: () => t('taxonomyEmpty'),
    'no-name-column': () => t('taxonomyNoNameColumn'),
    'too-many-rows': () => t('taxonomyTooManyRows', MAX_TAXONOMY_ROWS),
    'too-many-fields': () => t('taxonomyTooManyFields'),
    'missing-name': () => t('taxonomyMissingName'),
    'name-too-long': () => t('taxonomyNameTooLong', MAX_NAME_LENGTH),
    'duplicate-name': () => t('taxonomyDuplicateName', problem.otherRow ?? '?'),
    'invalid-uri': () => t('taxonomyInvalidUri'),
    'duplicate-uri': () => t('taxonomyDuplicateUri', problem.otherRow ?? '?'),
    'too-many-aliases': () => t('taxonomyTooManyAliases', MAX_ALIASES),
    'alias-too-long': () => t('taxonomyAliasTooLong', MAX_ALIAS_LENGTH),
    'description-too-long': () => t('taxonomyDescriptionTooLong', MAX_DESCRIPTION_LENGTH),
  };
  const text = words[problem.code]();
  return problem.row !== undefined
    ? t('taxonomyProblemRow', [problem.row, text])
    : t('taxonomyProblemLine', [problem.line, text]);
}

type State =
  | { kind: 'idle' }
  | { kind: 'checked'; fileName: string; text: string; check: TaxonomyCheck }
  | { kind: 'failed'; fileName: string; problems: TaxonomyProblem[]; ignoredColumns: string[] }
  | { kind: 'done'; result: Extract<TaxonomyImportResult, { ok: true }> };

function NameList({ names, label, locale }: { names: string[]; label: string; locale: string }) {
  if (names.length === 0) return null;
  const more = names.length - PREVIEW_NAMES;
  return (
    <>
      <h4 class="preview-heading">{label}</h4>
      <ul class="preview-names">
        {names.slice(0, PREVIEW_NAMES).map((n, i) => (
          <li key={i}>{n}</li>
        ))}
        {more > 0 && <li class="muted">{t('taxonomyMore', formatNumber(more, locale))}</li>}
      </ul>
    </>
  );
}

/**
 * "Import skills (CSV)": choose a file, see what it would add and update, then import it
 * in one go, or see every bad row (row number and reason) with nothing imported.
 */
export function TaxonomyImport({ existing, onImport, locale }: TaxonomyImportProps) {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Set when the buttons the learner used go away: the file field is where they go on from.
  const focusInput = useRef(false);
  useLayoutEffect(() => {
    if (!focusInput.current) return;
    focusInput.current = false;
    input.current?.focus();
  });

  const plan = useMemo(
    () =>
      state.kind === 'checked' ? planTaxonomyImport(state.check.rows, existing, Date.now()) : null,
    [state, existing],
  );

  const reset = () => {
    if (input.current) input.current.value = '';
  };

  const choose = async (file: File | undefined) => {
    if (!file) return setState({ kind: 'idle' });
    setBusy(true);
    try {
      const text = await file.text();
      const check = readTaxonomyCsv(text);
      setState(
        check.problems.length > 0
          ? {
              kind: 'failed',
              fileName: file.name,
              problems: check.problems,
              ignoredColumns: check.ignoredColumns,
            }
          : { kind: 'checked', fileName: file.name, text, check },
      );
    } catch (e) {
      console.error('Skilltrail could not read the file', e);
      setState({
        kind: 'failed',
        fileName: file.name,
        problems: [{ line: 1, code: 'unreadable', reason: String(e) }],
        ignoredColumns: [],
      });
    } finally {
      setBusy(false);
    }
  };

  const runImport = async (text: string, fileName: string) => {
    setBusy(true);
    try {
      const result = await onImport(text);
      setState(
        result.ok
          ? { kind: 'done', result }
          : {
              kind: 'failed',
              fileName,
              problems: result.problems,
              ignoredColumns: result.ignoredColumns,
            },
      );
      reset();
    } finally {
      focusInput.current = true;
      setBusy(false);
    }
  };

  const n = (x: number) => formatNumber(x, locale);
  const ignored =
    state.kind === 'checked'
      ? state.check.ignoredColumns
      : state.kind === 'failed'
        ? state.ignoredColumns
        : [];

  let summary = '';
  if (state.kind === 'checked' && plan) {
    summary =
      state.check.rows.length === 0
        ? t('taxonomyNothingToImport', state.fileName)
        : t('taxonomyPreview', [
            state.fileName,
            n(plan.added.length),
            n(plan.updated.length),
            n(plan.unchanged),
          ]);
  } else if (state.kind === 'failed') {
    summary = t('taxonomyFailed', [state.fileName, n(state.problems.length)]);
  } else if (state.kind === 'done') {
    summary = t('taxonomyDone', [
      n(state.result.added),
      n(state.result.updated),
      n(state.result.unchanged),
    ]);
  }

  return (
    <div class="taxonomy-import">
      <p id={`${id}-help`} class="hint">
        {t('taxonomyHelp')}
      </p>
      <p class="hint">
        <span class="muted">{t('taxonomyExample')} </span>
        <code>{TAXONOMY_CSV_HEADER}</code>
      </p>
      <label for={`${id}-file`}>{t('taxonomyFileLabel')}</label>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={`${id}-help`}
        disabled={busy}
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />

      <p role="status" class={state.kind === 'failed' ? 'status error' : 'status'}>
        {summary}
      </p>

      {ignored.length > 0 && (
        <p class="muted hint">{t('taxonomyIgnoredColumns', ignored.join(', '))}</p>
      )}

      {state.kind === 'failed' && (
        <ul class="taxonomy-problems" aria-label={t('taxonomyProblemsLabel')}>
          {state.problems.map((p, i) => (
            <li key={i}>{taxonomyProblemText(p)}</li>
          ))}
        </ul>
      )}

      {state.kind === 'checked' && plan && state.check.rows.length > 0 && (
        <div class="taxonomy-preview">
          <NameList
            label={t('taxonomyPreviewAdded')}
            names={plan.added.map((s) => s.name)}
            locale={locale}
          />
          <NameList
            label={t('taxonomyPreviewUpdated')}
            names={plan.updated.map((s) => s.name)}
            locale={locale}
          />
          <div class="skill-panel-buttons">
            <button
              type="button"
              class="primary"
              disabled={busy || (plan.added.length === 0 && plan.updated.length === 0)}
              onClick={() => void runImport(state.text, state.fileName)}
            >
              {t('taxonomyImportButton')}
            </button>
            <button
              type="button"
              onClick={() => {
                focusInput.current = true;
                setState({ kind: 'idle' });
                reset();
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
