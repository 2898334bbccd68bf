/** `folio push FILE --server URL --edition NAME`: publishes a .folio to a newsroom server. */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { parseCommandArgs, resolveFrom } from '../../import/cli-options';
import { readFolio, FolioFileError } from '../../storage';
import { EditionBinding } from '../../../shared/collab/edition-binding';
import { NewsroomError, putAsset } from '../../../shared/collab/newsroom-client';
import { openRemoteEdition, tokenFor } from '../../server/remote-edition';

const usage = `Usage: folio push <edition.folio> --server <url> --edition <name> [--user <name>] [--password <pw>]

Publishes an edition to a newsroom server: a new shared edition is created
from the file; an existing one is changed to say what the file says (one
change, merged with whatever others are doing). Photos are uploaded too.
Credentials: --user/--password or $FOLIO_USER/$FOLIO_PASSWORD (none for a
server started with --open).`;

const options = {
  server: { type: 'string' },
  edition: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'string' },
} as const;

export const command: CliCommand = {
  name: 'push',
  summary: 'publish an edition to a newsroom server',
  usage,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('push', args, options);
    if (positionals.length !== 1) throw new UserError(`expected one .folio file (see 'folio push --help')`);
    if (!values.server || !values.edition) throw new UserError(`--server and --edition are required`);
    const path = resolveFrom(io.cwd, positionals[0]);
    let file;
    try {
      file = await readFolio(path);
    } catch (error) {
      if (error instanceof FolioFileError) throw new UserError(error.message);
      throw error;
    }
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
      let refused: string | null = null;
      connection.onRefused((r) => (refused = `${r.code} ${r.detail}`));
      for (const [id, bytes] of file.assets) await putAsset(values.server, token, values.edition, id, bytes);
      const exists = EditionBinding.holdsEdition(connection.doc);
      if (exists) {
        const binding = new EditionBinding(connection.doc);
        binding.local(binding.current(), file.edition);
      } else new EditionBinding(connection.doc, file.edition);
      await connection.settled();
      if (refused) throw new UserError(`the server refused the edition: ${refused}`);
      io.out(
        `${exists ? 'Updated' : 'Published'} ${values.edition} on ${values.server}: ${file.edition.pages.length} pages, ${Object.keys(file.edition.stories).length} stories, ${file.assets.size} photos`,
      );
      return 0;
    } finally {
      connection.close();
    }
  },
};
