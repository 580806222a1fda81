/**
 * ExcelJS, loaded on first use. It is hundreds of modules, about half of the server's start-up
 * time when imported eagerly, and only the XLSX downloads and the import need it; those are
 * async already. Type positions keep `import type ExcelJS from 'exceljs'`.
 */
import type ExcelJSModule from 'exceljs';

let loading: Promise<typeof ExcelJSModule> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJSModule> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
