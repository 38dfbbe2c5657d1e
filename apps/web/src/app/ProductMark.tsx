import { Database } from 'lucide-react';

/** The product's mark: decorative, the name next to it carries the meaning. */
export function ProductMark({ size = 'sm' }: { size?: 'sm' | 'lg' }) {
  const box = size === 'lg' ? 'size-10 rounded-lg' : 'size-6 rounded-md';
  const icon = size === 'lg' ? 'size-5' : 'size-3.5';
  return (
    <span aria-hidden className={`inline-flex items-center justify-center bg-blue-600 text-white ${box}`}>
      <Database className={icon} />
    </span>
  );
}
