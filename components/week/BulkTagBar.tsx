import { useId, useState } from 'preact/hooks';
import { formatNumber } from '@/lib/format';
import type { Skill } from '@/lib/model';
import { t } from '../i18n/i18n';

export interface BulkTagBarProps {
  count: number;
  skills: readonly Skill[];
  locale: string;
  onAdd: (skillId: string) => Promise<void>;
  onRemove: (skillId: string) => Promise<void>;
  onClear: () => void;
}

/** Adds a skill to, or removes it from, every selected session. */
export function BulkTagBar({ count, skills, locale, onAdd, onRemove, onClear }: BulkTagBarProps) {
  const id = useId();
  const sorted = [...skills].sort((a, b) => a.name.localeCompare(b.name));
  const [skillId, setSkillId] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = sorted.some((s) => s.id === skillId) ? skillId : (sorted[0]?.id ?? '');
  const run = async (action: (id: string) => Promise<void>) => {
    if (!chosen) return;
    setBusy(true);
    try {
      await action(chosen);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="bulk-bar" role="group" aria-labelledby={`${id}-count`}>
      <p id={`${id}-count`} class="bulk-count">
        {t('bulkSelected', formatNumber(count, locale))}
      </p>
      {sorted.length === 0 ? (
        <p class="muted">{t('bulkNoSkills')}</p>
      ) : (
        <>
          <label for={`${id}-skill`}>{t('skillLabel')}</label>
          <select
            id={`${id}-skill`}
            value={chosen}
            onChange={(e) => setSkillId((e.target as HTMLSelectElement).value)}
          >
            {sorted.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => void run(onAdd)}>
            {t('bulkAdd')}
          </button>
          <button type="button" disabled={busy} onClick={() => void run(onRemove)}>
            {t('bulkRemove')}
          </button>
        </>
      )}
      <button type="button" onClick={onClear}>
        {t('bulkClear')}
      </button>
    </div>
  );
}
