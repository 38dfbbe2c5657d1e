import { addCatalogue } from '../../i18n/catalogue.ts';
import en from './locales/en.json';
import zh from './locales/zh.json';

addCatalogue({ en, zh });
