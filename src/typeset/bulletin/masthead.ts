/**
 * 报头, the top of page 1: an optional security mark at the top left; the bulletin's name, large and red, centred
 * (narrowed to the type width when long); the series line; the issue line; the offices on the left with the
 * date on the right of the last; a red rule across the type area. Everything sits on grid lines, so the contents
 * below keep the grid.
 */
import type { Issue } from '../../issue/model.js';
import type { AtomBuilder } from '../text/atoms.js';
import { EM_BOX_ASCENT, gridBaseline } from '../geometry.js';
import { naturalWidth, setParagraph } from '../paragraph.js';
import type { GlyphRun, MissingChar, PageItem } from '../types.js';
import { bracketed, settingRef, type Styles } from './style.js';
import { placeRuns } from './place.js';

/** The name takes three grid lines; its size is two line pitches' worth of the band, as 初号-and-up mastheads do. */
const NAME_SLOTS = 3;
const NAME_SPACING_EM = 0.25;
const RULE_WIDTH = 2;

export interface Masthead {
  items: PageItem[];
  /** Grid lines used; the flow starts below them. */
  slots: number;
  missing: MissingChar[];
}

export function layoutMasthead(issue: Issue, builder: AtomBuilder, st: Styles): Masthead {
  const { grid, red } = st;
  const s = issue.series;
  const items: PageItem[] = [];
  const missing: MissingChar[] = [];
  let slot = 0;
  const line = (spans: Parameters<typeof setParagraph>[1]['spans'], align: 'left' | 'center' | 'right', size: number): void => {
    const set = setParagraph(builder, { spans, width: grid.width, align });
    missing.push(...set.missing);
    for (const l of set.lines) {
      items.push(...placeRuns(l.runs, grid.left, gridBaseline(grid, slot, size)));
      slot++;
    }
  };
  if (s.securityMark) line([st.body(s.securityMark, 'heading', settingRef(issue, 'securityMark'))], 'left', grid.bodySize);

  // The name: as large as the band allows, then narrowed horizontally if it is still wider than the type area.
  const size = Math.floor(grid.linePitch * 2);
  const nameRef = settingRef(issue, 'name');
  const name = { ...st.at(s.name, 'masthead', size, NAME_SPACING_EM, red), ...(nameRef ? { ref: nameRef } : {}) };
  const natural = naturalWidth(builder, [name]);
  // Letter-spacing follows every character, the last one too: the ink is that much narrower.
  const ink = natural - NAME_SPACING_EM * size;
  const scale = ink > grid.width ? grid.width / ink : 1;
  const bandTop = grid.top + slot * grid.linePitch;
  const baseline = bandTop + (NAME_SLOTS * grid.linePitch - size) / 2 + EM_BOX_ASCENT * size;
  const set = setParagraph(builder, { spans: [name], width: scale < 1 ? natural : grid.width, align: scale < 1 ? 'left' : 'center' });
  missing.push(...set.missing);
  // Centre the ink, not the spacing after it.
  const nudge = scale < 1 ? 0 : (NAME_SPACING_EM * size) / 2;
  for (const l of set.lines) {
    const runs = placeRuns(l.runs, grid.left + nudge, baseline);
    if (scale < 1) for (const r of runs) squeezeRun(r, scale, grid.left);
    items.push(...runs);
  }
  slot += NAME_SLOTS;
  if (s.seriesLine) line([bracketed({ ...st.body(`（${s.seriesLine}）`, 'kai'), colour: red }, settingRef(issue, 'seriesLine'))], 'center', grid.bodySize);
  line([st.body(issue.issueLine)], 'center', grid.bodySize);
  const offices = s.offices.length ? s.offices : [''];
  if (offices.every((o) => o === '')) slot++; // no office: the date still needs its line
  offices.forEach((office, i) => {
    const set = setParagraph(builder, { spans: [st.body(office, 'body', settingRef(issue, 'offices', i))], width: grid.width, align: 'left' });
    missing.push(...set.missing);
    for (const l of set.lines) {
      items.push(...placeRuns(l.runs, grid.left, gridBaseline(grid, slot, grid.bodySize)));
      slot++;
    }
    if (i === offices.length - 1) {
      // The date goes on the right of the last office's last line, or on a line of its own when they would meet.
      const date = setParagraph(builder, { spans: [st.body(issue.dateText)], width: grid.width, align: 'right' });
      const last = set.lines[set.lines.length - 1];
      const d = date.lines[0];
      if (last && d && last.end + grid.pitch > d.start) slot++;
      for (const l of date.lines) items.push(...placeRuns(l.runs, grid.left, gridBaseline(grid, slot - 1, grid.bodySize)));
    }
  });
  // The rule takes a grid line of its own, a quarter down it: clear of the date above, with air below it.
  const ruleY = grid.top + (slot + 0.25) * grid.linePitch;
  items.push({ kind: 'rule', x1: grid.left, y1: ruleY, x2: grid.left + grid.width, y2: ruleY, width: RULE_WIDTH, colour: red });
  return { items, slots: slot + 1, missing };
}

/** Narrow a run about `origin` (the renderer applies the same horizontal scale to the glyphs). */
function squeezeRun(r: GlyphRun, scale: number, origin: number): void {
  r.hscale = scale * 100;
  r.xs = r.xs.map((x) => origin + (x - origin) * scale);
}
