/** The part of `linebreak` (UAX #14, the package pdfkit uses too) that the Latin breaking uses; it ships no types. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: `position` is the UTF-16 offset where the next line would start. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
