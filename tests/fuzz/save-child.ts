/**
 * The process the save fuzz kills: saves two versions of an edition over
 * one file, one after the other, for as long as it lives — with the real
 * writeFolio (atomic save with a backup). Before each save it prints
 * `start <n> <A|B>` and after it `done <n>`, with synchronous writes, so
 * whoever kills it knows which save was under way.
 *
 *   node save-child.mjs <target.folio> <A.folio> <B.folio>
 */
import { writeSync } from 'node:fs';
import { readFolio, writeFolio } from '../../main/storage';

const [target, fileA, fileB] = process.argv.slice(2);
const versions = { A: await readFolio(fileA), B: await readFolio(fileB) };
const say = (line: string) => writeSync(1, `${line}\n`);

say('ready');
for (let n = 1; ; n++) {
  const name = n % 2 ? 'B' : 'A';
  say(`start ${n} ${name}`);
  await writeFolio(target, versions[name].edition, versions[name].assets);
  say(`done ${n}`);
}
