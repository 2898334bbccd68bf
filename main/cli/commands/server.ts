/** `folio server …`: the newsroom server and its accounts (main/server/server-cli.ts). */
import type { CliCommand } from '../command';
import { UserError } from '../command';
import { runServerCli, serverUsage, ServerCliError } from '../../server/server-cli';

export const command: CliCommand = {
  name: 'server',
  summary: 'run the newsroom server, manage its accounts',
  usage: serverUsage,
  async run(args, io) {
    try {
      return await runServerCli(args, io);
    } catch (error) {
      if (
        error instanceof ServerCliError ||
        (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      )
        throw new UserError((error as Error).message);
      throw error;
    }
  },
};
