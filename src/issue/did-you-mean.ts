/** Chinese words editors type for keys, mapped to the key they mean. */
const CHINESE_KEYS: Record<string, string> = {
  标题: 'title',
  正文: 'body',
  内容: 'body',
  来源: 'source',
  编者按: 'note',
  日期: 'date',
  期号: 'number',
  期数: 'number',
  栏目: 'sections',
  条目: 'items',
  名称: 'name',
  报头: 'name',
  编辑: 'editors',
  责任编辑: 'editors',
  印数: 'printCount',
  编号: 'serial',
  字体: 'fonts',
};

/** Optimal-string-alignment distance: a swapped pair of letters (titel → title) counts as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** The allowed key an unknown key most likely meant, or undefined when none is close. */
export function didYouMean(unknown: string, allowed: string[]): string | undefined {
  const chinese = CHINESE_KEYS[unknown.trim()];
  if (chinese && allowed.includes(chinese)) return chinese;
  const u = fold(unknown);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const key of allowed) {
    const k = fold(key);
    if (k === u) return key;
    const d = editDistance(u, k);
    if (d < bestScore) {
      bestScore = d;
      best = key;
    }
  }
  const limit = Math.max(1, Math.min(3, Math.ceil(u.length / 3)));
  return bestScore <= limit ? best : undefined;
}
