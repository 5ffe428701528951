import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Suggestion, SuggestionReason } from '@/lib/suggest/rank';
import { t } from '../i18n/i18n';
import './suggested-skills.css';

export interface SuggestedSkillsProps {
  /** The session being tagged; suggestions load again when it changes. */
  sessionId: string;
  /** Reads the suggestions (database work), called once per session after the first paint. */
  load: (sessionId: string) => Promise<Suggestion[]>;
  /** Skills already chosen: their chips disappear. */
  selected: readonly string[];
  onAdd: (skillId: string) => void;
}

/**
 * The reason shown under a chip: the strongest one, in the learner's language. Weak
 * reasons (used often, used recently) are still worth a word: they say why a skill shows
 * up on a page that has nothing else in common with the past.
 */
export function suggestionReasonText(reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'same-session':
      return t('suggestReasonSameSession');
    case 'same-search':
      return t('suggestReasonSameSearch');
    case 'site':
      return t('suggestReasonSite');
    case 'words':
      return t('suggestReasonWords', reason.words.join(', '));
    case 'name':
      return t('suggestReasonName');
    case 'often':
      return t('suggestReasonOften');
    case 'recent':
      return t('suggestReasonRecent');
  }
}

/** Waits until the browser has painted what is on screen, so loading never delays it. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Up to a few suggested skills as one-click chips, shown before the learner types. They
 * load after the capture is on screen, so the popup opens as fast without them.
 */
export function SuggestedSkills({ sessionId, load, selected, onAdd }: SuggestedSkillsProps) {
  const id = useId();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [added, setAdded] = useState('');
  const root = useRef<HTMLDivElement>(null);
  // Index of the chip to focus once the clicked one is gone.
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    let live = true;
    setSuggestions([]);
    void afterPaint()
      .then(() => load(sessionId))
      .then((found) => live && setSuggestions(found))
      // Suggestions are a convenience: without them the learner still types a skill.
      .catch((error: unknown) => console.error('Skilltrail could not suggest skills', error));
    return () => {
      live = false;
    };
    // `load` is a new function on each render of the caller; the session is what matters.
  }, [sessionId]);

  const shown = suggestions.filter((s) => !selected.includes(s.skillId));

  // Before paint, so the focus never visibly falls to the page for a frame.
  useLayoutEffect(() => {
    if (focusAt.current === null) return;
    const buttons = root.current?.querySelectorAll('button');
    const at = Math.min(focusAt.current, (buttons?.length ?? 0) - 1);
    focusAt.current = null;
    const next = at >= 0 ? buttons?.[at] : undefined;
    if (next) next.focus();
    else {
      // No chip left: back to the skill field, where the chosen skills are listed.
      root.current?.closest('form')?.querySelector<HTMLElement>('[role="combobox"]')?.focus();
    }
  });

  return (
    <div ref={root} class="suggested-skills" hidden={shown.length === 0 && !added}>
      {shown.length > 0 && (
        <>
          <span id={`${id}-label`} class="muted suggested-label">
            {t('suggestionsHeading')}
          </span>
          <ul class="suggestion-chips" aria-labelledby={`${id}-label`}>
            {shown.map((s, i) => {
              const reason = s.reasons[0] ? suggestionReasonText(s.reasons[0]) : '';
              return (
                <li key={s.skillId}>
                  <button
                    type="button"
                    class="suggestion-chip"
                    data-skill-id={s.skillId}
                    aria-label={t('suggestAdd', s.name)}
                    aria-describedby={reason ? `${id}-reason-${i}` : undefined}
                    onClick={(e) => {
                      // Keep the keyboard where it was: on the next chip once this one goes.
                      if (document.activeElement === e.currentTarget) focusAt.current = i;
                      setAdded(s.name);
                      onAdd(s.skillId);
                    }}
                  >
                    <span aria-hidden="true">+ </span>
                    {s.name}
                  </button>
                  {reason && (
                    <span id={`${id}-reason-${i}`} class="muted suggestion-reason">
                      {reason}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <span class="visually-hidden" role="status">
        {added ? t('suggestAdded', added) : ''}
      </span>
    </div>
  );
}
