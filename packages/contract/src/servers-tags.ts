import { z } from 'zod';

// Server tags, apart so that the create schema and the tag route share them without an import cycle.

/** 1D tags (6.15.2): at most 50, each "key=value" or "key" of at most 80 characters, no "," or "/". */
export const MAX_SERVER_TAGS = 50;
export const SERVER_TAG_MAX_CHARS = 80;

export const ServerTagsSchema = z.record(z.string(), z.string({ error: 'a tag value is text' })).superRefine((tags, ctx) => {
  const keys = Object.keys(tags);
  if (keys.length > MAX_SERVER_TAGS) ctx.addIssue({ code: 'custom', message: `a server has at most ${MAX_SERVER_TAGS} tags; remove ${keys.length - MAX_SERVER_TAGS}` });
  for (const key of keys) {
    const text = tags[key] ? `${key}=${tags[key]}` : key;
    if (!key || key.includes('=')) ctx.addIssue({ code: 'custom', path: [key], message: 'a tag key is not empty and has no "="' });
    else if (/[,/]/.test(text) || [...text].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) ctx.addIssue({ code: 'custom', path: [key], message: 'a tag has no ",", "/" or control characters' });
    else if ([...text].length > SERVER_TAG_MAX_CHARS) ctx.addIssue({ code: 'custom', path: [key], message: `"key=value" is at most ${SERVER_TAG_MAX_CHARS} characters` });
  }
});
export const SetServerTagsSchema = z.object({ tags: ServerTagsSchema });
export type SetServerTags = z.infer<typeof SetServerTagsSchema>;

/** The tag set as the cloud's 1D strings: `key=value`, or the bare key for an empty value. */
export const serverTagStrings = (tags: Readonly<Record<string, string>>): string[] => Object.entries(tags).map(([k, v]) => (v ? `${k}=${v}` : k));
