import type { Lang, Message } from '../diagnostics.js';

/**
 * The locale: `--lang` wins, then LC_ALL / LC_MESSAGES / LANG. Chinese is the default, because the people who
 * edit bulletins read Chinese; only an explicitly English locale switches to English (C/POSIX stay Chinese).
 */
export function detectLang(explicit?: string, env: NodeJS.ProcessEnv = process.env): Lang {
  if (explicit === 'en' || explicit === 'zh') return explicit;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (!value) continue;
    if (/^en([_.@-]|$)/i.test(value)) return 'en';
    if (/^zh([_.@-]|$)/i.test(value)) return 'zh';
    // The first variable that is set decides, as in POSIX locale lookup.
    return 'zh';
  }
  return 'zh';
}

export function msg(zh: string, en: string): Message {
  return { zh, en };
}

/** `t(zh, en)`: the text in the user's language, for messages built in place (help, progress lines). */
export type Translate = (zh: string, en: string) => string;

export function translator(lang: Lang): Translate {
  return (zh, en) => (lang === 'zh' ? zh : en);
}
