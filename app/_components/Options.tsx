// The <option>s of a select or datalist, from value and label pairs: one way to write every picker's list.
import type { ReactNode } from 'react';

export function Options({ items }: { items: readonly { value: string; label: ReactNode }[] }) {
  return items.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}
