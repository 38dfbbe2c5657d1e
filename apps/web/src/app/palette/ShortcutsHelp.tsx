import './catalogue.ts';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Dialog.tsx';
import type { TranslationKey } from '../../i18n/keys.ts';
import { modifierLabel } from '../../components/keys.ts';

const modifier = modifierLabel(typeof navigator === 'undefined' ? '' : navigator.platform);

/** Each shortcut: the keys (any one of the alternatives) and what it does. */
const sections: { title: TranslationKey; rows: { keys: string[][]; does: TranslationKey }[] }[] = [
  {
    title: 'shortcuts.global',
    rows: [
      { keys: [[modifier, 'K']], does: 'shortcuts.palette' },
      { keys: [['?']], does: 'shortcuts.help' },
      { keys: [['Esc']], does: 'shortcuts.close' },
    ],
  },
  {
    title: 'shortcuts.lists',
    rows: [
      { keys: [['/']], does: 'shortcuts.search' },
      { keys: [['j'], ['↓']], does: 'shortcuts.next' },
      { keys: [['k'], ['↑']], does: 'shortcuts.previous' },
      { keys: [['x']], does: 'shortcuts.select' },
      { keys: [['Enter']], does: 'shortcuts.open' },
    ],
  },
];

function Keys({ keys }: { keys: string[][] }) {
  const { t } = useTranslation();
  return (
    <span className="flex flex-wrap items-center gap-1">
      {keys.map((combo, index) => (
        <Fragment key={combo.join('+')}>
          {index > 0 && <span className="text-xs text-slate-500 dark:text-slate-400">{t('shortcuts.or')}</span>}
          <kbd className="inline-flex items-center gap-0.5">
            {combo.map((key) => (
              <kbd key={key} className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100">
                {key}
              </kbd>
            ))}
          </kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** The `?` overlay: every keyboard shortcut of the console, in one place. */
export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onOpenChange={onOpenChange} title={t('shortcuts.title')} description={t('shortcuts.description')}>
      <div className="space-y-4">
        {sections.map((section) => (
          <section key={section.title}>
            <h3 className="mb-1 text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-400">{t(section.title)}</h3>
            <dl className="divide-y divide-slate-100 dark:divide-slate-800">
              {section.rows.map((row) => (
                <div key={row.does} className="flex items-center justify-between gap-4 py-1.5 text-sm">
                  <dt className="text-slate-800 dark:text-slate-100">{t(row.does)}</dt>
                  <dd>
                    <Keys keys={row.keys} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
