// Reads a users CSV (email, name, role, team) into checked rows, without touching the database.
import { parse } from 'csv-parse/sync';
import { roles, type Role } from '@/db/schema';
import { count } from '@/lib/format';
import { BadRequestError } from '@/lib/http';
import { isEmail, MAX_NAME_LENGTH, MAX_TEAM_NAME_LENGTH } from './validation';
import { normalizeEmail } from '@/lib/auth/users';

export const MAX_IMPORT_ROWS = 2000;
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const IMPORT_COLUMNS = ['email', 'name', 'role', 'team'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export type ImportOutcome = 'created' | 'skipped' | 'rejected';

/** One line of the report; `row` is the file's line number (the header is row 1), as a spreadsheet shows it. */
export interface ImportReportRow {
  row: number;
  email: string;
  outcome: ImportOutcome;
  reason: string;
}

/** A data row that passed every check that needs no database. */
export interface CandidateRow {
  row: number;
  email: string;
  name: string;
  role: Role;
  team: string | null;
}

export interface CheckedCsv {
  candidates: CandidateRow[];
  /** Rows refused on their own content; the others can still be imported. */
  rejected: ImportReportRow[];
}

/**
 * A problem with the file as a whole (unreadable, wrong header, too long): nothing is imported,
 * because guessing what a malformed file meant would put the wrong people in the wrong teams.
 */
export class ImportFileError extends BadRequestError {}

function normalizeHeader(cell: string): string {
  return cell.trim().toLowerCase();
}

function readHeader(header: string[]): Map<Column, number> {
  const cells = header.map(normalizeHeader);
  if (cells.length === 1 && /[;\t]/.test(cells[0] ?? '')) {
    throw new ImportFileError('The header is not comma-separated. Save the file as "CSV (comma delimited)" and try again.');
  }
  const unknown = cells.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    const shown = unknown.map((c) => (c ? `"${c}"` : '(an empty column name)')).join(', ');
    throw new ImportFileError(`Unknown column${unknown.length > 1 ? 's' : ''} ${shown}. The columns are: ${IMPORT_COLUMNS.join(', ')} (role and team may be left out).`);
  }
  const index = new Map<Column, number>();
  cells.forEach((c, i) => {
    if (index.has(c as Column)) throw new ImportFileError(`The column "${c}" appears twice in the header.`);
    index.set(c as Column, i);
  });
  for (const required of ['email', 'name'] as const) {
    if (!index.has(required)) {
      throw new ImportFileError(`The header has no "${required}" column. The first row must name the columns: ${IMPORT_COLUMNS.join(', ')}.`);
    }
  }
  return index;
}

function parseRecords(csv: string): { record: string[]; row: number }[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(csv, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // Rows with too few or too many cells are reported one by one instead of failing the file.
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const message = (e as Error).message.replace(/^[^:]*:\s*/, '');
    throw new ImportFileError(`The file is not valid CSV: ${message}.`.replace(/\.\.$/, '.'));
  }
  // csv-parse counts lines up to a record's end; a quoted cell with line breaks started earlier.
  return parsed.map(({ record, info }) => ({
    record,
    row: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
  }));
}

/** Parses and checks the file; throws ImportFileError when the file as a whole cannot be used. */
export function checkUsersCsv(csv: string): CheckedCsv {
  if (Buffer.byteLength(csv) > MAX_IMPORT_BYTES) {
    throw new ImportFileError(`The file is larger than ${MAX_IMPORT_BYTES / 1024} KB. Split it into smaller files.`);
  }
  const records = parseRecords(csv);
  const [header, ...rows] = records;
  if (!header) throw new ImportFileError('The file is empty. The first row must name the columns: email, name, role, team.');
  const columns = readHeader(header.record);
  if (rows.length === 0) throw new ImportFileError('The file has a header but no people.');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(
      `The file has ${count(rows.length)} people; one import takes at most ${count(MAX_IMPORT_ROWS)}. Split it into smaller files.`,
    );
  }

  const candidates: CandidateRow[] = [];
  const rejected: ImportReportRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { record, row } of rows) {
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? '' : (record[i] ?? '');
    };
    const rawEmail = cell('email');
    const email = normalizeEmail(rawEmail);
    const reject = (reason: string) => rejected.push({ row, email: rawEmail, outcome: 'rejected', reason });

    if (record.length !== header.record.length) {
      reject(`Has ${record.length} cell${record.length === 1 ? '' : 's'} but the header has ${header.record.length}; check for a missing or extra comma.`);
      continue;
    }
    if (!email) {
      reject('No email.');
      continue;
    }
    if (!isEmail(email)) {
      reject(`"${rawEmail}" is not an email address.`);
      continue;
    }
    const name = cell('name');
    if (!name) {
      reject('No name.');
      continue;
    }
    if (name.length > MAX_NAME_LENGTH) {
      reject(`The name is longer than ${MAX_NAME_LENGTH} characters.`);
      continue;
    }
    const roleCell = cell('role').toLowerCase();
    const role = roleCell === '' ? 'learner' : roles.find((r) => r === roleCell);
    if (!role) {
      reject(`Unknown role "${cell('role')}": use learner, manager, author or admin (empty means learner).`);
      continue;
    }
    const team = cell('team') || null;
    if (team && team.length > MAX_TEAM_NAME_LENGTH) {
      reject(`The team name is longer than ${MAX_TEAM_NAME_LENGTH} characters.`);
      continue;
    }
    const first = firstRowOf.get(email);
    if (first !== undefined) {
      reject(`The same email as row ${first}; only the first is used.`);
      continue;
    }
    firstRowOf.set(email, row);
    candidates.push({ row, email, name, role, team });
  }
  return { candidates, rejected };
}
