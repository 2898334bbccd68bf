import type { CliCommand } from '../command';

// Placeholder until this command's issue lands; replaced by its owner.
export const command: CliCommand = {
  name: 'sample',
  summary: 'not built yet',
  usage: 'folio sample: not built yet',
  async run(_args, io) {
    io.err('folio sample: not built yet');
    return 1;
  },
};
