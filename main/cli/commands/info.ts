import type { CliCommand } from '../command';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'info',
  summary: 'not built yet',
  usage: 'folio info: not built yet',
  async run(_args, io) {
    io.err('folio info: not built yet');
    return 1;
  },
};
