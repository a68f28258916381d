import { describe, expect, it } from 'vitest';
import { checkUsersCsv, ImportFileError, MAX_IMPORT_ROWS } from './users-csv';

const reasons = (csv: string) => checkUsersCsv(csv).rejected.map((r) => [r.row, r.reason]);

describe('checkUsersCsv', () => {
  it('reads the columns in any order and case, defaults the role to learner, and trims cells', () => {
    const { candidates, rejected } = checkUsersCsv('\ufeffName, EMAIL ,Team,Role\r\n Ana Ruiz , Ana@Example.com ,Harbour,\r\nBo Li,bo@example.com,,MANAGER\r\n');
    expect(rejected).toEqual([]);
    expect(candidates).toEqual([
      { row: 2, email: 'ana@example.com', name: 'Ana Ruiz', role: 'learner', team: 'Harbour' },
      { row: 3, email: 'bo@example.com', name: 'Bo Li', role: 'manager', team: null },
    ]);
  });

  it('needs only email and name', () => {
    expect(checkUsersCsv('email,name\nana@example.com,Ana\n').candidates).toEqual([
      { row: 2, email: 'ana@example.com', name: 'Ana', role: 'learner', team: null },
    ]);
  });

  it('rejects bad rows with their spreadsheet row number and a reason, and keeps the good ones', () => {
    const csv = [
      'email,name,role,team',
      'good@example.com,Good One,learner,',
      'not-an-email,Bad Email,,',
      ',No Email,,',
      'noname@example.com,,,',
      'boss@example.com,Boss,owner,',
      'GOOD@example.com,Good Again,,',
      'short@example.com,Short',
      '',
      'late@example.com,"Late, Comma",admin,Ops',
    ].join('\n');
    const { candidates, rejected } = checkUsersCsv(csv);
    expect(candidates.map((c) => [c.row, c.email])).toEqual([
      [2, 'good@example.com'],
      [10, 'late@example.com'],
    ]);
    expect(rejected.map((r) => [r.row, r.email, r.reason])).toEqual([
      [3, 'not-an-email', '"not-an-email" is not an email address.'],
      [4, '', 'No email.'],
      [5, 'noname@example.com', 'No name.'],
      [6, 'boss@example.com', 'Unknown role "owner": use learner, manager, author or admin (empty means learner).'],
      [7, 'GOOD@example.com', 'The same email as row 2; only the first is used.'],
      [8, 'short@example.com', 'Has 2 cells but the header has 4; check for a missing or extra comma.'],
    ]);
    expect(rejected.every((r) => r.outcome === 'rejected')).toBe(true);
  });

  it('counts rows from where a quoted cell with line breaks starts', () => {
    const { candidates } = checkUsersCsv('email,name\na@example.com,"Ana\nRuiz"\nb@example.com,Bo\n');
    expect(candidates.map((c) => c.row)).toEqual([2, 4]);
  });

  it('rejects overlong names and team names', () => {
    expect(reasons(`email,name,team\na@example.com,${'n'.repeat(201)},\nb@example.com,Bo,${'t'.repeat(101)}\n`)).toEqual([
      [2, 'The name is longer than 200 characters.'],
      [3, 'The team name is longer than 100 characters.'],
    ]);
  });

  it.each([
    ['', /empty/],
    ['email,name\n', /header but no people/],
    ['email,role\na@example.com,learner\n', /no "name" column/],
    ['name\nAna\n', /no "email" column/],
    ['email,name,phone\na@example.com,Ana,123\n', /Unknown column "phone"\. The columns are: email, name, role, team/],
    ['email,name,email\na@example.com,Ana,b@example.com\n', /"email" appears twice/],
    ['email;name;role\na@example.com;Ana;learner\n', /not comma-separated/],
    ['email,name\n"a@example.com,Ana\n', /not valid CSV: .*opening quote at line 2\./],
  ])('refuses the whole file when it cannot be read as people: %j', (csv, message) => {
    expect(() => checkUsersCsv(csv)).toThrow(ImportFileError);
    expect(() => checkUsersCsv(csv)).toThrow(message);
  });

  it('refuses a file with too many rows, saying how many it has and the limit', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `p${i}@example.com,P ${i}`);
    expect(() => checkUsersCsv(`email,name\n${rows.join('\n')}`)).toThrow('The file has 2,001 people; one import takes at most 2,000. Split it into smaller files.');
    expect(checkUsersCsv(`email,name\n${rows.slice(1).join('\n')}`).candidates).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('refuses a file over the size limit', () => {
    expect(() => checkUsersCsv(`email,name\n${'x'.repeat(1024 * 1024)}`)).toThrow(/larger than 1024 KB/);
  });

  it('answers whole-file problems with a 400', () => {
    try {
      checkUsersCsv('');
    } catch (e) {
      expect((e as ImportFileError).status).toBe(400);
    }
  });
});
