import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { changeListState, parseListState, writeListState, type ListChange, type ListState, type ListStateShape } from './urlState.ts';

interface CursorTrailState {
  /** Cursors of the newer pages visited, so "Newer" can step back; '' stands for the first page. */
  cursorTrail?: string[];
}

export interface ListStateControls {
  state: ListState;
  update: (change: ListChange) => void;
  /** Cursor paging: open the next (older) page. */
  older: (nextCursor: string) => void;
  /** Cursor paging: back to the page before, or the first page when the trail is unknown. */
  newer: () => void;
  canGoNewer: boolean;
  /** The pages before are unknown (the page was opened from a link): "Newer" goes to the first. */
  newerIsFirst: boolean;
}

function trailOf(state: unknown): string[] {
  const trail = (state as CursorTrailState | null)?.cursorTrail;
  return Array.isArray(trail) ? trail.filter((cursor) => typeof cursor === 'string') : [];
}

/**
 * A list's state, read from and written to the URL. Page moves add history entries (Back goes to
 * the previous page); typing a search or changing a filter replaces the entry instead, so Back
 * does not replay every keystroke.
 */
export function useListState(shape: ListStateShape): ListStateControls {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const state = useMemo(() => parseListState(params, shape), [params, shape]);
  const trail = trailOf(location.state);

  const go = useCallback(
    (next: ListState, options: { push: boolean; trail?: string[] }) => {
      const search = writeListState(next, shape, params).toString();
      void navigate(
        { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
        { replace: !options.push, state: options.trail ? { cursorTrail: options.trail } : null },
      );
    },
    [navigate, location.pathname, location.hash, params, shape],
  );

  const update = useCallback(
    (change: ListChange) => {
      const push = 'page' in change && Object.keys(change).length === 1;
      go(changeListState(state, change), { push });
    },
    [go, state],
  );

  const older = useCallback(
    (nextCursor: string) => go(changeListState(state, { cursor: nextCursor }), { push: true, trail: [...trail, state.cursor ?? ''] }),
    [go, state, trail],
  );

  const newer = useCallback(() => {
    const previous = trail.at(-1);
    go(changeListState(state, { cursor: previous ? previous : undefined }), { push: true, trail: trail.slice(0, -1) });
  }, [go, state, trail]);

  return { state, update, older, newer, canGoNewer: state.cursor !== undefined, newerIsFirst: state.cursor !== undefined && trail.length === 0 };
}
