// `npm run durability`: counts, with strace, the fsync calls and WAL writes embedded PGlite makes per committed write, and reads the kernel's writeback window.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client';

const COMMITS = 100;

/** The child: commits COMMITS single-row inserts through the trainer's own client, marked on stderr. */
async function probe(dir: string) {
  const handle = await openDatabase({ driver: 'pglite', dir });
  await handle.db.execute(sql`create table if not exists durability_probe (id serial primary key, at timestamptz default now())`);
  process.stderr.write('MARK-START\n');
  for (let i = 0; i < COMMITS; i++) await handle.db.execute(sql`insert into durability_probe default values`);
  process.stderr.write('MARK-END\n');
  await handle.close();
  process.stderr.write('MARK-CLOSED\n');
}

function sysctl(name: string): number | undefined {
  try {
    return Number(fs.readFileSync(`/proc/sys/vm/${name}`, 'utf8').trim());
  } catch {
    return undefined;
  }
}

function main() {
  const which = spawnSync('strace', ['-V']);
  if (which.error) {
    console.error('✖ strace is not installed. On Debian or Ubuntu: apt-get install -y strace');
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trainer-durability-'));
  const trace = path.join(dir, 'trace.txt');
  const run = spawnSync(
    'strace',
    ['-f', '-y', '-o', trace, '-e', 'trace=write,pwrite64,fsync,fdatasync,sync_file_range,syncfs', process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), 'probe', path.join(dir, 'db')],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (run.status !== 0) {
    console.error(`✖ the probe failed (exit ${run.status})`);
    process.exit(1);
  }
  const lines = fs.readFileSync(trace, 'utf8').split('\n');
  const at = (mark: string) => lines.findIndex((l) => l.includes(mark));
  const [start, end, closed] = [at('MARK-START'), at('MARK-END'), at('MARK-CLOSED')];
  const during = lines.slice(start, end);
  const onClose = lines.slice(end, closed);
  const syncs = (ls: string[]) => ls.filter((l) => /\b(fsync|fdatasync|sync_file_range|syncfs)\(/.test(l)).length;
  const walWrites = during.filter((l) => /pwrite64\(\d+<[^>]*pg_wal\//.test(l)).length;
  const expire = sysctl('dirty_expire_centisecs');
  const writeback = sysctl('dirty_writeback_centisecs');
  console.log(`Embedded PGlite, ${COMMITS} committed single-row writes through the trainer's client:`);
  console.log(`  fsync-family calls while writing:  ${syncs(during)} (${(syncs(during) / COMMITS).toFixed(2)} per commit)`);
  console.log(`  WAL writes handed to the kernel:   ${walWrites} (${(walWrites / COMMITS).toFixed(2)} per commit)`);
  console.log(`  fsync-family calls on close:       ${syncs(onClose)}`);
  if (expire !== undefined && writeback !== undefined) {
    console.log(
      `  kernel writeback: dirty pages are written after ${expire / 100} s, checked every ${writeback / 100} s, ` +
        `so up to about ${(expire + writeback) / 100} s of acknowledged writes can be lost to a power cut or OS crash.`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === 'probe') {
  void probe(process.argv[3]!);
} else {
  main();
}
