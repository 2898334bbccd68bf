import type { CliCommand } from '../command';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'layout',
  summary: 'not built yet',
  usage: 'folio layout: not built yet',
  async run(_args, io) {
    io.err('folio layout: not built yet');
    return 1;
  },
};
