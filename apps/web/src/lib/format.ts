/** Project ids are 32 hex characters: the head is enough to tell projects apart at a glance. */
export function shortenId(id: string, keep = 8): string {
  return id.length > keep + 1 ? `${id.slice(0, keep)}…` : id;
}
