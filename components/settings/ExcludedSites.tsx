import { useId, useState } from 'preact/hooks';
import { DEFAULT_EXCLUDED_SITES } from '@/lib/settings/settings';
import {
  addSite,
  removeSite,
  restoreDefaultSites,
  splitSites,
  type SiteInputError,
} from '@/lib/settings/site-list';
import '../controls.css';
import { t, type MessageKey } from '../i18n/i18n';

export interface ExcludedSitesProps {
  sites: readonly string[];
  onChange: (sites: string[]) => Promise<unknown>;
}

const ERRORS: Record<SiteInputError, MessageKey> = {
  empty: 'siteErrorEmpty',
  invalid: 'siteErrorInvalid',
  'already-listed': 'siteErrorListed',
};

/** The sites never recorded: add one (checked), remove any, put the defaults back. */
export function ExcludedSites({ sites, onChange }: ExcludedSitesProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<SiteInputError | null>(null);
  const [notice, setNotice] = useState('');
  const { own, defaults } = splitSites(sites);
  const missingDefaults = DEFAULT_EXCLUDED_SITES.length - defaults.length;

  const add = (event: Event) => {
    event.preventDefault();
    const result = addSite(sites, text);
    if (!result.ok) {
      setError(result.error);
      setNotice('');
      return;
    }
    setError(null);
    setText('');
    setNotice(t('siteAdded', result.site));
    void onChange(result.sites);
  };

  const remove = (site: string) => {
    setNotice(t('siteRemoved', site));
    void onChange(removeSite(sites, site));
  };

  const list = (items: string[], label: string) => (
    <ul class="site-list" aria-label={label}>
      {items.map((site) => (
        <li key={site}>
          <span class="site-name">{site}</span>
          <button
            type="button"
            class="link-button"
            aria-label={t('siteRemove', site)}
            onClick={() => remove(site)}
          >
            {t('remove')}
          </button>
        </li>
      ))}
    </ul>
  );

  return (
    <div class="excluded-sites">
      <form onSubmit={add} class="inline-form" noValidate>
        <label for={`${id}-site`}>{t('siteAddLabel')}</label>
        <p id={`${id}-hint`} class="muted hint">
          {t('siteAddHint')}
        </p>
        <div class="row">
          <input
            id={`${id}-site`}
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            value={text}
            maxLength={2048}
            aria-invalid={error !== null}
            aria-describedby={`${id}-hint ${id}-error`}
            onInput={(e) => {
              setText((e.target as HTMLInputElement).value);
              setError(null);
            }}
          />
          <button type="submit">{t('siteAdd')}</button>
        </div>
        <p id={`${id}-error`} class="error" role="alert">
          {error ? t(ERRORS[error]) : ''}
        </p>
      </form>
      <p class="status ok" role="status">
        {notice}
      </p>
      <h3>{t('sitesOwnHeading')}</h3>
      {own.length > 0 ? list(own, t('sitesOwnHeading')) : <p class="muted">{t('sitesOwnEmpty')}</p>}
      <details>
        <summary>{t('sitesDefaultHeading', defaults.length)}</summary>
        <p class="muted">{t('sitesDefaultHint')}</p>
        {list(defaults, t('sitesDefaultHeading', defaults.length))}
      </details>
      {missingDefaults > 0 && (
        <p>
          <button
            type="button"
            onClick={() => {
              setNotice(t('sitesRestored', missingDefaults));
              void onChange(restoreDefaultSites(sites));
            }}
          >
            {t('sitesRestore', missingDefaults)}
          </button>
        </p>
      )}
    </div>
  );
}
