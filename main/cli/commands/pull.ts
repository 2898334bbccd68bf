/** `folio pull --server URL --edition NAME -o FILE`: saves a shared edition as a .folio. */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { checkOutputFolder, parseCommandArgs, requireFolioOutput } from '../../import/cli-options';
import { writeFolio, FolioFileError } from '../../storage';
import { EditionBinding } from '../../../shared/collab/edition-binding';
import { getAsset, NewsroomError } from '../../../shared/collab/newsroom-client';
import { validateEdition } from '../../../shared/model/validate';
import type { AssetBytes } from '../../../shared/model/types';
import { openRemoteEdition, tokenFor } from '../../server/remote-edition';

const usage = `Usage: folio pull --server <url> --edition <name> -o <file.folio> [--user <name>] [--password <pw>]

Saves a shared edition, as it is on the server now, as a .folio file
(photos included). Credentials as for 'folio push'.`;

const options = {
  server: { type: 'string' },
  edition: { type: 'string' },
  output: { type: 'string', short: 'o' },
  user: { type: 'string' },
  password: { type: 'string' },
} as const;

export const command: CliCommand = {
  name: 'pull',
  summary: 'save a shared edition as a .folio',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('pull', args, options);
    if (positionals.length > 0)
      throw new UserError(`unexpected argument '${positionals[0]}' (see 'folio pull --help')`);
    if (!values.server || !values.edition) throw new UserError(`--server and --edition are required`);
    const output = requireFolioOutput('pull', values.output, io.cwd);
    await checkOutputFolder(output);
    let token: string | null;
    try {
      token = await tokenFor(values.server, values);
    } catch (error) {
      throw new UserError((error as Error).message);
    }
    const connection = await openRemoteEdition(values.server, values.edition, token).catch((error: Error) => {
      throw new UserError(`${values.server}: ${error instanceof NewsroomError ? error.code : error.message}`);
    });
    try {
      if (!EditionBinding.holdsEdition(connection.doc))
        throw new UserError(`${values.server} has no edition "${values.edition}"`);
      const edition = new EditionBinding(connection.doc).current();
      const valid = validateEdition(edition);
      if (!valid.ok)
        throw new UserError(
          `the shared edition is not valid: ${valid.issues
            .slice(0, 3)
            .map((i) => `${i.path}: ${i.message}`)
            .join('; ')}`,
        );
      const assets: AssetBytes = new Map();
      for (const id of Object.keys(edition.assets)) {
        const bytes = await getAsset(values.server, token, values.edition, id);
        if (!bytes)
          throw new UserError(`the server has no bytes for photo ${id} (${edition.assets[id].name})`);
        assets.set(id, bytes);
      }
      try {
        await writeFolio(output, edition, assets);
      } catch (error) {
        if (error instanceof FolioFileError) throw new UserError(error.message);
        throw error;
      }
      io.out(
        `Wrote ${output}: ${values.edition} from ${values.server}, ${edition.pages.length} pages, ${Object.keys(edition.stories).length} stories`,
      );
      return 0;
    } finally {
      connection.close();
    }
  },
};
