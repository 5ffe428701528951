import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import '../../components/controls.css';
import { PrivacyChoices } from '../../components/PrivacyChoices';
import { LookBack } from '../../components/look-back/LookBack';
import { t, uiLocale } from '../../components/i18n/i18n';
import { useLiveQuery } from '../../components/hooks/use-live-query';
import { useSettings } from '../../components/hooks/use-settings';
import { db } from '../../lib/store/records';
import { localizeStarterSkill, STARTER_SKILLS } from '../../lib/skills/starter';
import { ensureSkill, skillsByCreation } from '../../lib/store/skills';
import { addStarterSkills } from '../../lib/store/skill-imports';
import { lookBackStore } from '../../lib/store/look-back';

/** Typed skills are separated by commas (or new lines, when pasted). */
function ownSkillNames(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The first-run page: what Skilltrail notices and never does, the privacy choices, the
 * skills the learner is building, and the choice to record: nothing is recorded
 * automatically until the learner says yes here (after install, and after "Delete all my
 * data").
 */
export function App() {
  const [settings, save] = useSettings();
  const locale = uiLocale();
  // Shown in the interface language; picked by their English names, which any language knows.
  const starters = useMemo(
    () => STARTER_SKILLS.map((s) => ({ key: s.name, ...localizeStarterSkill(s, locale) })),
    [locale],
  );
  const skills = useLiveQuery(() => skillsByCreation(db()), []);
  const [picked, setPicked] = useState<string[]>([]);
  const [own, setOwn] = useState('');
  const [skillStatus, setSkillStatus] = useState<'idle' | 'saved' | 'error'>('idle');

  const saveSkills = async (event: Event) => {
    event.preventDefault();
    try {
      const now = Date.now();
      await addStarterSkills(db(), picked, now, { locale });
      for (const name of ownSkillNames(own)) await ensureSkill(db(), name, now);
      setOwn('');
      setSkillStatus('saved');
    } catch (error) {
      console.error('Skilltrail could not add skills', error);
      setSkillStatus('error');
    }
  };

  const dashboard = browser.runtime.getURL('/dashboard.html');

  return (
    <article class="welcome">
      <h1>{t('welcomeHeading')}</h1>
      <p class="lead">{t('welcomeLead')}</p>

      <section aria-labelledby="welcome-notices">
        <h2 id="welcome-notices">{t('welcomeNoticesHeading')}</h2>
        <ul class="welcome-list">
          <li>{t('welcomeNoticesReading')}</li>
          <li>{t('welcomeNoticesSearch')}</li>
          <li>{t('welcomeNoticesCapture')}</li>
        </ul>
      </section>

      <section aria-labelledby="welcome-never">
        <h2 id="welcome-never">{t('welcomeNeverHeading')}</h2>
        <ul class="welcome-list">
          <li>{t('welcomeNeverPrivate')}</li>
          <li>{t('welcomeNeverSites')}</li>
          <li>{t('welcomeNeverText')}</li>
          <li>{t('welcomeNeverSend')}</li>
        </ul>
        <p class="promise">{t('welcomePromise')}</p>
        <p>
          <a href={browser.runtime.getURL('/privacy.html')}>{t('policyLink')}</a>
        </p>
      </section>

      <section aria-labelledby="welcome-choices">
        <h2 id="welcome-choices">{t('welcomeChoicesHeading')}</h2>
        {settings ? (
          <fieldset>
            <legend>{t('welcomeChoicesLegend')}</legend>
            <PrivacyChoices settings={settings} save={save} />
          </fieldset>
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </section>

      <section aria-labelledby="welcome-skills">
        <h2 id="welcome-skills">{t('welcomeSkillsHeading')}</h2>
        <p>{t('welcomeSkillsLead')}</p>
        <form onSubmit={(e) => void saveSkills(e)}>
          <fieldset>
            <legend>{t('welcomeSkillsLegend')}</legend>
            <div class="starter-skills">
              {starters.map((skill, i) => (
                <div class="toggle" key={skill.key}>
                  <input
                    id={`starter-${i}`}
                    type="checkbox"
                    checked={picked.includes(skill.key)}
                    aria-describedby={`starter-${i}-help`}
                    onChange={(e) => {
                      const on = (e.target as HTMLInputElement).checked;
                      setPicked(
                        on ? [...picked, skill.key] : picked.filter((n) => n !== skill.key),
                      );
                      setSkillStatus('idle');
                    }}
                  />
                  <label for={`starter-${i}`}>{skill.name}</label>
                  <p id={`starter-${i}-help`} class="muted hint">
                    {skill.description}
                  </p>
                </div>
              ))}
            </div>
          </fieldset>
          <label for="welcome-own-skills">{t('welcomeOwnSkillsLabel')}</label>
          <p id="welcome-own-skills-help" class="muted hint">
            {t('welcomeOwnSkillsHint')}
          </p>
          <input
            id="welcome-own-skills"
            type="text"
            value={own}
            maxLength={1000}
            aria-describedby="welcome-own-skills-help"
            onInput={(e) => {
              setOwn((e.target as HTMLInputElement).value);
              setSkillStatus('idle');
            }}
          />
          <p>
            <button
              type="submit"
              class="primary"
              disabled={picked.length === 0 && ownSkillNames(own).length === 0}
            >
              {t('welcomeSaveSkills')}
            </button>
          </p>
          <p role="status" class={skillStatus === 'error' ? 'error' : 'ok'}>
            {skillStatus === 'saved' && t('welcomeSkillsSaved')}
            {skillStatus === 'error' && t('welcomeSkillsFailed')}
          </p>
        </form>
        {skills && skills.length > 0 && (
          <>
            <h3>{t('welcomeYourSkills')}</h3>
            <ul class="chips" aria-label={t('welcomeYourSkills')}>
              {skills.map((s) => (
                <li
                  key={s.id}
                  class="chip"
                  style={{ '--chip': s.colour, paddingInlineEnd: '0.6rem' }}
                >
                  {s.name}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {settings && (
        <section aria-labelledby="welcome-start" class={settings.trackingConsent ? '' : 'consent'}>
          {settings.trackingConsent ? (
            <>
              <h2 id="welcome-start">{t('welcomeOnHeading')}</h2>
              <p role="status">{t('welcomeOnText')}</p>
            </>
          ) : (
            <>
              <h2 id="welcome-start">{t('welcomeConsentHeading')}</h2>
              <p>{t('welcomeConsentText')}</p>
              <button
                type="button"
                class="primary"
                onClick={() => void save({ trackingConsent: true, pausedUntil: 0 })}
              >
                {t('turnOn')}
              </button>
            </>
          )}
          <p>
            <a href={`${dashboard}#/week`}>{t('openDashboard')}</a>
            {' · '}
            <a href={`${dashboard}#/settings`}>{t('navSettings')}</a>
          </p>
        </section>
      )}
      {/* Once recording is on: what the learner already learned, from the browser's history. */}
      {settings?.trackingConsent && (
        <LookBack settings={settings} skills={skills ?? []} {...lookBackStore(db())} />
      )}
    </article>
  );
}
