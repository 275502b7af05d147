/**
 * A trap for form-filling bots (docs/abuse.md): a text field named like one a bot expects, kept off screen, out of
 * the tab order and away from assistive technology, so no person fills it. A filing with it filled is accepted as
 * usual but held for moderation as spam.
 */
import { useTranslation } from 'react-i18next';

const OFF_SCREEN = {
  position: 'absolute',
  left: '-10000px',
  top: 'auto',
  width: 1,
  height: 1,
  overflow: 'hidden',
} as const;

export function HoneypotField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('report-form');
  return (
    <div aria-hidden="true" style={OFF_SCREEN}>
      <label htmlFor="report-website">{t('honeypot')}</label>
      <input
        id="report-website"
        name="website"
        type="text"
        tabIndex={-1}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data-testid="honeypot"
      />
    </div>
  );
}
