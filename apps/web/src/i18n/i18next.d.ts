import type core from './locales/en.json';
import type components from '../components/locales/en.json';
import type tasks from '../features/tasks/locales/en.json';
import type settings from '../features/settings/locales/en.json';
import type disks from '../features/disks/locales/en.json';
import type home from '../features/home/locales/en.json';
import type palette from '../app/palette/locales/en.json';
import type emulator from '../features/emulator/locales/en.json';
import type calls from '../features/calls/locales/en.json';
import type servers from '../features/servers/locales/en.json';
import type vaults from '../features/vaults/locales/en.json';

// Keys passed to t() are checked against the English catalogues at compile time: the core one and
// those the lazily loaded screens add (see catalogue.ts). The i18n tests check that a file using a
// screen's key imports that screen's catalogue.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof core & typeof components & typeof tasks & typeof settings & typeof disks & typeof home & typeof palette & typeof emulator & typeof calls & typeof servers & typeof vaults };
  }
}
