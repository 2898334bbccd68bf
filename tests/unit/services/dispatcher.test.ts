import { describe, expect, it } from 'vitest';
import { createDispatcher, ServiceRejection } from '../../../shared/services/dispatcher';
import type { ServiceHandlers } from '../../../shared/services/api';
import { serviceMethods } from '../../../shared/services/api';
import { fixtureEdition } from '../../e2e/support/fixture-edition';

/** Handlers that answer every method with a fixed, valid value or fail the test. */
function handlers(): ServiceHandlers<null> {
  const calls: string[] = [];
  const table = Object.fromEntries(
    Object.keys(serviceMethods).map((name) => [
      name,
      async () => {
        calls.push(name);
        if (name === 'recent.list') return ['/tmp/a.folio'];
        if (name === 'edition.setDirty' || name === 'menu.setState' || name === 'recent.clear') return null;
        if (name === 'edition.preflight') return { problems: [] };
        throw new Error(`unexpected call ${name}`);
      },
    ]),
  );
  return table as unknown as ServiceHandlers<null>;
}

describe('the service dispatcher validates every message', () => {
  const dispatch = createDispatcher(handlers());

  it('answers a declared channel with valid arguments', async () => {
    expect(await dispatch('folio:recent.list', {}, null)).toEqual(['/tmp/a.folio']);
    expect(
      await dispatch('folio:edition.preflight', { documentId: 'abc-1', edition: fixtureEdition() }, null),
    ).toEqual({ problems: [] });
  });

  it('rejects channels without the app prefix and unknown methods', async () => {
    await expect(dispatch('recent.list', {}, null)).rejects.toMatchObject({ kind: 'channel' });
    await expect(dispatch('folio:shell.openExternal', {}, null)).rejects.toBeInstanceOf(ServiceRejection);
    await expect(dispatch('folio:__proto__', {}, null)).rejects.toMatchObject({ kind: 'channel' });
  });

  it('rejects arguments that fail their schema, naming the field', async () => {
    await expect(
      dispatch('folio:edition.setDirty', { documentId: '../etc', dirty: true }, null),
    ).rejects.toThrow(/documentId/);
    await expect(
      dispatch('folio:edition.setDirty', { documentId: 'abc', dirty: 'yes' }, null),
    ).rejects.toThrow(/dirty/);
    await expect(dispatch('folio:edition.open', { path: 'a\0b' }, null)).rejects.toThrow(/NUL/);
    await expect(dispatch('folio:recent.list', { extra: 1 }, null)).rejects.toMatchObject({ kind: 'args' });
    await expect(
      dispatch('folio:edition.preflight', { documentId: 'abc', edition: { pages: 'x' } }, null),
    ).rejects.toThrow(/not an edition/);
    await expect(
      dispatch('folio:menu.setState', { commands: { 'file.save': { enabled: 'no' } } }, null),
    ).rejects.toMatchObject({ kind: 'args' });
  });

  it('rejects a result the host got wrong instead of passing it on', async () => {
    const broken = { ...handlers(), 'recent.list': async () => [42] } as unknown as ServiceHandlers<null>;
    await expect(createDispatcher(broken)('folio:recent.list', {}, null)).rejects.toMatchObject({
      kind: 'result',
    });
  });
});
