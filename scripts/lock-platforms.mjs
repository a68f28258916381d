// Adds lock entries for optional platform packages (macOS, Windows, other CPUs) that the package mirror cannot serve,
// so `npm ci` accepts the lock everywhere. Run `npm run lock:platforms` after changing dependencies.
import fs from 'node:fs';
const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pkgs = lock.packages;
const cpus = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x'];
const oses = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony'];
let added = 0;
for (const [where, meta] of Object.entries(pkgs)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = where ? `${where}/node_modules/${name}` : `node_modules/${name}`;
    if (pkgs[base] || pkgs[`node_modules/${name}`]) continue;
    const tail = name.split('/').pop();
    const os = oses.find((o) => tail.includes(`-${o}-`) || tail.endsWith(`-${o}`));
    const cpu = cpus.find((c) => new RegExp(`-${c}(-|$)`).test(tail));
    if (!os || !cpu) { console.error(`cannot tell the platform of ${name}`); process.exitCode = 1; continue; }
    pkgs[`node_modules/${name}`] = { version: version.replace(/^[\^~]/, ''), cpu: [cpu], os: [os], optional: true };
    added++;
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} platform entries`);
