import type { Colour, FontSettings, PageSettings } from './model.js';

/** GB/T 9704-2012 §5.2: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, 3号 body, 22 lines × 28 characters. */
export const DEFAULT_PAGE: PageSettings = {
  widthMm: 210,
  heightMm: 297,
  topMm: 37,
  leftMm: 28,
  typeWidthMm: 156,
  typeHeightMm: 225,
  bodySizePt: 16,
  charsPerLine: 28,
  linesPerPage: 22,
  pageNumbers: 'outside',
};

/** Red ink as most offices print it (the standard gives no single value). */
export const DEFAULT_COLOUR: Colour = { space: 'cmyk', values: [0, 100, 100, 0] };

/** Candidates per role as government templates name them; the fonts stage resolves names to files. */
export const DEFAULT_FONTS: FontSettings = {
  masthead: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S'],
  body: ['仿宋_GB2312', '仿宋', 'FangSong'],
  heading: ['黑体', 'SimHei'],
  kai: ['楷体_GB2312', '楷体', 'KaiTi'],
  number: ['宋体', 'SimSun'],
};
