/** Debian's LibreOffice (`libreoffice-calc-nogui`): the CSV tests open downloads in it. */
export const SOFFICE_PATH = '/usr/bin/soffice'

/** The Debian package that brings `SOFFICE_PATH` with Calc and no desktop. */
export const SOFFICE_PACKAGE = 'libreoffice-calc-nogui'
