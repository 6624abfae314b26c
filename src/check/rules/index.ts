/** Every rule, in the order findings are listed. Ids are stable: series files refer to them. */
import type { Rule, SeriesRule } from './types.js';
import { punctHalfwidth } from './punct-halfwidth.js';
import { fullwidthAlnum } from './fullwidth-alnum.js';
import { bracketBalance } from './bracket-balance.js';
import { punctRepeated } from './punct-repeated.js';
import { spaceInHan } from './space-in-han.js';
import { paragraphEnd } from './paragraph-end.js';
import { ordinalSequence } from './ordinal-sequence.js';
import { sourceMissing } from './source-missing.js';
import { sourceUnknown } from './source-unknown.js';
import { titleSentence } from './title-sentence.js';
import { titleLength } from './title-length.js';
import { titleDuplicate } from './title-duplicate.js';
import { urlLong } from './url-long.js';
import { itemRepeated } from './item-repeated.js';
import { dateFuture } from './date-future.js';
import { dateOrder } from './date-order.js';
import { fontCoverage } from './font-coverage.js';
import { numberSpacing } from './number-spacing.js';
import { issueNumberSequence, yearNumberSequence } from './issue-sequence.js';
import { placeholder } from './placeholder.js';
import { decorationDoubled } from './decoration-doubled.js';
import { paragraphIndent } from './paragraph-indent.js';
import { addresseeColon } from './addressee-colon.js';
import { attachmentNote } from './attachment-note.js';
import { signatureDate } from './signature-date.js';
import { totalNumberSequence } from './total-number-sequence.js';

export const rules: Rule[] = [
  // Template text left by `bulletin new` / `bulletin init`: first, as it is what is left to do.
  placeholder,
  punctHalfwidth,
  fullwidthAlnum,
  bracketBalance,
  punctRepeated,
  spaceInHan,
  paragraphIndent,
  decorationDoubled,
  paragraphEnd,
  ordinalSequence,
  numberSpacing,
  sourceMissing,
  sourceUnknown,
  titleSentence,
  titleLength,
  titleDuplicate,
  urlLong,
  addresseeColon,
  attachmentNote,
  signatureDate,
  itemRepeated,
  dateFuture,
  dateOrder,
  fontCoverage,
];

export const seriesRules: SeriesRule[] = [issueNumberSequence, yearNumberSequence, totalNumberSequence];

