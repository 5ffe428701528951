import { useId } from 'preact/hooks';
import type { Skill } from '@/lib/model';
import { NO_FILTER, UNTAGGED, type ReviewFilter } from '@/lib/week/review';
import { t } from '../i18n/i18n';

export interface SessionFiltersProps {
  filter: ReviewFilter;
  onChange: (filter: ReviewFilter) => void;
  skills: readonly Skill[];
  sites: readonly string[];
}

/** Search across titles, notes and queries, and filters by skill, kind and site. */
export function SessionFilters({ filter, onChange, skills, sites }: SessionFiltersProps) {
  const id = useId();
  const set = (patch: Partial<ReviewFilter>) => onChange({ ...filter, ...patch });
  const active =
    filter.text !== '' || filter.skill !== '' || filter.kind !== '' || filter.site !== '';
  const sorted = [...skills].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div class="session-filters" role="search">
      <div class="filter">
        <label for={`${id}-text`}>{t('filterSearch')}</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filter.text}
          maxLength={200}
          onInput={(e) => set({ text: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div class="filter">
        <label for={`${id}-skill`}>{t('filterSkill')}</label>
        <select
          id={`${id}-skill`}
          value={filter.skill}
          onChange={(e) => set({ skill: (e.target as HTMLSelectElement).value })}
        >
          <option value="">{t('filterAnySkill')}</option>
          <option value={UNTAGGED}>{t('filterNoSkill')}</option>
          {sorted.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for={`${id}-kind`}>{t('filterKind')}</label>
        <select
          id={`${id}-kind`}
          value={filter.kind}
          onChange={(e) =>
            set({ kind: (e.target as HTMLSelectElement).value as ReviewFilter['kind'] })
          }
        >
          <option value="">{t('filterAnyKind')}</option>
          <option value="reading">{t('kindReading')}</option>
          <option value="search">{t('kindSearch')}</option>
          <option value="watching">{t('kindWatching')}</option>
          <option value="away">{t('kindAway')}</option>
        </select>
      </div>
      <div class="filter">
        <label for={`${id}-site`}>{t('filterSite')}</label>
        <select
          id={`${id}-site`}
          value={filter.site}
          onChange={(e) => set({ site: (e.target as HTMLSelectElement).value })}
        >
          <option value="">{t('filterAnySite')}</option>
          {/* A site chosen in another week stays listed, so the box never shows blank. */}
          {(filter.site && !sites.includes(filter.site) ? [filter.site, ...sites] : sites).map(
            (s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ),
          )}
        </select>
      </div>
      {active && (
        <button type="button" class="filter-clear" onClick={() => onChange({ ...NO_FILTER })}>
          {t('filterClear')}
        </button>
      )}
    </div>
  );
}
