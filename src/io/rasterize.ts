import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Fonts with Chinese glyphs, by family, where the usual systems keep them (first found wins). */
const CJK_FONTS: readonly { readonly family: string; readonly files: readonly string[] }[] = [
  {
    family: 'Noto Sans CJK SC',
    files: [
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // Debian, Ubuntu: fonts-noto-cjk
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    ],
  },
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'] }, // Arch
  { family: 'Noto Sans CJK SC', files: ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc'] }, // Fedora
  { family: 'PingFang SC', files: ['/System/Library/Fonts/PingFang.ttc'] }, // macOS
  { family: 'Microsoft YaHei', files: ['C:\\Windows\\Fonts\\msyh.ttc', 'C:\\Windows\\Fonts\\msyhbd.ttc'] },
];

/** An SVG → PNG converter and the Chinese font it found (undefined: none, Chinese may not show). */
export interface PngRenderer {
  readonly rasterize: (svg: string) => Uint8Array;
  readonly cjkFont: string | undefined;
}

/**
 * PNG at twice the SVG's size, drawn by resvg (its binary ships in the npm package) with a
 * Chinese font from the machine: Noto Sans CJK (Debian `fonts-noto-cjk`), PingFang or Microsoft
 * YaHei. Without one, system fonts are used and Chinese text may show as boxes.
 */
export function pngRenderer(): PngRenderer {
  const found = CJK_FONTS.find((f) => f.files[0] !== undefined && existsSync(f.files[0]));
  const font =
    found === undefined
      ? { loadSystemFonts: true }
      : {
          loadSystemFonts: false,
          fontFiles: found.files.filter((f) => existsSync(f)),
          defaultFontFamily: found.family,
          sansSerifFamily: found.family,
        };
  return {
    cjkFont: found?.family,
    rasterize: (svg) => new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font }).render().asPng(),
  };
}
