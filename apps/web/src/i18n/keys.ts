import type { ParseKeys } from 'i18next';

/**
 * A key of the English catalogue. Configuration objects (list columns, filters, refusal reasons)
 * carry keys instead of words, so they are checked by the compiler and translated at render time,
 * in whatever language is current then.
 */
export type TranslationKey = ParseKeys;
