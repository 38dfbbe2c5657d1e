import { Monitor, Moon, Sun } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Menu, MenuContent, MenuRadioGroup, MenuRadioItem, MenuTrigger } from '../components/Menu.tsx';
import { parseThemePreference, themePreferences, useTheme } from '../lib/theme.ts';

const icons = { light: Sun, dark: Moon, system: Monitor } as const;

export function ThemeMenu() {
  const { t } = useTranslation();
  const [preference, setPreference] = useTheme();
  const Current = icons[preference];
  return (
    <Menu>
      <MenuTrigger className="btn-icon size-8" aria-label={t('theme.menu')} title={t('theme.menu')}>
        <Current aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent>
        <MenuRadioGroup value={preference} onValueChange={(value) => setPreference(parseThemePreference(value))}>
          {themePreferences.map((option) => {
            const Icon = icons[option];
            return (
              <MenuRadioItem key={option} value={option}>
                <Icon aria-hidden className="size-4 text-slate-500 dark:text-slate-400" />
                {t(`theme.${option}`)}
              </MenuRadioItem>
            );
          })}
        </MenuRadioGroup>
      </MenuContent>
    </Menu>
  );
}
