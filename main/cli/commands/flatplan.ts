/** `folio flatplan <edition.folio> -o plan.pdf [--lang zh-Hans|en]` */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliCommand } from '../command';
import { UserError } from '../command';

const usage = `Usage: folio flatplan <edition.folio> -o <plan.pdf> [--lang zh-Hans|en]

Print the edition's flatplan (版面计划) as a one-page PDF (A3 landscape):
every page in spreads with its page number (A01 …), section, colour or mono
and status, the frames of its layout, the ads booked on it (hatched while
booked, solid once placed) and the stories planned for it with their budget
against their length as composed.

Options:
  -o, --output <file>  the PDF to write (required)
  --lang <language>    zh-Hans or en (default: the edition's language)`;

export const command: CliCommand = {
  name: 'flatplan',
  summary: "print the edition's flatplan as a one-page PDF",
  usage,
  async run(args, io) {
    let input: string | undefined;
    let output: string | undefined;
    let language: 'zh-Hans' | 'en' | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (arg === '-o' || arg === '--output') {
        output = args[++i];
        if (!output) throw new UserError(`${arg} needs a file name`);
      } else if (arg === '--lang') {
        const value = args[++i];
        if (value !== 'zh-Hans' && value !== 'en')
          throw new UserError(`--lang must be zh-Hans or en, not '${value ?? ''}'`);
        language = value;
      } else if (arg.startsWith('-')) throw new UserError(`unknown option ${arg}`);
      else if (input === undefined) input = arg;
      else throw new UserError(`unexpected argument '${arg}'`);
    }
    if (!input) throw new UserError('which edition? Usage: folio flatplan <edition.folio> -o <plan.pdf>');
    if (!output) throw new UserError('where to? Give the PDF to write with -o <plan.pdf>');
    const source = resolve(io.cwd, input);
    const target = resolve(io.cwd, output);
    if (target === source) throw new UserError(`-o ${output} is the edition itself; give another file name`);
    if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory())
      throw new UserError(`cannot write ${output}: the folder ${dirname(target)} does not exist`);
    if (existsSync(target) && statSync(target).isDirectory())
      throw new UserError(`cannot write ${output}: it is a folder`);
    const { loadFolio, FolioReadError } = await import('../../pdf/load-folio');
    let loaded;
    try {
      loaded = await loadFolio(source);
    } catch (error) {
      if (error instanceof FolioReadError) throw new UserError(error.message);
      throw error;
    }
    const { exportFlatplanFile } = await import('../../pdf/flatplan-pdf');
    let written;
    try {
      written = await exportFlatplanFile(loaded.edition, target, language ?? loaded.edition.meta.language);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'ENOSPC' || code === 'EROFS')
        throw new UserError(`cannot write ${output}: ${(error as Error).message}`);
      throw error;
    }
    io.out(`${output}: flatplan of ${loaded.edition.pages.length} pages (${written.bytes} bytes)`);
    return 0;
  },
};
