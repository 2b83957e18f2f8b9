/** The page bundles exceljs's browser build, whose root holds Workbook (src/write/exceljs-workbook.ts loads it alone in Node). */
import ExcelJS from 'exceljs';

export default ExcelJS.Workbook;
