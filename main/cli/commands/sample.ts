/** `folio sample -o <file.folio>`: writes the built-in sample edition, pictures included. */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { checkOutputFolder, parseCommandArgs, requireFolioOutput } from '../../import/cli-options';
import { loadSampleEdition } from '../../sample';
import { writeFolio, FolioFileError } from '../../storage';

const usage = `Usage: folio sample -o <file.folio>

Writes the built-in sample edition: the sample page of a Chinese city paper
(banner, lead story, six stories in modules, two photos with captions, folio
line) on one 对开 broadsheet page, with generated placeholder photos.

Options:
  -o, --output <file.folio>  where to write it (required)
  -h, --help                 show this help`;

const options = { output: { type: 'string', short: 'o' } } as const;

export const command: CliCommand = {
  name: 'sample',
  summary: 'write the built-in sample edition',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('sample', args, options);
    if (positionals.length > 0)
      throw new UserError(`unexpected argument '${positionals[0]}' (see 'folio sample --help')`);
    const output = requireFolioOutput('sample', values.output, io.cwd);
    await checkOutputFolder(output);
    const { edition, assets } = await loadSampleEdition();
    try {
      await writeFolio(output, edition, assets);
    } catch (error) {
      if (error instanceof FolioFileError) throw new UserError(error.message);
      throw error;
    }
    const stories = Object.keys(edition.stories).length;
    io.out(
      `Wrote ${output}: ${edition.meta.paperName} ${edition.meta.date}, ${edition.pages.length} page, ` +
        `${stories} stories, ${Object.keys(edition.assets).length} photos`,
    );
    return 0;
  },
};
