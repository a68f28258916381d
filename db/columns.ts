// A table's columns by name: all but the ones a query must not return (so an export lists each table's columns once: in the schema), or just a few.
import { getTableColumns, type Table } from 'drizzle-orm';

export function columnsExcept<T extends Table, K extends keyof T['_']['columns']>(table: T, ...omit: K[]): Omit<T['_']['columns'], K> {
  const columns = { ...getTableColumns(table) };
  for (const name of omit) delete columns[name];
  return columns;
}

/** Just the named columns of a table, under their schema names, for a select that wants a few. */
export function columnsOf<T extends Table, K extends keyof T['_']['columns']>(table: T, ...pick: K[]): Pick<T['_']['columns'], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(pick.map((name) => [name, all[name as string]])) as Pick<T['_']['columns'], K>;
}
