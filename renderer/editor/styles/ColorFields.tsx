/**
 * Colour of a style: a CMYK swatch and a tint (percent), one property
 * (`color: { swatchId, tint }`), so clearing it returns both to the
 * inherited colour. For a character style an empty swatch means "as the
 * paragraph".
 */
import { useTranslation } from 'react-i18next';
import type { ColorRef, Id, Swatch } from '../../../shared/model/types';
import { parseStyleNumber } from '../../../shared/editing/style-fields';
import { CommitField, FieldRow, SelectField, type OverrideInfo } from './fields';

export function ColorFields(props: {
  swatches: Record<Id, Swatch>;
  color: ColorRef | undefined;
  info: OverrideInfo;
  onChange: (color: ColorRef) => void;
  onClear: () => void;
  notify: (message: string) => void;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const { color } = props;
  const inherited = !props.info.overridden;
  return (
    <>
      <FieldRow fieldKey="color" label={t('styles.field.color')} info={props.info} onClear={props.onClear}>
        <SelectField
          id="style-field-color"
          testId="style-color"
          value={color?.swatchId ?? ''}
          inherited={inherited}
          options={[
            ...(props.optional || !color ? [{ value: '', label: t('styles.fromParagraph') }] : []),
            ...Object.values(props.swatches).map((s) => ({
              value: s.id,
              label: `${s.name} (${s.cmyk.join('/')})${s.spot ? ` · ${s.spot}` : ''}`,
            })),
          ]}
          onChange={(swatchId) =>
            swatchId ? props.onChange({ swatchId, tint: color?.tint ?? 100 }) : props.onClear()
          }
        />
      </FieldRow>
      <FieldRow fieldKey="tint" label={t('styles.field.tint')} info={props.info} onClear={props.onClear}>
        <CommitField
          id="style-field-tint"
          testId="style-tint"
          value={color ? String(color.tint) : ''}
          placeholder={t('styles.fromParagraph')}
          inherited={inherited}
          onCommit={(text) => {
            const parsed = parseStyleNumber(text, { min: 0, max: 100, suffixes: ['%'] });
            if (!parsed.ok) return props.notify(t(parsed.error.key, parsed.error.values));
            const swatchId = color?.swatchId ?? Object.keys(props.swatches)[0];
            if (swatchId) props.onChange({ swatchId, tint: parsed.value });
          }}
        />
      </FieldRow>
    </>
  );
}
