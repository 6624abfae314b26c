/**
 * 报头, the top of page 1: an optional security mark at the top left; the bulletin's name, large and red, centred
 * over three grid lines; the series line in （…）; the issue line; the offices on the left with the date on the
 * right of the last; a red rule across the type area.
 */
import type { Issue } from '../issue/model.js';
import type { MastheadBlock, Row, Span } from './doc.js';
import { derived, settingRef, written, type Styles } from './styles.js';
import { formatDate, formatIssueLine, parenthesised } from './wording.js';

/** The name takes three grid lines; its size is two line pitches' worth of the band, as 初号-and-up mastheads do. */
const NAME_LINES = 3;
const NAME_SPACING_EM = 0.25;
const RULE_WIDTH = 2;

export function composeMasthead(issue: Issue, st: Styles): MastheadBlock {
  const { grid, red } = st;
  const s = issue.series;
  const rows: Row[] = [];
  const line = (span: Span, align: 'left' | 'center'): void => {
    rows.push({ kind: 'text', paragraph: { spans: [span], align } });
  };
  // Top left: the security mark, then the urgency (GB/T 9704 §7.2.2–7.2.3, 黑体); top right: 份号 or 编号.
  const marks: Span[] = [];
  if (s.securityMark) marks.push(st.body(s.securityMark, 'heading', written(settingRef(issue, 'securityMark'))));
  if (issue.urgency) marks.push(st.body(issue.urgency.text, 'heading', written(issue.urgency.ref)));
  if (issue.copyNumber) {
    const first = marks.shift();
    rows.push({
      kind: 'pair',
      left: first ? [{ spans: [first], align: 'left' }] : [],
      right: { spans: [st.body(issue.copyNumber.text, 'body', written(issue.copyNumber.ref))], align: 'right' },
      gap: grid.pitch,
    });
  }
  for (const mark of marks) line(mark, 'left');
  const name: Span = { text: s.name, role: 'masthead', size: Math.floor(grid.linePitch * 2), spacing: NAME_SPACING_EM, colour: red };
  const nameSource = written(settingRef(issue, 'name'));
  if (nameSource) name.source = nameSource;
  rows.push({ kind: 'banner', span: name, lines: NAME_LINES });
  if (s.seriesLine) {
    line({ ...st.body(parenthesised(s.seriesLine), 'kai', written(settingRef(issue, 'seriesLine'), 1, s.seriesLine.length)), colour: red }, 'center');
  }
  const file = issue.file;
  line(st.body(formatIssueLine(issue), 'body', derived({ file, path: ['number'] }, 'issueLine')), 'center');
  const offices = s.offices.length ? s.offices : [''];
  rows.push({
    kind: 'pair',
    left: offices.map((office, i) => ({ spans: [st.body(office, 'body', written(settingRef(issue, 'offices', i)))], align: 'left' as const })),
    right: { spans: [st.body(formatDate(issue.date), 'body', derived({ file, path: ['date'] }, 'date'))], align: 'right' },
    gap: grid.pitch,
  });
  // The rule takes a grid line of its own, a quarter down it: clear of the date above, with air below it.
  rows.push({ kind: 'rule', width: RULE_WIDTH, colour: red, offset: 0.25, lines: 1 });
  return { kind: 'masthead', rows };
}
