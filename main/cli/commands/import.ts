import type { CliCommand } from '../command';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'import',
  summary: 'not built yet',
  usage: 'folio import: not built yet',
  async run(_args, io) {
    io.err('folio import: not built yet');
    return 1;
  },
};
