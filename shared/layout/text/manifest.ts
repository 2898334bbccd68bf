/**
 * The fonts Folio bundles, as the npm packages ship them. Hosts load the
 * bytes: main/fonts reads `<package>/<dir>/<file>` from node_modules; the
 * renderer fetches the same files, so screen, PDF and composer measure the
 * very same glyphs.
 */

export interface BundledFace {
  /** Stable key used by glyph runs and FontFaceRef, e.g. "NotoSerifSC-400". */
  key: string;
  family: string;
  weight: number;
  italic: boolean;
  /** The npm package that ships the file. */
  packageName: string;
  /** Folder inside the package, e.g. "400Regular". */
  dir: string;
  /** File name: the identifier of the file in the font registry. */
  file: string;
}

export interface BundledFamily {
  family: string;
  /** Other names a style may use for this family (CSS generics, Chinese names). */
  aliases: string[];
  packageName: string;
  /** `<prefix>_<weight><Name>.ttf`. */
  filePrefix: string;
  weights: number[];
}

const WEIGHT_NAMES: Record<number, string> = {
  100: 'Thin',
  200: 'ExtraLight',
  300: 'Light',
  400: 'Regular',
  500: 'Medium',
  600: 'SemiBold',
  700: 'Bold',
  800: 'ExtraBold',
  900: 'Black',
};

export const BUNDLED_FAMILIES: readonly BundledFamily[] = [
  {
    family: 'Noto Serif SC',
    aliases: ['serif', 'Song', 'SongTi', '宋体', '书宋', '报宋', 'Source Han Serif SC', '思源宋体'],
    packageName: '@expo-google-fonts/noto-serif-sc',
    filePrefix: 'NotoSerifSC',
    weights: [200, 300, 400, 500, 600, 700, 800, 900],
  },
  {
    family: 'Noto Sans SC',
    aliases: ['sans-serif', 'Hei', 'HeiTi', '黑体', 'Source Han Sans SC', '思源黑体'],
    packageName: '@expo-google-fonts/noto-sans-sc',
    filePrefix: 'NotoSansSC',
    weights: [100, 200, 300, 400, 500, 600, 700, 800, 900],
  },
];

/** Every bundled face (no italics: CJK fonts have none; italic is synthesised). */
export const BUNDLED_FACES: readonly BundledFace[] = BUNDLED_FAMILIES.flatMap((family) =>
  family.weights.map((weight) => {
    const dir = `${weight}${WEIGHT_NAMES[weight]}`;
    return {
      key: `${family.filePrefix}-${weight}`,
      family: family.family,
      weight,
      italic: false,
      packageName: family.packageName,
      dir,
      file: `${family.filePrefix}_${dir}.ttf`,
    };
  }),
);

/** Where a missing glyph is looked for next, after the requested family. */
export const DEFAULT_FALLBACK_FAMILIES: readonly string[] = ['Noto Serif SC', 'Noto Sans SC'];

/** The family the composer uses when a style names one nobody registered. */
export const DEFAULT_FAMILY = 'Noto Serif SC';
