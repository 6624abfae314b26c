/** The five font roles in the order every listing uses, and their Chinese names (one copy for every command). */
import type { FontRole } from './model.js';

export const FONT_ROLES: readonly FontRole[] = ['masthead', 'body', 'heading', 'kai', 'number'];

export const ROLE_ZH: Record<FontRole, string> = { masthead: '报头', body: '正文', heading: '标题', kai: '楷体', number: '页码' };
