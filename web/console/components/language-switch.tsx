import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../../lib/i18n.js';

/** 中文 | English toggle; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('lang.label')}
      value={currentLanguage()}
      options={LANGUAGES.map((lng) => ({ value: lng, label: <span lang={lng}>{t(`lang.${lng}`)}</span> }))}
      onChange={(lng) => { void changeLanguage(lng); }}
    />
  );
}
