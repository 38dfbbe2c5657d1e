import { Component, createContext, lazy, Suspense, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../components/toast/toastStore.ts';
import { isPaletteShortcut, isPlainKey } from '../../components/keys.ts';

// The palette and the shortcut help are fetched the first time they are asked for: the first page
// carries only this listener and the header's button.
const loadPalette = () => import('./CommandPalette.tsx');
const CommandPalette = lazy(() => loadPalette().then((m) => ({ default: m.CommandPalette })));

/** Once the page is idle the palette is fetched ahead, so the first Ctrl-K opens it at once. */
function prefetchWhenIdle(): () => void {
  const prefetch = () => void loadPalette().catch(() => undefined);
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(prefetch, { timeout: 5_000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(prefetch, 2_000);
  return () => window.clearTimeout(timer);
}
const ShortcutsHelp = lazy(() => import('./ShortcutsHelp.tsx').then((m) => ({ default: m.ShortcutsHelp })));

interface PaletteControls {
  openPalette: () => void;
  openHelp: () => void;
}

const PaletteContext = createContext<PaletteControls>({ openPalette: () => undefined, openHelp: () => undefined });

export function usePalette(): PaletteControls {
  return useContext(PaletteContext);
}

/** A chunk that cannot be fetched (the console was updated, the network dropped) is said, not fatal. */
class LoadGuard extends Component<{ children: ReactNode; message: string; onFail: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    showToast({ tone: 'error', title: this.props.message });
    this.props.onFail();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/** Ctrl/Cmd-K opens the command palette and `?` the keyboard help, from any screen. */
export function PaletteProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  // Mounted once opened, so closing keeps the chunk and the last state without fetching again.
  const [loaded, setLoaded] = useState({ palette: false, help: false });

  const controls = useMemo<PaletteControls>(
    () => ({
      openPalette: () => {
        setLoaded((l) => ({ ...l, palette: true }));
        setHelp(false);
        setPalette(true);
      },
      openHelp: () => {
        setLoaded((l) => ({ ...l, help: true }));
        setPalette(false);
        setHelp(true);
      },
    }),
    [],
  );

  useEffect(prefetchWhenIdle, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isPaletteShortcut(event)) {
        // Over another dialog the palette would fight it for the focus: that dialog comes first.
        if (!palette && document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
        event.preventDefault();
        if (palette) setPalette(false);
        else controls.openPalette();
        return;
      }
      // `?` inside another dialog belongs to that dialog.
      if (isPlainKey(event, '?') && !document.querySelector('[role="dialog"], [role="alertdialog"]')) {
        event.preventDefault();
        controls.openHelp();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [controls, palette]);

  return (
    <PaletteContext value={controls}>
      {children}
      {loaded.palette && (
        <LoadGuard message={t('commandPalette.loadFailed')} onFail={() => setPalette(false)}>
          <Suspense fallback={null}>
            <CommandPalette open={palette} onOpenChange={setPalette} onShowHelp={controls.openHelp} />
          </Suspense>
        </LoadGuard>
      )}
      {loaded.help && (
        <LoadGuard message={t('commandPalette.loadFailed')} onFail={() => setHelp(false)}>
          <Suspense fallback={null}>
            <ShortcutsHelp open={help} onOpenChange={setHelp} />
          </Suspense>
        </LoadGuard>
      )}
    </PaletteContext>
  );
}
