import { createContext, useContext, useEffect, useRef, useState, type RefObject, type ButtonHTMLAttributes, type ComponentProps, type KeyboardEvent, type ReactNode } from 'react';
import type * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';

// Thin styling layer over Radix's dropdown menu, which brings the keyboard handling (arrows,
// typeahead, Escape, focus return) and the ARIA menu roles.
//
// Radix's menu and its positioning engine are a tenth of the first page's JavaScript, yet no
// menu is open when a page first shows. So every menu starts as a plain button with the same
// look and ARIA: hovering or focusing it fetches Radix, and activating it opens the real menu
// as soon as Radix is there. Menus that render after that are Radix from the start.

type Radix = typeof DropdownMenu;
let radix: Radix | undefined;
let loading: Promise<Radix> | undefined;
const waiting = new Set<() => void>();

function loadRadix(): Promise<Radix> {
  loading ??= import('@radix-ui/react-dropdown-menu').then((module) => {
    radix = module;
    for (const wake of waiting) wake();
    waiting.clear();
    return module;
  });
  return loading;
}

/** Radix once loaded; while `waiting`, re-renders the caller when it arrives. */
function useRadix(wanted: boolean): Radix | undefined {
  const [, setLoaded] = useState(radix !== undefined);
  useEffect(() => {
    if (!wanted || radix) return;
    const wake = () => setLoaded(true);
    waiting.add(wake);
    return () => {
      waiting.delete(wake);
    };
  }, [wanted]);
  return radix;
}

interface MenuStateValue {
  radix?: Radix;
  request: (byKeyboard: boolean) => void;
  /** Opened from the keyboard before Radix was there: Radix did not see the key, so focus is moved here. */
  focusFirstItemRef?: RefObject<boolean>;
}

const MenuState = createContext<MenuStateValue>({ request: () => {} });

type MenuProps = ComponentProps<Radix['Root']>;

/**
 * Not modal by default: a modal menu hides the rest of the page from assistive technology while
 * leaving it focusable, which axe reports as a serious violation (aria-hidden-focus).
 */
export function Menu({ children, open, defaultOpen, onOpenChange, modal = false, ...props }: MenuProps) {
  // A menu stays a plain button until it is used, even once Radix has arrived for another one:
  // swapping the element under a focused button would drop the keyboard user's focus.
  const [active, setActive] = useState(radix !== undefined);
  const [openOnLoad, setOpenOnLoad] = useState(false);
  const focusFirstItemRef = useRef(false);
  const loaded = useRadix(active);
  if (active && loaded) {
    const Root = loaded.Root;
    return (
      <Root {...props} modal={modal} {...(open === undefined ? { defaultOpen: defaultOpen ?? openOnLoad } : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
        <MenuState value={{ radix: loaded, request: () => {}, focusFirstItemRef }}>{children}</MenuState>
      </Root>
    );
  }
  const request = (byKeyboard: boolean) => {
    focusFirstItemRef.current = byKeyboard;
    // A controlled menu opens through its owner; an uncontrolled one opens once Radix renders it.
    if (onOpenChange) onOpenChange(true);
    else setOpenOnLoad(true);
    setActive(true);
    void loadRadix();
  };
  return <MenuState value={{ request }}>{children}</MenuState>;
}

type TriggerProps = ComponentProps<Radix['Trigger']>;

export function MenuTrigger({ asChild: _asChild, ...props }: TriggerProps) {
  const { radix: loaded, request } = useContext(MenuState);
  if (loaded) {
    const Trigger = loaded.Trigger;
    return <Trigger {...props} />;
  }
  const button = props as ButtonHTMLAttributes<HTMLButtonElement>;
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      {...button}
      onPointerEnter={() => void loadRadix()}
      onFocus={() => void loadRadix()}
      // A click with no pointer behind it (detail 0) is Enter or Space.
      onClick={(event) => request(event.detail === 0)}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        // Radix opens on ArrowDown as well as Enter and Space (which arrive as a click).
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          request(true);
        }
      }}
    />
  );
}

const itemClass =
  'relative flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm outline-none ' +
  'text-slate-700 data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900 ' +
  'dark:text-slate-200 dark:data-[highlighted]:bg-slate-800 dark:data-[highlighted]:text-white ' +
  'data-[disabled]:opacity-50';

/** The parts below render only inside an open menu, so Radix is always there when they do. */
const R = (): Radix => radix!;

export function MenuContent({ children, className = '', ...props }: ComponentProps<Radix['Content']>) {
  const { radix: loaded, focusFirstItemRef } = useContext(MenuState);
  if (!loaded) return null;
  const { Portal, Content } = loaded;
  return (
    <Portal>
      <Content
        align="end"
        sideOffset={6}
        {...props}
        ref={(node) => {
          if (!node || !focusFirstItemRef?.current) return;
          focusFirstItemRef.current = false;
          // After Radix has focused the menu itself, as it does for a pointer.
          requestAnimationFrame(() => node.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')?.focus());
        }}
        className={`z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-44 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${className}`}
      >
        {children}
      </Content>
    </Portal>
  );
}

export function MenuItem({ children, ...props }: ComponentProps<Radix['Item']>) {
  const { Item } = R();
  return (
    <Item {...props} className={itemClass}>
      {children}
    </Item>
  );
}

export function MenuRadioGroup(props: ComponentProps<Radix['RadioGroup']>) {
  const { RadioGroup } = R();
  return <RadioGroup {...props} />;
}

export function MenuRadioItem({ children, ...props }: ComponentProps<Radix['RadioItem']>) {
  const { RadioItem, ItemIndicator } = R();
  return (
    <RadioItem {...props} className={`${itemClass} pr-8`}>
      {children}
      <ItemIndicator className="absolute right-2 inline-flex">
        <Check aria-hidden className="size-4 text-blue-600 dark:text-blue-400" />
      </ItemIndicator>
    </RadioItem>
  );
}

/** A toggle that leaves the menu open, for choosing several things in one go. */
export function MenuCheckboxItem({ children, ...props }: ComponentProps<Radix['CheckboxItem']>) {
  const { CheckboxItem, ItemIndicator } = R();
  return (
    <CheckboxItem onSelect={(event) => event.preventDefault()} {...props} className={`${itemClass} pl-8`}>
      <ItemIndicator className="absolute left-2 inline-flex">
        <Check aria-hidden className="size-4 text-blue-600 dark:text-blue-400" />
      </ItemIndicator>
      {children}
    </CheckboxItem>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  const { Label } = R();
  return <Label className="px-2 py-1.5 text-xs text-slate-500 dark:text-slate-400">{children}</Label>;
}

export function MenuSeparator() {
  const { Separator } = R();
  return <Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
}
