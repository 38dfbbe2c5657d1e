import { Languages } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Menu, MenuContent, MenuRadioGroup, MenuRadioItem, MenuTrigger } from '../components/Menu.tsx';
import { chooseLanguage } from '../i18n/index.ts';
import { htmlLang, isLanguage, languageNames, languages } from '../i18n/language.ts';

export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  return (
    <Menu>
      <MenuTrigger className="btn-icon size-8" aria-label={t('language.menu')} title={t('language.menu')}>
        <Languages aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent>
        <MenuRadioGroup
          value={i18n.resolvedLanguage ?? 'en'}
          onValueChange={(value) => {
            if (isLanguage(value)) void chooseLanguage(value);
          }}
        >
          {languages.map((language) => (
            <MenuRadioItem key={language} value={language}>
              <span lang={htmlLang[language]}>{languageNames[language]}</span>
            </MenuRadioItem>
          ))}
        </MenuRadioGroup>
      </MenuContent>
    </Menu>
  );
}
