// Parts of a list configuration that most resource lists share word for word.

/** Rows keyed by their id and named by their name, or by the id while they have none. */
export const namedRows = {
  getId: (item: { id: string }) => item.id,
  itemLabel: (item: { id: string; name: string }) => item.name || item.id,
};

/** Numbered pages counted by the API, in the sizes the resource lists offer. */
export const offsetPages = { paging: 'offset', pageSizes: [20, 50, 100] } as const;
