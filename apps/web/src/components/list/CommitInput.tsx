import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref } from 'react';

interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'ref'> {
  value: string;
  onCommit: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

const idleMs = 400;

/**
 * A text box whose value reaches the URL (and the server) once the typing pauses, or at once on
 * Enter or leaving the field; Escape clears it. The box keeps the typed text meanwhile, and
 * follows the URL when that changes from elsewhere (Back, a link).
 */
export function CommitInput({ value, onCommit, ref, onKeyDown, onBlur, ...inputProps }: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  const timer = useRef<number | undefined>(undefined);

  if (value !== shown) {
    setShown(value);
    setDraft(value);
  }

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (next: string) => {
    window.clearTimeout(timer.current);
    if (next.trim() !== value) onCommit(next.trim());
  };

  return (
    <input
      ref={ref}
      value={draft}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => commit(next), idleMs);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(draft);
        if (event.key === 'Escape' && draft) {
          event.preventDefault();
          setDraft('');
          commit('');
        }
        onKeyDown?.(event);
      }}
      onBlur={(event) => {
        commit(draft);
        onBlur?.(event);
      }}
      {...inputProps}
    />
  );
}
