/* fixenc.h: `congkhai fix-encoding FILE`, a row of main.c's commands.
 *
 * Converts the lines of FILE typed in a legacy Vietnamese encoding (VNI,
 * TCVN3) and pasted as Unicode into NFC Unicode (vni.h), leaving every
 * other byte as it was. The result goes to standard output, to --output F,
 * or back into FILE (--in-place, written to a temporary file beside it and
 * renamed over it, keeping its permissions; not touched when nothing
 * changes). Each converted line is named on standard error as
 * "FILE:LINE:COL: converted text typed in VNI". FILE "-" reads standard
 * input.
 *
 * Exit status: 0 done (also when there was nothing to convert), 1 the file
 * could not be read or written or is not UTF-8, 2 usage error.
 */
#ifndef CK_FIXENC_H
#define CK_FIXENC_H

extern const char fixenc_usage[];

/* argc/argv after the command name; returns the exit status. */
int fixenc_main(int argc, char **argv);

#endif
