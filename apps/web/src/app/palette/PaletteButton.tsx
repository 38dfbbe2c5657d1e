import { Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { modifierLabel } from '../../components/keys.ts';
import { usePalette } from './PaletteProvider.tsx';

const modifier = modifierLabel(typeof navigator === 'undefined' ? '' : navigator.platform);

/** The header's way into the palette, for pointer users and as a reminder of its shortcut. */
export function PaletteButton() {
  const { t } = useTranslation();
  const { openPalette } = usePalette();
  return (
    <button
      type="button"
      className="flex h-8 shrink-0 items-center gap-2 rounded-md border border-slate-200 px-2 text-xs whitespace-nowrap text-slate-600 hover:bg-slate-50 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      aria-label={t('commandPalette.open')}
      aria-keyshortcuts="Control+K Meta+K"
      title={t('commandPalette.open')}
      onClick={openPalette}
    >
      <Search aria-hidden className="size-4" />
      {/* Below laptop widths the header keeps the icon and the shortcut; the name stays in aria-label and title. */}
      <span className="hidden xl:inline">{t('commandPalette.open')}</span>
      <kbd aria-hidden className="hidden rounded border border-slate-300 px-1 font-mono text-[10px] sm:inline dark:border-slate-600">
        {`${modifier} K`}
      </kbd>
    </button>
  );
}
