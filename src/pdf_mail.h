/* pdf_mail.h: the mail that sends the brief (pdf_mail.c). */
#ifndef DIGEST_PDF_MAIL_H
#define DIGEST_PDF_MAIL_H

#include "config.h"
#include "model.h"
#include "util.h"

/* The subject and the text of the mail that sends the brief file name:
 * [mail] subject and body filled in, then the issue's headlines by
 * section, then [mail] link when [site] base_url is set. */
void	 mail_text(const struct config *, const struct issue *,
	    const char *name, buf *subject, buf *body);

#endif
