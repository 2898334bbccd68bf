/** Edition-level operations: assets (metadata) and edition metadata. */
import type { Asset, Edition, EditionMeta, Frame } from '../types';
import { assetSchema, editionMetaSchema } from '../schema';
import type { AppliedOperation, Operation } from './types';
import { OperationError, ensure } from './errors';
import { checkShape } from './checks';
import { dropKey, hasKey, putKey } from './locate';

type AssetOrMetaOperation = Extract<Operation, { type: 'add_asset' | 'remove_asset' | 'set_meta' }>;

export function applyEditionOperation(edition: Edition, op: AssetOrMetaOperation): AppliedOperation {
  switch (op.type) {
    case 'add_asset': {
      const asset = checkShape(assetSchema, op.asset, op.type, 'asset') as Asset;
      ensure(!hasKey(edition.assets, asset.id), op.type, `asset id "${asset.id}" is already in use`);
      const clash = Object.values(edition.assets).find((a) => a.path === asset.path);
      ensure(clash === undefined, op.type, `path "${asset.path}" is already used by asset "${clash?.id}"`);
      return {
        edition: { ...edition, assets: putKey(edition.assets, asset.id, asset, op.index) },
        inverse: { type: 'remove_asset', assetId: asset.id },
      };
    }
    case 'remove_asset': {
      const id = op.assetId;
      ensure(hasKey(edition.assets, id), op.type, `asset "${String(id)}" does not exist`);
      const { record, index } = dropKey(edition.assets, id);
      // Photo frames showing the asset become empty; undo puts the asset back in them.
      const relink: Operation[] = [];
      const empty = (frames: Frame[]): Frame[] => {
        if (!frames.some((f) => f.kind === 'image' && f.assetId === id)) return frames;
        return frames.map((f) => {
          if (f.kind !== 'image' || f.assetId !== id) return f;
          relink.push({ type: 'update_frame', frameId: f.id, props: { assetId: id } });
          return { ...f, assetId: null };
        });
      };
      const pages = edition.pages.map((p) => {
        const frames = empty(p.frames);
        return frames === p.frames ? p : { ...p, frames };
      });
      const masters = edition.masters.map((m) => {
        const frames = empty(m.frames);
        return frames === m.frames ? m : { ...m, frames };
      });
      const restore: Operation = { type: 'add_asset', asset: edition.assets[id], index };
      return {
        edition:
          relink.length > 0 ? { ...edition, assets: record, pages, masters } : { ...edition, assets: record },
        inverse: relink.length > 0 ? { type: 'batch', ops: [restore, ...relink] } : restore,
      };
    }
    case 'set_meta': {
      const props = (op.props ?? {}) as Record<string, unknown>;
      const inverseProps: Record<string, unknown> = {};
      for (const key of Object.keys(props)) {
        ensure(hasKey(edition.meta, key), op.type, `"${key}" is not an edition property`);
        inverseProps[key] = (edition.meta as unknown as Record<string, unknown>)[key];
      }
      const meta = checkShape(
        editionMetaSchema,
        { ...edition.meta, ...props },
        op.type,
        'meta',
      ) as EditionMeta;
      return { edition: { ...edition, meta }, inverse: { type: 'set_meta', props: inverseProps } };
    }
    default:
      throw new OperationError((op as { type: string }).type, 'unknown edition operation');
  }
}
