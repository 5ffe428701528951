import { useId, useMemo, useRef, useState } from 'preact/hooks';
import type { Skill } from '../lib/model';
import { cleanSkillName, rankSkillMatches, skillKey } from '../lib/skills/names';
import { t } from './i18n/i18n';

type Option = { kind: 'skill'; skill: Skill } | { kind: 'create'; name: string };

export interface SkillPickerProps {
  /** Every skill the learner has. */
  skills: readonly Skill[];
  /** Ids of the skills chosen for this session. */
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** Makes (or finds) a skill by name; the picker then selects it. */
  onCreate: (name: string) => Promise<Skill>;
  /**
   * Receives the picker's "add what is typed" action, which a save runs first: a skill
   * typed but not yet entered is on screen, so it is saved too.
   */
  commitRef?: { current: (() => Promise<void>) | null };
}

/** What the field offers for `text`: matching skills not yet chosen, then "create" for a new name. */
function optionsFor(text: string, skills: readonly Skill[], selected: readonly string[]): Option[] {
  const list: Option[] = rankSkillMatches(text, skills)
    .filter((s) => !selected.includes(s.id))
    .map((skill) => ({ kind: 'skill', skill }));
  const name = cleanSkillName(text);
  // The last option creates a new skill when nothing has this name yet.
  if (name && !skills.some((s) => s.key === skillKey(name))) list.push({ kind: 'create', name });
  return list;
}

/**
 * The "Skill" field: autocomplete over existing skills (case- and space-insensitive),
 * Enter adds the highlighted skill or creates a new one, several skills per session.
 * An ARIA 1.2 combobox with a listbox popup.
 */
export function SkillPicker({ skills, selected, onChange, onCreate, commitRef }: SkillPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const byId = useMemo(() => new Map(skills.map((s) => [s.id, s])), [skills]);
  // The latest selection, read after an await so two quick additions both stay.
  const latest = useRef(selected);
  latest.current = selected;
  const addId = (skillId: string) => {
    const next = latest.current.includes(skillId)
      ? [...latest.current]
      : [...latest.current, skillId];
    latest.current = next;
    return next;
  };

  const list = useMemo(() => optionsFor(text, skills, selected), [text, skills, selected]);
  const open = text.trim().length > 0 && list.length > 0;
  const current = Math.min(active, list.length - 1);
  // Keys and a save can come before the field's last input has rendered: they read the
  // field itself, not the text of the last render.
  const typedOption = (): Option | undefined => {
    const typed = input.current?.value ?? text;
    if (!typed.trim()) return undefined;
    const options = typed === text ? list : optionsFor(typed, skills, latest.current);
    return options[typed === text ? current : 0];
  };
  const choose = async (option: Option | undefined) => {
    if (!option) return;
    if (input.current) input.current.value = '';
    // Clear first: the learner may type the next skill while a new one is being stored.
    setText('');
    setActive(0);
    input.current?.focus();
    const skill = option.kind === 'skill' ? option.skill : await onCreate(option.name);
    onChange(addId(skill.id));
  };
  if (commitRef) commitRef.current = () => choose(typedOption());

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive((current + 1) % list.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive((current - 1 + list.length) % list.length);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      const option = typedOption();
      if (!option) return;
      event.preventDefault();
      void choose(option);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
    } else if (event.key === 'Backspace' && !text && selected.length > 0) {
      onChange(selected.slice(0, -1));
    }
  };

  return (
    <div class="skill-picker">
      <label for={`${id}-input`}>{t('skillLabel')}</label>
      {selected.length > 0 && (
        <ul class="chips" aria-label={t('skillSelected')}>
          {selected.map((skillId) => {
            const skill = byId.get(skillId);
            if (!skill) return null;
            return (
              <li key={skillId} class="chip" style={{ '--chip': skill.colour }}>
                <span>{skill.name}</span>
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={t('skillRemove', skill.name)}
                  onClick={() => onChange(selected.filter((s) => s !== skillId))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <input
        ref={input}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? `${id}-opt-${current}` : undefined}
        placeholder={t('skillPlaceholder')}
        value={text}
        maxLength={80}
        onInput={(e) => {
          setText((e.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        class="options"
        hidden={!open}
        aria-label={t('skillLabel')}
      >
        {list.map((option, i) => (
          <li
            key={option.kind === 'skill' ? option.skill.id : 'create'}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === current}
            class={i === current ? 'option active' : 'option'}
            onMouseDown={(e) => {
              e.preventDefault();
              void choose(option);
            }}
          >
            {option.kind === 'skill' ? option.skill.name : t('skillCreate', option.name)}
          </li>
        ))}
      </ul>
    </div>
  );
}
