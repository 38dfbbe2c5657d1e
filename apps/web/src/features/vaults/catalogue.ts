import { addCatalogue } from '../../i18n/catalogue.ts';
import en from './locales/en.json';
import zh from './locales/zh.json';

// One catalogue for the data-protection screens: vaults, policies, backups and legacy VBS.
addCatalogue({ en, zh });
