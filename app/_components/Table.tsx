// Every table on the trainer's pages: named, in its own sideways-scrolling region, with link-sorted headers where a page sorts, and a sentence instead of an empty table.
import Link from 'next/link';
import type { ReactNode } from 'react';

export type SortDirection = 'asc' | 'desc';

export interface Column<T = never> {
  label: ReactNode;
  /** The cell of this column in each row. Its data-label, which names the cell when a phone stacks the row, is the label. */
  cell?: (item: T) => ReactNode;
  /** Heard but not shown: a column of links or buttons whose cells say what they do. */
  hidden?: boolean;
  /** The full name, on hover, of a shortened label. */
  title?: string;
  /** The header is a link that sorts by this column; `active` marks the column the rows are sorted by now. */
  sort?: { href: string; active?: SortDirection };
}

/** A table is named by its caption (heard, not shown), or by a heading already on the page. */
type Name = { caption: string; labelledBy?: undefined } | { labelledBy: string; caption?: undefined };

/**
 * Rows are drawn from the columns' cells, keyed by rowKey; or, where a row is more than its cells
 * (a client component with its own state), by row, which renders the whole <tr>.
 */
type Rows<T> =
  | { columns: readonly Column<T>[]; rowKey: (item: T) => string; row?: undefined }
  | { columns: readonly (string | Column)[]; row: (item: T, index: number) => ReactNode; rowKey?: undefined };

type Props<T> = Name & Rows<T> & {
  rows: readonly T[];
  /** Said instead of the table when there are no rows. */
  empty: ReactNode;
  /** Rows after the body, such as a total. */
  foot?: ReactNode;
  /**
   * On phones: 'stack' turns each row into a card, its cells labelled by their data-label (for
   * tables of few columns with long text); 'scroll' keeps the grid and pins the first column
   * while the rest scrolls past it.
   */
  phone?: 'stack' | 'scroll';
  /** Only screen readers get it: the table behind a chart, which is drawn for everyone else. */
  screenReaderOnly?: boolean;
  className?: string;
  /** Classes for the scroll region. */
  wrapClassName?: string;
};

const sortWords: Record<SortDirection, 'ascending' | 'descending'> = { asc: 'ascending', desc: 'descending' };

function Header({ column }: { column: string | Column<never> }) {
  const c = typeof column === 'string' ? { label: column } : column;
  const label = c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label;
  if (!c.sort) {
    return (
      <th scope="col" title={c.title}>
        {label}
      </th>
    );
  }
  const { href, active } = c.sort;
  return (
    <th scope="col" aria-sort={active ? sortWords[active] : undefined} title={c.title}>
      <Link href={href} className="sort-link">
        {label}
        <span aria-hidden="true">{active ? (active === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        {active && <span className="visually-hidden">, sorted {sortWords[active]}</span>}
      </Link>
    </th>
  );
}

/** What a stacked cell is called: its label where that is words, nothing for a hidden column of buttons. */
function dataLabel(c: Column<never>): string | undefined {
  return !c.hidden && typeof c.label === 'string' ? c.label : undefined;
}

export function Table<T>({ caption, labelledBy, columns, rows, row, rowKey, empty, foot, phone = 'stack', screenReaderOnly = false, className, wrapClassName }: Props<T>) {
  if (rows.length === 0) return <p className={screenReaderOnly ? 'visually-hidden' : 'table-empty'}>{empty}</p>;
  const classes = [phone === 'stack' && !screenReaderOnly ? 'stack-table' : '', className ?? ''].filter(Boolean).join(' ') || undefined;
  const table = (
    <table className={classes} aria-labelledby={labelledBy}>
      {caption !== undefined && <caption className={screenReaderOnly ? undefined : 'visually-hidden'}>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <Header key={i} column={c} />
          ))}
        </tr>
      </thead>
      <tbody>
        {row
          ? rows.map(row)
          : rows.map((item) => (
              <tr key={rowKey(item)}>
                {(columns as readonly Column<T>[]).map((c, i) => (
                  <td key={i} data-label={dataLabel(c as Column<never>)}>
                    {c.cell?.(item)}
                  </td>
                ))}
              </tr>
            ))}
      </tbody>
      {foot && <tfoot>{foot}</tfoot>}
    </table>
  );
  // Hidden from sight, it must not be a stop for the keyboard either.
  if (screenReaderOnly) return <div className="visually-hidden">{table}</div>;
  // A named, focusable region, so keyboard users can scroll a table wider than the screen.
  return (
    <div
      className={['table-wrap', phone === 'scroll' ? 'table-pin' : '', wrapClassName ?? ''].filter(Boolean).join(' ')}
      role="region"
      aria-label={caption}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {table}
    </div>
  );
}
