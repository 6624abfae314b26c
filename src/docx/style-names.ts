/**
 * The .docx's named styles: one per kind of paragraph and of run-in text, with the Chinese names an editor sees in
 * Word's style list, so that changing 简报正文 or 来源 once changes every paragraph or source. Ids are ASCII (Word
 * keys styles by id; names are what it shows). The order here is the order in styles.xml.
 */
import type { FontRole } from '../issue/model.js';

export type ParaStyleKind =
  | 'body'
  | 'note'
  | 'brief'
  | 'label'
  | 'contentsHeading'
  | 'contents1'
  | 'contents2'
  | 'mastheadName'
  | 'masthead'
  | 'mastheadRule'
  | 'footer'
  | 'pageNumber'
  | 'articleTitle'
  | 'articleSubtitle'
  | 'byline'
  | 'attachments'
  | 'signature'
  | 'tableText'
  | 'caption';

/**
 * `offGrid`: the style's lines keep their own leading instead of snapping to the document grid (table cells and photo
 * captions, set smaller than the body; LibreOffice snaps every line of a grid document otherwise).
 */
export const PARA_STYLES: Record<ParaStyleKind, { id: string; name: string; outlineLevel?: number; offGrid?: true }> = {
  body: { id: 'BulletinBody', name: '简报正文' },
  note: { id: 'EditorsNote', name: '编者按' },
  brief: { id: 'Brief', name: '简讯' },
  // The sections are the document's outline: Word's navigation pane lists them as the PDF's bookmarks do.
  label: { id: 'SectionLabel', name: '栏目标签', outlineLevel: 0 },
  contentsHeading: { id: 'ContentsHeading', name: '目录标题' },
  contents1: { id: 'Contents1', name: '目录栏目' },
  contents2: { id: 'Contents2', name: '目录条目' },
  mastheadName: { id: 'MastheadName', name: '报头名称' },
  masthead: { id: 'Masthead', name: '报头' },
  mastheadRule: { id: 'MastheadRule', name: '报头红线' },
  footer: { id: 'Distribution', name: '版记' },
  pageNumber: { id: 'PageNumber', name: '页码' },
  // An article's title is in the outline, as the PDF's bookmarks list it.
  articleTitle: { id: 'ArticleTitle', name: '文章标题', outlineLevel: 0 },
  articleSubtitle: { id: 'ArticleSubtitle', name: '副标题' },
  byline: { id: 'Byline', name: '署名' },
  attachments: { id: 'Attachments', name: '附件说明' },
  signature: { id: 'Signature', name: '落款' },
  tableText: { id: 'TableText', name: '表格文字', offGrid: true },
  caption: { id: 'PhotoCaption', name: '图片说明', offGrid: true },
};

/** Run-in text with a meaning of its own, and, for any other run in another face, one style per font role. */
export type CharStyleKind = 'title' | 'noteLabel' | 'source' | 'bullet' | FontRole;

export const CHAR_STYLES: Record<CharStyleKind, { id: string; name: string }> = {
  title: { id: 'ItemTitle', name: '条目标题' },
  noteLabel: { id: 'NoteLabel', name: '编者按标签' },
  source: { id: 'Source', name: '来源' },
  bullet: { id: 'BriefBullet', name: '简讯符号' },
  masthead: { id: 'FaceMasthead', name: '小标宋字体' },
  body: { id: 'FaceBody', name: '仿宋字体' },
  heading: { id: 'FaceHeading', name: '黑体字体' },
  kai: { id: 'FaceKai', name: '楷体字体' },
  number: { id: 'FaceNumber', name: '宋体字体' },
};
