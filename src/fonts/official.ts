/**
 * What each font role wants: the faces GB/T 9704 and office practice call for (by the names inside the files and
 * the usual file names), and the free stand-ins used when they are missing. Data, apart from finding the npm files.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontRole } from '../issue/model.js';
import { ROLE_ZH } from '../issue/font-roles.js';
import { FontError } from './errors.js';

/** The faces GB/T 9704 and office practice call for, by the names inside the files and the usual file names. */
export const OFFICIAL: Record<FontRole, { names: string[]; files: string[] }> = {
  masthead: {
    names: ['方正小标宋简体', '方正小标宋_GBK', '方正小标宋', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', 'FZXBSJW--GB1-0'],
    files: ['FZXBSJW.TTF', 'FZXBSK.TTF', '方正小标宋简体.ttf', '方正小标宋_GBK.ttf'],
  },
  body: {
    names: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'SimFang', '华文仿宋', 'STFangsong'],
    files: ['FangSong_GB2312.ttf', '仿宋_GB2312.ttf', 'simfang.ttf', 'STFANGSO.TTF'],
  },
  heading: {
    names: ['黑体', 'SimHei', '华文黑体', 'STHeiti', 'Heiti SC'],
    files: ['simhei.ttf', 'STHeiti Medium.ttc', 'STHeiti Light.ttc'],
  },
  kai: {
    names: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'SimKai', '华文楷体', 'STKaiti', 'Kaiti SC'],
    files: ['KaiTi_GB2312.ttf', '楷体_GB2312.ttf', 'simkai.ttf', 'STKAITI.TTF'],
  },
  number: {
    names: ['宋体', 'SimSun', '华文宋体', 'STSong', 'Songti SC'],
    files: ['simsun.ttc', 'simsun.ttf', 'STSONG.TTF'],
  },
};

/** Free faces better than the npm stand-in when a system has them (Debian fonts-lxgw-wenkai, fonts-arphic-ukai). */
export const SYSTEM_STAND_INS: Partial<Record<FontRole, string[]>> = {
  kai: ['LXGW WenKai', '霞鹜文楷', 'AR PL UKai CN'],
};

/** The npm stand-ins (OFL; fonts/OFL-Noto.txt): package, folder and file. */
const NPM_STAND_INS: Record<FontRole, { pkg: string; path: string; label: string }> = {
  masthead: { pkg: '@expo-google-fonts/noto-serif-sc', path: '900Black/NotoSerifSC_900Black.ttf', label: 'Noto Serif SC Black' },
  body: { pkg: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC Regular' },
  heading: { pkg: '@expo-google-fonts/noto-sans-sc', path: '500Medium/NotoSansSC_500Medium.ttf', label: 'Noto Sans SC Medium' },
  // No free simplified 楷体 is on npm: the serif stands in (typesetting.md §4).
  kai: { pkg: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC Regular' },
  number: { pkg: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf', label: 'Noto Serif SC Regular' },
};

/** Absolute path of a role's npm stand-in file. */
export function standInFile(role: FontRole): string {
  const s = NPM_STAND_INS[role];
  let dir: string;
  try {
    dir = dirname(createRequire(import.meta.url).resolve(`${s.pkg}/package.json`));
  } catch (e) {
    throw new FontError(
      'font-standin-missing',
      s.pkg,
      { zh: `找不到备用字体 ${s.label}（${s.pkg}）：请先运行 npm ci`, en: `the stand-in font ${s.label} (${s.pkg}) is missing: run npm ci` },
      { cause: e },
    );
  }
  const file = join(dir, s.path);
  if (!existsSync(file)) {
    throw new FontError('font-standin-missing', file, {
      zh: `找不到备用字体文件 ${file}：请重新运行 npm ci`,
      en: `the stand-in font file ${file} is missing: run npm ci again`,
    });
  }
  return file;
}

export function roleZh(role: FontRole): string {
  return ROLE_ZH[role];
}

