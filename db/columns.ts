// A table's columns less the ones a query must not return, so an export lists each table's columns once: in the schema.
import { getTableColumns, type Table } from 'drizzle-orm';

export function columnsExcept<T extends Table, K extends keyof T['_']['columns']>(table: T, ...omit: K[]): Omit<T['_']['columns'], K> {
  const columns = { ...getTableColumns(table) };
  for (const name of omit) delete columns[name];
  return columns;
}
