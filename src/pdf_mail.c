/* pdf_mail.c: the mail that sends a brief, brief-NNN.eml beside
 * brief-NNN.pdf: a MIME message (RFC 5322, 2045-2047) with a short
 * UTF-8 text and the PDF attached, ready for a mail program to send.
 *
 * It is made only from the issue and digest.conf: the Date is the
 * issue's day at [pdf] time, the boundary and Message-ID follow from the
 * issue number, so the same issue always gives the same bytes. */
#include "pdf_mail.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "issue.h"
#include "msg.h"
#include "outfile.h"
#include "pdf_time.h"
#include "render.h"

#define CRLF "\r\n"

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The two characters of every 12 bits, made once. */
static char b64_pairs[4096][2];
static pthread_once_t b64_once = PTHREAD_ONCE_INIT;

static void
b64_pairs_make(void)
{
	int i;

	for (i = 0; i < 4096; i++) {
		b64_pairs[i][0] = b64[i >> 6];
		b64_pairs[i][1] = b64[i & 63];
	}
}

/* Puts g groups of three bytes of p at o as base64, two characters at
 * a time; returns the end. */
static char *
base64_groups(char *o, const unsigned char *p, size_t g)
{
	pthread_once(&b64_once, b64_pairs_make);
	for (; g > 0; g--, p += 3, o += 4) {
		unsigned v = (unsigned)p[0] << 16 | (unsigned)p[1] << 8 | p[2];

		memcpy(o, b64_pairs[v >> 12], 2);
		memcpy(o + 2, b64_pairs[v & 4095], 2);
	}
	return o;
}

/* Appends p[0..n) in base64; with wrap, in lines of 76 and CRLF.  Made
 * in place, in room reserved at once, a line (19 groups) at a time: a
 * PDF's worth of single characters was a tenth of a brief. */
static void
base64(buf *b, const unsigned char *p, size_t n, int wrap)
{
	size_t full = n / 3, i, col;
	char *o;

	buf_grow(b, (full + 1) * 4 + (wrap ? (full / 19 + 2) * 2 : 0));
	o = b->ptr + b->len;
	for (i = 0; i + 19 <= full; i += 19) {
		o = base64_groups(o, p + 3 * i, 19);
		if (wrap)
			*o++ = '\r', *o++ = '\n';
	}
	o = base64_groups(o, p + 3 * i, full - i);
	col = 4 * (full - i);
	if (n % 3 != 0) {
		unsigned v = (unsigned)p[3 * full] << 16;

		if (n % 3 == 2)
			v |= (unsigned)p[3 * full + 1] << 8;
		*o++ = b64[v >> 18];
		*o++ = b64[(v >> 12) & 63];
		*o++ = n % 3 == 2 ? b64[(v >> 6) & 63] : '=';
		*o++ = '=';
		col += 4;
	}
	if (col > 0 && wrap)
		*o++ = '\r', *o++ = '\n';
	b->len = (size_t)(o - b->ptr);
	b->ptr[b->len] = '\0';
}

static int
is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80 || *s == '\r' || *s == '\n')
			return 0;
	return 1;
}

/* Appends text as RFC 2047 encoded words (UTF-8, base64), each of at
 * most 45 bytes of text so it stays under 76 characters, whole
 * characters only, folded onto continuation lines. */
static void
encoded_words(buf *b, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len) {
		size_t n = 0, adv;

		while (i + n < len) {
			utf8_decode(s + i + n, len - i - n, &adv);
			if (adv == 0)
				adv = 1;
			if (n + adv > 45)
				break;
			n += adv;
		}
		if (i > 0)
			buf_puts(b, CRLF " ");
		buf_puts(b, "=?UTF-8?B?");
		base64(b, (const unsigned char *)s + i, n, 0);
		buf_puts(b, "?=");
		i += n;
	}
}

/* A header whose value may hold any text. */
static void
header_text(buf *b, const char *name, const char *value)
{
	buf_printf(b, "%s: ", name);
	if (is_ascii(value))
		buf_puts(b, value);
	else
		encoded_words(b, value);
	buf_puts(b, CRLF);
}

/* A header of addresses, "Name <addr>" or "addr", the name encoded
 * when it is not ASCII. */
static void
header_address(buf *b, const char *name, const char *value)
{
	const char *lt = strrchr(value, '<');

	if (value[0] == '\0')
		return;
	buf_printf(b, "%s: ", name);
	if (lt == NULL || is_ascii(value)) {
		buf_puts(b, value);
	} else {
		size_t n = (size_t)(lt - value);
		char *who;

		while (n > 0 && value[n - 1] == ' ')
			n--;
		who = xmalloc(n + 1);
		memcpy(who, value, n);
		who[n] = '\0';
		encoded_words(b, who);
		buf_printf(b, " %s", lt);
		free(who);
	}
	buf_puts(b, CRLF);
}

/* The Date: the issue's day at [pdf] time, in [site] time_zone. */
static void
header_date(buf *b, const struct config *cfg, int date)
{
	static const char *const wd[] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
	};
	static const char *const mon[] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec",
	};
	struct pdf_time t;
	int z;

	pdf_time(cfg, date, &t);
	z = t.zone < 0 ? -t.zone : t.zone;
	buf_printf(b, "Date: %s, %02d %s %04d %02d:%02d:00 %c%02d%02d" CRLF,
	    wd[date_weekday(date)], t.day, mon[t.month - 1], t.year, t.hour,
	    t.minute, t.zone < 0 ? '-' : '+', z / 60, z % 60);
}

/* The domain of the From address, for the Message-ID. */
static const char *
sender_domain(const char *from, buf *out)
{
	const char *at = strrchr(from, '@');

	buf_reset(out);
	if (at == NULL)
		buf_puts(out, "digest.invalid");
	else
		buf_put(out, at + 1, strcspn(at + 1, "> \t"));
	return buf_cstr(out);
}

/* Text lines in CRLF, for base64. */
static void
crlf_text(buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			buf_putc(b, '\r');
		buf_putc(b, *s);
	}
	if (b->len == 0 || b->ptr[b->len - 1] != '\n')
		buf_puts(b, CRLF);
}

/* The issue's headlines by section, as the brief prints them: the
 * section's name, then a line per item. */
static void
headlines(buf *b, const struct config *cfg, const struct issue *is)
{
	const char *marker = cfg->digest.section_marker;
	const char *bullet = cfg->pdf.bullet_marker;
	struct itree T;
	struct icursor cur;
	const struct item *it;
	char date[16];
	size_t i;

	if (*bullet == '\0')
		bullet = "-";
	itree_build(&T, cfg, is);
	for (i = 0; i < T.nsections; i++) {
		const struct isection *sec = &T.sections[i];

		if (sec->nitems == 0)
			continue;
		buf_printf(b, "\n%s%s%s\n", marker, *marker ? " " : "",
		    section_label(cfg, sec->section));
		cur = (struct icursor){0};
		while ((it = itree_next(&T, sec, &cur, NULL)) != NULL) {
			buf_printf(b, "%s %s", bullet, it->title);
			date_dots(it->date, date);
			if (*date)
				buf_printf(b, " (%s)", date);
			buf_putc(b, '\n');
		}
	}
	itree_free(&T);
}

void
mail_text(const struct config *cfg, const struct issue *is,
    const char *name, buf *subject, buf *body)
{
	char num[16], date[16], first[16], last[16], dir[16];
	const char *base = cfg->site.base_url ? cfg->site.base_url : "";
	const char *vars[21];
	buf url = {0};

	snprintf(num, sizeof(num), "%d", is->number);
	snprintf(dir, sizeof(dir), "%03d", is->number % 1000000);
	date_dots(is->date, date);
	date_dots(is->first, first);
	date_dots(is->last, last);
	if (*base)
		buf_printf(&url, "%s%s/index.html", base, dir);
	vars[0] = "title", vars[1] = cfg->digest.title;
	vars[2] = "number", vars[3] = num;
	vars[4] = "date", vars[5] = date;
	vars[6] = "first", vars[7] = first;
	vars[8] = "last", vars[9] = last;
	vars[10] = "author", vars[11] = cfg->digest.author;
	vars[12] = "subtitle", vars[13] = cfg->digest.subtitle;
	vars[14] = "file", vars[15] = name;
	/* 을 or 를 as the number is read: No. 89를, No. 108을. */
	vars[16] = "particle", vars[17] = number_particle(is->number);
	vars[18] = "url", vars[19] = buf_cstr(&url);
	vars[20] = NULL;
	fill_fields(subject, cfg->mail.subject, vars);
	fill_fields(body, cfg->mail.body, vars);
	if (body->len > 0 && body->ptr[body->len - 1] != '\n')
		buf_putc(body, '\n');
	headlines(body, cfg, is);
	if (*base) {
		buf_putc(body, '\n');
		fill_fields(body, cfg->mail.link, vars);
		buf_putc(body, '\n');
	}
	buf_cstr(subject);
	buf_cstr(body);
	buf_free(&url);
}

static void
message(buf *b, const struct config *cfg, const struct issue *is,
    const char *name, const unsigned char *pdf, size_t pdflen)
{
	const char *from = cfg->mail.from;
	char date[16], bound[64];
	buf t = {0}, body = {0}, text = {0}, domain = {0};

	date_dots(is->date, date);
	mail_text(cfg, is, name, &t, &body);
	snprintf(bound, sizeof(bound), "=_digest_brief_%03d", is->number);

	header_address(b, "From", from);
	header_address(b, "To", cfg->mail.to);
	header_text(b, "Subject", buf_cstr(&t));
	header_date(b, cfg, is->date);
	buf_printf(b, "Message-ID: <brief-%03d.%s@%s>" CRLF, is->number,
	    date, sender_domain(from, &domain));
	buf_puts(b, "MIME-Version: 1.0" CRLF);
	/* Opened in a mail program, a draft to send. */
	buf_puts(b, "X-Unsent: 1" CRLF);
	buf_printf(b, "Content-Type: multipart/mixed; boundary=\"%s\"" CRLF,
	    bound);
	buf_puts(b, CRLF);

	buf_printf(b, "--%s" CRLF, bound);
	buf_puts(b, "Content-Type: text/plain; charset=UTF-8" CRLF
	    "Content-Transfer-Encoding: base64" CRLF CRLF);
	crlf_text(&text, buf_cstr(&body));
	base64(b, (const unsigned char *)text.ptr, text.len, 1);

	buf_printf(b, "--%s" CRLF, bound);
	buf_printf(b, "Content-Type: application/pdf; name=\"%s\"" CRLF
	    "Content-Disposition: attachment; filename=\"%s\"" CRLF
	    "Content-Transfer-Encoding: base64" CRLF CRLF, name, name);
	base64(b, pdf, pdflen, 1);
	buf_printf(b, "--%s--" CRLF, bound);
	buf_free(&t);
	buf_free(&body);
	buf_free(&text);
	buf_free(&domain);
}

int
mail_write(const struct render *r, const struct issue *is,
    const char *pdf_path)
{
	buf eml = {0}, b = {0};
	const char *name = strrchr(pdf_path, '/');
	unsigned char *pdf;
	size_t len, n = strlen(pdf_path);
	int rc = -1;

	name = name ? name + 1 : pdf_path;
	if (n > 4 && strcmp(pdf_path + n - 4, ".pdf") == 0)
		n -= 4;
	buf_printf(&eml, "%.*s.eml", (int)n, pdf_path);
	if ((pdf = (unsigned char *)read_whole(pdf_path, &len)) == NULL) {
		msg(MSG_SYS_READ, pdf_path, 0, 0, strerror_safe());
		goto out;
	}
	message(&b, r->cfg, is, name, pdf, len);
	if (write_if_changed(eml.ptr, b.ptr, b.len) == -1)
		goto out;
	file_writeback(eml.ptr);
	rc = 0;
out:
	free(pdf);
	buf_free(&eml);
	buf_free(&b);
	return rc;
}
