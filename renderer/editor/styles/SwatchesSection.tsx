/** The CMYK swatch list and the row that adds a swatch (one `upsert_swatch`, one undo step). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, Swatch } from '../../../shared/model/types';

export function SwatchesSection(props: {
  swatches: Record<Id, Swatch>;
  add: (name: string, cmyk: [number, number, number, number]) => void;
}) {
  const { t } = useTranslation();
  const [swatch, setSwatch] = useState({ name: '', c: 0, m: 100, y: 100, k: 0 });
  return (
    <>
      <h3 style={{ margin: '8px 0 4px' }}>{t('styles.swatches')}</h3>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {Object.values(props.swatches).map((s) => (
          <li key={s.id} data-testid={`swatch-${s.id}`}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                background: cmykToCss(s.cmyk),
                border: '1px solid #999',
              }}
            />{' '}
            {s.name}{' '}
            <small>
              C{s.cmyk[0]} M{s.cmyk[1]} Y{s.cmyk[2]} K{s.cmyk[3]}
              {s.spot ? ` · ${s.spot}` : ''}
            </small>
          </li>
        ))}
      </ul>
      <div style={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <input
          data-testid="swatch-name"
          placeholder={t('styles.swatch.name')}
          value={swatch.name}
          onChange={(e) => setSwatch({ ...swatch, name: e.target.value })}
          style={{ width: 70 }}
        />
        {(['c', 'm', 'y', 'k'] as const).map((ch) => (
          <input
            key={ch}
            data-testid={`swatch-${ch}`}
            type="number"
            min={0}
            max={100}
            value={swatch[ch]}
            onChange={(e) => setSwatch({ ...swatch, [ch]: Number(e.target.value) })}
            style={{ width: 42 }}
            aria-label={ch.toUpperCase()}
          />
        ))}
        <button
          type="button"
          data-testid="swatch-add"
          disabled={!swatch.name.trim()}
          onClick={() => props.add(swatch.name.trim(), [swatch.c, swatch.m, swatch.y, swatch.k])}
        >
          {t('styles.swatch.add')}
        </button>
      </div>
    </>
  );
}

/** A rough screen preview of a CMYK swatch (the painters use their own conversion). */
function cmykToCss([c, m, y, k]: [number, number, number, number]): string {
  const f = (v: number) => Math.round(255 * (1 - v / 100) * (1 - k / 100));
  return `rgb(${f(c)}, ${f(m)}, ${f(y)})`;
}
