import { useSyncExternalStore } from 'react';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastMessage {
  id: number;
  tone: ToastTone;
  title: string;
  description?: string | undefined;
  /** Where to read more (a task's page); shown as a link in the toast. */
  link?: { to: string; label: string } | undefined;
}

// A module-level store rather than React state: toasts are raised from outside components (the
// live event stream), and the renderer that shows them is loaded only once there is one to show.

let toasts: readonly ToastMessage[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
/** Older toasts give way: a burst of finishing tasks must not cover the page. */
const maxToasts = 4;

function emit(): void {
  for (const listener of listeners) listener();
}

export function showToast(message: Omit<ToastMessage, 'id'>): number {
  const id = nextId++;
  toasts = [...toasts, { ...message, id }].slice(-maxToasts);
  emit();
  return id;
}

export function dismissToast(id: number): void {
  const remaining = toasts.filter((toast) => toast.id !== id);
  if (remaining.length === toasts.length) return;
  toasts = remaining;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => toasts;

export function useToasts(): readonly ToastMessage[] {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
