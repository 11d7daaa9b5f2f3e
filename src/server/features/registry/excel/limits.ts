/**
 * Import limits, apart from the readers so that the server can set its upload limit without loading
 * exceljs at start-up (the spreadsheet modules are loaded on first use).
 */
/** Largest upload accepted (routes give the same figure to the multipart limit). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Largest total a .xlsx may unzip to. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** A part of a .xlsx compressing better than this (and over 1 MB unzipped) is treated as a zip bomb. */
export const MAX_COMPRESSION_RATIO = 100;
export const MAX_ZIP_ENTRIES = 10_000;
/** Most data rows one import may carry, all sheets together. */
export const MAX_ROWS = 300_000;
/**
 * Most rows of a .xlsx: exceljs holds the whole workbook in memory (about 8 KB per 8-column row, so
 * ~800 MB at this limit); larger lists go as CSV (up to MAX_ROWS) or as a JSON dataset.
 */
export const MAX_XLSX_ROWS = 100_000;
