/* pdf.c: placeholder; the libharu brief is being written. */
#include "msg.h"
#include "render.h"

int
pdf_write(const struct render *r, const struct issue *is, const char *path)
{
	(void)r, (void)is;
	msg(MSG_ERROR, path, 0, "PDF output not written yet");
	return -1;
}
