import { t } from '../../components/i18n/i18n';
import { POLICY } from '../../lib/privacy-policy';

/** The privacy policy, in the interface language: the same outline as docs/PRIVACY.md. */
export function App({ homepage }: { homepage: string }) {
  return (
    <article class="policy">
      <h1>{t(POLICY.title)}</h1>
      {POLICY.lead.map((key) => (
        <p key={key} class="lead">
          {t(key)}
        </p>
      ))}
      {POLICY.sections.map((section) => (
        <section key={section.heading} aria-labelledby={section.heading}>
          <h2 id={section.heading}>{t(section.heading)}</h2>
          {section.paragraphs.map((key) => (
            <p key={key}>{t(key)}</p>
          ))}
          {section.items.length > 0 && (
            <ul>
              {section.items.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {homepage && (
        <p>
          <a href={homepage}>{homepage}</a>
        </p>
      )}
    </article>
  );
}
