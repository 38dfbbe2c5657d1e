import type { ComponentProps, ReactNode } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Check } from 'lucide-react';

// Thin styling layer over Radix's dropdown menu, which brings the keyboard handling (arrows,
// typeahead, Escape, focus return) and the ARIA menu roles.

export const Menu = DropdownMenu.Root;
export const MenuTrigger = DropdownMenu.Trigger;

const itemClass =
  'relative flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 text-sm outline-none ' +
  'text-slate-700 data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900 ' +
  'dark:text-slate-200 dark:data-[highlighted]:bg-slate-800 dark:data-[highlighted]:text-white ' +
  'data-[disabled]:opacity-50';

export function MenuContent({ children, className = '', ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align="end"
        sideOffset={6}
        {...props}
        className={`z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] min-w-44 overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${className}`}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

export function MenuItem({ children, ...props }: ComponentProps<typeof DropdownMenu.Item>) {
  return (
    <DropdownMenu.Item {...props} className={itemClass}>
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuRadioGroup(props: ComponentProps<typeof DropdownMenu.RadioGroup>) {
  return <DropdownMenu.RadioGroup {...props} />;
}

export function MenuRadioItem({ children, ...props }: ComponentProps<typeof DropdownMenu.RadioItem>) {
  return (
    <DropdownMenu.RadioItem {...props} className={`${itemClass} pr-8`}>
      {children}
      <DropdownMenu.ItemIndicator className="absolute right-2 inline-flex">
        <Check aria-hidden className="size-4 text-blue-600 dark:text-blue-400" />
      </DropdownMenu.ItemIndicator>
    </DropdownMenu.RadioItem>
  );
}

/** A toggle that leaves the menu open, for choosing several things in one go. */
export function MenuCheckboxItem({ children, ...props }: ComponentProps<typeof DropdownMenu.CheckboxItem>) {
  return (
    <DropdownMenu.CheckboxItem
      onSelect={(event) => event.preventDefault()}
      {...props}
      className={`${itemClass} pl-8`}
    >
      <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
        <Check aria-hidden className="size-4 text-blue-600 dark:text-blue-400" />
      </DropdownMenu.ItemIndicator>
      {children}
    </DropdownMenu.CheckboxItem>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return (
    <DropdownMenu.Label className="px-2 py-1.5 text-xs text-slate-500 dark:text-slate-400">{children}</DropdownMenu.Label>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
}
