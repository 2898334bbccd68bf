import type { CliCommand } from '../command';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'export',
  summary: 'not built yet',
  usage: 'folio export: not built yet',
  async run(_args, io) {
    io.err('folio export: not built yet');
    return 1;
  },
};
