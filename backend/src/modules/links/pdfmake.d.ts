/** The subset of pdfmake 0.3 (untyped) the receipt uses, server side. */
declare module 'pdfmake' {
  export type Content = string | { [key: string]: unknown } | Content[];
  export interface DocumentDefinition {
    content: Content[];
    info?: { title?: string; author?: string; subject?: string };
    defaultStyle?: { font?: string; fontSize?: number };
    styles?: Record<string, Record<string, unknown>>;
    pageSize?: string;
    pageMargins?: number[];
    language?: string;
  }
  export interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    /** Files pdfmake reads by name before (Node build) or instead of (browser build) the disk. */
    virtualfs: { writeFileSync(name: string, content: string, encoding: 'base64'): void };
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    /** Node build only: the browser build (what bundlers for workerd pick) reads no local files. */
    setLocalAccessPolicy?(allow: (path: string) => boolean): void;
    createPdf(definition: DocumentDefinition): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}

/** pdfmake's Roboto container: file name to base64 TTF. */
declare module 'pdfmake/build/vfs_fonts.js' {
  const files: Record<string, string>;
  export default files;
}
